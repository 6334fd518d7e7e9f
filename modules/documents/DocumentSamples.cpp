#include "documents/DocumentSamples.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/SituationEngine.h"
#include "core/WorkingCalendar.h"

#include <QCoreApplication>

namespace ow::documents {

namespace {

using cases::Case;
using cases::MaterialCheck;

const QDate kDay(2026, 3, 16);

/// A hotel that has its linen washed under contract, runs no pool or public bath and uses central
/// air conditioning.
catalogue::Answers hotelAnswers()
{
    catalogue::Answers answers;
    answers.set(QStringLiteral("place-type"), catalogue::Answer::single(QStringLiteral("lodging")));
    answers.set(QStringLiteral("linen-washing"), catalogue::Answer::single(QStringLiteral("outsourced")));
    answers.set(QStringLiteral("lodging-facilities"), catalogue::Answer::single(QStringLiteral("neither")));
    answers.set(QStringLiteral("central-ac"), catalogue::Answer::single(QStringLiteral("yes")));
    answers.set(QStringLiteral("agent"), catalogue::Answer::single(QStringLiteral("self")));
    return answers;
}

cases::Applicant zhangSan()
{
    cases::Applicant applicant;
    applicant.kind = cases::ApplicantKind::Person;
    applicant.name = QStringLiteral("张三");
    applicant.idNumber = QStringLiteral("11010519491231002X");
    applicant.contactName = applicant.name;
    applicant.contactMobile = QStringLiteral("13812345678");
    applicant.address = QStringLiteral("浙江省温州市鹿城区示例路8号");
    applicant.postcode = QStringLiteral("325000");
    return applicant;
}

MaterialCheck received(const catalogue::ChecklistLine &line)
{
    MaterialCheck check;
    check.materialId = line.materialId;
    check.status = line.dataShared ? MaterialCheck::Status::DataShared : MaterialCheck::Status::Received;
    check.originalSeen = line.form != catalogue::MaterialForm::Copy;
    check.copyKept = line.form != catalogue::MaterialForm::Original;
    check.copies = line.dataShared ? 0 : line.copies;
    return check;
}

MaterialCheck *checkOf(Case &c, const QString &materialId)
{
    for (MaterialCheck &check : c.materialChecks)
        if (check.materialId == materialId)
            return &check;
    return nullptr;
}

} // namespace

Result<DocumentSamples> DocumentSamples::make(const QString &catalogueDirectory)
{
    Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(catalogueDirectory);
    if (!loaded)
        return failWith(loaded.error());
    const catalogue::Matter *matter = (*loaded)->matter(QString(kMatterCode));
    if (!matter)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::documents", "The catalogue has no matter %1 for the sample documents.")
                .arg(kMatterCode));
    const catalogue::SituationEngine engine(*loaded);
    const catalogue::Evaluation evaluation = engine.evaluate(*matter, hotelAnswers());
    if (!evaluation.complete)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "The sample answers no longer reach a situation of %1.")
                .arg(kMatterCode));
    Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
    if (!calendar)
        return failWith(calendar.error());
    Result<QDate> deadline = calendar->addWorkingDays(kDay, matter->promisedDays);
    Result<QDate> supplementBy = calendar->addWorkingDays(kDay, 5);
    if (!deadline || !supplementBy)
        return failWith(deadline ? supplementBy.error() : deadline.error());
    Result<cases::CaseNumber> number
        = cases::CaseNumber::make(QStringLiteral("33030201"), kDay, cases::CaseNumber::sequenceFor(7, 1));
    if (!number)
        return failWith(number.error());

    DocumentSamples samples;
    samples.m_catalogue = *loaded;
    samples.m_checklist = ChecklistSubject::fromEvaluation(**loaded, *matter, evaluation);

    Case c;
    c.number = number->toString();
    c.qrToken = QString(kQrToken);
    c.matterCode = matter->code;
    c.matterName = matter->name;
    c.departmentId = matter->departmentId;
    const catalogue::Department *department = (*loaded)->department(matter->departmentId);
    c.departmentName = department ? department->name : matter->departmentId;
    c.caseType = matter->kind;
    c.promisedDays = matter->promisedDays;
    c.catalogueId = (*loaded)->id;
    c.catalogueVersion = (*loaded)->version;
    c.answers = evaluation.effectiveAnswers;
    c.situationKey = evaluation.situationKey;
    c.checklist = cases::CaseJson::checklistSnapshot(evaluation.checklist);
    c.applicant = zhangSan();
    for (const catalogue::ChecklistLine &line : evaluation.checklist.lines)
        c.materialChecks.append(received(line));
    c.firstHandler = QStringLiteral("lisi");
    c.counter = QStringLiteral("W07");
    c.hall = QStringLiteral("33030201");
    c.promisedDeadline = *deadline;
    c.calendarVersion = calendar->version();
    c.state = cases::CaseState::Accepted;
    c.created = QDateTime(kDay, QTime(9, 30)).toUTC();
    c.updated = QDateTime(kDay, QTime(10, 5)).toUTC();
    samples.m_accepted = c;

    samples.m_waiver = c;
    samples.m_waiver.state = cases::CaseState::AcceptedWithWaiver;
    for (const QString &id : {QStringLiteral("hygiene-test-report"), QStringLiteral("ac-report")}) {
        if (MaterialCheck *check = checkOf(samples.m_waiver, id)) {
            check->status = MaterialCheck::Status::Waived;
            check->copies = 0;
            check->supplementDeadline = *supplementBy;
        }
    }

    samples.m_correction = c;
    samples.m_correction.state = cases::CaseState::CorrectionNotice;
    samples.m_correction.promisedDeadline = QDate();
    if (MaterialCheck *check = checkOf(samples.m_correction, QStringLiteral("public-place-plans"))) {
        check->status = MaterialCheck::Status::Missing;
        check->copies = 0;
    }
    if (MaterialCheck *check = checkOf(samples.m_correction, QStringLiteral("linen-contract")))
        check->failedPoints.append(
            {QStringLiteral("provider"), QStringLiteral("布草洗涤委托合同已于2025年12月31日到期")});
    if (MaterialCheck *check = checkOf(samples.m_correction, QStringLiteral("public-health-form")))
        check->failedPoints.append({QStringLiteral("area"),
            QStringLiteral("申请表填写的经营面积（860平方米）与平面图标注的面积（920平方米）不一致")});
    if (MaterialCheck *check = checkOf(samples.m_correction, QStringLiteral("hygiene-rules")))
        check->failedPoints.append({QStringLiteral("seal"), QStringLiteral("未加盖单位公章")});
    samples.m_correctionDetails.items = {QStringLiteral("申请表所填联系电话无法接通，请核实后重新填写。")};

    samples.m_refusal = c;
    samples.m_refusal.state = cases::CaseState::Refused;
    samples.m_refusal.promisedDeadline = QDate();
    samples.m_refusalDetails.ground = DecisionDetails::Ground::NotCompetent;
    samples.m_refusalDetails.competentAuthority = QStringLiteral("温州市瓯海区卫生健康局");
    samples.m_refusalDetails.reasons
        = {QStringLiteral("申请的经营场所位于温州市瓯海区，不属于鹿城区卫生健康局的管辖范围。")};
    return samples;
}

DocumentContext DocumentSamples::context(const HallSettings &settings)
{
    return DocumentContext(
        settings, QDateTime(kDay, QTime(10, 5)), QStringLiteral("李四"), QStringLiteral("综合受理7号窗口"));
}

Result<Document> DocumentSamples::document(DocumentKind kind, const DocumentContext &context) const
{
    if (kind == DocumentKind::Checklist)
        return ChecklistSheet::build(m_checklist, context);
    return CaseDocuments::make(kind, caseFor(kind), detailsFor(kind), context, m_catalogue.get());
}

const Case &DocumentSamples::caseFor(DocumentKind kind) const
{
    switch (kind) {
    case DocumentKind::WaiverNotice:
        return m_waiver;
    case DocumentKind::CorrectionNotice:
        return m_correction;
    case DocumentKind::RefusalNotice:
        return m_refusal;
    default:
        return m_accepted;
    }
}

const DecisionDetails &DocumentSamples::detailsFor(DocumentKind kind) const
{
    if (kind == DocumentKind::CorrectionNotice)
        return m_correctionDetails;
    if (kind == DocumentKind::RefusalNotice)
        return m_refusalDetails;
    return m_none;
}

} // namespace ow::documents
