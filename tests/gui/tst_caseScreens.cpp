#include "../unit/CaseTestSupport.h"
#include "GuiTestSupport.h"
#include "cases/CaseStore.h"
#include "cases/PickupDesk.h"
#include "ui/CaseDetailPanel.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/DocumentPreview.h"
#include "ui/PickupPage.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace ow::ui;
using accounts::Role;
using ow::test::saveScreenshot;

/// The case screens on a store with cases in every phase: the supervisor's list with its deadline
/// filters and the detail (masked, opened with an audit row), and the pickup counter handing over
/// by scanned link, mailing by number, and refusing what is not ready.
class TestCaseScreens : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    SteppingClock m_clock;
    WorkingCalendar m_calendar;
    QMap<QString, QString> m_numbers; ///< by the name the test gives each case

    /// "Today" for the screens: Tuesday 2026-03-24, eight days after the cases were accepted.
    CaseScreenContext context(Role role) const
    {
        CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = m_calendar;
        c.role = role;
        c.clerk = u"clerk-007"_s;
        c.clock = Clock::fixed(QDateTime(QDate(2026, 3, 24), QTime(10, 0)));
        c.settings = documents::HallSettings::builtIn().value();
        return c;
    }

    /// A case accepted on Monday 2026-03-16, then moved through `path`.
    void makeCase(const QString &name, int promisedDays, const QList<EventKind> &path, Case c = draft())
    {
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC).addSecs(60 * m_numbers.size()));
        c.promisedDays = promisedDays;
        c.materialChecks[1].failedPoints.clear(); // a failed point would need a correction notice
        Result<Case> created = m_store->createDraft(c, u"clerk-042"_s);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        m_numbers.insert(name, created->number);
        if (path.isEmpty())
            return;
        Case accepted = *created;
        accepted.promisedDeadline = m_calendar.addWorkingDays(QDate(2026, 3, 16), promisedDays).value();
        accepted.calendarVersion = m_calendar.version();
        Result<CaseEvent> saved = m_store->save(accepted, caseEvent(EventKind::Accepted));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        int day = 0;
        for (EventKind kind : path.mid(1)) {
            m_clock.set(QDateTime(QDate(2026, 3, 16).addDays(++day), QTime(1, 30), Qt::UTC));
            QJsonObject payload;
            if (kind == EventKind::SupplementRequested)
                payload.insert(u"items"_s, QJsonArray {u"新的水质检测报告"_s});
            Result<CaseEvent> appended
                = m_store->appendEvent(created->number, caseEvent(kind, u"dept-wj-01"_s, payload));
            QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().toString()));
        }
    }

    static QList<EventKind> toReady()
    {
        return {EventKind::Accepted, EventKind::Transferred, EventKind::InReview, EventKind::Approved,
            EventKind::ResultReady};
    }

    QStringList listed(const CaseListModel &model) const
    {
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(m_numbers.key(model.summary(row)->number));
        names.sort();
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp);
        QVERIFY(m_dir.isValid());
        m_calendar = WorkingCalendar::loadBuiltIn().value();
        Result<std::unique_ptr<CaseStore>> opened = CaseStore::open(m_dir.path(), workstation());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_store->setClock(m_clock.clock());

        makeCase(u"ready"_s, 7, toReady());
        Case posted = draft(u"330302-WH-003"_s, u"印刷经营许可证核发"_s);
        posted.applicant = enterprise();
        makeCase(u"posted"_s, 10, toReady(), posted);
        makeCase(u"overdue"_s, 3, {EventKind::Accepted, EventKind::Transferred, EventKind::InReview});
        makeCase(u"dueSoon"_s, 7, {EventKind::Accepted, EventKind::Transferred, EventKind::InReview});
        makeCase(u"onTrack"_s, 20, {EventKind::Accepted, EventKind::Transferred});
        makeCase(u"paused"_s, 7,
            {EventKind::Accepted, EventKind::Transferred, EventKind::InReview,
                EventKind::SupplementRequested});
        makeCase(u"draft"_s, 0, {}, draft(u"330302-JT-010"_s, u"普通货物运输经营许可"_s));
    }

    void listShowsEveryCaseWithItsDeadline()
    {
        CaseListPage page(context(Role::Supervisor));
        CaseListModel *model = page.model();
        QCOMPARE(model->total(), qint64(7));
        QCOMPARE(model->rowCount(), 7);
        const auto level
            = [&](const QString &name) { return model->deadline(model->rowOf(m_numbers[name])).level; };
        QCOMPARE(level(u"overdue"_s), DeadlineStatus::Level::Overdue);
        QCOMPARE(level(u"dueSoon"_s), DeadlineStatus::Level::DueSoon);
        QCOMPARE(level(u"onTrack"_s), DeadlineStatus::Level::OnTrack);
        QCOMPARE(level(u"paused"_s), DeadlineStatus::Level::Paused);
        QCOMPARE(level(u"ready"_s), DeadlineStatus::Level::Decided);
        QCOMPARE(level(u"draft"_s), DeadlineStatus::Level::None);
        // Personal data never reaches the list in clear.
        const QString applicant
            = model->index(model->rowOf(m_numbers[u"ready"_s]), CaseListModel::ApplicantColumn)
                  .data()
                  .toString();
        QVERIFY2(applicant.contains(u"1101**********002X"_s), qPrintable(applicant));
    }

    void filtersNarrowTheList()
    {
        CaseListPage page(context(Role::Supervisor));
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        CaseListModel *model = page.model();

        page.deadlineFilter()->setCurrentIndex(
            page.deadlineFilter()->findData(int(CaseListModel::DeadlineWatch::Overdue)));
        QCOMPARE(listed(*model), QStringList {u"overdue"_s});
        page.deadlineFilter()->setCurrentIndex(
            page.deadlineFilter()->findData(int(CaseListModel::DeadlineWatch::DueSoon)));
        QCOMPARE(listed(*model), QStringList {u"dueSoon"_s});
        page.deadlineFilter()->setCurrentIndex(0);

        page.stateFilter()->setCurrentIndex(page.stateFilter()->findData(int(CaseState::InReview)));
        QCOMPARE(listed(*model), (QStringList {u"dueSoon"_s, u"overdue"_s}));
        page.stateFilter()->setCurrentIndex(0);

        // Typing waits for a pause before the list follows.
        page.searchField()->setFocus();
        QTest::keyClicks(page.searchField(), u"jt-01"_s); // part of the matter code, any case
        QCOMPARE(model->total(), qint64(7));
        QTRY_COMPARE(model->total(), 1);
        QCOMPARE(listed(*model), QStringList {u"draft"_s});
        page.searchField()->clear();
        page.refresh();

        page.fromFilter()->setDate(QDate(2026, 3, 17));
        QCOMPARE(model->total(), qint64(0));
        page.fromFilter()->setDate(page.fromFilter()->minimumDate()); // "any"
        QCOMPARE(model->total(), qint64(7));
    }

    void enterOpensTheMaskedDetailAndRevealIsAudited()
    {
        CaseListPage page(context(Role::Supervisor));
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        saveScreenshot(page, u"case-list.png"_s);

        const int row = page.model()->rowOf(m_numbers[u"paused"_s]);
        page.table()->setCurrentIndex(page.model()->index(row, 0));
        page.table()->setFocus();
        QSignalSpy opened(&page, &CaseListPage::caseOpened);
        QTest::keyClick(page.table(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QVERIFY(page.isShowingDetail());
        CaseDetailPanel *detail = page.detail();
        QCOMPARE(detail->caseNumber(), m_numbers[u"paused"_s]);
        QCOMPARE(detail->shownApplicantName(), u"张*丰"_s);
        QCOMPARE(
            detail->timelineTable()->rowCount(), 5); // created, accepted, transferred, in review, supplement
        QCOMPARE(detail->timelineTable()->item(0, 1)->text(), displayName(EventKind::SupplementRequested));
        QCOMPARE(detail->materialsTable()->rowCount(), 2);
        saveScreenshot(page, u"case-detail.png"_s);

        const qsizetype auditRows = m_store->auditLog().entries(1, 100000)->size();
        QVERIFY(detail->revealButton()->isVisible());
        QTest::mouseClick(detail->revealButton(), Qt::LeftButton);
        QVERIFY(detail->isShowingPersonalData());
        QCOMPARE(detail->shownApplicantName(), u"张三丰"_s);
        const QList<AuditEntry> rows = m_store->auditLog().entries(1, 100000).value();
        QCOMPARE(rows.size(), auditRows + 1);
        QCOMPARE(rows.last().action, u"applicant.viewed"_s);
        QCOMPARE(rows.last().target, m_numbers[u"paused"_s]);
        QCOMPARE(rows.last().clerk, u"clerk-007"_s);

        QTest::keyClick(detail->backButton(), Qt::Key_Escape);
        QVERIFY(!page.isShowingDetail());
    }

    void clerksAreShownByName()
    {
        // Staff numbers are logins; people see the clerk's name (the first handler, the timeline).
        CaseScreenContext c = context(Role::Supervisor);
        c.clerkNames.insert(u"CLERK-042"_s.toCaseFolded(), u"王小明"_s);
        CaseListPage page(c);
        CaseListModel *model = page.model();
        const int row = model->rowOf(m_numbers[u"paused"_s]);
        QCOMPARE(model->index(row, CaseListModel::HandlerColumn).data().toString(), u"王小明"_s);
        page.table()->setCurrentIndex(model->index(row, 0));
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Return);
        QVERIFY(page.isShowingDetail());
        QTableWidget *timeline = page.detail()->timelineTable();
        QCOMPARE(timeline->item(timeline->rowCount() - 1, 2)->text(), u"王小明"_s); // created
        // Someone no account names (here a department) is shown as recorded.
        QCOMPARE(timeline->item(0, 2)->text(), u"dept-wj-01"_s);
    }

    void pickupByScannedLink()
    {
        PickupPage page(context(Role::PickupClerk));
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Case ready = m_store->findByNumber(m_numbers[u"ready"_s]).value();

        QVERIFY(page.lookUp(QString(u"https://hall.example.gov.cn/s/"_s + ready.qrToken)));
        QCOMPARE(page.currentCase()->number, ready.number);
        QVERIFY(page.handOverButton()->isEnabled());
        QCOMPARE(page.collectorNameField()->text(), u"张三丰"_s);

        page.collectorIdField()->setText(u"11010519491231002X"_s);
        saveScreenshot(page, u"pickup.png"_s);

        // Someone else's ID while "the applicant" is chosen: refused, nothing recorded.
        page.collectorIdField()->setText(u"360426199101010071"_s);
        QVERIFY(!page.recordHandOver());
        QVERIFY2(page.message().contains(u"agent"_s), qPrintable(page.message()));
        QCOMPARE(m_store->findByNumber(ready.number)->state, CaseState::ResultReady);
        page.collectorIdField()->setText(u"11010519491231002X"_s);

        QSignalSpy recorded(&page, &PickupPage::recorded);
        QTest::mouseClick(page.handOverButton(), Qt::LeftButton);
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(m_store->findByNumber(ready.number)->state, CaseState::PickedUp);
        const CaseEvent last = m_store->events(ready.number)->last();
        QCOMPARE(last.kind, EventKind::PickedUp);
        QCOMPARE(last.clerk, u"clerk-007"_s);
        QCOMPARE(last.payload.value(u"collector"_s).toString(), u"applicant"_s);
        QCOMPARE(last.payload.value(u"collectorIdNumber"_s).toString(), u"11010519491231002X"_s);
        QVERIFY(!page.handOverButton()->isEnabled()); // closed now
        // The 签收单 opens for printing, the collector's ID number masked on it.
        QVERIFY(page.isShowingDocument());
        QCOMPARE(page.documentPreview()->document().kind, documents::DocumentKind::PickupSlip);
        QString shownNumber = page.documentPreview()->document().caseNumber;
        QCOMPARE(shownNumber.remove(u'-').remove(u' '), ready.number);
        QTest::keyClick(&page, Qt::Key_Escape);
        QVERIFY(!page.isShowingDocument());

        // The same case again: it says so instead of handing out twice.
        QVERIFY(page.lookUp(ready.number));
        QVERIFY(!page.handOverButton()->isEnabled());
        QVERIFY(!page.recordHandOver());

        // A stale copy still saying "ready": the store's lifecycle refuses, and its message is shown.
        PickupDesk desk(*m_store, u"clerk-007"_s);
        Result<CaseEvent> twice = desk.handOver(
            ready, Collector {Collector::Kind::Applicant, u"张三丰"_s, u"11010519491231002X"_s});
        QVERIFY(!twice);
        QVERIFY(!twice.error().message().isEmpty());
    }

    void mailingByNumberChecksTheTrackingNumber()
    {
        PickupPage page(context(Role::PickupClerk));
        const QString number = m_numbers[u"posted"_s];
        QVERIFY(page.lookUp(number.toLower()));
        QCOMPARE(page.currentCase()->number, number);
        QVERIFY(page.mailButton()->isEnabled());

        page.trackingField()->setText(u"EA12345678CN"_s);
        QVERIFY(!page.recordMailing());
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::ResultReady);
        QVERIFY(page.message().contains(u"13"_s));

        page.trackingField()->setText(u"ea123456785cn"_s);
        QVERIFY(page.recordMailing());
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::Mailed);
        const CaseEvent last = m_store->events(number)->last();
        QCOMPARE(last.payload.value(u"trackingNumber"_s).toString(), u"EA123456785CN"_s);
        // The EMS label opens for printing.
        QVERIFY(page.isShowingDocument());
        QCOMPARE(page.documentPreview()->document().kind, documents::DocumentKind::EmsLabel);
    }

    void mailingNeedsTheWholeAddress()
    {
        Case posted = draft(u"330302-WH-003"_s, u"印刷经营许可证核发"_s);
        // Accepted for pickup at the counter with a partial address; the applicant now wants it posted.
        posted.applicant = enterprise();
        posted.applicant.deliverByPost = false;
        posted.applicant.recipientMobile.clear();
        posted.applicant.recipientAddress = u"  "_s;
        makeCase(u"noAddress"_s, 10, toReady(), posted);
        const QString number = m_numbers[u"noAddress"_s];

        PickupPage page(context(Role::PickupClerk));
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.lookUp(number));
        QVERIFY(page.handOverButton()->isEnabled()); // the counter is still open to it
        QVERIFY(!page.mailButton()->isEnabled());
        const QString check = page.addressCheckText();
        QVERIFY2(check.contains(u"recipient's mobile"_s), qPrintable(check));
        QVERIFY2(check.contains(u"street address"_s), qPrintable(check));
        QVERIFY2(!check.contains(u"province"_s), qPrintable(check));
        page.trackingField()->setText(u"EA123456785CN"_s);
        saveScreenshot(page, u"pickup-mail-address.png"_s);
        QTest::keyClick(page.trackingField(), Qt::Key_Return);
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::ResultReady);
        QVERIFY(!page.isShowingDocument());

        // The clerk completes it there: the form holds what intake recorded; a landline is refused.
        QVERIFY(page.saveAddressButton()->isVisible());
        const QList<QLineEdit *> fields = page.addressFields();
        QCOMPARE(fields.size(), 7);
        QVERIFY(!fields.at(2)->text().isEmpty()); // the province intake recorded
        fields.at(1)->setText(u"0577-88881234"_s);
        fields.at(5)->setText(u"五马街1号"_s);
        QSignalSpy recorded(&page, &PickupPage::recorded);
        QVERIFY(!page.saveAddress());
        QVERIFY(!page.mailButton()->isEnabled());
        QVERIFY(recorded.isEmpty());
        fields.at(1)->setText(u"13987654321"_s);
        QTest::keyClick(fields.at(5), Qt::Key_Return);
        QCOMPARE(recorded.size(), 1);
        QVERIFY(page.addressCheckText().isEmpty());
        QVERIFY(!page.saveAddressButton()->isVisible());
        QVERIFY(page.mailButton()->isEnabled());
        QCOMPARE(m_store->findByNumber(number)->applicant.recipientAddress, u"五马街1号"_s);
        QVERIFY(page.recordMailing());
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::Mailed);

        // A complete address: nothing to say, Mail open.
        QVERIFY(page.lookUp(m_numbers[u"ready"_s]));
        QVERIFY(page.addressCheckText().isEmpty());
        QVERIFY(!page.saveAddressButton()->isVisible());
    }

    void readyListFollowsTheSync()
    {
        QStackedWidget stack;
        QWidget window;
        CaseScreens screens(context(Role::PickupClerk), &stack, &window);
        PickupPage *page = screens.pickupPage();
        QVERIFY(page);
        const auto listed = [page](const QString &number) {
            for (int row = 0; row < page->readyList()->count(); ++row)
                if (page->readyList()->item(row)->data(Qt::UserRole).toString() == number)
                    return true;
            return false;
        };
        makeCase(u"arrived"_s, 7, toReady());
        const QString number = m_numbers[u"arrived"_s];
        QVERIFY(!listed(number)); // read before the result came
        screens.refreshAfterSync();
        QVERIFY(listed(number));
    }

    void notReadyIsRefusedNamingTheState()
    {
        PickupPage page(context(Role::PickupClerk));
        const QString number = m_numbers[u"overdue"_s];
        QVERIFY(page.lookUp(number));
        QVERIFY(page.message().contains(displayName(CaseState::InReview)));
        QVERIFY(!page.handOverButton()->isEnabled());
        QVERIFY(!page.mailButton()->isEnabled());
        page.trackingField()->setText(u"EA123456785CN"_s);
        QVERIFY(!page.recordMailing());
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::InReview);

        QVERIFY(!page.lookUp(u"https://hall.example.gov.cn/s/aaaaaaaaaaaaaaaaaaaaaaaaaa"_s));
        QVERIFY(!page.currentCase());
        QVERIFY(!page.lookUp(u"33030201202603160799999"_s)); // a wrong check character
    }
};

QTEST_MAIN(TestCaseScreens)
#include "tst_caseScreens.moc"
