// Supervision on the server, without HTTP: warnings computed from the stored events of a hall and
// kept as a history (a cleared warning is closed with the time, a yellow one turning red is closed
// and the red one opened), past days computed without writing, a bad rating's follow-up item
// opened, called back and closed, and the clerks' and matters' figures. The server's clock is a
// ManualClock; the server's own timer records the history with no request in between, on this
// thread and on a thread and connection of its own. Runs on SQLite, and as tst_supervisionServer_postgres on
// OW_TEST_POSTGRES.

#include "CaseTestSupport.h"
#include "ServerDatabaseSupport.h"
#include "ServerTestSupport.h"
#include "cases/QrToken.h"
#include "core/ManualClock.h"
#include "server/Api.h"
#include "server/CaseRepository.h"
#include "server/CredentialStore.h"
#include "server/RequestParser.h"
#include "server/SupervisionApi.h"
#include "server/SupervisionSettingsFile.h"
#include "server/SupervisionWatch.h"
#include "server/SupervisionWatchThread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;
const QDate kMonday(2026, 3, 2);

QDateTime at(QDate day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0)).toUTC();
}

} // namespace

class TestSupervisionServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {at(kMonday, 9)};
    const QStringList m_numbers {caseNumber(1), caseNumber(2)};

    Credential workstation() const
    {
        Credential c;
        c.id = u"ws-1"_s;
        c.kind = Credential::Kind::Workstation;
        c.hall = kHall;
        c.counter = u"W07"_s;
        c.counterNumber = 7;
        return c;
    }
    Credential supervisor() const
    {
        Credential c;
        c.id = u"sup-1"_s;
        c.kind = Credential::Kind::Supervisor;
        c.hall = kHall;
        c.name = u"监察室"_s;
        return c;
    }

    /// Stores events as a counter's sync would; fails the test on any rejection.
    void ingest(const QJsonArray &entries)
    {
        Result<QList<IncomingEvent>> parsed = RequestParser::eventBatch(batch(entries));
        QVERIFY(parsed);
        CaseRepository cases(*m_db, m_clock.clock());
        Result<QList<EventResult>> results = cases.ingest(workstation(), *parsed);
        QVERIFY2(results, results ? "" : qPrintable(results.error().toString()));
        for (const EventResult &r : std::as_const(*results))
            QVERIFY2(r.status != u"rejected"_s, qPrintable(r.message));
        m_db->finishStatements();
    }
    QJsonObject get(const QString &path)
    {
        SupervisionApi api(*m_db, m_clock.clock(), {});
        ApiRequest request;
        request.method = "GET";
        request.path = u"/api/v1/supervision/"_s + path.section(u'?', 0, 0);
        request.query = QUrlQuery(path.section(u'?', 1));
        const ApiReply reply = api.handle(request, path.section(u'?', 0, 0).split(u'/'), supervisor());
        m_db->finishStatements();
        if (reply.status != 200)
            qWarning("%s", reply.body.constData());
        return QJsonDocument::fromJson(reply.body).object();
    }
    int post(const QString &path, const QJsonObject &body)
    {
        SupervisionApi api(*m_db, m_clock.clock(), {});
        ApiRequest request;
        request.method = "POST";
        request.path = u"/api/v1/supervision/"_s + path;
        request.body = QJsonDocument(body).toJson();
        const ApiReply reply = api.handle(request, path.split(u'/'), supervisor());
        m_db->finishStatements();
        return reply.status;
    }
    /// "case-suffix/stage/rule/colour" of a warnings answer, sorted.
    /// "stage/colour@closed" of every closed warning in the history, sorted.
    QStringList closedRows()
    {
        QStringList list;
        for (const QJsonValue &v : get(u"history"_s).value(u"history"_s).toArray()) {
            const QJsonObject row = v.toObject();
            if (row.value(u"closed"_s).toString().isEmpty())
                continue;
            const QJsonObject w = row.value(u"warning"_s).toObject();
            list.append(u"%1/%2@%3"_s.arg(w.value(u"stage"_s).toString(), w.value(u"colour"_s).toString(),
                row.value(u"closed"_s).toString()));
        }
        list.sort();
        return list;
    }
    QStringList summary(const QJsonObject &answer) const
    {
        QStringList list;
        for (const QJsonValue &v : answer.value(u"warnings"_s).toArray()) {
            const QJsonObject w = v.toObject();
            list.append(
                u"%1/%2/%3/%4"_s.arg(QString::number(m_numbers.indexOf(w.value(u"case"_s).toString()) + 1),
                    w.value(u"stage"_s).toString(), w.value(u"rule"_s).toString(),
                    w.value(u"colour"_s).toString()));
        }
        list.sort();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (postgresMissing())
            QSKIP("OW_TEST_POSTGRES is not set: run under scripts/with-postgres");
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Result<std::unique_ptr<storage::Database>> db = freshServerDatabase(*m_dir);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        m_db = std::move(*db);
        m_clock.set(at(kMonday, 9));
        QVERIFY(m_db->run(
            u"INSERT INTO hall_accounts (hall, login, login_key, display_name, roles, password_hash,"
            " created, updated) VALUES (?, 'clerk-042', 'clerk-042', '王芳', 'intake', 'x', '', '')"_s,
            {kHall}));
        m_db->finishStatements();
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void historyKeptAndFollowUpClosed()
    {
        // Case 1: accepted Monday, not transferred; rated 1 (very dissatisfied) the same day.
        // Case 2: refused Monday with no reasons.
        Case one = cases::testing::draft();
        const QString first = caseNumber(1);
        const QString second = caseNumber(2);
        Case two = cases::testing::draft();
        for (auto [c, number] : {std::pair {&one, first}, std::pair {&two, second}}) {
            c->number = number;
            c->qrToken = QrToken::generate();
            c->hall = kHall;
            c->counter = u"W07"_s;
            c->firstHandler = u"clerk-042"_s;
            c->created = at(kMonday, 9);
            c->updated = at(kMonday, 9);
        }
        const QString ratingId = u"0b7c1c52-9b8e-4c55-8a3e-1d2f3a4b5c6d"_s;
        QJsonObject rating
            = outboxEntry(nullptr, first, EventKind::Note, at(kMonday, 11), CaseState::Accepted, ratingId);
        QJsonObject ratingEvent = rating.value(u"event"_s).toObject();
        ratingEvent.insert(u"payload"_s, QJsonObject {{u"evaluation"_s, 1}, {u"followUp"_s, true}});
        rating.insert(u"event"_s, ratingEvent);
        ingest({outboxEntry(&one, first, EventKind::Created, at(kMonday, 9), CaseState::Draft),
            outboxEntry(&one, first, EventKind::Accepted, at(kMonday, 10), CaseState::Accepted), rating,
            outboxEntry(&two, second, EventKind::Created, at(kMonday, 9), CaseState::Draft),
            outboxEntry(&two, second, EventKind::Refused, at(kMonday, 10), CaseState::Refused)});

        m_clock.set(at(kMonday, 17));
        const QJsonObject monday = get(u"warnings"_s);
        QCOMPARE(summary(monday),
            (QStringList {u"1/follow-up/follow-up-contact/yellow"_s, u"2/intake/no-reasons/red"_s}));
        const QJsonObject noReasons = monday.value(u"warnings"_s).toArray().first().toObject();
        QCOMPARE(noReasons.value(u"clerkName"_s).toString(), u"王芳"_s);
        QCOMPARE(noReasons.value(u"matter"_s).toString(), one.matterName);
        QCOMPARE(noReasons.value(u"departmentName"_s).toString(), one.departmentName);
        QCOMPARE(noReasons.value(u"since"_s).toString(), u"2026-03-02"_s);

        // Tuesday: the transfer is late (red); the applicant may still be called back today.
        const QDate tuesday = kMonday.addDays(1);
        m_clock.set(at(tuesday, 9));
        QCOMPARE(summary(get(u"warnings"_s)),
            (QStringList {u"1/follow-up/follow-up-contact/yellow"_s, u"1/transfer/stage-deadline/red"_s,
                u"2/intake/no-reasons/red"_s}));
        QCOMPARE(closedRows(), QStringList());

        // The transfer is confirmed: its warning clears itself, closed with the time, not deleted.
        ingest(
            {outboxEntry(nullptr, first, EventKind::Transferred, at(tuesday, 10), CaseState::Transferred)});
        m_clock.set(at(tuesday, 11));
        QCOMPARE(summary(get(u"warnings"_s)),
            (QStringList {u"1/follow-up/follow-up-contact/yellow"_s, u"2/intake/no-reasons/red"_s}));
        QCOMPARE(closedRows(), QStringList {u"transfer/red@"_s + CaseJson::timeText(at(tuesday, 11))});

        // Wednesday, not called back: the yellow warning is closed and a red one opened.
        const QDate wednesday = kMonday.addDays(2);
        m_clock.set(at(wednesday, 9));
        QCOMPARE(summary(get(u"warnings"_s)),
            (QStringList {u"1/follow-up/follow-up-contact/red"_s, u"2/intake/no-reasons/red"_s}));
        QCOMPARE(closedRows(),
            (QStringList {u"follow-up/yellow@"_s + CaseJson::timeText(at(wednesday, 9)),
                u"transfer/red@"_s + CaseJson::timeText(at(tuesday, 11))}));
        QCOMPARE(get(u"history"_s).value(u"history"_s).toArray().size(), 4);

        // Called back: who called and what was agreed are both needed; then the warning clears.
        m_clock.set(at(wednesday, 10));
        QCOMPARE(post(u"followups/%1/contact"_s.arg(ratingId), {}), 422);
        QCOMPARE(post(u"followups/%1/contact"_s.arg(ratingId),
                     QJsonObject {{u"by"_s, u"李主任"_s}, {u"agreed"_s, u"下周一上门复核"_s}}),
            200);
        QCOMPARE(summary(get(u"warnings"_s)), QStringList {u"2/intake/no-reasons/red"_s});
        QCOMPARE(closedRows().size(), 3);
        QCOMPARE(get(u"history"_s).value(u"history"_s).toArray().size(), 4);

        // Monday as it stood, computed now: the same as then, and nothing recorded.
        QCOMPARE(summary(get(u"warnings?day=2026-03-02"_s)),
            (QStringList {u"1/follow-up/follow-up-contact/yellow"_s, u"2/intake/no-reasons/red"_s}));
        QCOMPARE(get(u"history"_s).value(u"history"_s).toArray().size(), 4);

        // The follow-up item: contact recorded; closed; closed twice is refused.
        const QJsonArray items = get(u"followups"_s).value(u"followUps"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value(u"rating"_s).toInt(), 1);
        QCOMPARE(item.value(u"contactedBy"_s).toString(), u"李主任"_s);
        QCOMPARE(item.value(u"agreed"_s).toString(), u"下周一上门复核"_s);
        QCOMPARE(item.value(u"contactDue"_s).toString(), u"2026-03-03"_s);
        QCOMPARE(item.value(u"fixDue"_s).toString(), u"2026-03-23"_s);
        const QJsonObject done {{u"by"_s, u"李主任"_s}, {u"note"_s, u"已当面致歉并补发证照"_s}};
        QCOMPARE(post(u"followups/%1/close"_s.arg(ratingId), done), 200);
        QCOMPARE(post(u"followups/%1/close"_s.arg(ratingId), done), 409);
        QCOMPARE(post(u"followups/unknown/close"_s, done), 404);
        // Not fixed by its date it would have turned red; closed, it stays quiet.
        m_clock.set(at(QDate(2026, 3, 24), 9));
        QVERIFY(!summary(get(u"warnings"_s)).join(u' ').contains(u"follow-up"_s));

        // Figures: one clerk, two counter decisions (one refusal), one rated.
        const QJsonArray clerks = get(u"clerks"_s).value(u"clerks"_s).toArray();
        QCOMPARE(clerks.size(), 1);
        QCOMPARE(clerks.first().toObject().value(u"clerkName"_s).toString(), u"王芳"_s);
        QCOMPARE(clerks.first().toObject().value(u"cases"_s).toInt(), 2);
        QCOMPARE(clerks.first().toObject().value(u"refusalShare"_s).toDouble(), 0.5);
        QCOMPARE(clerks.first().toObject().value(u"notRatedShare"_s).toDouble(), 0.5);
        const QJsonArray matters = get(u"matters"_s).value(u"matters"_s).toArray();
        QCOMPARE(matters.size(), 1);
        QCOMPARE(matters.first().toObject().value(u"cases"_s).toInt(), 2);
        QCOMPARE(matters.first().toObject().value(u"frequency"_s).toString(), u"high"_s);
        QVERIFY(get(u"warnings?day=March"_s).contains(u"error"_s));
    }

    void callToReceiptFromTheQueuesCalls()
    {
        // The queue's tickets: A001 called at 10:00 and recalled at 10:05, A002 called at 10:20,
        // A003 only of the Sunday before (numbers restart daily), A004 issued and never called.
        const QDate sunday = kMonday.addDays(-1);
        auto ticket = [this](QDate day, int seq, const QDateTime &first, const QDateTime &last) {
            QVERIFY(m_db->run(
                u"INSERT INTO queue_tickets (hall, day, area, seq, number, priority, state, "
                "issued, first_called, last_called) VALUES (?, ?, 'A', ?, ?, 'normal', ?, ?, ?, ?)"_s,
                {kHall, day.toString(Qt::ISODate), seq, u"A%1"_s.arg(seq, 3, 10, QChar(u'0')),
                    first.isValid() ? u"done"_s : u"issued"_s, CaseJson::timeText(at(day, 8)),
                    first.isValid() ? CaseJson::timeText(first) : QString(),
                    last.isValid() ? CaseJson::timeText(last) : QString()}));
        };
        const QDateTime ten = at(kMonday, 10);
        ticket(kMonday, 1, ten, ten.addSecs(5 * 60));
        ticket(kMonday, 2, ten.addSecs(20 * 60), ten.addSecs(20 * 60));
        ticket(sunday, 3, at(sunday, 10), at(sunday, 10));
        ticket(kMonday, 4, {}, {});
        m_db->finishStatements();

        auto taken = [this](int n, const QString &ticketNumber, EventKind kind, const QDateTime &time) {
            Case c = cases::testing::draft();
            c.number = caseNumber(n);
            c.qrToken = QrToken::generate();
            c.hall = kHall;
            c.counter = u"W07"_s;
            c.firstHandler = u"clerk-042"_s;
            c.ticket = ticketNumber;
            c.created = time.addSecs(-60);
            c.updated = time;
            ingest({outboxEntry(&c, c.number, EventKind::Created, c.created, CaseState::Draft),
                outboxEntry(nullptr, c.number, kind, time,
                    kind == EventKind::Refused ? CaseState::Refused : CaseState::Accepted)});
        };
        auto minutes = [this] {
            const QJsonArray clerks = get(u"clerks"_s).value(u"clerks"_s).toArray();
            return clerks.size() == 1 ? clerks.first().toObject().value(u"callToReceiptMinutes"_s)
                                      : QJsonValue(QJsonValue::Undefined);
        };
        m_clock.set(at(kMonday, 17));
        // Faults first: a walk-in without a ticket, another day's number, a ticket never called.
        taken(3, QString(), EventKind::Accepted, at(kMonday, 11));
        taken(4, u"A003"_s, EventKind::Accepted, at(kMonday, 11));
        taken(5, u"A004"_s, EventKind::Accepted, at(kMonday, 11));
        QVERIFY(minutes().isNull());
        // Counted from the last call before the decision: 12 and 6 minutes, 9 on average.
        taken(1, u"A001"_s, EventKind::Accepted, ten.addSecs(17 * 60));
        taken(2, u"A002"_s, EventKind::Refused, ten.addSecs(26 * 60));
        QCOMPARE(minutes().toDouble(), 9.0);
        // A period without those days has none.
        const QJsonArray later = get(u"clerks?from=2026-03-03"_s).value(u"clerks"_s).toArray();
        QVERIFY(later.isEmpty());
    }

    void onlyTheHallsSupervisorKey()
    {
        CredentialStore credentials(*m_db, m_clock.clock());
        const Result<IssuedSecret> supervisorKey = credentials.issueSupervisorKey(kHall, u"电子监察室"_s);
        const Result<IssuedSecret> otherHall = credentials.issueSupervisorKey(u"33030202"_s, u"另一大厅"_s);
        const Result<IssuedSecret> department = credentials.issueDepartmentKey(u"wj"_s);
        QVERIFY(supervisorKey && otherHall && department);
        QVERIFY(!credentials.issueSupervisorKey(u"hall"_s, u"x"_s));
        QVERIFY(!credentials.issueSupervisorKey(kHall, u" "_s));
        Api::Options options;
        options.dataDirectory = m_dir->path();
        Api api(*m_db, options, m_clock.clock());
        const auto status = [&](const QString &secret) {
            ApiRequest request;
            request.method = "GET";
            request.path = u"/api/v1/supervision/warnings"_s;
            if (!secret.isEmpty())
                request.headers.append({"Authorization", "Bearer " + secret.toUtf8()});
            QString id;
            const ApiReply reply = api.handle(request, &id);
            m_db->finishStatements();
            return std::pair(
                reply.status, QJsonDocument::fromJson(reply.body).object().value(u"hall"_s).toString());
        };
        QCOMPARE(status(supervisorKey->secret), std::pair(200, kHall));
        // Another hall's key shows that hall, never this one's cases.
        QCOMPARE(status(otherHall->secret), std::pair(200, u"33030202"_s));
        QCOMPARE(status(department->secret).first, 403);
        QCOMPARE(status(QString()).first, 401);
        // Revoked, the key opens nothing.
        QVERIFY(credentials.revoke(supervisorKey->id));
        QCOMPARE(status(supervisorKey->secret).first, 401);
    }

    /// "colour opened→closed" of the history rows of case `number`'s `stage`, oldest first.
    QStringList stageHistory(const QString &number, const QString &stage)
    {
        QStringList list;
        for (const QJsonValue &v : get(u"history"_s).value(u"history"_s).toArray()) {
            const QJsonObject row = v.toObject();
            const QJsonObject w = row.value(u"warning"_s).toObject();
            if (w.value(u"case"_s).toString() == number && w.value(u"stage"_s).toString() == stage)
                list.prepend(u"%1 %2→%3"_s.arg(w.value(u"colour"_s).toString(),
                    row.value(u"opened"_s).toString(), row.value(u"closed"_s).toString()));
        }
        return list;
    }

    /// A case accepted and transferred on Monday 2 March, in review from Tuesday: its promised
    /// seven working days end on Wednesday 11 March (yellow from the 10th, red from the 12th).
    QString reviewedCase()
    {
        Case c = cases::testing::draft();
        c.number = caseNumber(1);
        c.qrToken = QrToken::generate();
        c.hall = kHall;
        c.counter = u"W07"_s;
        c.firstHandler = u"clerk-042"_s;
        c.created = at(kMonday, 9);
        c.updated = at(kMonday, 9);
        m_clock.set(at(kMonday.addDays(1), 12));
        ingest({outboxEntry(&c, c.number, EventKind::Created, at(kMonday, 9), CaseState::Draft),
            outboxEntry(nullptr, c.number, EventKind::Accepted, at(kMonday, 10), CaseState::Accepted),
            outboxEntry(nullptr, c.number, EventKind::Transferred, at(kMonday, 16), CaseState::Transferred),
            outboxEntry(
                nullptr, c.number, EventKind::InReview, at(kMonday.addDays(1), 10), CaseState::InReview)});
        return c.number;
    }

    void serverTimerKeepsTheHistory()
    {
        const QString number = reviewedCase();
        constexpr qint64 kInterval = 10 * 60 * 1000;
        constexpr qint64 kDay = 24 * 60 * 60 * 1000;
        const QDateTime monday = at(QDate(2026, 3, 9), 9);
        m_clock.set(monday);
        SupervisionWatch watch(*m_db, m_clock.clock(), {});
        QSignalSpy rounds(&watch, &SupervisionWatch::evaluated);
        watch.start(kInterval);
        QTRY_COMPARE(rounds.size(), 1);
        QCOMPARE(rounds.first().at(0).toInt(), 1); // one hall
        QCOMPARE(stageHistory(number, u"case"_s), QStringList());

        // Tuesday: one working day left, yellow, recorded by the timer's round alone.
        m_clock.advance(kDay);
        QTRY_COMPARE(rounds.size(), 2);
        const QString tuesday = CaseJson::timeText(monday.addMSecs(kDay));
        QCOMPARE(stageHistory(number, u"case"_s), QStringList {u"yellow %1→"_s.arg(tuesday)});
        // Not due again before the interval has passed.
        m_clock.advance(kInterval - 1);
        QTest::qWait(20);
        QCOMPARE(rounds.size(), 2);

        // Thursday: late. The yellow row is closed and the red one opened at the round's time.
        m_clock.advance(1); // the interval is up; then the wall clock is put on Thursday morning
        m_clock.set(monday.addMSecs(3 * kDay));
        QTRY_COMPARE(rounds.size(), 3);
        const QString thursday = CaseJson::timeText(monday.addMSecs(3 * kDay));
        QCOMPARE(stageHistory(number, u"case"_s),
            (QStringList {u"yellow %1→%2"_s.arg(tuesday, thursday), u"red %1→"_s.arg(thursday)}));

        // The department decides: the cause is gone, and the next round closes the red row.
        ingest({outboxEntry(
            nullptr, number, EventKind::Approved, monday.addMSecs(3 * kDay + 60000), CaseState::Approved)});
        m_clock.advance(kInterval);
        m_clock.set(monday.addMSecs(3 * kDay + kInterval));
        QTRY_COMPARE(rounds.size(), 4);
        const QString closed = CaseJson::timeText(monday.addMSecs(3 * kDay + kInterval));
        QCOMPARE(stageHistory(number, u"case"_s),
            (QStringList {u"yellow %1→%2"_s.arg(tuesday, thursday), u"red %1→%2"_s.arg(thursday, closed)}));
        watch.stop();
    }

    void serverTimerOnItsOwnThread()
    {
        const QString number = reviewedCase();
        m_clock.set(at(QDate(2026, 3, 12), 9));
        SupervisionWatchThread watch(serverDatabaseSpec(*m_dir), m_clock.clock(), {});
        QSignalSpy rounds(&watch, &SupervisionWatchThread::evaluated);
        QSignalSpy problems(&watch, &SupervisionWatchThread::problem);
        watch.start(10 * 60 * 1000);
        QTRY_COMPARE(rounds.size(), 1);
        QVERIFY(problems.isEmpty());
        watch.stop();
        // Written through the thread's own connection, read through this one.
        QCOMPARE(stageHistory(number, u"case"_s),
            QStringList {u"red %1→"_s.arg(CaseJson::timeText(at(QDate(2026, 3, 12), 9)))});
        // A database that cannot be opened is said, not a crash.
        SupervisionWatchThread broken(u"postgresql://nobody@127.0.0.1:1/none"_s, m_clock.clock(), {});
        QSignalSpy failed(&broken, &SupervisionWatchThread::problem);
        broken.start(60 * 1000);
        QTRY_COMPARE(failed.size(), 1);
    }

    void settingsFileRefusedWithItsLine()
    {
        const QString path = m_dir->filePath(u"supervision.ini"_s);
        const auto write = [&](const QByteArray &text) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
        };
        write("[supervision]\nyellow_days = 2\nfollowup_fix_days = 7\n");
        Result<supervision::SupervisionRules> rules = SupervisionSettingsFile::load(path);
        QVERIFY(rules);
        QCOMPARE(rules->yellowDays, 2);
        QCOMPARE(rules->followUpFixDays, 7);
        write("[supervision]\nyellow_days = 2\nyelow_days = 3\n");
        rules = SupervisionSettingsFile::load(path);
        QVERIFY(!rules);
        QCOMPARE(rules.error().where().line, 3);
        write("[supervision]\n\npickup_days = soon\n");
        rules = SupervisionSettingsFile::load(path);
        QVERIFY(!rules);
        QCOMPARE(rules.error().where().line, 3);
    }
};

QTEST_GUILESS_MAIN(TestSupervisionServer)
#include "tst_supervisionServer.moc"
