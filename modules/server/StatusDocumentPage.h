#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace ow::server {

/// The HTML of the status page's result documents (StatusDocuments): the section on the status
/// page, the SMS check, the list of downloads and the refusals, in the status page's own look
/// (PublicStatusPage::page). Forms only, no script.
class StatusDocumentPage
{
public:
    /// A document as the applicant sees it.
    struct Listed
    {
        QString name;
        qint64 size = 0;
        QString department;
        QDate date;
        QString url; ///< its download, once verified
    };

    /// On the status page: the documents and the link to download them (`pageUrl`).
    static QString section(const QList<Listed> &documents, const QString &pageUrl);
    /// Step one: the masked number the code goes to and the button asking for it.
    static QByteArray askForCode(
        const QString &pageUrl, const QString &maskedMobile, const QString &message = {});
    /// Step two: the code typed, with a new code offered.
    static QByteArray enterCode(
        const QString &pageUrl, const QString &maskedMobile, const QString &message = {});
    /// Verified: the documents to download.
    static QByteArray downloads(const QList<Listed> &documents, const QString &statusUrl);
    /// A page saying `text` under `title`, with the way back to the status page.
    static QByteArray notice(const QString &title, const QString &text, const QString &statusUrl);
    /// The document's size in words ("152.3 KB").
    static QString sizeText(qint64 bytes);
};

} // namespace ow::server
