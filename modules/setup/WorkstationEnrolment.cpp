#include "setup/WorkstationEnrolment.h"

#include "cases/CaseStore.h"
#include "sync/AccountSync.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QThread>

namespace ow::setup {

namespace {

Failure because(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

} // namespace

WorkstationEnrolment::WorkstationEnrolment(QObject *parent)
    : QObject(parent)
    , m_outcome(because(QString()))
{
}

WorkstationEnrolment::~WorkstationEnrolment()
{
    if (m_thread) {
        // The client gives up after its timeout; the window waits rather than leave a thread behind.
        m_thread->wait();
        delete m_thread;
    }
}

Result<WorkstationEnrolment::Enrolled> WorkstationEnrolment::enrol(
    const QString &dataDirectory, const QString &server, const QString &code, const QString &machine)
{
    const QUrl url = QUrl::fromUserInput(server.trimmed());
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return because(QCoreApplication::translate(
            "ow::setup", "\"%1\" is not a server address; write it as https://name:port.")
                           .arg(server));
    if (code.trimmed().isEmpty())
        return because(QCoreApplication::translate(
            "ow::setup", "Type the enrolment code from the server's administrator."));
    if (!QDir().mkpath(dataDirectory))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::setup", "The data folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(dataDirectory)));
    Result<std::unique_ptr<cases::CaseStore>> store = cases::CaseStore::open(dataDirectory);
    if (!store)
        return Failure {store.error()};

    sync::SyncClient client(url);
    client.setTimeout(15000);
    Result<sync::Enrolment> enrolment = client.enrol(code.trimmed(), machine);
    if (!enrolment) {
        const sync::HttpFailure &failure = client.lastFailure();
        if (failure.status == 0)
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::setup",
                    "The server %1 cannot be reached (%2). Check the address, the network and that "
                    "the server runs.")
                    .arg(url.toString(), failure.message));
        if (failure.status == 401 || failure.status == 403)
            return because(QCoreApplication::translate("ow::setup",
                "The server refused the enrolment code: it is wrong, already used or expired. Ask the "
                "server's administrator for a new one (onewindow-cli server enrol-code)."));
        return Failure {enrolment.error()};
    }
    Result<void> saved = (*store)->setSyncValues(
        {{sync::SyncSettings::kServer, url.toString()}, {sync::SyncSettings::kToken, enrolment->token},
            {sync::SyncSettings::kWorkstationId, enrolment->workstation},
            {sync::SyncSettings::kHall, enrolment->hall}, {sync::SyncSettings::kCounter, enrolment->counter},
            {sync::SyncSettings::kCounterNumber, QString::number(enrolment->counterNumber)}});
    if (!saved)
        return Failure {saved.error()};
    Enrolled enrolled {*enrolment, 0, QString()};
    client.setToken(enrolment->token);
    // The hall's accounts before anything else: without them nobody can log in here, and the
    // enrolled counter never offers to create an administrator of its own. A failure leaves the
    // enrolment standing; the sync brings them, and the login says it waits.
    store->reset();
    Result<sync::AccountSync::Report> accounts = sync::AccountSync::runFor(dataDirectory, client);
    if (accounts)
        enrolled.accounts = accounts->accountsChanged;
    else
        enrolled.accountsProblem = accounts.error().message();
    // The newest published catalogue, so the setup can offer it now rather than after the first
    // sync; none published yet is no failure (the setup then asks for a folder).
    client.setTimeout(60000);
    (void)sync::CatalogueUpdater(client, dataDirectory).update();
    return enrolled;
}

void WorkstationEnrolment::start(const QString &dataDirectory, const QString &server, const QString &code)
{
    if (m_thread)
        return;
    const QString machine = QHostInfo::localHostName();
    m_thread = QThread::create([this, dataDirectory, server, code, machine] {
        m_outcome = enrol(dataDirectory, server, code, machine);
    });
    connect(m_thread, &QThread::finished, this, &WorkstationEnrolment::complete);
    m_thread->start();
}

void WorkstationEnrolment::complete()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_outcome) {
        QString message
            = QCoreApplication::translate("ow::setup", "Enrolled as counter %1 (number %2) of hall %3.")
                  .arg(m_outcome->counter)
                  .arg(m_outcome->counterNumber)
                  .arg(m_outcome->hall);
        message += QLatin1Char(' ')
            + (m_outcome->accountsProblem.isEmpty()
                    ? QCoreApplication::translate(
                        "ow::setup", "%n account(s) of the hall fetched.", nullptr, m_outcome->accounts)
                    : QCoreApplication::translate("ow::setup",
                        "The hall's accounts could not be fetched yet (%1); the login waits for them, "
                        "and the sync brings them once the server answers.")
                          .arg(m_outcome->accountsProblem));
        Q_EMIT finished(true, message);
    } else
        Q_EMIT finished(false, m_outcome.error().message());
}

} // namespace ow::setup
