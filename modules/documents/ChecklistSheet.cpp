#include "documents/ChecklistSheet.h"

#include "cases/CaseNumber.h"
#include "catalogue/ChecklistBuilder.h"

namespace ow::documents {

namespace {

using catalogue::Catalogue;
using catalogue::Matter;

QString nameOfDepartment(const Catalogue &catalogue, const QString &departmentId)
{
    const catalogue::Department *department = catalogue.department(departmentId);
    return department ? department->name : departmentId;
}

/// "场所是否使用集中空调通风系统：使用": an answer's label alone ("使用") does not say what it answers.
QString situationLine(const catalogue::Question &question, const catalogue::Answer &answer)
{
    QString text = question.text.trimmed();
    while (text.endsWith(QStringLiteral("？")) || text.endsWith(QLatin1Char('?')))
        text.chop(1);
    return text + QStringLiteral("：") + catalogue::ChecklistBuilder::answerLabel(question, answer);
}

} // namespace

ChecklistSubject ChecklistSubject::fromEvaluation(
    const Catalogue &catalogue, const Matter &matter, const catalogue::Evaluation &evaluation)
{
    ChecklistSubject subject;
    subject.matterCode = matter.code;
    subject.matterName = matter.name;
    subject.departmentName = nameOfDepartment(catalogue, matter.departmentId);
    subject.kind = matter.kind;
    subject.promisedDays = matter.promisedDays;
    subject.legalDays = matter.legalDays;
    for (const catalogue::Question *question : evaluation.visibleQuestions)
        if (const catalogue::Answer *answer = evaluation.effectiveAnswers.find(question->id))
            subject.situation.append(situationLine(*question, *answer));
    subject.materials = MaterialRow::fromChecklist(evaluation.checklist);
    subject.catalogueName = catalogue.name;
    subject.catalogueVersion = catalogue.version;
    return subject;
}

ChecklistSubject ChecklistSubject::fromCase(const cases::Case &c, const Catalogue *catalogue)
{
    ChecklistSubject subject;
    subject.matterCode = c.matterCode;
    subject.matterName = c.matterName;
    subject.departmentName = c.departmentName;
    subject.kind = c.caseType;
    subject.promisedDays = c.promisedDays;
    subject.materials = MaterialRow::fromSnapshot(c.checklist);
    subject.catalogueVersion = c.catalogueVersion;
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.number);
    subject.caseNumber = number ? number->toDisplayString() : c.number;
    subject.qrToken = c.qrToken;
    const Matter *matter = catalogue ? catalogue->matter(c.matterCode) : nullptr;
    if (catalogue)
        subject.catalogueName = catalogue->name;
    if (matter) {
        subject.legalDays = matter->legalDays;
        for (const catalogue::Question &question : matter->questions) {
            const catalogue::Answer *answer = c.answers.find(question.id);
            if (answer)
                subject.situation.append(situationLine(question, *answer));
        }
    }
    return subject;
}

Document ChecklistSheet::build(const ChecklistSubject &subject, const DocumentContext &context)
{
    const auto say = [&context](QStringView key) { return context.text(u"checklist", key); };
    const auto common = [&context](QStringView key) { return context.text(u"common", key); };

    Document document = context.start(DocumentKind::Checklist, say(u"title"));
    document.caseNumber = subject.caseNumber;
    if (!subject.qrToken.isEmpty())
        document.caseLink = context.settings().caseLink(subject.qrToken);
    context.addHeading(document, subject.matterName);
    context.addCaseNumber(document);
    document.add(ParagraphBlock {say(u"intro")}, Document::Where::SheetOnly);

    QList<Field> fields {{common(u"label.matter"), subject.matterName, true}};
    if (!subject.situation.isEmpty())
        fields.append({common(u"label.situation"), subject.situation.join(QLatin1Char('\n')), true});
    fields.append({common(u"label.department"), subject.departmentName, false});
    fields.append({common(u"label.case-type"), context.kindName(subject.kind), false});
    const QString promised = subject.kind == catalogue::MatterKind::Immediate
        ? common(u"immediate")
        : context.workingDays(subject.promisedDays);
    fields.append({common(u"label.promised"), promised, false});
    fields.append({common(u"label.legal-days"),
        subject.legalDays > 0 ? context.workingDays(subject.legalDays) : common(u"not-given"), false});
    fields.append({common(u"label.place"), context.settings().hallName(), false});
    fields.append({common(u"label.phone"), context.text(u"hall", u"phone"), false});
    fields.append({common(u"label.hours"), context.text(u"hall", u"hours"), true});
    document.add(FieldsBlock {fields});

    document.add(SectionBlock {say(u"materials")});
    // On a sheet each material carries its review points; the receipt keeps to names and counts.
    for (const bool sheet : {true, false}) {
        TableBlock table;
        table.columns = {
            {common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
            {common(sheet ? u"column.material-requirements" : u"column.material"), 5.0, false,
                TableColumn::Compact::Title},
            {common(u"column.form"), 1.5, true, TableColumn::Compact::Field},
            {common(u"column.copies"), 0.8, true, TableColumn::Compact::Inline},
            {common(u"column.medium"), 0.9, true, TableColumn::Compact::Hidden},
            {common(u"column.source"), 1.6, false, TableColumn::Compact::Hidden},
            {common(u"column.note"), 1.8, false, TableColumn::Compact::Field},
        };
        int index = 0;
        const bool several = MaterialRow::serveSeveralMatters(subject.materials);
        for (const MaterialRow &row : subject.materials) {
            TableCell name {row.name, {}};
            // A bundle's list says which of its matters each material serves.
            if (several && !row.matters.isEmpty())
                name.details.append(common(u"serves").arg(row.matters.join(QStringLiteral("、"))));
            QStringList notes = row.notes;
            if (!row.dataShared && row.waivable)
                notes.prepend(common(u"waivable"));
            // The hall fetches data-shared materials itself: their review points are the clerk's business.
            if (sheet && !row.dataShared) {
                QStringList points;
                for (const MaterialRow::Point &point : row.reviewPoints)
                    points.append(point.text);
                if (!points.isEmpty())
                    name.details.append(common(u"review-points").arg(points.join(QStringLiteral("；"))));
            }
            table.rows.append({
                TableCell {QString::number(++index), {}},
                name,
                // The applicant brings nothing of a data-shared material: no form, copies or medium.
                TableCell {row.dataShared ? common(u"form.data-shared") : context.formName(row.form), {}},
                TableCell {row.dataShared ? QString() : QString::number(row.copies), {}},
                TableCell {row.dataShared ? QString() : context.mediumName(row.medium), {}},
                TableCell {row.source, {}},
                TableCell {notes.join(QStringLiteral("；")), {}},
            });
        }
        document.add(table, sheet ? Document::Where::SheetOnly : Document::Where::ReceiptOnly);
    }

    document.add(SectionBlock {say(u"notes")}, Document::Where::SheetOnly);
    QStringList notes {say(u"note.waivable"), say(u"note.data-shared"), say(u"note.copies")};
    if (!subject.catalogueVersion.isEmpty() && !subject.catalogueName.isEmpty())
        notes.append(say(u"note.version").arg(subject.catalogueName, subject.catalogueVersion));
    for (qsizetype i = 0; i < notes.size(); ++i)
        document.add(
            ParagraphBlock {QStringLiteral("%1. %2").arg(i + 1).arg(notes.at(i)), TextStyle::Small, false},
            Document::Where::SheetOnly);
    context.addQr(document);
    document.add(SpacerBlock {3});
    document.add(ParagraphBlock {
        say(u"issued").arg(context.time(context.issued()), context.clerk()), TextStyle::Small, false});
    return document;
}

} // namespace ow::documents
