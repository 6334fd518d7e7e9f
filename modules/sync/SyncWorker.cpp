#include "sync/SyncWorker.h"

#include "sync/AccountSync.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncRound.h"
#include "sync/SyncSettings.h"
#include "sync/SyncWarnings.h"

#include <QCoreApplication>

namespace ow::sync {

SyncWorker::SyncWorker(QString dataDirectory, Clock clock, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory))
    , m_clock(std::move(clock))
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start()
{
    m_stopped = false;
    if (!m_timer) {
        // Created here, in the worker's thread, like the store's connection and the client.
        m_timer = new ClockTimer(m_clock, this);
        connect(m_timer, &ClockTimer::timeout, this, &SyncWorker::runRound);
    }
    if (!m_store) {
        Result<std::unique_ptr<cases::CaseStore>> store
            = cases::CaseStore::open(m_dataDirectory, {}, cases::CaseStore::OpenMode::MustExist);
        if (!store) {
            report(false, store.error().message());
            return;
        }
        Result<SyncSettings> settings = SyncSettings::read(**store);
        if (!settings || !settings->isEnrolled()) {
            report(false,
                settings ? QCoreApplication::translate(
                    "ow::sync", "This workstation is not enrolled with a server.")
                         : settings.error().message());
            return;
        }
        Result<std::unique_ptr<accounts::AccountStore>> accounts
            = accounts::AccountStore::open(cases::CaseStore::databasePath(m_dataDirectory), m_clock);
        if (!accounts) {
            report(false, accounts.error().message());
            return;
        }
        m_accounts = std::move(*accounts);
        m_accounts->setCounter(settings->workstation.counter);
        m_store = std::move(*store);
        m_client = std::make_unique<SyncClient>(QUrl(settings->server), settings->token);
        m_client->setClock(m_clock);
        m_catalogueInUse = CatalogueUpdater::latestLocalCatalogue(m_dataDirectory, m_clock);
    }
    schedule(0);
}

void SyncWorker::wake()
{
    if (m_running) {
        m_wakeAgain = true;
        return;
    }
    // A wake while backing off waits out the back-off: the server is still unreachable.
    if (m_store && !m_stopped && m_backoff == 0)
        schedule(0);
}

void SyncWorker::stop()
{
    m_stopped = true;
    if (m_timer)
        m_timer->stop();
}

void SyncWorker::schedule(int milliseconds)
{
    if (m_timer && !m_stopped)
        m_timer->start(milliseconds);
}

void SyncWorker::report(bool online, const QString &error)
{
    qint64 pending = 0;
    qint64 bytes = 0;
    if (m_store) {
        pending = m_store->outboxCount().value_or(cases::OutboxCounts()).pending;
        bytes = m_store->pendingUploadBytes().value_or(0);
    }
    Q_EMIT statusChanged(online, pending, bytes, error);
}

void SyncWorker::runRound()
{
    // The HTTP calls run nested event loops; a timer or wake arriving meanwhile must not start a
    // second round over the first.
    if (m_running || !m_store || m_stopped)
        return;
    m_running = true;
    m_wakeAgain = false;
    SyncRound round(*m_store, *m_client);
    round.setChunkSize(m_chunkSize);
    round.setAccountStore(m_accounts.get());
    Result<RoundReport> done = round.run();
    if (round.accountsChanged() > 0)
        Q_EMIT accountsChanged();
    if (done && (done->eventsReceived > 0 || done->casesImported > 0 || done->documentsFetched > 0))
        Q_EMIT eventsReceived();
    if (done)
        updateCatalogue();
    switchCatalogueWhenDue();
    m_running = false;
    if (done) {
        m_backoff = 0;
        // Nothing failed, but scans set aside or a wrong clock still need the clerk.
        QStringList warnings = m_store ? SyncWarnings::of(*m_store).value_or(QStringList()) : QStringList();
        if (m_accounts)
            warnings += AccountSync::warnings(*m_accounts);
        report(true, warnings.join(u'\n'));
        Q_EMIT roundFinished(true, {});
        schedule(m_wakeAgain ? 0 : m_pollInterval);
        return;
    }
    // A refusal (4xx) is not cured by hammering the server either: both back off. Online means
    // the server answered at all.
    m_backoff = m_backoff == 0 ? kFirstBackoffMs : std::min(m_backoff * 2, kMaxBackoffMs);
    const bool answered = m_client->lastFailure().status != 0;
    report(answered, done.error().message());
    Q_EMIT roundFinished(false, done.error().message());
    schedule(m_backoff);
}

void SyncWorker::updateCatalogue()
{
    const qint64 now = m_clock.monotonicMs();
    if (now < m_nextCatalogueCheckMs)
        return;
    m_nextCatalogueCheckMs = now + 60 * 60 * 1000;
    // No catalogue published yet, or a failed download, is not a failed round: the counter keeps
    // working with the catalogue it has, and the next check comes within the hour.
    CatalogueUpdater updater(*m_client, m_dataDirectory, m_clock);
    updater.setTimeZone(m_zone);
    Result<QString> installed = updater.update();
    Q_UNUSED(installed);
}

void SyncWorker::switchCatalogueWhenDue()
{
    const QString inUse = CatalogueUpdater::latestLocalCatalogue(m_dataDirectory, m_clock);
    if (inUse.isEmpty() || inUse == m_catalogueInUse)
        return;
    m_catalogueInUse = inUse;
    Q_EMIT catalogueInstalled(inUse);
}

} // namespace ow::sync
