#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/GuideCatalogue.h"
#include "server/PreApplicationHtml.h"
#include "server/PreApplicationRepository.h"
#include "server/PreApplicationVerification.h"
#include "server/RateLimiter.h"

namespace ow::server {

/// Online pre-applications (网上预申报, docs/applicant-pages.md): the applicant's pages under
/// /guide/pa/ and the API of /api/v1/preapplications for counters and departments. Api routes here
/// and asks preflight() before any body is read.
///
///     GET  /guide/pa/new/<matter>?a=…   start from a checklist (the SMS check first)
///     POST /guide/pa/sms, /guide/pa/verify, /guide/pa/new
///     GET  /guide/pa/<code>              the pre-application: form, scans, state, code and QR
///     POST /guide/pa/<code>/applicant | submit | scans?… | scans/<id>/delete
///     PUT  /guide/pa/<code>/scans/<id>?offset=N   a chunk of a scan (GET: how much is in)
class PreApplications
{
public:
    static constexpr qint64 kMaxFormBody = 8 * 1024;
    static constexpr qint64 kMaxChunk = 1024 * 1024;
    static constexpr int kSmsRequestsPerMinute = 5; ///< per client address
    static constexpr int kCodeChecksPerMinute = 10; ///< per client address
    static constexpr int kPagesPerMinute = 120; ///< per client address, chunks included
    static constexpr QLatin1StringView kCookie {"owpa"};

    PreApplications(const storage::Database &db, GuideCatalogue &guide, const QString &dataDirectory,
        PreApplicationRules rules, Clock clock);

    bool enabled() const { return !m_repository.rules().hall.isEmpty(); }
    static bool isApplicantPath(QStringView path);
    static qint64 bodyLimit(QByteArrayView method, QStringView path);

    /// Before a body is read: the address's rate limit, and a verified session for everything but
    /// the SMS forms. Empty when the body may be read.
    std::optional<ApiReply> preflight(const ApiRequest &head, const QString &client);
    ApiReply applicant(const ApiRequest &request, const QString &client);
    ApiReply api(const ApiRequest &request, const QStringList &parts, const Credential &credential);
    Result<int> expire() { return m_repository.expire(); }

    PreApplicationRepository &repository() { return m_repository; }

private:
    ApiReply start(const ApiRequest &request);
    ApiReply create(const ApiRequest &request);
    ApiReply sms(const ApiRequest &request, const QString &client);
    ApiReply verify(const ApiRequest &request, const QString &client);
    ApiReply show(const QString &code, const QString &message, int status = 200);
    ApiReply saveApplicant(const ApiRequest &request, const PreApplication &p);
    ApiReply submit(const PreApplication &p);
    ApiReply addScan(const ApiRequest &request, const PreApplication &p);
    ApiReply chunk(const ApiRequest &request, const PreApplication &p, qint64 scanId);
    ApiReply progress(const PreApplication &p, qint64 scanId);
    ApiReply removeScan(const PreApplication &p, qint64 scanId);

    /// The verified mobile number of the request's session cookie; empty without one.
    QString sessionMobile(const ApiRequest &request);
    /// The pre-application of `code` when the request's session may see it.
    std::optional<PreApplication> owned(const ApiRequest &request, const QString &code, ApiReply *refusal);
    QList<PreApplicationHtml::Material> materialsOf(const PreApplication &p);
    QString caseStatusUrl(const QString &caseNumber) const;
    /// The checklist's matter and answers as the SMS forms carry them; nullopt when incomplete.
    std::optional<PreApplicationHtml::Carry> carriedMatter(const QString &matter, const QStringList &answers);

    const storage::Database &m_db;
    GuideCatalogue &m_guide;
    PreApplicationRepository m_repository;
    PreApplicationVerification m_verification;
    Clock m_clock;
    RateLimiter m_smsLimiter;
    RateLimiter m_codeLimiter;
    RateLimiter m_pageLimiter;
};

} // namespace ow::server
