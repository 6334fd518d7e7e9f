// onewindow-cli supervision clerks as plain text against the real onewindow-server: cases taken in
// at a counter by two clerks of the hall's accounts and synced; the table names the clerks by name
// (their staff numbers beside), every column under its header (consultations with the questions
// recorded among them, the complaints naming each clerk last), in English and in Chinese; the
// questions recorded as FAQ proposals (onewindow-cli catalogue faq-proposals).

#include "SyncTestSupport.h"
#include "cases/ClerkActivityLog.h"
#include "cli/Console.h"
#include "sync/SyncRound.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

/// Runs onewindow-cli in `language` (runCli's is English); standard output only.
QString cliOutput(const QString &language, const QStringList &arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(OW_CLI_PATH), QStringList {u"--lang"_s, language} + arguments);
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0)
        qWarning("onewindow-cli: %s", cli.readAllStandardError().constData());
    return QString::fromUtf8(cli.readAllStandardOutput());
}

/// The display column where `cell` starts in `line`, or -1.
int columnOf(const QString &line, const QString &cell)
{
    const qsizetype at = line.indexOf(cell);
    return at < 0 ? -1 : cli::Console::displayWidth(QStringView(line).left(at));
}

} // namespace

class TestSupervisionClerksCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QStringList m_connection;

    /// The table's lines: the header, then the row of each clerk named.
    void checkTable(const QString &output, const QStringList &headers, const QStringList &names)
    {
        const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 1 + names.size(), qPrintable(output));
        const QString header = lines.first();
        QList<int> columns;
        for (const QString &h : headers) {
            columns.append(columnOf(header, h));
            QVERIFY2(columns.last() >= 0, qPrintable(u"no column “%1” in: %2"_s.arg(h, header)));
            if (columns.size() > 1)
                QVERIFY2(columns.last() > columns.at(columns.size() - 2), qPrintable(header));
        }
        QCOMPARE(columns.first(), 0);
        for (const QString &name : names) {
            const auto row = std::find_if(
                lines.cbegin() + 1, lines.cend(), [&](const QString &l) { return l.startsWith(name); });
            QVERIFY2(row != lines.cend(), qPrintable(u"no row for %1 in:\n%2"_s.arg(name, output)));
            // The staff number under its header; the name, not the number, leads the row.
            const QString staff = name == u"王芳"_s ? u"clerk-042"_s : u"clerk-043"_s;
            QCOMPARE(columnOf(*row, staff), columns.at(1));
            // Each value starts under its header: the cells are separated by two spaces or more.
            for (qsizetype c = 1; c < columns.size(); ++c) {
                const int at = columns.at(c);
                int width = 0;
                qsizetype i = 0;
                for (; i < row->size() && width < at; ++i)
                    width += cli::Console::displayWidth(QStringView(*row).mid(i, 1));
                QCOMPARE(width, at);
                QVERIFY2(i > 1 && row->at(i - 1) == u' ' && row->at(i - 2) == u' ' && row->at(i) != u' ',
                    qPrintable(u"column %1 of “%2”"_s.arg(c).arg(*row)));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        const QString hall = cases::testing::workstation().hall;
        for (const auto &[login, name] :
            {std::pair(u"clerk-042"_s, u"王芳"_s), std::pair(u"clerk-043"_s, u"李明"_s)})
            QCOMPARE(runCli({u"account"_s, u"add"_s, login, u"--name"_s, name, u"--roles"_s, u"intake"_s,
                         u"--server-data-dir"_s, m_dir.filePath(u"server"_s), u"--hall"_s, hall}),
                0);
        auto store = enrolled(*m_server, m_dir.filePath(u"w07"_s), u"W07"_s);
        acceptCase(*store, 0, 0, 1);
        acceptCase(*store, 0, 0, 2);
        // 王芳 gave a checklist without a case and recorded a question with the answer she gave.
        for (const QJsonObject &detail : {QJsonObject {{u"checklistPrinted"_s, true}},
                 QJsonObject {{u"question"_s, u"可以委托他人代办吗？"_s}, {u"answer"_s, u"可以。"_s}}}) {
            ClerkActivity consultation;
            consultation.kind = QString(ClerkActivity::kConsultation);
            consultation.staffNumber = u"clerk-042"_s;
            consultation.clerkName = u"王芳"_s;
            consultation.matter = u"330302-WJ-001"_s;
            consultation.detail = detail;
            QVERIFY(ClerkActivityLog(*store).record(consultation));
        }
        // 李明 was asked the same thing three times, worded differently: with 王芳's, one FAQ proposal.
        for (const QString &question :
            {u"可以委托他人代办吗？"_s, u"可以委托他人代办吗"_s, u"能委托他人代办吗？"_s}) {
            ClerkActivity consultation;
            consultation.kind = QString(ClerkActivity::kConsultation);
            consultation.staffNumber = u"clerk-043"_s;
            consultation.clerkName = u"李明"_s;
            consultation.matter = u"330302-WJ-001"_s;
            consultation.detail
                = QJsonObject {{u"question"_s, question}, {u"answer"_s, u"可以，带委托书。"_s}};
            QVERIFY(ClerkActivityLog(*store).record(consultation));
        }
        Case c = cases::testing::draft();
        c.materialChecks[1].failedPoints.clear();
        const Case stored = store->createDraft(c, u"clerk-043"_s).value();
        QVERIFY(store->save(stored, cases::testing::caseEvent(EventKind::Accepted, u"clerk-043"_s)));
        auto client = clientFor(*store);
        const Result<RoundReport> synced = SyncRound(*store, *client).run();
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().toString()));

        QString output;
        QCOMPARE(runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir.filePath(u"server"_s),
                            u"--hall"_s, hall, u"--name"_s, u"监察"_s, u"--json"_s},
                     &output),
            0);
        const QString key = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        QVERIFY(!key.isEmpty());
        m_connection = {u"--server"_s, m_server->url(), u"--key"_s, key};
    }

    void englishColumns()
    {
        const QString output = cliOutput(u"en"_s, QStringList {u"supervision"_s, u"clerks"_s} + m_connection);
        checkTable(output,
            {u"Name"_s, u"Staff no."_s, u"Cases"_s, u"Correction notices"_s, u"Refusals"_s,
                u"Ratings 5/4/3/2/1"_s, u"Not rated"_s, u"Consultations"_s, u"Questions recorded"_s,
                u"Call to receipt (min)"_s, u"Complaints"_s},
            {u"王芳"_s, u"李明"_s});
        // 王芳 took two cases in, none refused, none rated, gave two consultations (one a question
        // recorded), no queue ticket, no complaint.
        const QString wang = output.split(u'\n').filter(u"王芳"_s).value(0);
        QCOMPARE(wang.simplified(), u"王芳 clerk-042 2 0% 0% 0/0/0/0/0 100% 2 1 — 0"_s);
    }

    void chineseColumns()
    {
        const QString output
            = cliOutput(u"zh_CN"_s, QStringList {u"supervision"_s, u"clerks"_s} + m_connection);
        checkTable(output,
            {u"姓名"_s, u"工号"_s, u"办件"_s, u"一次性告知"_s, u"不予受理"_s, u"评价 5/4/3/2/1"_s,
                u"未评价"_s, u"咨询"_s, u"问答记录"_s, u"叫号至受理（分钟）"_s, u"投诉"_s},
            {u"王芳"_s, u"李明"_s});
    }

    void faqProposals()
    {
        QString output;
        QCOMPARE(
            runCli(QStringList {u"catalogue"_s, u"faq-proposals"_s, u"--json"_s} + m_connection, &output), 0);
        const QJsonArray proposals
            = QJsonDocument::fromJson(output.toUtf8()).object().value(u"proposals"_s).toArray();
        QCOMPARE(proposals.size(), 1);
        const QJsonObject agent = proposals.first().toObject();
        QCOMPARE(agent.value(u"count"_s).toInt(), 4); // 王芳 was asked it too
        QCOMPARE(agent.value(u"matter"_s).toObject().value(u"code"_s).toString(), u"330302-WJ-001"_s);
        QCOMPARE(agent.value(u"answers"_s).toArray(), (QJsonArray {u"可以，带委托书。"_s, u"可以。"_s}));
        const QString text
            = cliOutput(u"en"_s, QStringList {u"catalogue"_s, u"faq-proposals"_s} + m_connection);
        QVERIFY2(text.contains(u"4×  330302-WJ-001"_s), qPrintable(text));
        QVERIFY2(text.contains(u"answered: 可以，带委托书。"_s), qPrintable(text));
        // Five times is more than anyone asked.
        const QString none = cliOutput(
            u"en"_s, QStringList {u"catalogue"_s, u"faq-proposals"_s, u"--min"_s, u"5"_s} + m_connection);
        QVERIFY2(none.contains(u"at least 5 times: 0 proposal"_s), qPrintable(none));
    }
};

QTEST_GUILESS_MAIN(TestSupervisionClerksCommand)
#include "tst_supervisionClerksCommand.moc"
