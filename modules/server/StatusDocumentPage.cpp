#include "server/StatusDocumentPage.h"

#include "server/PublicStatusPage.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString back(const QString &statusUrl)
{
    return u"<p><a href=\"%1\">%2</a></p>\n"_s.arg(escaped(statusUrl),
        escaped(QCoreApplication::translate("ow::server", "Back to the application status")));
}

QString list(const QList<StatusDocumentPage::Listed> &documents, bool links)
{
    QString out = u"<ul class=\"documents\">\n"_s;
    for (const StatusDocumentPage::Listed &document : documents) {
        const QString name = links && !document.url.isEmpty()
            ? u"<a href=\"%1\" download>%2</a>"_s.arg(escaped(document.url), escaped(document.name))
            : u"<b>%1</b>"_s.arg(escaped(document.name));
        const QString facts = QCoreApplication::translate("ow::server", "%1, issued by %2 on %3")
                                  .arg(StatusDocumentPage::sizeText(document.size), document.department,
                                      document.date.toString(Qt::ISODate));
        out += u"<li>%1<br><span class=\"facts\">%2</span></li>\n"_s.arg(name, escaped(facts));
    }
    return out + u"</ul>\n"_s;
}

QString message(const QString &text)
{
    return text.isEmpty() ? QString() : u"<p class=\"message\" role=\"alert\">%1</p>\n"_s.arg(escaped(text));
}

QString codeButton(const QString &pageUrl, const QString &label)
{
    return u"<form method=\"post\" action=\"%1/sms\">\n<button type=\"submit\">%2</button>\n</form>\n"_s.arg(
        escaped(pageUrl), escaped(label));
}

QString statusOf(const QString &pageUrl)
{
    return pageUrl.chopped(QStringLiteral("/document").size());
}

} // namespace

QString StatusDocumentPage::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QCoreApplication::translate("ow::server", "%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return QCoreApplication::translate("ow::server", "%1 KB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QCoreApplication::translate("ow::server", "%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

QString StatusDocumentPage::section(const QList<Listed> &documents, const QString &pageUrl)
{
    if (documents.isEmpty())
        return {};
    return u"<section class=\"result\" aria-labelledby=\"result\">\n<h2 id=\"result\">%1</h2>\n%2"
           "<p><a class=\"button\" href=\"%3\">%4</a></p>\n</section>\n"_s.arg(
               escaped(QCoreApplication::translate("ow::server", "Result document")), list(documents, false),
               escaped(pageUrl),
               escaped(QCoreApplication::translate("ow::server", "Download the result document")));
}

QByteArray StatusDocumentPage::askForCode(
    const QString &pageUrl, const QString &maskedMobile, const QString &text)
{
    const QString body = message(text)
        + u"<p>%1</p>\n"_s.arg(escaped(QCoreApplication::translate("ow::server",
            "To download the result document, confirm the mobile number given with the application: we "
            "send a verification code to %1.")
                                           .arg(maskedMobile)))
        + codeButton(pageUrl, QCoreApplication::translate("ow::server", "Get the verification code"))
        + back(statusOf(pageUrl));
    return PublicStatusPage::page(
        QCoreApplication::translate("ow::server", "Download the result document"), body);
}

QByteArray StatusDocumentPage::enterCode(
    const QString &pageUrl, const QString &maskedMobile, const QString &text)
{
    const QString body = message(text)
        + u"<p>%1</p>\n"_s.arg(escaped(QCoreApplication::translate(
            "ow::server", "A verification code was sent to %1. It is valid for 10 minutes.")
                                           .arg(maskedMobile)))
        + u"<form method=\"post\" action=\"%1/verify\">\n<label for=\"sms\">%2</label>\n"
          "<input id=\"sms\" name=\"sms\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
          "pattern=\"[0-9]{6}\" maxlength=\"6\" required>\n<button type=\"submit\">%3</button>\n</form>\n"_s
              .arg(escaped(pageUrl),
                  escaped(QCoreApplication::translate("ow::server", "Verification code (6 digits)")),
                  escaped(QCoreApplication::translate("ow::server", "Confirm")))
        + codeButton(pageUrl, QCoreApplication::translate("ow::server", "Send a new code"))
        + back(statusOf(pageUrl));
    return PublicStatusPage::page(
        QCoreApplication::translate("ow::server", "Download the result document"), body);
}

QByteArray StatusDocumentPage::downloads(const QList<Listed> &documents, const QString &statusUrl)
{
    const QString body = u"<p>%1</p>\n"_s.arg(escaped(QCoreApplication::translate("ow::server",
                             "Your mobile number is confirmed. The download stays open for 15 minutes.")))
        + list(documents, true) + back(statusUrl);
    return PublicStatusPage::page(
        QCoreApplication::translate("ow::server", "Download the result document"), body);
}

QByteArray StatusDocumentPage::notice(const QString &title, const QString &text, const QString &statusUrl)
{
    return PublicStatusPage::page(title, u"<p>%1</p>\n"_s.arg(escaped(text)) + back(statusUrl));
}

} // namespace ow::server
