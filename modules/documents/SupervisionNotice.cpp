#include "documents/SupervisionNotice.h"

#include "cases/CaseNumber.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow::documents {

using supervision::Colour;
using supervision::Warning;

namespace {

QString displayNumber(const QString &caseNumber)
{
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(caseNumber);
    return number ? number->toDisplayString() : caseNumber;
}

} // namespace

Result<Document> SupervisionNotice::build(const QString &departmentId, const QString &departmentName,
    QList<Warning> warnings, QDate day, const DocumentContext &context)
{
    if (warnings.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "%1 has no warning on %2: there is nothing to send.")
                .arg(departmentName.isEmpty() ? departmentId : departmentName, day.toString(Qt::ISODate)));
    const auto say = [&](QStringView key) { return context.text(u"supervision-notice", key); };
    std::stable_sort(warnings.begin(), warnings.end(), [](const Warning &a, const Warning &b) {
        if (a.colour != b.colour)
            return a.colour == Colour::Red;
        return a.since != b.since ? a.since < b.since : a.caseNumber < b.caseNumber;
    });
    int red = 0;
    for (const Warning &w : warnings)
        red += w.colour == Colour::Red ? 1 : 0;

    Document document = context.start(DocumentKind::SupervisionNotice, say(u"title"));
    // The department and day stand where a case number would: continuation pages and the file name.
    document.caseNumber = departmentId + QLatin1Char('-') + day.toString(QStringLiteral("yyyyMMdd"));
    context.addHeading(
        document, say(u"subtitle").arg(departmentName.isEmpty() ? departmentId : departmentName));
    document.add(MetaLineBlock {say(u"day").arg(context.date(day)), say(u"number").arg(document.caseNumber)});
    document.add(ParagraphBlock {
        say(u"intro").arg(context.date(day)).arg(warnings.size()).arg(red).arg(warnings.size() - red)});

    TableBlock table;
    table.columns = {{say(u"column.index"), 0.6, true, TableColumn::Compact::Prefix},
        {say(u"column.case"), 4.2, false, TableColumn::Compact::Title},
        {say(u"column.matter"), 2.2, false, TableColumn::Compact::Field},
        {say(u"column.stage"), 1.1, true, TableColumn::Compact::Field},
        {say(u"column.warning"), 2.2, false, TableColumn::Compact::Field},
        {say(u"column.responsible"), 1.3, true, TableColumn::Compact::Field},
        {say(u"column.since"), 1.6, true, TableColumn::Compact::Field}};
    int index = 0;
    for (const Warning &w : warnings) {
        const QString colour = say(w.colour == Colour::Red ? u"colour.red" : u"colour.yellow");
        const QString rule = say(QString(QStringLiteral("rule.") + supervision::keyword(w.rule)));
        const QString due = w.due.isValid() ? say(u"due").arg(context.date(w.due)) : QString();
        table.rows.append({TableCell {QString::number(++index), {}},
            TableCell {displayNumber(w.caseNumber), {}}, TableCell {w.matterName, {}},
            TableCell {say(QString(QStringLiteral("stage.") + supervision::keyword(w.stage))), {}},
            TableCell {
                colour + QStringLiteral("：") + rule, due.isEmpty() ? QStringList() : QStringList {due}},
            TableCell {w.clerkName.isEmpty() ? say(u"department") : w.clerkName, {}},
            TableCell {context.date(w.since), {}}});
    }
    document.add(table);
    document.add(ParagraphBlock {say(u"request")});
    document.add(SignLinesBlock {{say(u"sign.reply"), say(u"sign.date")}}, Document::Where::SheetOnly);
    document.add(SignatureBlock {
        context.settings().sealText(), context.date(context.issued().date()), say(u"seal"), std::nullopt});
    return document;
}

} // namespace ow::documents
