#include "server/StatusDocuments.h"

#include "cases/CaseJson.h"
#include "cases/QrToken.h"
#include "core/PhoneNumber.h"
#include "core/Sha256.h"
#include "server/Api.h"
#include "server/PreApplicationForm.h"
#include "server/PreApplications.h"
#include "server/RequestParser.h"
#include "server/StatusDocumentPage.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace protocol = ow::sync::protocol;

namespace {

const QString kDocument = u"/document"_s;

ApiReply html(int status, const QByteArray &body)
{
    ApiReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = body;
    return reply;
}

QString statusUrl(const QString &token)
{
    return QString(protocol::kPublicStatus) + token;
}

ApiReply notFound(const QString &token)
{
    return html(404,
        StatusDocumentPage::notice(QCoreApplication::translate("ow::server", "Not found"),
            QCoreApplication::translate("ow::server",
                "There is no result document for this application. Please check the code on your receipt or "
                "ask at the service hall."),
            statusUrl(token)));
}

ApiReply tooMany(const QString &token, int wait)
{
    ApiReply reply = html(429,
        StatusDocumentPage::notice(QCoreApplication::translate("ow::server", "Please wait"),
            QCoreApplication::translate(
                "ow::server", "Too many requests; try again in %n second(s).", nullptr, wait),
            statusUrl(token)));
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
    return reply;
}

QString maskedMobile(const QString &mobile)
{
    const Result<PhoneNumber> phone = PhoneNumber::parse(mobile);
    return phone ? phone->masked() : QString();
}

/// The token and what follows /s/<token>/document.
std::pair<QString, QString> partsOf(QStringView path)
{
    const QStringView rest = path.mid(protocol::kPublicStatus.size());
    const qsizetype at = rest.indexOf(kDocument);
    return {rest.left(at).toString(), rest.mid(at + kDocument.size()).toString()};
}

} // namespace

StatusDocuments::StatusDocuments(
    const storage::Database &db, UploadStore &uploads, Clock clock, QTimeZone timeZone)
    : m_db(db)
    , m_uploads(uploads)
    , m_clock(clock)
    , m_timeZone(std::move(timeZone))
    , m_verification(db, clock)
    , m_pageLimiter(PreApplications::kPagesPerMinute)
    , m_smsLimiter(PreApplications::kSmsRequestsPerMinute)
    , m_codeLimiter(PreApplications::kCodeChecksPerMinute)
{
}

bool StatusDocuments::isDocumentPath(QStringView path)
{
    if (!path.startsWith(QString(protocol::kPublicStatus)))
        return false;
    const QStringView rest = path.mid(protocol::kPublicStatus.size());
    const qsizetype at = rest.indexOf(u'/');
    return at > 0 && rest.mid(at).startsWith(kDocument)
        && (rest.size() == at + kDocument.size() || rest.at(at + kDocument.size()) == u'/');
}

qint64 StatusDocuments::bodyLimit(QByteArrayView method, QStringView)
{
    return method == "POST" ? kMaxFormBody : 0;
}

QString StatusDocuments::pageUrl(const QString &token)
{
    return statusUrl(token) + kDocument;
}

Result<std::optional<StatusDocuments::Subject>> StatusDocuments::subject(const QString &token) const
{
    if (!cases::QrToken::isWellFormed(token))
        return std::optional<Subject>();
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        u"SELECT number, snapshot FROM cases WHERE qr_token = ? AND qr_token <> ''"_s, {token});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<Subject>();
    const QJsonObject snapshot = QJsonDocument::fromJson((**found).at(1).toString().toUtf8()).object();
    Subject subject;
    subject.caseNumber = (**found).at(0).toString();
    // The number the applicant gave at the counter: the code goes there, never to one typed here.
    const Result<PhoneNumber> mobile
        = PhoneNumber::parse(snapshot.value(u"applicant"_s).toObject().value(u"contactMobile"_s).toString());
    if (mobile && mobile->kind() == PhoneNumber::Kind::Mobile)
        subject.mobile = mobile->number();
    subject.departmentName = snapshot.value(u"matter"_s).toObject().value(u"departmentName"_s).toString();
    Result<QList<CaseDocuments::Document>> documents
        = CaseDocuments(m_db, m_clock).ofCase(subject.caseNumber);
    if (!documents)
        return failWith(documents.error());
    subject.documents = *documents;
    return std::optional(subject);
}

QString StatusDocuments::section(const QString &token, const Subject &subject) const
{
    QList<StatusDocumentPage::Listed> listed;
    for (const CaseDocuments::Document &document : subject.documents)
        listed.append({document.name, document.size, subject.departmentName,
            document.uploaded.toTimeZone(m_timeZone).date(), {}});
    return StatusDocumentPage::section(listed, pageUrl(token));
}

ApiReply StatusDocuments::handle(const ApiRequest &request, const QString &client)
{
    const auto [token, rest] = partsOf(request.path);
    const bool post = request.method == "POST";
    if (!post && request.method != "GET")
        return notFound(token);
    if (!post)
        if (const int wait = m_pageLimiter.take(client, m_clock.nowUtc()))
            return tooMany(token, wait);
    Result<std::optional<Subject>> found = subject(token);
    if (!found)
        return Api::internalError(found.error());
    if (!*found || (*found)->documents.isEmpty())
        return notFound(token);
    const Subject &subject = **found;
    if (subject.mobile.isEmpty())
        return html(200,
            StatusDocumentPage::notice(
                QCoreApplication::translate("ow::server", "Download the result document"),
                QCoreApplication::translate("ow::server",
                    "No mobile number was given with this application, so the result document cannot be "
                    "downloaded: please collect it at the pickup counter."),
                statusUrl(token)));
    if (rest.isEmpty() && !post)
        return documentsPage(request, token, subject);
    if (rest == u"/sms"_s && post)
        return sendCode(token, subject, client);
    if (rest == u"/verify"_s && post)
        return verify(request, token, subject, client);
    if (!post && rest.startsWith(u'/') && RequestParser::isSha256(rest.mid(1)))
        return file(request, token, subject, rest.mid(1));
    return notFound(token);
}

Result<bool> StatusDocuments::verified(
    const ApiRequest &request, const QString &token, const Subject &subject) const
{
    const QByteArray prefix = QByteArray(kCookie.data(), kCookie.size()) + '=';
    for (const QByteArray &cookie : request.header("Cookie").split(';')) {
        const QByteArray trimmed = cookie.trimmed();
        if (!trimmed.startsWith(prefix))
            continue;
        Result<QString> mobile
            = m_verification.sessionMobile(QString::fromLatin1(trimmed.mid(prefix.size())), pageUrl(token));
        if (!mobile)
            return failWith(mobile.error());
        // The session is this page's and the case's number is still the one verified.
        if (*mobile == subject.mobile)
            return true;
    }
    return false;
}

ApiReply StatusDocuments::documentsPage(
    const ApiRequest &request, const QString &token, const Subject &subject)
{
    Result<bool> open = verified(request, token, subject);
    if (!open)
        return Api::internalError(open.error());
    if (!*open)
        return html(200, StatusDocumentPage::askForCode(pageUrl(token), maskedMobile(subject.mobile)));
    QList<StatusDocumentPage::Listed> listed;
    for (const CaseDocuments::Document &document : subject.documents)
        listed.append({document.name, document.size, subject.departmentName,
            document.uploaded.toTimeZone(m_timeZone).date(), pageUrl(token) + u'/' + document.sha256});
    return html(200, StatusDocumentPage::downloads(listed, statusUrl(token)));
}

ApiReply StatusDocuments::sendCode(const QString &token, const Subject &subject, const QString &client)
{
    const QString masked = maskedMobile(subject.mobile);
    if (const int wait = m_smsLimiter.take(client, m_clock.nowUtc()))
        return tooMany(token, wait);
    Result<PreApplicationVerification::Sent> sent
        = m_verification.sendCode(subject.mobile, PreApplicationVerification::Purpose::ResultDocument);
    if (!sent)
        return Api::internalError(sent.error());
    if (!sent->sent)
        return html(429,
            StatusDocumentPage::enterCode(pageUrl(token), masked,
                QCoreApplication::translate("ow::server",
                    "A code was sent to this number a short while ago; you can ask for another in %n "
                    "second(s).",
                    nullptr, sent->waitSeconds)));
    return html(200, StatusDocumentPage::enterCode(pageUrl(token), masked));
}

ApiReply StatusDocuments::verify(
    const ApiRequest &request, const QString &token, const Subject &subject, const QString &client)
{
    const QString masked = maskedMobile(subject.mobile);
    if (const int wait = m_codeLimiter.take(client, m_clock.nowUtc()))
        return tooMany(token, wait);
    const std::optional<PreApplicationForm> form = PreApplicationForm::parse(request.body);
    Result<PreApplicationVerification::Verification> checked
        = m_verification.verify(subject.mobile, form ? form->value(u"sms"_s).trimmed() : QString(),
            PreApplicationVerification::Purpose::ResultDocument, pageUrl(token));
    if (!checked)
        return Api::internalError(checked.error());
    switch (checked->checked) {
    case PreApplicationVerification::Checked::Wrong:
        return html(422,
            StatusDocumentPage::enterCode(pageUrl(token), masked,
                QCoreApplication::translate(
                    "ow::server", "The code is wrong; %n more tries.", nullptr, checked->attemptsLeft)));
    case PreApplicationVerification::Checked::Void:
        return html(422,
            StatusDocumentPage::askForCode(pageUrl(token), masked,
                QCoreApplication::translate("ow::server",
                    "The code is no longer valid (expired, used or tried too often); ask for a new one.")));
    case PreApplicationVerification::Checked::Verified:
        break;
    }
    ApiReply reply = html(303, {});
    reply.contentType = "text/plain; charset=utf-8";
    reply.headers.append(qMakePair(QByteArray("Location"), pageUrl(token).toUtf8()));
    // HttpOnly: no script reads it; SameSite=Strict: no other site's link sends it; the path keeps it
    // to this case's documents, and it lasts as long as the session behind it.
    reply.headers.append(qMakePair(QByteArray("Set-Cookie"),
        QByteArray(kCookie.data(), kCookie.size()) + '=' + checked->sessionToken.toLatin1()
            + "; Path=" + pageUrl(token).toLatin1() + "; HttpOnly; SameSite=Strict; Max-Age="
            + QByteArray::number(PreApplicationVerification::kDocumentSessionMinutes * 60)));
    return reply;
}

ApiReply StatusDocuments::file(
    const ApiRequest &request, const QString &token, const Subject &subject, const QString &sha256)
{
    const auto document = std::find_if(subject.documents.cbegin(), subject.documents.cend(),
        [&](const CaseDocuments::Document &d) { return d.sha256 == sha256; });
    if (document == subject.documents.cend())
        return notFound(token);
    Result<bool> open = verified(request, token, subject);
    if (!open)
        return Api::internalError(open.error());
    if (!*open)
        return html(403,
            StatusDocumentPage::notice(
                QCoreApplication::translate("ow::server", "Verify your mobile number first"),
                QCoreApplication::translate("ow::server",
                    "The result document is given only after the mobile number of the application is "
                    "confirmed "
                    "with an SMS code: open “Download the result document” on the status page."),
                statusUrl(token)));
    const std::optional<QString> path = m_uploads.completeFile(sha256);
    QFile stored(path.value_or(QString()));
    if (!path || !stored.open(QIODevice::ReadOnly))
        return notFound(token);
    ApiReply reply;
    reply.contentType = "application/pdf";
    reply.body = stored.readAll();
    if (Sha256::hex(reply.body) != sha256)
        return Api::internalError(Error(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The stored scan is damaged; it is not served.")));
    // A download, never shown inside the page; the name as the department gave it (RFC 6266), with an
    // ASCII stand-in for browsers that read only the plain form.
    reply.headers.append(qMakePair(QByteArray("Content-Disposition"),
        "attachment; filename=\"result.pdf\"; filename*=UTF-8''" + QUrl::toPercentEncoding(document->name)));
    return reply;
}

} // namespace ow::server
