#include "documents/DocumentContext.h"

namespace ow::documents {

QString DocumentContext::date(const QDate &date) const
{
    if (!date.isValid())
        return text(u"common", u"not-given");
    return text(u"common", u"date").arg(date.year()).arg(date.month()).arg(date.day());
}

QString DocumentContext::time(const QDateTime &time) const
{
    if (!time.isValid())
        return text(u"common", u"not-given");
    const QDateTime local = time.toLocalTime();
    return text(u"common", u"time")
        .arg(local.date().year())
        .arg(local.date().month())
        .arg(local.date().day())
        .arg(local.time().hour())
        .arg(local.time().minute(), 2, 10, QLatin1Char('0'));
}

QString DocumentContext::formName(catalogue::MaterialForm form) const
{
    return text(u"common", QString(u"form." + catalogue::keyword(form, catalogue::kMaterialFormKeywords)));
}

QString DocumentContext::mediumName(catalogue::Medium medium) const
{
    return text(u"common", QString(u"medium." + catalogue::keyword(medium, catalogue::kMediumKeywords)));
}

QString DocumentContext::kindName(catalogue::MatterKind kind) const
{
    return text(u"common", QString(u"kind." + catalogue::keyword(kind, catalogue::kMatterKindKeywords)));
}

QString DocumentContext::copies(int count) const
{
    return text(u"common", u"copies").arg(count);
}

QString DocumentContext::workingDays(int days) const
{
    return text(u"common", u"working-days").arg(days);
}

Document DocumentContext::start(DocumentKind kind, const QString &title) const
{
    Document document;
    document.kind = kind;
    document.title = title;
    document.serifFamily = m_settings.serifFamily();
    document.sansFamily = m_settings.sansFamily();
    document.pageLabel = text(u"common", u"page");
    document.continuedLabel = text(u"common", u"continued");
    document.footer = text(u"common", u"footer")
                          .arg(m_settings.hallName(), text(u"hall", u"address"), text(u"hall", u"phone"),
                              m_settings.complaintLine());
    return document;
}

void DocumentContext::addHeading(Document &document, const QString &subtitle) const
{
    document.add(HeadingBlock {m_settings.hallName(), document.title, subtitle});
}

void DocumentContext::addCaseNumber(Document &document, const QString &left) const
{
    if (document.caseNumber.isEmpty())
        return;
    document.add(MetaLineBlock {left, text(u"common", u"case-number").arg(document.caseNumber)});
}

std::optional<QrBlock> DocumentContext::qr(const Document &document, const QString &instructions) const
{
    if (document.caseLink.isEmpty())
        return std::nullopt;
    QrBlock block {document.caseLink, {text(u"common", u"qr.caption")}};
    if (!instructions.isEmpty())
        block.caption.append(instructions);
    block.caption.append(
        text(u"common", u"qr.hint").arg(m_settings.publicBaseUrl().toString(), text(u"hall", u"phone")));
    return block;
}

void DocumentContext::addQr(Document &document) const
{
    if (const std::optional<QrBlock> block = qr(document))
        document.add(*block);
}

void DocumentContext::addSignature(Document &document, const QString &instructions) const
{
    std::optional<QrBlock> code = qr(document, instructions);
    if (!code && !instructions.isEmpty())
        document.add(ParagraphBlock {instructions});
    document.add(SignatureBlock {m_settings.sealText(), date(m_issued.toLocalTime().date()),
        text(u"common", u"seal-note"), std::move(code)});
}

} // namespace ow::documents
