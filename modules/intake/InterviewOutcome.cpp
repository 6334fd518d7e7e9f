#include "intake/InterviewOutcome.h"

#include "cases/CaseJson.h"

#include <QCoreApplication>

namespace ow::intake {

using namespace ow::catalogue;

bool InterviewOutcome::isComplete() const
{
    return checkComplete().has_value();
}

QString InterviewOutcome::name() const
{
    if (bundle)
        return bundle->name;
    return parts.isEmpty() || !parts.constFirst().matter ? QString() : parts.constFirst().matter->name;
}

Result<void> InterviewOutcome::checkComplete() const
{
    if (parts.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::intake", "No matter is open: find the matter first."));
    for (const Part &part : parts)
        if (!part.matter || !part.evaluation.complete)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::intake",
                    "The questions of %1 are not all answered: the situation is not settled yet.")
                    .arg(part.matter ? part.matter->name : QString()));
    return {};
}

void InterviewOutcome::fillCase(const Catalogue &catalogue, cases::Case &c) const
{
    c.catalogueId = catalogue.id;
    c.catalogueVersion = catalogue.version;
    c.checklist = cases::CaseJson::checklistSnapshot(checklist);
    if (parts.isEmpty())
        return;
    const Matter &first = *parts.constFirst().matter;
    if (!bundle) {
        const Part &part = parts.constFirst();
        c.matterCode = first.code;
        c.matterName = first.name;
        c.departmentId = first.departmentId;
        c.caseType = first.kind;
        c.promisedDays = first.promisedDays;
        c.answers = part.evaluation.effectiveAnswers;
        c.situationKey = part.evaluation.situationKey;
    } else {
        c.matterCode = bundle->id;
        c.matterName = bundle->name;
        c.departmentId = bundle->leadDepartmentId.isEmpty() ? first.departmentId : bundle->leadDepartmentId;
        // The bundle is decided when its slowest matter is: immediate only if every matter is.
        c.caseType = MatterKind::Immediate;
        c.promisedDays = 0;
        catalogue::Answers answers;
        QStringList keys;
        for (const Part &part : parts) {
            if (part.matter->kind == MatterKind::Promised)
                c.caseType = MatterKind::Promised;
            c.promisedDays = qMax(c.promisedDays, part.matter->promisedDays);
            const QString prefix = part.matter->code + QLatin1Char('/');
            const Answers &effective = part.evaluation.effectiveAnswers;
            for (const QString &questionId : effective.questionIds())
                answers.set(prefix + questionId, *effective.find(questionId));
            for (const QString &questionId : effective.notApplicableIds())
                answers.setNotApplicable(prefix + questionId);
            keys.append(prefix + part.evaluation.situationKey);
        }
        c.answers = answers;
        c.situationKey = keys.join(QLatin1Char('|'));
    }
    const Department *department = catalogue.department(c.departmentId);
    c.departmentName = department ? department->name : c.departmentId;
}

documents::ChecklistSubject InterviewOutcome::checklistSubject(const Catalogue &catalogue) const
{
    if (parts.isEmpty())
        return {};
    const Part &first = parts.constFirst();
    if (!bundle)
        return documents::ChecklistSubject::fromEvaluation(catalogue, *first.matter, first.evaluation);
    // A bundle's sheet: the merged checklist under the bundle's name, every matter's situation.
    documents::ChecklistSubject subject
        = documents::ChecklistSubject::fromEvaluation(catalogue, *first.matter, first.evaluation);
    subject.situation.clear();
    for (const Part &part : parts) {
        const documents::ChecklistSubject own
            = documents::ChecklistSubject::fromEvaluation(catalogue, *part.matter, part.evaluation);
        for (const QString &line : own.situation)
            subject.situation.append(part.matter->name + QStringLiteral("：") + line);
    }
    subject.materials = documents::MaterialRow::fromChecklist(checklist);
    subject.legalDays = 0;
    cases::Case c;
    fillCase(catalogue, c);
    subject.matterCode = c.matterCode;
    subject.matterName = c.matterName;
    subject.departmentName = c.departmentName;
    subject.kind = c.caseType;
    subject.promisedDays = c.promisedDays;
    return subject;
}

} // namespace ow::intake
