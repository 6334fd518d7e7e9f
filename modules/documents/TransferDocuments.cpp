#include "documents/TransferDocuments.h"

#include "cases/CaseNumber.h"

#include <QCoreApplication>

namespace ow::documents {

namespace {

QString displayNumber(const QString &caseNumber)
{
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(caseNumber);
    return number ? number->toDisplayString() : caseNumber;
}

/// "原件" / "复印件" / "原件、复印件": what of the material is in the folder.
QString formText(const cases::TransferMaterial &m, const DocumentContext &context)
{
    QStringList forms;
    if (m.original)
        forms.append(context.text(u"common", u"form.original"));
    if (m.copy)
        forms.append(context.text(u"common", u"form.copy"));
    return forms.join(QStringLiteral("、"));
}

} // namespace

Result<Document> TransferDocuments::list(const cases::TransferList &list, const DocumentContext &context)
{
    if (list.items.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "The transfer list %1 has no folder on it: nothing to print.")
                .arg(list.id));
    const auto say = [&](QStringView key) { return context.text(u"transfer", key); };
    const auto common = [&](QStringView key) { return context.text(u"common", key); };
    Document document = context.start(DocumentKind::TransferList, say(u"title"));
    // The list id stands where a case number would: continuation pages and the file name carry it.
    document.caseNumber = list.id;
    context.addHeading(document, say(u"subtitle").arg(list.departmentName));
    document.add(
        MetaLineBlock {say(u"slot").arg(context.date(list.day), list.slot.toString(QStringLiteral("HH:mm"))),
            say(u"number").arg(list.id)});

    int materials = 0;
    for (const cases::TransferItem &item : list.items)
        materials += std::max<int>(1, int(item.materials.size()));
    document.add(FieldsBlock {{{say(u"label.department"), list.departmentName},
        {say(u"label.counter"), list.counter}, {say(u"label.clerk"), context.clerk()},
        {say(u"label.made"), context.time(list.made.isValid() ? list.made : context.issued().toUTC())},
        {say(u"label.folders"), say(u"folders").arg(list.items.size())},
        {say(u"label.pages"), say(u"pages").arg(list.pageCount())}}});

    TableBlock table;
    table.columns = {{common(u"column.index"), 0.6, true, TableColumn::Compact::Prefix},
        {say(u"column.case"), 4.3, false, TableColumn::Compact::Title},
        {common(u"label.matter"), 1.8, false, TableColumn::Compact::Field},
        {common(u"label.applicant"), 1.2, false, TableColumn::Compact::Field},
        {common(u"column.material"), 2.4, false, TableColumn::Compact::Field},
        {say(u"column.form"), 1.2, true, TableColumn::Compact::Inline},
        {common(u"column.copies"), 0.7, true, TableColumn::Compact::Inline},
        {say(u"column.pages"), 0.7, true, TableColumn::Compact::Inline}};
    int index = 0;
    for (const cases::TransferItem &item : list.items) {
        ++index;
        // One row per material; the case's own cells only on its first row, so a folder reads as
        // one group and no row has to split across a page.
        QList<cases::TransferMaterial> rows = item.materials;
        if (rows.isEmpty())
            rows.append(cases::TransferMaterial {});
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const cases::TransferMaterial &m = rows.at(i);
            const bool first = i == 0;
            table.rows.append({TableCell {first ? QString::number(index) : QString(), {}},
                TableCell {first ? displayNumber(item.caseNumber) : QString(), {}},
                TableCell {first ? item.matterName : QString(), {}},
                TableCell {first ? item.applicantMasked : QString(), {}},
                TableCell {m.name.isEmpty() ? common(u"not-given") : m.name, {}},
                TableCell {formText(m, context), {}},
                TableCell {m.copies > 0 ? QString::number(m.copies) : QString(), {}},
                TableCell {m.pages > 0 ? QString::number(m.pages) : QString(), {}}});
        }
    }
    document.add(table);
    document.add(ParagraphBlock {
        say(u"total").arg(list.items.size()).arg(materials).arg(list.pageCount()), TextStyle::Body, false});

    QrBlock code {
        QUrl(), {say(u"qr.caption"), say(u"qr.hint").arg(list.id)}, cases::TransferList::scanText(list.id)};
    document.add(code);
    document.add(ParagraphBlock {say(u"check"), TextStyle::Small, false});
    document.add(SignLinesBlock {{say(u"sign.clerk"), say(u"sign.receiver"), say(u"sign.time")}});
    return document;
}

Result<Document> TransferDocuments::folderLabels(
    const cases::TransferList &list, const QHash<QString, QString> &qrTokens, const DocumentContext &context)
{
    if (list.items.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "The transfer list %1 has no folder on it: nothing to print.")
                .arg(list.id));
    const auto say = [&](QStringView key) { return context.text(u"folder-label", key); };
    Document document = context.start(DocumentKind::FolderLabels, say(u"title"));
    document.caseNumber = list.id;
    context.addHeading(document, say(u"subtitle").arg(list.departmentName, list.id));
    for (const cases::TransferItem &item : list.items) {
        const QString token = qrTokens.value(item.caseNumber);
        QrBlock label;
        if (!token.isEmpty())
            label.link = context.settings().caseLink(token);
        else
            label.text = item.caseNumber;
        label.caption = {displayNumber(item.caseNumber), say(u"matter").arg(item.matterName),
            say(u"applicant").arg(item.applicantMasked),
            say(u"contents").arg(item.materials.size()).arg(item.pageCount()),
            say(u"handover")
                .arg(list.departmentName, context.date(list.day),
                    list.slot.toString(QStringLiteral("HH:mm")))};
        document.add(label);
        document.add(SpacerBlock {3});
    }
    return document;
}

} // namespace ow::documents
