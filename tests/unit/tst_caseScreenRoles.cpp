#include "cases/CaseEvent.h"
#include "ui/EventSummary.h"
#include "ui/RoleScreens.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::ui;
using accounts::Role;

/// What the case screens show without being widgets: the screens and rights of each role, and the
/// one-line summaries of the timeline with personal data masked.
class TestCaseScreenRoles : public QObject
{
    Q_OBJECT

    static CaseEvent event(EventKind kind, QDate day, QJsonObject payload = {})
    {
        CaseEvent e;
        e.kind = kind;
        e.time = QDateTime(day, QTime(12, 0)).toUTC();
        e.payload = std::move(payload);
        return e;
    }

private Q_SLOTS:
    void screensByRole()
    {
        using Screen = RoleScreens::Screen;
        // Intake clerks start at the intake and follow their own cases in the list.
        QCOMPARE(RoleScreens::screensFor(Role::IntakeClerk),
            (QList<Screen> {Screen::Intake, Screen::CaseList, Screen::CaseDetail, Screen::Transfer}));
        QCOMPARE(RoleScreens::screensFor(Role::PickupClerk),
            (QList<Screen> {Screen::Pickup, Screen::CaseList, Screen::CaseDetail, Screen::Transfer}));
        QCOMPARE(RoleScreens::screensFor(Role::Supervisor),
            (QList<Screen> {Screen::CaseList, Screen::CaseDetail, Screen::Transfer, Screen::SupervisorDesk}));
        QCOMPARE(RoleScreens::screensFor(Role::Admin).size(), 5);
        // The desk is the supervisors' own: nobody else reads the hall's supervision at a counter.
        for (Role role : {Role::IntakeClerk, Role::PickupClerk, Role::Admin, Role::DepartmentReceiver,
                 Role::CatalogueEditor})
            QVERIFY(!RoleScreens::mayOpen(role, Screen::SupervisorDesk));
        // A department's receiver comes to the counter only to take the paper over.
        QCOMPARE(RoleScreens::screensFor(Role::DepartmentReceiver), (QList<Screen> {Screen::Transfer}));
        QVERIFY(RoleScreens::mayReceive(Role::DepartmentReceiver));
        QVERIFY(!RoleScreens::mayHandOver(Role::DepartmentReceiver));
        QVERIFY(RoleScreens::mayHandOver(Role::IntakeClerk) && RoleScreens::mayHandOver(Role::PickupClerk));
        QVERIFY(!RoleScreens::mayReceive(Role::IntakeClerk) && !RoleScreens::mayReceive(Role::Supervisor));
        QCOMPARE(accounts::roleFromKey(u"department"_s), Role::DepartmentReceiver);
        QVERIFY(!RoleScreens::mayOpen(Role::Supervisor, Screen::Pickup));
        QVERIFY(!RoleScreens::mayRecordEvents(Role::Supervisor));
        QVERIFY(RoleScreens::mayRecordEvents(Role::PickupClerk));
        QVERIFY(!RoleScreens::seesPersonalData(Role::Supervisor));
        QVERIFY(RoleScreens::seesPersonalData(Role::PickupClerk));
    }

    void eventSummaries()
    {
        CaseEvent picked = event(EventKind::PickedUp, QDate(2026, 3, 16),
            {{u"collector"_s, u"agent"_s}, {u"collectorName"_s, u"王五"_s},
                {u"collectorIdNumber"_s, u"360426199101010071"_s}});
        const QString masked = EventSummary::of(picked, false);
        QVERIFY2(masked.contains(u"3604**********0071"_s), qPrintable(masked));
        QVERIFY(!masked.contains(u"360426199101010071"_s));
        QVERIFY(EventSummary::of(picked, true).contains(u"360426199101010071"_s));

        const CaseEvent mailed
            = event(EventKind::Mailed, QDate(2026, 3, 16), {{u"trackingNumber"_s, u"EA123456789CN"_s}});
        QVERIFY(EventSummary::of(mailed, false).contains(u"EA123456789CN"_s));
        const CaseEvent refused = event(EventKind::Refused, QDate(2026, 3, 16),
            {{u"reasons"_s, QJsonArray {u"不属于本机关职权范围"_s, u"申请人不具备主体资格"_s}}});
        const QString reasons = EventSummary::of(refused, false);
        QVERIFY(reasons.contains(u"不属于本机关职权范围"_s) && reasons.contains(u"申请人不具备主体资格"_s));
    }
};

QTEST_GUILESS_MAIN(TestCaseScreenRoles)
#include "tst_caseScreenRoles.moc"
