#include "documents/OutcomeNotice.h"

#include "documents/ChecklistSheet.h"

namespace ow::documents {

using catalogue::OutcomeKind;

std::optional<OutcomeSubject> OutcomeSubject::fromEvaluation(const catalogue::Catalogue &catalogue,
    const catalogue::Matter &matter, const catalogue::Evaluation &evaluation)
{
    const catalogue::ScreeningOutcome *outcome = evaluation.outcome;
    if (!outcome)
        return std::nullopt;
    // The checklist's subject already words the situation and names the department.
    const ChecklistSubject asked = ChecklistSubject::fromEvaluation(catalogue, matter, evaluation);
    OutcomeSubject subject;
    subject.matterName = asked.matterName;
    subject.departmentName = asked.departmentName;
    subject.situation = asked.situation;
    subject.kind = outcome->kind;
    subject.reason = outcome->reason;
    subject.catalogueName = catalogue.name;
    subject.catalogueVersion = catalogue.version;
    if (outcome->kind == OutcomeKind::Refer) {
        subject.targetCode = outcome->targetCode;
        if (const catalogue::Matter *target = catalogue.matter(outcome->targetCode)) {
            subject.targetName = target->name;
            const catalogue::Department *department = catalogue.department(target->departmentId);
            subject.targetDepartmentName = department ? department->name : target->departmentId;
        }
    }
    return subject;
}

Document OutcomeNotice::build(const OutcomeSubject &subject, const DocumentContext &context)
{
    const auto say = [&context](QStringView key) { return context.text(u"outcome", key); };
    const auto common = [&context](QStringView key) { return context.text(u"common", key); };
    const bool refer = subject.kind == OutcomeKind::Refer;

    Document document = context.start(DocumentKind::Checklist, say(u"title"));
    context.addHeading(document, subject.matterName);
    document.add(MetaLineBlock {context.date(context.issued().date()), {}});
    document.add(ParagraphBlock {say(u"intro").arg(subject.matterName)});

    QList<Field> fields {{say(u"label.asked"), subject.matterName, true}};
    if (!subject.situation.isEmpty())
        fields.append({common(u"label.situation"), subject.situation.join(QLatin1Char('\n')), true});
    fields.append(
        {say(u"label.conclusion"), say(refer ? u"conclusion.refer" : u"conclusion.not-required"), true});
    if (refer) {
        fields.append({say(u"label.target"),
            subject.targetName.isEmpty() ? subject.targetCode : subject.targetName, false});
        fields.append({say(u"label.target-department"),
            subject.targetDepartmentName.isEmpty() ? common(u"not-given") : subject.targetDepartmentName,
            false});
    }
    fields.append({say(u"label.reason"), subject.reason, true});
    document.add(FieldsBlock {fields});

    document.add(ParagraphBlock {say(refer ? u"after.refer" : u"after.not-required")});
    if (!subject.catalogueName.isEmpty() && !subject.catalogueVersion.isEmpty())
        document.add(
            ParagraphBlock {say(u"note.version").arg(subject.catalogueName, subject.catalogueVersion),
                TextStyle::Small, false},
            Document::Where::SheetOnly);
    context.addSignature(document);
    document.add(ParagraphBlock {
        say(u"issued").arg(context.time(context.issued()), context.clerk()), TextStyle::Small, false});
    return document;
}

} // namespace ow::documents
