// DecisionRules, table by table: each decision kind against each situation of the material checks
// (docs/cases.md "Decision rules"), with the exact reason a refused decision gives the clerk.
// Messages are compared in English, the source language: no translator is installed here.

#include "CaseTestSupport.h"
#include "cases/DecisionRules.h"
#include "cases/Withdrawal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;
using Status = MaterialCheck::Status;

Q_DECLARE_METATYPE(ow::cases::Case)
Q_DECLARE_METATYPE(ow::cases::EventKind)

namespace {

// Three materials in checklist order; only the floor plan may be waived (容缺).
const QString Form = u"application-form"_s;
const QString IdCard = u"id-card"_s;
const QString FloorPlan = u"floor-plan"_s;
const QDate Deadline(2026, 4, 15);

MaterialCheck check(const QString &materialId, Status status)
{
    MaterialCheck c;
    c.materialId = materialId;
    c.status = status;
    return c;
}

MaterialCheck waived(const QString &materialId, QDate deadline = Deadline)
{
    MaterialCheck c = check(materialId, Status::Waived);
    c.supplementDeadline = deadline;
    return c;
}

MaterialCheck failing(const QString &materialId, Status status = Status::Received)
{
    MaterialCheck c = check(materialId, status);
    c.failedPoints = {{u"legible"_s, u"复印件字迹不清"_s}};
    return c;
}

/// The material's name in the checklist snapshot: messages name materials as clerks know them.
QString nameOf(const QString &materialId)
{
    if (materialId == Form)
        return u"公共场所卫生许可证申请表"_s;
    if (materialId == IdCard)
        return u"居民身份证"_s;
    return u"卫生设施平面布局图"_s;
}

QJsonObject line(const QString &materialId, bool waivable)
{
    return {{u"material"_s, materialId}, {u"name"_s, nameOf(materialId)}, {u"waivable"_s, waivable}};
}

/// A case of the three materials with a valid applicant and the checklist snapshot recorded.
Case withChecks(const QList<MaterialCheck> &checks)
{
    Case c;
    c.matterCode = u"330302-GA-001"_s;
    c.applicant = testing::person();
    c.checklist = QJsonArray {line(Form, false), line(IdCard, false), line(FloorPlan, true)};
    c.materialChecks = checks;
    return c;
}

Case withoutSnapshot(const QList<MaterialCheck> &checks)
{
    Case c = withChecks(checks);
    c.checklist = {};
    return c;
}

Case withIncompleteApplicant(const QList<MaterialCheck> &checks)
{
    Case c = withChecks(checks);
    c.applicant.name.clear();
    return c;
}

/// The applicant with one number mistyped in the last character: `contact` puts it in the contact's ID.
Case withMistypedNumber(const QList<MaterialCheck> &checks, bool contact)
{
    Case c = withChecks(checks);
    const QString mistyped = u"360426199101010072"_s;
    (contact ? c.applicant.contactIdNumber : c.applicant.idNumber) = mistyped;
    return c;
}

const MaterialCheck FormIn = check(Form, Status::Received);
const MaterialCheck IdCardIn = check(IdCard, Status::Received);
const MaterialCheck FloorPlanIn = check(FloorPlan, Status::Received);

/// One situation of the material checks and what each decision says about it ({} = allowed).
struct Situation
{
    const char *name;
    Case theCase;
    QString accepted;
    QString acceptedWithWaiver;
    QString correctionNotice; ///< with nothing in the payload
};

QString failsPoint(const QString &id, bool inSnapshot = true)
{
    return u"The material %1 fails a review point: issue a correction notice instead of accepting."_s.arg(
        inSnapshot ? nameOf(id) : id);
}
QString isMissing(const QString &id, bool inSnapshot = true)
{
    return u"The material %1 is missing: issue a correction notice, or waive it if it may be waived."_s.arg(
        inSnapshot ? nameOf(id) : id);
}
QString isWaived(const QString &id, bool inSnapshot = true)
{
    return u"The material %1 is waived: the case must be accepted with waiver."_s.arg(
        inSnapshot ? nameOf(id) : id);
}
QString notWaivable(const QString &id, bool inSnapshot = true)
{
    return u"The material %1 may not be waived for this matter."_s.arg(inSnapshot ? nameOf(id) : id);
}
QString needsDeadline(const QString &id, bool inSnapshot = true)
{
    return u"The waived material %1 needs the date by which it must be supplied."_s.arg(
        inSnapshot ? nameOf(id) : id);
}
const QString NothingWaived
    = u"Acceptance with waiver needs at least one waived material with its supplement deadline."_s;
const QString NothingToTell
    = u"A correction notice must tell the applicant what is missing or wrong; nothing is recorded."_s;
const QString NoReasons = u"A refusal or denial must state its reasons in writing (payload “reasons”)."_s;
const QString ApplicantIncomplete = u"The applicant form is incomplete: the applicant's name is required."_s;
// Every message about the applicant names the field it is about.
const QString MistypedCheck
    = u"The check character (the last one) should be '1', not '2': a digit was probably mistyped."_s;
const QString ApplicantIdMistyped = u"The applicant's ID number: "_s + MistypedCheck;
const QString ContactIdMistyped = u"The contact's ID number: "_s + MistypedCheck;

QList<Situation> situations()
{
    return {
        {"all received", withChecks({FormIn, IdCardIn, FloorPlanIn}), {}, NothingWaived, NothingToTell},
        {"received, data-shared, supplemented",
            withChecks({FormIn, check(IdCard, Status::DataShared), check(FloorPlan, Status::Supplemented)}),
            {}, NothingWaived, NothingToTell},
        // Unchecked materials are the intake session's to refuse (IntakeSession::check),
        // not these rules'.
        {"one still pending", withChecks({FormIn, IdCardIn, check(FloorPlan, Status::Pending)}), {},
            NothingWaived, NothingToTell},
        {"nothing checked", withChecks({}), {}, NothingWaived, NothingToTell},
        {"one missing", withChecks({FormIn, IdCardIn, check(FloorPlan, Status::Missing)}),
            isMissing(FloorPlan), isMissing(FloorPlan), {}},
        {"a failed review point", withChecks({FormIn, failing(IdCard), FloorPlanIn}), failsPoint(IdCard),
            failsPoint(IdCard), {}},
        {"missing with a failed point", withChecks({FormIn, IdCardIn, failing(FloorPlan, Status::Missing)}),
            failsPoint(FloorPlan), failsPoint(FloorPlan), {}},
        {"waivable waived with deadline", withChecks({FormIn, IdCardIn, waived(FloorPlan)}),
            isWaived(FloorPlan), {}, NothingToTell},
        {"waived without deadline", withChecks({FormIn, IdCardIn, waived(FloorPlan, QDate())}),
            isWaived(FloorPlan), needsDeadline(FloorPlan), NothingToTell},
        {"not waivable waived", withChecks({FormIn, waived(IdCard), FloorPlanIn}), isWaived(IdCard),
            notWaivable(IdCard), NothingToTell},
        // No checklist recorded: the clerk's word that the material may be waived stands.
        {"waived, no checklist snapshot", withoutSnapshot({FormIn, IdCardIn, waived(FloorPlan)}),
            isWaived(FloorPlan, false), {}, NothingToTell},
        {"waived and another missing",
            withChecks({FormIn, check(IdCard, Status::Missing), waived(FloorPlan)}), isMissing(IdCard),
            isMissing(IdCard), {}},
        {"waived and another failing", withChecks({FormIn, failing(IdCard), waived(FloorPlan)}),
            failsPoint(IdCard), failsPoint(IdCard), {}},
        {"applicant form incomplete", withIncompleteApplicant({FormIn, IdCardIn, FloorPlanIn}),
            ApplicantIncomplete, ApplicantIncomplete, NothingToTell},
        {"applicant form incomplete, one missing",
            withIncompleteApplicant({FormIn, IdCardIn, check(FloorPlan, Status::Missing)}),
            ApplicantIncomplete, ApplicantIncomplete, {}},
        {"applicant's ID number mistyped", withMistypedNumber({FormIn, IdCardIn, FloorPlanIn}, false),
            ApplicantIdMistyped, ApplicantIdMistyped, NothingToTell},
        {"contact's ID number mistyped", withMistypedNumber({FormIn, IdCardIn, FloorPlanIn}, true),
            ContactIdMistyped, ContactIdMistyped, NothingToTell},
    };
}

CaseEvent decision(EventKind kind, const QJsonObject &payload = {})
{
    CaseEvent e;
    e.kind = kind;
    e.clerk = u"clerk-042"_s;
    e.payload = payload;
    return e;
}

/// The outcome as one comparable string: empty when allowed, else the message; a refusal with any
/// code but Invalid is shown with its code so that QCOMPARE reports it.
QString outcome(const ow::Result<void> &result)
{
    if (result)
        return {};
    if (result.error().code() != ow::Error::Code::Invalid)
        return u"[code %1] "_s.arg(int(result.error().code())) + result.error().message();
    return result.error().message();
}

QByteArray name(EventKind kind)
{
    return keyword(kind).toUtf8();
}

const QList<EventKind> DecisionKinds = {EventKind::Accepted, EventKind::AcceptedWithWaiver,
    EventKind::CorrectionNotice, EventKind::Refused, EventKind::Denied};

} // namespace

class TestDecisionRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisionAgainstMaterialChecks_data()
    {
        QTest::addColumn<EventKind>("kind");
        QTest::addColumn<Case>("theCase");
        QTest::addColumn<QString>("expected");
        for (const Situation &s : situations()) {
            QTest::addRow("accepted / %s", s.name) << EventKind::Accepted << s.theCase << s.accepted;
            QTest::addRow("accepted-with-waiver / %s", s.name)
                << EventKind::AcceptedWithWaiver << s.theCase << s.acceptedWithWaiver;
            QTest::addRow("correction-notice / %s", s.name)
                << EventKind::CorrectionNotice << s.theCase << s.correctionNotice;
        }
    }
    void decisionAgainstMaterialChecks()
    {
        QFETCH(EventKind, kind);
        QFETCH(Case, theCase);
        QFETCH(QString, expected);
        QCOMPARE(outcome(DecisionRules::check(theCase, decision(kind))), expected);
    }

    void correctionNoticeItems_data()
    {
        QTest::addColumn<QJsonValue>("items");
        QTest::addColumn<QString>("expected");
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << NothingToTell;
        QTest::newRow("empty text") << QJsonValue(u""_s) << NothingToTell;
        QTest::newRow("blank text") << QJsonValue(u" \t\n"_s) << NothingToTell;
        QTest::newRow("empty list") << QJsonValue(QJsonArray {}) << NothingToTell;
        QTest::newRow("list of blanks") << QJsonValue(QJsonArray {u""_s, u"  "_s}) << NothingToTell;
        QTest::newRow("not text") << QJsonValue(3) << NothingToTell;
        QTest::newRow("text") << QJsonValue(u"营业执照副本未加盖公章"_s) << QString();
        QTest::newRow("list with one item")
            << QJsonValue(QJsonArray {u""_s, u"平面图未标注面积"_s}) << QString();
        QTest::newRow("nested list") << QJsonValue(QJsonArray {QJsonArray {u"平面图未标注面积"_s}})
                                     << QString();
    }
    void correctionNoticeItems()
    {
        // Every material in order: only `items` can give the notice something to tell.
        QFETCH(QJsonValue, items);
        QFETCH(QString, expected);
        QJsonObject payload;
        if (!items.isUndefined())
            payload.insert(u"items"_s, items);
        const Case c = withChecks({FormIn, IdCardIn, FloorPlanIn});
        QCOMPARE(outcome(DecisionRules::check(c, decision(EventKind::CorrectionNotice, payload))), expected);
    }

    void refusalAndDenialNeedReasons_data()
    {
        QTest::addColumn<EventKind>("kind");
        QTest::addColumn<Case>("theCase");
        QTest::addColumn<QJsonValue>("reasons");
        QTest::addColumn<QString>("expected");
        const QList<std::pair<const char *, QJsonValue>> reasons = {
            {"no reasons", QJsonValue(QJsonValue::Undefined)},
            {"empty reasons", QJsonValue(u""_s)},
            {"blank reasons", QJsonValue(u"   "_s)},
            {"empty list", QJsonValue(QJsonArray {})},
            {"list of blanks", QJsonValue(QJsonArray {u" "_s})},
            {"reasons not text", QJsonValue(true)},
            {"a reason", QJsonValue(u"申请事项不属于本部门职权范围"_s)},
            {"a list of reasons",
                QJsonValue(QJsonArray {u"不属于本部门职权范围"_s, u"申请人不具备主体资格"_s})},
        };
        // The materials and the applicant form do not matter to a refusal or a denial.
        const QList<std::pair<const char *, Case>> cases = {
            {"all received", withChecks({FormIn, IdCardIn, FloorPlanIn})},
            {"missing and failing, applicant incomplete",
                withIncompleteApplicant(
                    {failing(Form), check(IdCard, Status::Missing), waived(FloorPlan, {})})},
        };
        for (EventKind kind : {EventKind::Refused, EventKind::Denied})
            for (const auto &[caseName, c] : cases)
                for (const auto &[reasonName, value] : reasons) {
                    const bool given = QByteArrayView(reasonName).startsWith("a ");
                    QTest::addRow("%s / %s / %s", name(kind).constData(), caseName, reasonName)
                        << kind << c << value << (given ? QString() : NoReasons);
                }
    }
    void refusalAndDenialNeedReasons()
    {
        QFETCH(EventKind, kind);
        QFETCH(Case, theCase);
        QFETCH(QJsonValue, reasons);
        QFETCH(QString, expected);
        QJsonObject payload;
        if (!reasons.isUndefined())
            payload.insert(u"reasons"_s, reasons);
        // A reason given under another key does not count.
        payload.insert(u"items"_s, u"申请材料不齐全"_s);
        QCOMPARE(outcome(DecisionRules::check(theCase, decision(kind, payload))), expected);
    }

    void otherKindsHaveNoRules_data()
    {
        QTest::addColumn<EventKind>("kind");
        for (int k = 0; k < kEventKindCount; ++k) {
            const auto kind = EventKind(k);
            if (!DecisionKinds.contains(kind) && kind != EventKind::Withdrawn)
                QTest::newRow(name(kind).constData()) << kind;
        }
    }
    void otherKindsHaveNoRules()
    {
        // The lifecycle decides whether these may come next; the rules have nothing to add, even
        // for a case that no decision above would pass.
        QFETCH(EventKind, kind);
        const Case c
            = withIncompleteApplicant({failing(Form), check(IdCard, Status::Missing), waived(FloorPlan, {})});
        QCOMPARE(outcome(DecisionRules::check(c, decision(kind))), QString());
    }

    void withdrawalNeedsItsReasonAndWhoAsked()
    {
        // The material checks do not matter to a withdrawal; its reason and who asked do.
        const Case c
            = withIncompleteApplicant({failing(Form), check(IdCard, Status::Missing), waived(FloorPlan, {})});
        Withdrawal withdrawal;
        withdrawal.reason = u"已另行申报"_s;
        withdrawal.requestedBy = Withdrawal::RequestedBy::Applicant;
        withdrawal.requester = u"张三丰"_s;
        QCOMPARE(outcome(DecisionRules::check(c, decision(EventKind::Withdrawn, withdrawal.toPayload()))),
            QString());
        QVERIFY(outcome(DecisionRules::check(c, decision(EventKind::Withdrawn))).contains(u"requestedBy"_s));
        withdrawal.reason.clear();
        QVERIFY(!outcome(DecisionRules::check(c, decision(EventKind::Withdrawn, withdrawal.toPayload())))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDecisionRules)
#include "tst_decisionRules.moc"
