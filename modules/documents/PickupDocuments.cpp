#include "documents/PickupDocuments.h"

#include "cases/CaseNumber.h"
#include "core/Masking.h"
#include "core/TrackingNumber.h"
#include "documents/MaterialRow.h"

#include <QCoreApplication>
#include <QLocale>

namespace ow::documents {

namespace {

void setCase(Document &document, const cases::Case &c, const DocumentContext &context)
{
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.number);
    document.caseNumber = number ? number->toDisplayString() : c.number;
    if (!c.qrToken.isEmpty())
        document.caseLink = context.settings().caseLink(c.qrToken);
}

QString applicantShown(const cases::Applicant &a)
{
    return a.isOrganisation() ? a.name : Masking::name(a.name);
}

} // namespace

Result<Document> PickupDocuments::slip(
    const cases::Case &c, const cases::Collector &collector, const DocumentContext &context)
{
    const auto say = [&](QStringView key) { return context.text(u"pickup-slip", key); };
    const auto common = [&](QStringView key) { return context.text(u"common", key); };
    Document document = context.start(DocumentKind::PickupSlip, say(u"title"));
    setCase(document, c, context);
    context.addHeading(document);
    context.addCaseNumber(document);

    const bool agent = collector.kind == cases::Collector::Kind::Agent;
    const QString handedAt = context.time(context.issued().toUTC());
    const QString counter = context.counter().isEmpty() ? c.counter : context.counter();
    document.add(FieldsBlock {{{common(u"label.matter"), c.matterName, true},
        {common(u"label.applicant"), applicantShown(c.applicant)},
        {common(u"label.department"), c.departmentName},
        {say(u"label.handed-over"), say(u"result").arg(c.matterName), true},
        {say(u"label.collector"), Masking::name(collector.name)},
        {say(u"label.collector-kind"), agent ? say(u"kind.agent") : say(u"kind.applicant")},
        {common(u"label.id-number"), Masking::idNumber(collector.idNumber)}, {say(u"label.time"), handedAt},
        {say(u"label.counter"), counter}, {common(u"label.clerk"), context.clerk()}}});
    if (const QList<TableCell> returned = returnedOriginals(c, context); !returned.isEmpty()) {
        document.add(SectionBlock {say(u"returned")});
        TableBlock table;
        table.columns = {{common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
            {common(u"column.material"), 7.2, false, TableColumn::Compact::Title}};
        for (const TableCell &material : returned)
            table.rows.append({TableCell {QString::number(table.rows.size() + 1), {}}, material});
        document.add(table);
    }
    document.add(ParagraphBlock {agent ? say(u"declaration.agent") : say(u"declaration")});
    document.add(SignLinesBlock {{say(u"sign.collector"), common(u"sign.date")}});
    return document;
}

QList<TableCell> PickupDocuments::returnedOriginals(const cases::Case &c, const DocumentContext &context)
{
    const QList<MaterialRow> rows = MaterialRow::fromSnapshot(c.checklist);
    const QString serves = context.text(u"common", u"serves");
    QList<TableCell> returned;
    for (const MaterialRow &row : rows) {
        const cases::MaterialCheck *check = c.findCheck(row.materialId);
        // Only an original the hall saw and did not keep goes back; a 原件 material stays in the file.
        if (!check || !check->originalSeen || row.form != catalogue::MaterialForm::VerifyOriginalKeepCopy)
            continue;
        if (check->status != cases::MaterialCheck::Status::Received
            && check->status != cases::MaterialCheck::Status::Supplemented)
            continue;
        returned.append(TableCell {row.name, MaterialRow::servesLine(&row, rows, serves)});
    }
    return returned;
}

Result<Document> PickupDocuments::emsLabel(
    const cases::Case &c, const QString &trackingNumber, const DocumentContext &context)
{
    if (const QStringList missing = cases::PickupDesk::missingAddressFields(c.applicant); !missing.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "No EMS label for case %1: the mailing address lacks %2.")
                .arg(c.number, QLocale().createSeparatedList(missing)));
    const Result<QString> number = TrackingNumber::parse(trackingNumber);
    if (!number)
        return failWith(number.error());

    const auto say = [&](QStringView key) { return context.text(u"ems", key); };
    Document document = context.start(DocumentKind::EmsLabel, say(u"title"));
    setCase(document, c, context);
    context.addHeading(document);
    document.add(MetaLineBlock {say(u"service"), say(u"number").arg(*number)});

    const cases::Applicant &a = c.applicant;
    const QString address
        = a.recipientProvince + a.recipientCity + a.recipientDistrict + QLatin1Char(' ') + a.recipientAddress;
    document.add(SectionBlock {say(u"recipient")});
    FieldsBlock recipient {{{say(u"label.name"), a.recipientName},
        {say(u"label.mobile"), Masking::phone(a.recipientMobile)}, {say(u"label.address"), address, true}}};
    if (!a.recipientPostcode.isEmpty())
        recipient.fields.append({say(u"label.postcode"), a.recipientPostcode});
    document.add(recipient);

    document.add(SectionBlock {say(u"sender")});
    document.add(FieldsBlock {{{say(u"label.name"), context.settings().hallName()},
        {say(u"label.mobile"), context.text(u"hall", u"phone")},
        {say(u"label.address"), context.text(u"hall", u"address"), true}}});

    document.add(
        FieldsBlock {{{say(u"label.contents"), say(u"contents").arg(c.matterName, document.caseNumber), true},
            {say(u"label.posted"), context.time(context.issued().toUTC())},
            {context.text(u"common", u"label.clerk"), context.clerk()}}});
    document.add(QrBlock {QUrl(), {say(u"number").arg(*number)}, *number});
    document.add(SignLinesBlock {{say(u"sign.recipient"), context.text(u"common", u"sign.date")}});
    return document;
}

} // namespace ow::documents
