// Clerks' points (积分) and grades (考级) without storage: every item traced to what earned it, the
// total the sum of the items, the month's bounds, the qualification window of practice and cases,
// grades reached only through the ones below, ties sharing a rank, corrections as items of their
// own, the [points] settings refused with the key, and consultations in the clerks' figures.

#include "CaseTestSupport.h"
#include "supervision/HallFigures.h"
#include "supervision/PointsLedger.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::supervision;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(QDate day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0)).toUTC();
}

CaseEvent caseEventOf(const QString &id, EventKind kind, const QString &clerk, const QDateTime &time,
    const QJsonObject &payload = {})
{
    CaseEvent e;
    e.id = id;
    e.kind = kind;
    e.clerk = clerk;
    e.time = time;
    e.payload = payload;
    return e;
}

Case caseOf(const QString &number, const QString &matter)
{
    Case c;
    c.number = number;
    c.matterCode = matter;
    c.matterName = matter;
    return c;
}

ClerkActivity activity(const QString &id, const QString &kind, const QString &clerk, const QDateTime &time,
    const QString &matter, bool passed = true)
{
    ClerkActivity a;
    a.id = id;
    a.kind = kind;
    a.staffNumber = clerk;
    a.clerkName = u"名"_s + clerk;
    a.at = time;
    a.matter = matter;
    a.detail = kind == ClerkActivity::kPractice ? QJsonObject {{u"situation"_s, u"s1"_s},
                   {u"score"_s, passed ? 8 : 3}, {u"maxScore"_s, 10}, {u"passed"_s, passed}}
                                                : QJsonObject {{u"checklistPrinted"_s, true}};
    return a;
}

const ClerkPoints *find(const QList<ClerkPoints> &list, const QString &staff)
{
    for (const ClerkPoints &p : list)
        if (p.staffNumber == staff)
            return &p;
    return nullptr;
}

} // namespace

class TestPointsLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemsAddUpAndAreTraceable()
    {
        const QDate march(2026, 3, 10);
        PointsLedger ledger(
            {}, march, {{u"1001"_s, u"王芳"_s}, {u"1002"_s, u"李明"_s}}, {u"1001"_s, u"1002"_s, u"1003"_s});
        // A case taken in after a correction notice counts once; its rating 5 goes to the clerk rated.
        ledger.addCase(caseOf(u"N1"_s, u"M1"_s),
            {caseEventOf(u"e1"_s, EventKind::Created, u"1001"_s, at(march, 9)),
                caseEventOf(u"e2"_s, EventKind::CorrectionNotice, u"1001"_s, at(march, 9)),
                caseEventOf(u"e3"_s, EventKind::Accepted, u"1001"_s, at(march, 10)),
                caseEventOf(u"e4"_s, EventKind::Note, u"1001"_s, at(march, 11), {{u"evaluation"_s, 5}})});
        // Accepted with waiver, then rated 1 (a bad rating costs points).
        ledger.addCase(caseOf(u"N2"_s, u"M2"_s),
            {caseEventOf(u"e5"_s, EventKind::AcceptedWithWaiver, u"1001"_s, at(march, 10)),
                caseEventOf(u"e6"_s, EventKind::Note, u"1001"_s, at(march, 11), {{u"evaluation"_s, 1}})});
        // Accepted the month before: no point this month.
        ledger.addCase(caseOf(u"N3"_s, u"M1"_s),
            {caseEventOf(u"e7"_s, EventKind::Accepted, u"1002"_s, at(QDate(2026, 2, 27)))});
        ledger.addActivity(activity(u"a1"_s, ClerkActivity::kConsultation, u"1002"_s, at(march), u"M1"_s));
        ledger.addActivity(activity(u"a2"_s, ClerkActivity::kPractice, u"1002"_s, at(march), u"M2"_s));
        ledger.addActivity(activity(u"a3"_s, ClerkActivity::kPractice, u"1002"_s, at(march), u"M3"_s, false));
        ledger.addActivity(
            activity(u"a4"_s, ClerkActivity::kConsultation, u"1002"_s, at(QDate(2026, 4, 1)), u"M1"_s));
        ledger.addCorrection(PointCorrection {u"c1"_s, u"1002"_s, -2, u"窗口离岗未报备"_s, u"李主任"_s,
            at(march.addDays(2)), QDate(2026, 3, 1)});
        ledger.addCorrection(PointCorrection {
            u"c2"_s, u"1002"_s, 50, u"上月"_s, u"李主任"_s, at(march.addDays(2)), QDate(2026, 2, 1)});

        const QList<ClerkPoints> ranking = ledger.ranking();
        QCOMPARE(ranking.size(), 3);
        const ClerkPoints *wang = find(ranking, u"1001"_s);
        const ClerkPoints *li = find(ranking, u"1002"_s);
        const ClerkPoints *none = find(ranking, u"1003"_s);
        QVERIFY(wang && li && none);
        // 王芳: two cases (1 + 1), rating 5 (+2), rating 1 (−5).
        QCOMPARE(wang->points, -1);
        QCOMPARE(wang->name, u"王芳"_s);
        QStringList traced;
        int sum = 0;
        for (const PointItem &item : wang->items) {
            traced.append(item.kind + u':' + item.event + u':' + QString::number(item.points));
            sum += item.points;
        }
        QCOMPARE(traced,
            (QStringList {
                u"case-received:e3:1"_s, u"case-received:e5:1"_s, u"rating:e4:2"_s, u"rating:e6:-5"_s}));
        QCOMPARE(sum, wang->points);
        // 李明: a consultation (+1), a passed practice (+5), the failed one nothing, the correction −2.
        QCOMPARE(li->points, 4);
        QCOMPARE(li->items.size(), 3);
        QCOMPARE(li->items.last().kind, u"correction"_s);
        QCOMPARE(li->items.last().reason, u"窗口离岗未报备"_s);
        QCOMPARE(li->items.last().by, u"李主任"_s);
        QCOMPARE(li->items.last().toJson().value(u"by"_s).toString(), u"李主任"_s);
        // Listed without a point, ranked last.
        QCOMPARE(none->points, 0);
        QCOMPARE(none->items.size(), 0);
        QCOMPARE(ranking.first().staffNumber, u"1002"_s);
        QCOMPARE(ranking.first().rank, 1);
        QCOMPARE(none->rank, 2);
        QCOMPARE(wang->rank, 3);
    }

    void equalPointsShareARank()
    {
        PointsLedger ledger({}, QDate(2026, 3, 1), {}, {u"b"_s, u"a"_s, u"c"_s});
        ledger.addActivity(
            activity(u"x"_s, ClerkActivity::kConsultation, u"c"_s, at(QDate(2026, 3, 2)), u"M"_s));
        const QList<ClerkPoints> ranking = ledger.ranking();
        QCOMPARE(ranking.at(0).staffNumber, u"c"_s);
        QCOMPARE(ranking.at(1).staffNumber, u"a"_s);
        QCOMPARE(ranking.at(1).rank, 2);
        QCOMPARE(ranking.at(2).rank, 2);
    }

    void qualifiedMattersAndGrades()
    {
        PointsRules rules;
        rules.qualifiedMonths = 6;
        rules.qualifiedCases = 3;
        rules.gradePoints = {2, 4, 100, 200};
        rules.gradeMatters = {1, 3, 3, 3};
        PointsLedger ledger(rules, QDate(2026, 6, 30), {}, {});
        // M1: three cases in the window (one in January, the window's first month); M2: two only;
        // M3: a passed practice in the window; M4: a practice passed too long ago; M5: failed.
        int n = 0;
        for (const QDate day : {QDate(2026, 1, 5), QDate(2026, 6, 2), QDate(2026, 6, 3)})
            ledger.addCase(caseOf(u"A%1"_s.arg(++n), u"M1"_s),
                {caseEventOf(u"e%1"_s.arg(n), EventKind::Accepted, u"1001"_s, at(day))});
        for (const QDate day : {QDate(2026, 6, 4), QDate(2025, 12, 31)})
            ledger.addCase(caseOf(u"A%1"_s.arg(++n), u"M2"_s),
                {caseEventOf(u"e%1"_s.arg(n), EventKind::Accepted, u"1001"_s, at(day))});
        ledger.addActivity(
            activity(u"p1"_s, ClerkActivity::kPractice, u"1001"_s, at(QDate(2026, 2, 1)), u"M3"_s));
        ledger.addActivity(
            activity(u"p2"_s, ClerkActivity::kPractice, u"1001"_s, at(QDate(2025, 12, 31)), u"M4"_s));
        ledger.addActivity(
            activity(u"p3"_s, ClerkActivity::kPractice, u"1001"_s, at(QDate(2026, 6, 5)), u"M5"_s, false));
        const ClerkPoints p = ledger.ranking().constFirst();
        QCOMPARE(p.qualifiedMatters, 2); // M1 and M3
        QCOMPARE(p.points, 3); // the three June cases
        QCOMPARE(p.grade, 2); // grade 3 needs 4 points
        QCOMPARE(rules.grade(4, 2), 2); // and 3 matters
        QCOMPARE(rules.grade(4, 3), 3);
        QCOMPARE(rules.grade(1000, 0), 1); // points alone reach nothing
        QCOMPARE(rules.grade(1000, 1000), 5);
    }

    void settingsReadAndRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.ini"_s);
        const auto load = [&](const QByteArray &text) {
            QFile file(path);
            file.open(QIODevice::WriteOnly | QIODevice::Truncate);
            file.write(text);
            file.close();
            return PointsRules::load(QSettings(path, QSettings::IniFormat));
        };
        Result<PointsRules> rules
            = load("[points]\ncase_received = 2\nrating_1 = -10\ngrade_2_points = 10\nqualified_cases = 9\n");
        QVERIFY(rules);
        QCOMPARE(rules->caseReceived, 2);
        QCOMPARE(rules->rating[0], -10);
        QCOMPARE(rules->gradePoints[0], 10);
        QCOMPARE(rules->qualifiedCases, 9);
        QCOMPARE(rules->consultation, PointsRules().consultation);
        QCOMPARE(rules->weightsJson().value(u"rating_1"_s).toInt(), -10);
        rules = load("[points]\nconsultation = many\n");
        QVERIFY(!rules);
        QVERIFY(rules.error().message().contains(u"points/consultation"_s));
        rules = load("[points]\nrating_5 = 1000\n");
        QVERIFY(!rules);
        // Thresholds that fall with the grade would make a higher grade easier than a lower one.
        rules = load("[points]\ngrade_3_matters = 1\n");
        QVERIFY(!rules);
        QVERIFY(rules.error().message().contains(u"points/grade_3_matters"_s));
        QVERIFY(PointsRules::keys().contains(u"practice_passed"_s));
    }

    void consultationsInTheClerksFigures()
    {
        HallFigures figures;
        figures.add(caseOf(u"N1"_s, u"M1"_s),
            {caseEventOf(u"e1"_s, EventKind::Accepted, u"1001"_s, at(QDate(2026, 3, 2)))});
        // Figures from case events alone do not know consultations: null, not 0.
        QCOMPARE(figures.clerks().constFirst().consultations, -1);
        QVERIFY(figures.clerks().constFirst().toJson().value(u"consultations"_s).isNull());
        figures.addConsultations(
            {activity(u"a"_s, ClerkActivity::kConsultation, u"1002"_s, at(QDate(2026, 3, 2)), u"M1"_s),
                activity(u"b"_s, ClerkActivity::kConsultation, u"1002"_s, at(QDate(2026, 3, 3)), u"M1"_s)});
        const QList<ClerkFigures> clerks = figures.clerks();
        QCOMPARE(clerks.size(), 2);
        QCOMPARE(clerks.at(0).clerk, u"1001"_s);
        QCOMPARE(clerks.at(0).consultations, 0);
        QCOMPARE(clerks.at(1).consultations, 2);
        QCOMPARE(clerks.at(1).cases, 0);
        QCOMPARE(clerks.at(1).clerkName, u"名1002"_s);
    }
};

QTEST_GUILESS_MAIN(TestPointsLedger)
#include "tst_pointsLedger.moc"
