#pragma once

#include "core/Clock.h"
#include "server/ApiMessage.h"
#include "server/CaseDocuments.h"
#include "server/PreApplicationVerification.h"
#include "server/RateLimiter.h"
#include "server/UploadStore.h"

#include <QTimeZone>
#include <optional>

namespace ow::server {

/// The applicant's download of a case's result documents from the status page
/// (docs/applicant-pages.md), only after the case's mobile number is verified by an SMS code — the
/// pre-application's codes, limits and sender (PreApplicationVerification). Pages without script:
///
///     GET  /s/<token>/document            the documents, or the SMS check first
///     POST /s/<token>/document/sms        a code to the case's mobile number
///     POST /s/<token>/document/verify     sms=<code>: a cookie for this page, 15 minutes
///     GET  /s/<token>/document/<sha256>   the PDF, with that cookie only
class StatusDocuments
{
public:
    static constexpr qint64 kMaxFormBody = 1024;
    static constexpr QLatin1StringView kCookie {"owsd"};

    /// What the status page knows of a case's result: its documents and where the code goes.
    struct Subject
    {
        QString caseNumber;
        QString mobile; ///< the applicant's mobile number; empty when the case has none
        QString departmentName;
        QList<CaseDocuments::Document> documents;
    };

    StatusDocuments(const storage::Database &db, UploadStore &uploads, Clock clock, QTimeZone timeZone);

    static bool isDocumentPath(QStringView path);
    static qint64 bodyLimit(QByteArrayView method, QStringView path);
    /// The address of the documents' page of the status page at `token`.
    static QString pageUrl(const QString &token);

    /// The case of a status page's token with its documents; nullopt when unknown.
    Result<std::optional<Subject>> subject(const QString &token) const;
    /// The status page's section on the result documents (empty without any).
    QString section(const QString &token, const Subject &subject) const;
    ApiReply handle(const ApiRequest &request, const QString &client);

private:
    ApiReply documentsPage(const ApiRequest &request, const QString &token, const Subject &subject);
    ApiReply sendCode(const QString &token, const Subject &subject, const QString &client);
    ApiReply verify(
        const ApiRequest &request, const QString &token, const Subject &subject, const QString &client);
    ApiReply file(
        const ApiRequest &request, const QString &token, const Subject &subject, const QString &sha256);
    /// Whether the request's cookie is a session opened at this page for the case's number.
    Result<bool> verified(const ApiRequest &request, const QString &token, const Subject &subject) const;

    const storage::Database &m_db;
    UploadStore &m_uploads;
    Clock m_clock;
    QTimeZone m_timeZone;
    PreApplicationVerification m_verification;
    RateLimiter m_pageLimiter;
    RateLimiter m_smsLimiter;
    RateLimiter m_codeLimiter;
};

} // namespace ow::server
