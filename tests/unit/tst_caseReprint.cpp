// After the counter: the documents a case can be given again (补打, marked with the time and
// audited), the cases awaiting a supplement as the case list watches them, and the scans of a
// supplement left unrecorded, which must not stay behind as orphans.

#include "IntakeDraftSupport.h"
#include "cases/DraftStore.h"
#include "cases/SupplementWatch.h"
#include "intake/CaseReprint.h"
#include "intake/SupplementSession.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::intake;
using namespace Qt::StringLiterals;
using cases::MaterialCheck;
using documents::DocumentKind;

namespace {

const QDateTime kNow(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);

bool hasParagraph(const documents::Document &document, const QString &part)
{
    for (const documents::Document::Entry &entry : document.entries)
        if (const auto *paragraph = std::get_if<documents::ParagraphBlock>(&entry.block))
            if (paragraph->text.contains(part))
                return true;
    return false;
}

} // namespace

class TestCaseReprint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_catalogue = testing::demoCatalogue();
        QVERIFY(m_catalogue);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = cases::CaseStore::open(m_dir->path(), cases::testing::workstation());
        QVERIFY(store);
        m_store = std::move(*store);
        m_store->setClock(Clock::fixed(kNow));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void documentsOfACaseFollowWhatHappened()
    {
        const QString number = acceptWithWaiver(u"lisi"_s);
        const cases::Case c = m_store->findByNumber(number).value();
        QCOMPARE(CaseReprint::available(c, m_store->events(number).value()),
            (QList<DocumentKind> {DocumentKind::Checklist, DocumentKind::WaiverNotice}));

        // After the hand-in the supplement receipt can be given again too.
        supplement(number);
        const cases::Case supplemented = m_store->findByNumber(number).value();
        QCOMPARE(CaseReprint::available(supplemented, m_store->events(number).value()),
            (QList<DocumentKind> {
                DocumentKind::Checklist, DocumentKind::WaiverNotice, DocumentKind::SupplementReceipt}));

        // A draft has only its checklist; a refusal notice it was never given is refused.
        IntakeSession draft(testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue);
        testing::answerHotel(draft);
        draft.setApplicant(cases::testing::person());
        QVERIFY(draft.save());
        const QString draftNumber = draft.currentCase().number;
        const auto draftEvents = m_store->events(draftNumber).value();
        QCOMPARE(CaseReprint::available(draft.currentCase(), draftEvents),
            QList<DocumentKind> {DocumentKind::Checklist});
        QVERIFY(!CaseReprint::make(DocumentKind::RefusalNotice, draft.currentCase(), draftEvents,
            testing::environment(m_store.get(), Clock::fixed(kNow)), m_catalogue.get()));
    }

    void reprintIsMarkedWithItsTimeAndAudited()
    {
        const QString number = acceptWithWaiver(u"lisi"_s);
        const QDateTime later(QDate(2026, 3, 18), QTime(1, 5), Qt::UTC); // 09:05 in the hall
        const IntakeEnvironment environment = testing::environment(m_store.get(), Clock::fixed(later));
        const cases::Case c = m_store->findByNumber(number).value();
        Result<documents::Document> reprint = CaseReprint::make(
            DocumentKind::WaiverNotice, c, m_store->events(number).value(), environment, m_catalogue.get());
        QVERIFY2(reprint, reprint ? "" : qPrintable(reprint.error().toString()));
        QCOMPARE(reprint->kind, DocumentKind::WaiverNotice);
        QVERIFY(hasParagraph(*reprint, u"补打"_s));
        const QDate local = later.toLocalTime().date(); // documents print the hall's local time
        QVERIFY(hasParagraph(
            *reprint, u"补打（%1年%2月%3日"_s.arg(local.year()).arg(local.month()).arg(local.day())));

        QVERIFY(
            CaseReprint::recordOutput(environment, number, *reprint, IntakeSession::Output::Printed, true));
        const auto rows = m_store->auditLog().entries().value();
        QCOMPARE(rows.constLast().action, u"document.printed"_s);
        QCOMPARE(rows.constLast().target, number);
        QVERIFY(rows.constLast().detail.contains(u"\"reprint\":true"_s));
    }

    void watchListsOpenSupplementsEarliestFirst()
    {
        const QString late = acceptWithWaiver(u"lisi"_s, QDate(2026, 3, 20));
        const QString early = acceptWithWaiver(u"lisi"_s, QDate(2026, 3, 18));
        const QString other = acceptWithWaiver(u"wangwu"_s, QDate(2026, 3, 19));
        const QString done = acceptWithWaiver(u"lisi"_s, QDate(2026, 3, 17));
        supplement(done);

        const auto all = cases::SupplementWatch::pending(*m_store).value();
        QStringList numbers;
        for (const cases::PendingSupplement &p : all)
            numbers.append(p.caseNumber);
        QCOMPARE(numbers, (QStringList {early, other, late}));
        QCOMPARE(all.first().due(), QDate(2026, 3, 18));
        QVERIFY(all.first().isOverdue(QDate(2026, 3, 19)));
        QVERIFY(!all.first().isOverdue(QDate(2026, 3, 18)));
        QVERIFY(!all.first().applicantMasked.contains(cases::testing::person().name));

        const auto mine = cases::SupplementWatch::pending(*m_store, u"lisi"_s).value();
        QCOMPARE(mine.size(), 2);
        QCOMPARE(mine.first().caseNumber, early);

        // A closed case awaits nothing any more.
        for (cases::EventKind kind :
            {cases::EventKind::Transferred, cases::EventKind::InReview, cases::EventKind::Denied}) {
            const Result<cases::CaseEvent> appended = m_store->appendEvent(late, event(kind));
            QVERIFY2(appended, appended ? "" : qPrintable(appended.error().toString()));
        }
        QCOMPARE(cases::SupplementWatch::pending(*m_store, u"lisi"_s).value().size(), 1);
    }

    void scansOfAnUnrecordedSupplementAreRemoved()
    {
        const QString number = acceptWithWaiver(u"lisi"_s);
        auto session
            = SupplementSession::open(testing::environment(m_store.get(), Clock::fixed(kNow)), number);
        QVERIFY(session);
        const QString materialId = (*session)->awaited().first().materialId;
        const auto added = (*session)->importScans(materialId, {QByteArray("page taken, never recorded")});
        QVERIFY(added);
        const QString path = m_store->attachments().pathFor(added->first().sha256);
        QVERIFY(QFile::exists(path));
        QCOMPARE(cases::DraftStore(*m_store).check().value().orphanScans.size(), 1);
        QVERIFY((*session)->abandon());
        QVERIFY(!QFile::exists(path));
        QVERIFY(cases::DraftStore(*m_store).check().value().orphanScans.isEmpty());
    }

    void abandonKeepsAFileACaseCites()
    {
        const QString number = acceptWithWaiver(u"lisi"_s);
        const QByteArray page("the same page twice");
        // Recorded once with the page...
        auto first = SupplementSession::open(testing::environment(m_store.get(), Clock::fixed(kNow)), number);
        QVERIFY(first);
        const QString materialId = (*first)->awaited().first().materialId;
        QVERIFY((*first)->importScans(materialId, {page}));
        QVERIFY((*first)->checkList().receiveAllMet(0));
        QVERIFY((*first)->record());
        // ...then the same bytes scanned for another case's supplement and abandoned: the file stays.
        const QString second = acceptWithWaiver(u"lisi"_s);
        auto other = SupplementSession::open(testing::environment(m_store.get(), Clock::fixed(kNow)), second);
        QVERIFY(other);
        const auto added = (*other)->importScans((*other)->awaited().first().materialId, {page});
        QVERIFY(added);
        QVERIFY((*other)->abandon());
        QVERIFY(QFile::exists(m_store->attachments().pathFor(added->first().sha256)));
    }

private:
    cases::CaseEvent event(cases::EventKind kind)
    {
        cases::CaseEvent e;
        e.kind = kind;
        e.clerk = QStringLiteral("dept-health");
        if (kind == cases::EventKind::Denied)
            e.payload = QJsonObject {{u"reasons"_s, QJsonArray {u"场所面积不符"_s}}};
        return e;
    }

    void supplement(const QString &number)
    {
        auto session
            = SupplementSession::open(testing::environment(m_store.get(), Clock::fixed(kNow)), number);
        QVERIFY(session);
        for (int i = 0; i < (*session)->checkList().size(); ++i)
            QVERIFY((*session)->checkList().receiveAllMet(i));
        QVERIFY((*session)->record());
    }

    QString acceptWithWaiver(const QString &clerk, const QDate &due = QDate(2026, 3, 23))
    {
        IntakeEnvironment environment = testing::environment(m_store.get(), Clock::fixed(kNow));
        environment.clerkId = clerk;
        IntakeSession session(environment, m_catalogue);
        testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        MaterialCheckList &list = session.checkList();
        bool waived = false;
        for (int i = 0; i < list.size(); ++i) {
            if (list.line(i).waivable && !waived) {
                waived = bool(list.setStatus(i, MaterialCheck::Status::Waived, due));
                continue;
            }
            if (list.line(i).dataShared)
                (void)list.setStatus(i, MaterialCheck::Status::DataShared);
            else
                (void)list.receiveAllMet(i);
        }
        Result<documents::Document> decided = session.decide(IntakeDecision::acceptWithWaiver());
        if (!decided)
            qWarning("%s", qPrintable(decided.error().toString()));
        return session.currentCase().number;
    }

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
};

QTEST_GUILESS_MAIN(TestCaseReprint)
#include "tst_caseReprint.moc"
