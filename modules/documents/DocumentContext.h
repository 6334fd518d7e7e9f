#pragma once

#include "catalogue/Catalogue.h"
#include "documents/Document.h"
#include "documents/HallSettings.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace ow::documents {

/// Who issues a document, when and at which counter, with the hall's settings and wording — what
/// a case record does not hold — and the pieces every document shares: heading, case number line,
/// QR code, seal and date, footer.
class DocumentContext
{
public:
    DocumentContext(HallSettings settings, QDateTime issued, QString clerk, QString counter = {})
        : m_settings(std::move(settings))
        , m_issued(std::move(issued))
        , m_clerk(std::move(clerk))
        , m_counter(std::move(counter))
    {
    }

    const HallSettings &settings() const { return m_settings; }
    /// When the document is issued (local time).
    const QDateTime &issued() const { return m_issued; }
    /// The clerk's name as printed.
    const QString &clerk() const { return m_clerk; }
    /// The counter as printed; empty to use the case's.
    const QString &counter() const { return m_counter; }

    /// The wording of `key` in `section` of the hall settings.
    QString text(QStringView section, QStringView key) const { return m_settings.text(section, key); }
    /// "2026年3月16日" (GB/T 9704: Arabic numerals, year, month and day in full).
    QString date(const QDate &date) const;
    /// "2026年3月16日 9时30分", in local time.
    QString time(const QDateTime &time) const;
    QString formName(catalogue::MaterialForm form) const;
    QString mediumName(catalogue::Medium medium) const;
    QString kindName(catalogue::MatterKind kind) const;
    QString copies(int count) const;
    QString workingDays(int days) const;

    /// A new document with its title, fonts, footer and page labels set.
    Document start(DocumentKind kind, const QString &title) const;
    /// The hall as issuing organ, the title, and an optional subtitle.
    void addHeading(Document &document, const QString &subtitle = {}) const;
    /// "统一申报编码：…" flush right, with `left` (e.g. the issue date) flush left.
    void addCaseNumber(Document &document, const QString &left = {}) const;
    /// The QR code of the case link with how to query the case, on its own.
    void addQr(Document &document) const;
    /// The issuing organ (seal text) and the issue date, with room for the seal, beside the QR code
    /// of the case link; `instructions` go in the QR code's caption.
    void addSignature(Document &document, const QString &instructions = {}) const;

private:
    std::optional<QrBlock> qr(const Document &document, const QString &instructions = {}) const;

    HallSettings m_settings;
    QDateTime m_issued;
    QString m_clerk;
    QString m_counter;
};

} // namespace ow::documents
