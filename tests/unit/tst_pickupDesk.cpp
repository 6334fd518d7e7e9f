#include "CaseTestSupport.h"
#include "cases/CaseStore.h"
#include "cases/PickupDesk.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;

/// The pickup desk's mailing rules: no mailing without the recipient's complete address (each
/// missing field named), and an EMS number with a wrong S10 check digit refused.
class TestPickupDesk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    SteppingClock m_clock;

    /// A case with its result ready, its applicant as given.
    Case ready(const Applicant &applicant)
    {
        Case c = draft();
        c.applicant = applicant;
        c.materialChecks[1].failedPoints.clear();
        Case created = m_store->createDraft(c, u"clerk-042"_s).value();
        created.promisedDeadline = QDate(2026, 3, 25);
        if (!m_store->save(created, caseEvent(EventKind::Accepted)))
            qFatal("accepting the case failed");
        for (EventKind kind :
            {EventKind::Transferred, EventKind::InReview, EventKind::Approved, EventKind::ResultReady})
            if (!m_store->appendEvent(created.number, caseEvent(kind)))
                qFatal("moving the case on failed");
        return m_store->findByNumber(created.number).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = CaseStore::open(m_dir.path(), workstation()).value();
        m_store->setClock(m_clock.clock());
    }

    void mailingNeedsTheWholeAddress()
    {
        Applicant applicant = person(); // no recipient given
        const Case c = ready(applicant);
        PickupDesk desk(*m_store, u"clerk-007"_s);
        QCOMPARE(PickupDesk::missingAddressFields(applicant).size(), 6);
        Result<CaseEvent> refused = desk.mail(c, u"EA123456785CN"_s);
        QVERIFY(!refused);
        for (const QString &field : PickupDesk::missingAddressFields(applicant))
            QVERIFY2(refused.error().message().contains(field), qPrintable(refused.error().message()));
        QCOMPARE(m_store->findByNumber(c.number)->state, CaseState::ResultReady);

        applicant.recipientName = u"王五"_s;
        applicant.recipientMobile = u"13987654321"_s;
        applicant.recipientProvince = u"浙江省"_s;
        applicant.recipientCity = u"温州市"_s;
        applicant.recipientAddress = u"   "_s; // blank is missing
        QCOMPARE(PickupDesk::missingAddressFields(applicant),
            (QStringList {PickupDesk::missingAddressFields(Applicant()).at(4),
                PickupDesk::missingAddressFields(Applicant()).at(5)}));

        applicant.recipientDistrict = u"鹿城区"_s;
        applicant.recipientAddress = u"南汇街道学院中路1号"_s;
        QVERIFY(PickupDesk::missingAddressFields(applicant).isEmpty());
        const Case complete = ready(applicant);
        QVERIFY(!desk.mail(complete, u"EA123456789CN"_s)); // wrong S10 check digit
        QCOMPARE(m_store->findByNumber(complete.number)->state, CaseState::ResultReady);
        VERIFY_OK(desk.mail(complete, u"EA123456785CN"_s));
        QCOMPARE(m_store->findByNumber(complete.number)->state, CaseState::Mailed);
    }

    void addressIsCompletedAtTheCounter()
    {
        // The applicant gave no address at intake; at the pickup counter they want it posted.
        const Case c = ready(person());
        PickupDesk desk(*m_store, u"clerk-007"_s);
        Applicant address;
        address.recipientName = u"王五"_s;
        address.recipientMobile = u"0577-88881234"_s; // a landline: the courier cannot text it
        address.recipientProvince = u"浙江省"_s;
        address.recipientCity = u"温州市"_s;
        address.recipientDistrict = u"鹿城区"_s;
        QVERIFY(!desk.completeAddress(c, address)); // no street address
        address.recipientAddress = u"南汇街道学院中路1号"_s;
        QVERIFY(!desk.completeAddress(c, address));
        address.recipientMobile = u"139 8765 4321"_s;
        address.recipientPostcode = u"3250"_s;
        QVERIFY(!desk.completeAddress(c, address));
        QVERIFY(!PickupDesk::missingAddressFields(m_store->findByNumber(c.number)->applicant).isEmpty());
        address.recipientPostcode = u"325000"_s;
        const Result<Case> completed = desk.completeAddress(c, address);
        VERIFY_OK(completed);
        QVERIFY(completed->applicant.deliverByPost);
        QCOMPARE(completed->applicant.recipientMobile, u"13987654321"_s);
        QCOMPARE(completed->applicant.name, person().name); // the applicant is kept
        const CaseEvent recorded = m_store->events(c.number)->constLast();
        QCOMPARE(recorded.kind, EventKind::Updated);
        QCOMPARE(recorded.payload.value(u"reason"_s).toString(), u"mailing-address"_s);
        QCOMPARE(completed->state, CaseState::ResultReady);
        // Now the mailing goes through.
        VERIFY_OK(desk.mail(*completed, u"EA123456785CN"_s));
    }
};

QTEST_GUILESS_MAIN(TestPickupDesk)
#include "tst_pickupDesk.moc"
