#include "documents/SupplementReceipt.h"

#include "cases/CaseNumber.h"
#include "core/Masking.h"

#include <QCoreApplication>

namespace ow::documents {

Result<Document> SupplementReceipt::make(const cases::Case &c, const QList<cases::HandedIn> &handedIn,
    const QList<cases::AwaitedMaterial> &outstanding, const DocumentContext &context)
{
    if (handedIn.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "Nothing was handed in for the case %1: there is no receipt to issue.")
                .arg(c.number));
    const auto say = [&](QStringView key) { return context.text(u"supplement", key); };
    const auto common = [&](QStringView key) { return context.text(u"common", key); };
    Document document = context.start(DocumentKind::SupplementReceipt, say(u"title"));
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.number);
    document.caseNumber = number ? number->toDisplayString() : c.number;
    if (!c.qrToken.isEmpty())
        document.caseLink = context.settings().caseLink(c.qrToken);
    context.addHeading(document);
    context.addCaseNumber(document);
    document.add(ParagraphBlock {common(u"addressee").arg(c.applicant.name), TextStyle::Body, false},
        Document::Where::SheetOnly);
    document.add(ParagraphBlock {say(u"body").arg(context.date(c.created.toLocalTime().date()), c.matterName,
                     context.time(context.issued().toUTC()))},
        Document::Where::SheetOnly);

    const QString applicant
        = c.applicant.isOrganisation() ? c.applicant.name : Masking::name(c.applicant.name);
    document.add(
        FieldsBlock {{{common(u"label.matter"), c.matterName, true}, {common(u"label.applicant"), applicant},
            {common(u"label.counter"), context.counter()}, {common(u"label.clerk"), context.clerk()},
            {say(u"label.handed-in"), context.time(context.issued().toUTC())}}});

    document.add(SectionBlock {say(u"received")});
    TableBlock received;
    received.columns = {{common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
        {common(u"column.material"), 5.4, false, TableColumn::Compact::Title},
        {say(u"column.pages"), 1.6, true, TableColumn::Compact::Inline}};
    int index = 0;
    for (const cases::HandedIn &h : handedIn)
        received.rows.append({TableCell {QString::number(++index), {}}, TableCell {h.name, {}},
            TableCell {h.scans.isEmpty() ? QString() : say(u"pages").arg(h.scans.size()), {}}});
    document.add(received);

    if (outstanding.isEmpty()) {
        document.add(ParagraphBlock {say(u"complete")});
    } else {
        document.add(SectionBlock {say(u"outstanding")});
        TableBlock awaited;
        awaited.columns = {{common(u"column.index"), 0.8, true, TableColumn::Compact::Prefix},
            {common(u"column.material"), 5.0, false, TableColumn::Compact::Title},
            {say(u"column.deadline"), 2.0, true, TableColumn::Compact::Field}};
        index = 0;
        for (const cases::AwaitedMaterial &a : outstanding)
            awaited.rows.append({TableCell {QString::number(++index), {}}, TableCell {a.name, {}},
                TableCell {a.deadline.isValid() ? context.date(a.deadline) : QString(), {}}});
        document.add(awaited);
        document.add(ParagraphBlock {say(u"remind")});
    }
    context.addSignature(document);
    return document;
}

Result<Document> SupplementReceipt::fromCase(const cases::Case &c, const DocumentContext &context)
{
    QList<cases::HandedIn> handed;
    QList<cases::AwaitedMaterial> outstanding = cases::Supplements::awaited(c, {});
    for (const cases::MaterialCheck &check : c.materialChecks) {
        if (check.status != cases::MaterialCheck::Status::Supplemented)
            continue;
        QString name = check.materialId;
        for (const QJsonValue &line : c.checklist)
            if (line.toObject().value(QStringLiteral("material")).toString() == check.materialId)
                name = line.toObject().value(QStringLiteral("name")).toString();
        cases::HandedIn h {check.materialId, name, {}};
        for (const cases::CaseAttachment &a : c.attachments)
            if (a.materialId == check.materialId)
                h.scans.append(a.sha256);
        handed.append(h);
    }
    return make(c, handed, outstanding, context);
}

void markReprint(Document &document, const DocumentContext &context)
{
    // Right under the heading and the case number, where the eye looks first.
    const QString mark = context.text(u"common", u"reprint").arg(context.time(context.issued().toUTC()));
    qsizetype at = 0;
    for (qsizetype i = 0; i < document.entries.size(); ++i)
        if (std::holds_alternative<MetaLineBlock>(document.entries.at(i).block)
            || std::holds_alternative<HeadingBlock>(document.entries.at(i).block))
            at = i + 1;
    document.entries.insert(at, Document::Entry {ParagraphBlock {mark, TextStyle::Strong, false}});
}

} // namespace ow::documents
