#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>
#include <variant>

namespace ow::documents {

/// The printed documents of the counter (guide 三(四)1(1)).
enum class DocumentKind
{
    Checklist, ///< 申请材料清单: the applicant's personalised checklist, printable before a case exists
    AcceptanceReceipt, ///< 受理凭证
    WaiverNotice, ///< 容缺受理通知书
    CorrectionNotice, ///< 补正材料一次性告知书 (Administrative Licensing Law art. 32(1)(4))
    RefusalNotice, ///< 不予受理通知书
    SupplementReceipt, ///< 补齐补正材料收件凭证 (SupplementReceipt; not in kDocumentKinds: it needs a
                       ///< hand-in)
    // The kinds below are not a case's decision documents either, so they stay out of
    // kDocumentKinds (see TransferDocuments and PickupDocuments).
    TransferList, ///< 移交清单: one handover of paper to a department
    FolderLabels, ///< 案卷标签: a label with the case's QR code for each folder of a transfer list
    PickupSlip, ///< 签收单: what the pickup counter handed to whom
    EmsLabel, ///< EMS 邮寄面单: the mailing of a result
    SupervisionNotice, ///< 督办单: a department's warned cases (SupervisionNotice)
};

inline constexpr DocumentKind kDocumentKinds[] = {DocumentKind::Checklist, DocumentKind::AcceptanceReceipt,
    DocumentKind::WaiverNotice, DocumentKind::CorrectionNotice, DocumentKind::RefusalNotice};

/// Stable keywords for files and the CLI ("checklist", "receipt", "waiver", "correction", "refusal").
QString keyword(DocumentKind kind);
std::optional<DocumentKind> documentKindFromKeyword(QStringView keyword);

enum class TextStyle
{
    Body, ///< serif body text
    Strong, ///< bold sans, for short statements that must stand out
    Small, ///< small sans, for notes and legal references
};

/// Issuing organ, document title and an optional subtitle, centred.
struct HeadingBlock
{
    QString organ;
    QString title;
    QString subtitle;
};

/// A line with text flush left and flush right, e.g. the case number.
struct MetaLineBlock
{
    QString left;
    QString right;
};

/// Running text. Chinese paragraphs indent their first line by two characters.
struct ParagraphBlock
{
    QString text;
    TextStyle style = TextStyle::Body;
    bool indent = true;
};

/// A bold heading, kept on the same page as what follows it.
struct SectionBlock
{
    QString text;
};

struct Field
{
    QString label;
    QString value;
    bool wide = false; ///< takes a whole row instead of half of it
};

/// A ruled grid of labels and values, two pairs a row on a sheet, one per line on a receipt.
struct FieldsBlock
{
    QList<Field> fields;
};

struct TableColumn
{
    /// How a column shows on a narrow receipt, where the grid becomes a list of entries.
    enum class Compact
    {
        Prefix, ///< put before the title ("1.")
        Title, ///< the entry's first, bold line
        Field, ///< its own line, "header：value"
        Inline, ///< appended to the previous line's text, after a space
        Hidden, ///< left out
    };

    QString header;
    qreal weight = 1; ///< share of the table width
    bool centred = false;
    Compact compact = Compact::Field;
};

struct TableCell
{
    QString text;
    QStringList details; ///< smaller lines under the text (review points, notes)
};

/// A ruled table whose header repeats on every page it flows onto; rows never split.
struct TableBlock
{
    QList<TableColumn> columns;
    QList<QList<TableCell>> rows;
};

/// The QR code of a case link with its caption.
struct QrBlock
{
    QUrl link;
    QStringList caption;
    /// What the code encodes instead of the link, when it is not one (a transfer list's "OWTL:<id>";
    /// a QUrl would lower-case the scheme).
    QString text = {};
};

/// The issuing organ and the date, flush right, with room for the seal; on a sheet the case's QR
/// code sits to the left of them, on a receipt above them.
struct SignatureBlock
{
    QString organ;
    QString date;
    QString note; ///< "（盖章）"
    std::optional<QrBlock> qr;
};

/// Blank lines for the applicant to sign and date.
struct SignLinesBlock
{
    QStringList labels;
};

/// Vertical space in millimetres.
struct SpacerBlock
{
    qreal millimetres = 4;
};

using Block = std::variant<HeadingBlock, MetaLineBlock, ParagraphBlock, SectionBlock, FieldsBlock, TableBlock,
    QrBlock, SignatureBlock, SignLinesBlock, SpacerBlock>;

/// A printed document as a list of blocks, independent of the page it goes on: DocumentLayout lays
/// it out for an A4 sheet or a thermal receipt, and DocumentRenderer sends it to PDF, a printer or
/// an image.
struct Document
{
    /// Where a block appears: long legal text and sign lines stay off the thermal receipt.
    enum class Where
    {
        Everywhere,
        SheetOnly,
        ReceiptOnly
    };

    struct Entry
    {
        Block block;
        Where where = Where::Everywhere;
    };

    DocumentKind kind = DocumentKind::Checklist;
    QString title; ///< for continuation pages and the PDF's title
    QString caseNumber; ///< display form; empty before a case exists
    QUrl caseLink; ///< what the QR code encodes; empty before a case exists
    QString footer; ///< hall line printed at the foot of every sheet
    QString serifFamily;
    QString sansFamily;
    QString pageLabel; ///< "第%1页 共%2页"
    QString continuedLabel; ///< "%1（续）"
    QList<Entry> entries;

    void add(Block block, Where where = Where::Everywhere)
    {
        entries.append(Entry {std::move(block), where});
    }
};

} // namespace ow::documents
