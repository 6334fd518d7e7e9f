#include "ui/SupervisorDeskPage.h"

#include "supervision/HallFigures.h"
#include "supervision/WarningBoard.h"
#include "ui/DeskTableTab.h"
#include "ui/DeskTodayTab.h"
#include "ui/DeskWarningsTab.h"
#include "ui/HallServerRequest.h"
#include "ui/PointsDrillDownDialog.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + u'%';
}

/// How old a copy is, in the largest unit that says it.
QString ageText(qint64 seconds)
{
    const int minutes = int(std::max<qint64>(0, seconds) / 60);
    const int hours = minutes / 60;
    const int days = hours / 24;
    if (minutes < 60)
        return QCoreApplication::translate("ow::ui::SupervisorDeskPage", "%n minute(s)", nullptr, minutes);
    if (hours < 48)
        return QCoreApplication::translate("ow::ui::SupervisorDeskPage", "%n hour(s)", nullptr, hours);
    return QCoreApplication::translate("ow::ui::SupervisorDeskPage", "%n day(s)", nullptr, days);
}

documents::ExportTable clerkTable(const QJsonObject &answer, const QString &period)
{
    documents::ExportTable table;
    table.title = QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Clerks %1").arg(period);
    table.header = {QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Staff number"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Name"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Cases"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Accepted"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Consultations"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Questions recorded"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Correction notices"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Correction share"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Refusals"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Refusal share"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Very satisfied"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Satisfied"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Fairly satisfied"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Dissatisfied"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Very dissatisfied"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Not rated"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Call to receipt (min)")};
    table.numeric = {false, false, true, true, true, true, true, true, true, true, true, true, true, true,
        true, true, true};
    for (const QJsonValue &value : answer.value(u"clerks"_s).toArray()) {
        const QJsonObject c = value.toObject();
        const QJsonArray ratings = c.value(u"ratings"_s).toArray();
        const QJsonValue consultations = c.value(u"consultations"_s);
        const QJsonValue questions = c.value(u"recordedQuestions"_s);
        const QJsonValue callToReceipt = c.value(u"callToReceiptMinutes"_s);
        table.rows.append({c.value(u"clerk"_s).toString(), c.value(u"clerkName"_s).toString(),
            QString::number(c.value(u"cases"_s).toInt()), QString::number(c.value(u"accepted"_s).toInt()),
            // null: the server does not record consultations; shown as not known, never as none
            consultations.isDouble() ? QString::number(consultations.toInt()) : u"—"_s,
            questions.isDouble() ? QString::number(questions.toInt()) : u"—"_s,
            QString::number(c.value(u"correctionNotices"_s).toInt()),
            percent(c.value(u"correctionShare"_s).toDouble()),
            QString::number(c.value(u"refusals"_s).toInt()), percent(c.value(u"refusalShare"_s).toDouble()),
            QString::number(ratings.at(4).toInt()), QString::number(ratings.at(3).toInt()),
            QString::number(ratings.at(2).toInt()), QString::number(ratings.at(1).toInt()),
            QString::number(ratings.at(0).toInt()), percent(c.value(u"notRatedShare"_s).toDouble()),
            // null: no case of the clerk came with a ticket called that day
            callToReceipt.isDouble() ? QString::number(callToReceipt.toDouble(), 'f', 1) : u"—"_s});
    }
    return table;
}

documents::ExportTable matterTable(const QJsonObject &answer, const QString &period)
{
    documents::ExportTable table;
    table.title = QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Matters %1").arg(period);
    table.header = {QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Rank"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Matter code"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Matter"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Cases"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Frequency")};
    table.numeric = {true, false, false, true, false};
    for (const QJsonValue &value : answer.value(u"matters"_s).toArray()) {
        const QJsonObject m = value.toObject();
        const QString frequency = m.value(u"frequency"_s).toString();
        const auto level = frequency == u"high"_s ? supervision::MatterFigures::Frequency::High
            : frequency == u"middle"_s            ? supervision::MatterFigures::Frequency::Middle
                                                  : supervision::MatterFigures::Frequency::Low;
        table.rows.append({QString::number(m.value(u"rank"_s).toInt()), m.value(u"matter"_s).toString(),
            m.value(u"matterName"_s).toString(), QString::number(m.value(u"cases"_s).toInt()),
            supervision::displayName(level)});
    }
    return table;
}

documents::ExportTable pointTable(const QJsonObject &answer)
{
    documents::ExportTable table;
    table.title = QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Points %1")
                      .arg(answer.value(u"month"_s).toString());
    table.header = {QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Rank"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Staff number"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Name"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Points"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Grade"),
        QCoreApplication::translate("ow::ui::SupervisorDeskPage", "Qualified matters")};
    table.numeric = {true, false, false, true, true, true};
    for (const QJsonValue &value : answer.value(u"clerks"_s).toArray()) {
        const QJsonObject c = value.toObject();
        table.rows.append({QString::number(c.value(u"rank"_s).toInt()), c.value(u"staffNumber"_s).toString(),
            c.value(u"name"_s).toString(), QString::number(c.value(u"points"_s).toDouble()),
            QString::number(c.value(u"grade"_s).toInt()),
            QString::number(c.value(u"qualifiedMatters"_s).toInt())});
    }
    return table;
}

} // namespace

SupervisorDeskPage::SupervisorDeskPage(const CaseScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(u"supervisorDesk"_s);
    auto *heading = new QLabel(tr("Supervisor's desk"), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading->setFont(big);
    m_status = new QLabel(this);
    m_status->setObjectName(u"deskStatus"_s);
    m_status->setWordWrap(true);
    m_passwordLabel = new QLabel(tr("Sign-&in password:"), this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"deskPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(220);
    m_password->setToolTip(
        tr("Your own password: the server checks it and signs you in for a few hours. It is "
           "not kept."));
    m_passwordLabel->setBuddy(m_password);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    auto *complaints = new QPushButton(tr("Comp&laints…"), this);
    complaints->setObjectName(u"deskComplaints"_s);
    connect(complaints, &QPushButton::clicked, this, &SupervisorDeskPage::complaintsRequested);
    auto *deadLetters = new QPushButton(tr("Undelivered p&ushes…"), this);
    deadLetters->setObjectName(u"deskDeadLetters"_s);
    deadLetters->setToolTip(tr("Pushes to department systems that were given up (推送失败)"));
    connect(deadLetters, &QPushButton::clicked, this, &SupervisorDeskPage::deadLettersRequested);
    auto *bar = new QHBoxLayout;
    bar->addWidget(heading);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_passwordLabel);
    bar->addWidget(m_password);
    bar->addWidget(m_refresh);
    bar->addWidget(complaints);
    bar->addWidget(deadLetters);

    m_tabs = new QTabWidget(this);
    m_warnings = new DeskWarningsTab(m_tabs);
    m_today = new DeskTodayTab(m_tabs);
    m_clerks = new DeskTableTab(m_tabs);
    m_matters = new DeskTableTab(m_tabs);
    m_tabs->addTab(m_warnings, tr("&Warnings"));
    m_tabs->addTab(m_today, tr("To&day"));
    m_tabs->addTab(m_clerks, tr("&Clerks"));
    m_tabs->addTab(m_matters, tr("&Matters"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_refresh, &QPushButton::clicked, this, &SupervisorDeskPage::refresh);
    connect(m_password, &QLineEdit::returnPressed, this, &SupervisorDeskPage::refresh);
    connect(m_warnings, &DeskWarningsTab::openCaseRequested, this, &SupervisorDeskPage::openCaseRequested);
    updateSignIn();
}

bool SupervisorDeskPage::isSignedIn() const
{
    return m_session && m_session->isValidAt(m_context.clock.nowUtc());
}

std::optional<sync::SupervisorSession> SupervisorDeskPage::session() const
{
    return isSignedIn() ? m_session : std::nullopt;
}

Result<void> SupervisorDeskPage::signIn(const QString &password)
{
    if (!m_context.hall || !m_context.hall->isEnrolled())
        return fail(Error::Code::Invalid,
            tr("This workstation is not enrolled with a hall server: the desk shows the hall from there."));
    Result<sync::SupervisorSession> signedIn = sync::SupervisorSession();
    const QString staffNumber = m_context.clerk;
    const Clock clock = m_context.clock;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        signedIn = sync::SupervisionClient(client).signIn(staffNumber, password);
    });
    if (!signedIn)
        return failWith(signedIn.error());
    m_session = *signedIn;
    updateSignIn();
    return {};
}

void SupervisorDeskPage::updateSignIn()
{
    const bool ask = !isSignedIn() && m_context.hall && m_context.hall->isEnrolled();
    m_passwordLabel->setVisible(ask);
    m_password->setVisible(ask);
    m_refresh->setEnabled(m_context.hall && m_context.hall->isEnrolled());
}

void SupervisorDeskPage::showDesk()
{
    if (m_shown.isEmpty() && m_context.store) {
        Result<sync::DeskSnapshot> kept = sync::DeskCopy::load(*m_context.store);
        if (!kept)
            showProblem(kept.error().message());
        else if (!kept->isEmpty())
            showSnapshot(*kept, false);
    }
    if (!m_context.hall || !m_context.hall->isEnrolled())
        showProblem(
            tr("This workstation is not enrolled with a hall server: the desk shows the hall from there."));
    else if (m_shown.isEmpty())
        m_status->setText(tr("Type your password and press Enter to fetch the hall from the server."));
    updateSignIn();
    if (m_password->isVisible())
        m_password->setFocus();
    else
        m_tabs->currentWidget()->setFocus();
}

bool SupervisorDeskPage::refresh()
{
    if (!m_context.hall || !m_context.hall->isEnrolled())
        return false;
    const QString password = m_password->text();
    if (!isSignedIn() && password.isEmpty()) {
        showProblem(tr("Type your password first: the server signs you in with it."));
        updateSignIn();
        m_password->setFocus();
        return false;
    }
    m_password->clear(); // not kept: the session token stands for it from here
    std::optional<sync::SupervisorSession> session = isSignedIn() ? m_session : std::nullopt;
    Result<sync::DeskSnapshot> fetched = sync::DeskSnapshot();
    sync::HttpFailure failure;
    const QString staffNumber = m_context.clerk;
    const QDate today = m_context.today();
    const Clock clock = m_context.clock;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        sync::SupervisionClient supervision(client);
        if (!session) {
            Result<sync::SupervisorSession> signedIn = supervision.signIn(staffNumber, password);
            if (!signedIn) {
                fetched = failWith(signedIn.error());
                failure = client.lastFailure();
                return;
            }
            session = *signedIn;
        }
        fetched = supervision.fetchDesk(*session, today);
        if (!fetched)
            failure = client.lastFailure();
    });
    if (!fetched) {
        if (failure.status == 401 || failure.status == 403) {
            // The session ended (expired or revoked) or the password was refused: ask again.
            m_session.reset();
            showProblem(tr("The server did not sign you in: %1").arg(fetched.error().message()));
        } else if (failure.status == 429) {
            showProblem(fetched.error().message());
        } else {
            m_session = session;
            if (!m_shown.isEmpty())
                showSnapshot(m_shown, false);
            else
                showProblem(tr("The server could not be reached (%1); no copy of the desk is kept here yet.")
                                .arg(fetched.error().message()));
        }
        updateSignIn();
        if (m_password->isVisible())
            m_password->setFocus();
        return false;
    }
    m_session = session;
    if (m_context.store) {
        Result<void> kept = sync::DeskCopy::save(*m_context.store, *fetched);
        if (!kept)
            qWarning(
                "The supervisor's desk could not keep its copy: %s", qUtf8Printable(kept.error().toString()));
    }
    showSnapshot(*fetched, true);
    updateSignIn();
    m_tabs->currentWidget()->setFocus();
    return true;
}

void SupervisorDeskPage::showSnapshot(const sync::DeskSnapshot &snapshot, bool live)
{
    m_shown = snapshot;
    m_offline = !live;
    const QString when = snapshot.fetched.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    m_status->setStyleSheet(
        u"QLabel { color: %1; }"_s.arg((live ? Theme::success() : Theme::warning()).name()));
    m_status->setText(live ? tr("Hall-wide from the server, as of %1.").arg(when)
                           : tr("Offline: showing the data of %1 (%2 old).")
                                 .arg(when, ageText(snapshot.fetched.secsTo(m_context.clock.nowUtc()))));
    m_warnings->setNoticeContext(m_context.settings,
        m_context.clerkName.isEmpty() ? m_context.clerk : m_context.clerkName, m_context.clock.nowLocal());
    m_warnings->setBoard(supervision::WarningBoard::fromAnswer(snapshot.warnings));
    m_today->setDay(snapshot.today);
    m_today->setComplaints(snapshot.complaints);
    const QDate day = snapshot.fetched.toLocalTime().date();
    m_clerks->setTable(clerkTable(snapshot.clerks, day.toString(u"yyyy-MM"_s)),
        tr("Cases decided at the counter from the first of the month; ratings as given to each clerk."));
    m_matters->setTable(matterTable(snapshot.matters, day.toString(u"yyyy"_s)),
        tr("The last twelve months: the top 100 matters are high-frequency, 101–400 middle, the rest low."));
    if (!snapshot.points.isEmpty()) {
        if (!m_points)
            addPointsTab();
        m_pointsMonthShown = snapshot.points.value(u"month"_s).toString();
        {
            const QSignalBlocker quiet(m_pointsMonth);
            m_pointsMonth->clear();
            const QDate month = QDate::fromString(m_pointsMonthShown + u"-01"_s, Qt::ISODate);
            for (int back = 0; back < 12 && month.isValid(); ++back)
                m_pointsMonth->addItem(month.addMonths(-back).toString(u"yyyy-MM"_s));
            // Older months looked at before are kept too, and offered for the desk offline.
            if (m_context.store)
                if (Result<QStringList> kept = sync::DeskCopy::months(*m_context.store))
                    for (const QString &old : std::as_const(*kept))
                        if (m_pointsMonth->findText(old) < 0
                            && old < m_pointsMonth->itemText(m_pointsMonth->count() - 1))
                            m_pointsMonth->addItem(old);
        }
        m_points->setTable(pointTable(snapshot.points),
            tr("Enter or a double-click on a clerk shows the items that make the points, and corrects "
               "them."));
    }
}

void SupervisorDeskPage::addPointsTab()
{
    auto *page = new QWidget(m_tabs);
    m_pointsMonth = new QComboBox(page);
    m_pointsMonth->setObjectName(u"pointsMonth"_s);
    auto *monthLabel = new QLabel(tr("Mon&th:"), page);
    monthLabel->setBuddy(m_pointsMonth);
    auto *row = new QHBoxLayout;
    row->addWidget(monthLabel);
    row->addWidget(m_pointsMonth);
    row->addStretch(1);
    m_points = new DeskTableTab(page);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_points, 1);
    m_tabs->addTab(page, tr("Ran&king and grades"));
    connect(m_pointsMonth, &QComboBox::textActivated, this, &SupervisorDeskPage::showPointsMonth);
    // Enter or a double-click on a clerk: the items that make the clerk's points.
    connect(m_points->table(), &QTableWidget::activated, this,
        [this](const QModelIndex &index) { openPoints(index.row()); });
}

Result<QJsonObject> SupervisorDeskPage::askServer(
    const std::function<Result<QJsonObject>(sync::SupervisionClient &)> &call)
{
    // Off the GUI thread on the session's token, like the desk's own fetch.
    Result<QJsonObject> answer = QJsonObject();
    const Clock clock = m_context.clock;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        sync::SupervisionClient supervision(client);
        answer = call(supervision);
    });
    return answer;
}

bool SupervisorDeskPage::showPointsMonth(const QString &month)
{
    if (!m_points || !m_context.hall)
        return false;
    if (isSignedIn()) {
        const sync::SupervisorSession session = *m_session;
        const Result<QJsonObject> answer
            = askServer([&](sync::SupervisionClient &s) { return s.points(session, month); });
        if (answer) {
            if (m_context.store) {
                // Every month looked at is kept, for the desk without the server.
                Result<void> kept
                    = sync::DeskCopy::saveMonth(*m_context.store, month, *answer, m_context.clock.nowUtc());
                if (!kept)
                    qWarning("The supervisor's desk could not keep the ranking of %s: %s",
                        qUtf8Printable(month), qUtf8Printable(kept.error().toString()));
            }
            setPointsMonthShown(month);
            m_points->setTable(pointTable(*answer),
                tr("Enter or a double-click on a clerk shows the items that make the points, and corrects "
                   "them."));
            return true;
        }
        if (showKeptMonth(month))
            return true;
        showProblem(answer.error().message());
        return false;
    }
    if (showKeptMonth(month))
        return true;
    showProblem(tr("Sign in again (your password, Enter) to see another month."));
    updateSignIn();
    m_password->setFocus();
    return false;
}

void SupervisorDeskPage::setPointsMonthShown(const QString &month)
{
    m_pointsMonthShown = month;
    // Asked for from elsewhere than the chooser, the chooser still names the month shown.
    const QSignalBlocker quiet(m_pointsMonth);
    if (m_pointsMonth->findText(month) < 0)
        m_pointsMonth->addItem(month);
    m_pointsMonth->setCurrentIndex(m_pointsMonth->findText(month));
}

bool SupervisorDeskPage::showKeptMonth(const QString &month)
{
    if (!m_context.store)
        return false;
    Result<std::optional<sync::DeskCopy::MonthCopy>> kept
        = sync::DeskCopy::loadMonth(*m_context.store, month);
    if (!kept || !*kept)
        return false;
    setPointsMonthShown(month);
    m_points->setTable(pointTable((*kept)->points),
        tr("The ranking as it was fetched; sign in to fetch it anew and to drill down."));
    const QString when = (*kept)->fetched.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::warning().name()));
    m_status->setText(tr("Offline: the ranking of %1 as fetched %2 (%3 old).")
                          .arg(month, when, ageText((*kept)->fetched.secsTo(m_context.clock.nowUtc()))));
    return true;
}

PointsDrillDownDialog *SupervisorDeskPage::pointsDialog() const
{
    return m_pointsDialog;
}

PointsDrillDownDialog *SupervisorDeskPage::openPoints(int row)
{
    if (!m_points || !m_context.hall || row < 0 || row >= m_points->table()->rowCount())
        return nullptr;
    const QTableWidgetItem *staff = m_points->table()->item(row, 1);
    const QTableWidgetItem *name = m_points->table()->item(row, 2);
    if (!staff || staff->text().isEmpty())
        return nullptr;
    if (!isSignedIn()) {
        showProblem(tr("Sign in again (your password, Enter) to see a clerk's items."));
        updateSignIn();
        m_password->setFocus();
        return nullptr;
    }
    const QString staffNumber = staff->text();
    const QString month = m_pointsMonthShown;
    const QString by = m_context.clerkName.isEmpty() ? m_context.clerk : m_context.clerkName;
    auto request = [this](const std::function<Result<QJsonObject>(sync::SupervisionClient &)> &call) {
        return askServer(call);
    };
    const sync::SupervisorSession session = *m_session;
    auto *dialog = new PointsDrillDownDialog(
        this, staffNumber, name ? name->text() : staffNumber, month,
        [=] {
            return request(
                [&](sync::SupervisionClient &s) { return s.clerkPoints(session, staffNumber, month); });
        },
        [=](int points, const QString &reason) {
            return request([&](sync::SupervisionClient &s) {
                return s.correctPoints(session, staffNumber, points, reason, by, month);
            });
        });
    QHash<QString, QString> matterNames;
    for (const QJsonValue &value : m_shown.matters.value(u"matters"_s).toArray())
        matterNames.insert(value[u"matter"_s].toString(), value[u"matterName"_s].toString());
    dialog->setMatterNames(matterNames);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pointsDialog = dialog;
    dialog->open();
    dialog->reload();
    return dialog;
}

void SupervisorDeskPage::showProblem(const QString &message)
{
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::danger().name()));
    m_status->setText(message);
}

} // namespace ow::ui
