#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/PreApplicationRepository.h"

#include <QJsonObject>

namespace ow::server {

/// /api/v1/preapplications/… (docs/sync-protocol.md "Pre-applications"): the online
/// pre-applications for the hall's workstations (their hall's only) and for departments (those of
/// their own matters only): list, read with the scans, pre-review (accept for the counter or return
/// with reasons), and taken by a counter's case.
class PreApplicationApi
{
public:
    static constexpr qint64 kMaxBody = 16 * 1024;
    static constexpr int kMaxReasons = 20;
    static constexpr qsizetype kMaxReasonLength = 500;
    static constexpr qsizetype kMaxNameLength = 100;

    explicit PreApplicationApi(PreApplicationRepository &repository)
        : m_repository(repository)
    {
    }

    /// `parts` is the path after /api/v1/preapplications, split at '/' (empty for the list).
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &credential);

    /// The whole pre-application as the contract gives it.
    static QJsonObject toJson(const PreApplication &preApplication);
    /// One line of the list: the applicant masked.
    static QJsonObject toListJson(const PreApplication &preApplication);

private:
    ApiReply list(const ApiRequest &request, const Credential &credential);
    /// The pre-application the credential may see, or the 404/403 to answer.
    std::variant<PreApplication, ApiReply> visible(const QString &code, const Credential &credential);
    ApiReply scan(const PreApplication &preApplication, const QString &id);
    ApiReply review(const ApiRequest &request, const QString &code, const Credential &credential);
    ApiReply taken(const ApiRequest &request, const QString &code, const Credential &credential);
    ApiReply current(const QString &code, int status);

    PreApplicationRepository &m_repository;
};

} // namespace ow::server
