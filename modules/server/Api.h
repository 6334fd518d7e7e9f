#pragma once

#include "core/Clock.h"
#include "server/ApiMessage.h"
#include "server/CaseRepository.h"
#include "server/CatalogueEditorSignIn.h"
#include "server/CatalogueRepository.h"
#include "server/CredentialStore.h"
#include "server/GuideCatalogue.h"
#include "server/PreApplications.h"
#include "server/QueueApi.h"
#include "server/RateLimiter.h"
#include "server/StatusDocuments.h"
#include "server/SupervisionApi.h"
#include "server/SupervisorSignIn.h"
#include "server/UploadStore.h"
#include "storage/ConnectionWatch.h"
#include "storage/Database.h"

#include <memory>
#include <variant>

namespace ow::server {

/// The JSON API under /api/v1 and the public status page (docs/sync-protocol.md): checks the
/// credential of each request, parses its body and answers through the repositories. It knows
/// nothing of sockets, so tests and the fuzzer call it directly.
class Api
{
public:
    struct Options
    {
        QString dataDirectory;
        bool trustProxy = false; ///< believe X-Forwarded-For (only behind our own reverse proxy)
        int publicRequestsPerMinute = 30;
        /// per client address, for the hall display (/display/): its feed is polled every 2 seconds
        int displayRequestsPerMinute = 120;
        /// per client address, for the self-service checklist (/guide/): a walk is a page per answer
        /// plus its sample images
        int guideRequestsPerMinute = 120;
        QString pickupHours; ///< --pickup-hours: the pickup counter's opening hours, on the status page
        EventValidator::Window eventWindow; ///< where event times must fall (--clock-window, --max-event-age)
        int enrolmentsPerMinute = 10; ///< per client address
        int failedCredentialsPerMinute = 20; ///< per client address; then 429 until the bucket refills
        queue::QueueRules queueRules = queue::QueueRules(); ///< --queue-settings (docs/queue.md)
        supervision::SupervisionRules supervisionRules; ///< --supervision-settings (docs/supervision.md)
        supervision::PointsRules pointsRules; ///< the [points] group of --supervision-settings
        qint64 uploadExpiryDays = UploadStore::kDefaultExpiryDays; ///< --upload-expiry
        /// --preapplication-*: the hall online pre-applications go to and their limits
        PreApplicationRules preApplications;
        /// --time-zone: where the hall is, for the day a catalogue version takes effect
        QTimeZone timeZone = CatalogueRepository::defaultTimeZone();
    };

    Api(const storage::Database &db, Options options, Clock clock);

    /// What the server reads the time from (the HTTP log too).
    const Clock &clock() const { return m_clock; }

    /// Answers one request; `credentialId` receives the id of the credential used, for the log.
    /// While the database is unavailable every request is answered 503 at once (see
    /// storage::ConnectionWatch), /health included.
    ApiReply handle(const ApiRequest &request, QString *credentialId);

    /// Decides what it can from the request line and headers alone, before any of the body is read:
    /// a body over its endpoint's limit (413; `declaredLength` is -1 for a chunked body), the
    /// database unavailable (503), a missing or unknown credential where one is needed (401), too
    /// many failed credentials from the address (429). Empty when the body may be read.
    std::optional<ApiReply> preflight(const ApiRequest &head, qint64 declaredLength);

    /// The largest body a request to this method and path may have: checked while the body is read,
    /// chunked or not.
    static qint64 bodyLimit(QByteArrayView method, QStringView path);

    /// After preflight(), for a body that is streamed rather than held in memory (a scan's upload
    /// chunk, up to 4 MiB): checks the credential, offset and total from the request line alone and
    /// gives where the body goes, or the answer to send at once. An empty sink: the body is read
    /// into ApiRequest::body and handle() answers.
    std::variant<std::unique_ptr<BodySink>, ApiReply> openBody(
        const ApiRequest &head, qint64 declaredLength, QString *credentialId);
    /// Answers a request whose body `sink` took whole.
    ApiReply finishBody(const ApiRequest &head, BodySink &sink);

    /// Removes the unfinished uploads that had no new chunk for Options::uploadExpiryDays.
    Result<QList<UploadStore::Expired>> sweepUploads();

    /// A failure of the server's own: logged, and answered 500 without its details.
    static ApiReply internalError(const Error &error);

private:
    ApiReply route(const ApiRequest &request, QString *credentialId);
    /// The credential of the bearer secret, or the 401/403 reply to send.
    std::variant<Credential, ApiReply> authorise(
        const ApiRequest &request, std::initializer_list<Credential::Kind> kinds);
    /// The address a rate limit counts: the peer, or with trustProxy the last X-Forwarded-For entry.
    QString clientAddress(const ApiRequest &request) const;
    ApiReply unavailable(const ApiRequest &request) const;

    ApiReply health() const;
    ApiReply enrol(const ApiRequest &request, QString *credentialId);
    ApiReply events(const ApiRequest &request, const Credential &workstation);
    ApiReply changes(const ApiRequest &request, const Credential &workstation);
    ApiReply caseOf(const QString &number, const Credential &workstation);
    ApiReply conflicts(const Credential &workstation);
    ApiReply download(const QString &sha256, const Credential &credential);
    /// A scan through a time-limited signed link (SignedLink), without a credential.
    ApiReply signedDownload(const ApiRequest &request, const QString &sha256);
    ApiReply departmentCases(const ApiRequest &request, const Credential &department);
    ApiReply departmentCase(const QString &number, const Credential &department);
    ApiReply departmentEvent(const ApiRequest &request, const QString &number, const Credential &department);
    ApiReply publishCatalogue(const ApiRequest &request);
    ApiReply currentCatalogue();
    ApiReply cataloguePackage(const QString &version);
    ApiReply publicPage(const ApiRequest &request, const QString &token);
    ApiReply displayPage(const ApiRequest &request);
    ApiReply guidePage(const ApiRequest &request);
    ApiReply ratingPage(const ApiRequest &request, const QString &token);

    static ApiReply parseError(const Error &error);

    const storage::Database &m_db;
    Options m_options;
    Clock m_clock;
    CredentialStore m_credentials;
    CaseRepository m_cases;
    UploadStore m_uploads;
    CatalogueRepository m_catalogues;
    QueueApi m_queue;
    SupervisionApi m_supervision;
    SupervisorSignIn m_supervisorSignIn;
    CatalogueEditorSignIn m_editorSignIn;
    GuideCatalogue m_guide;
    PreApplications m_preApplications;
    StatusDocuments m_statusDocuments;
    RateLimiter m_publicLimiter;
    RateLimiter m_guideLimiter;
    RateLimiter m_displayLimiter;
    RateLimiter m_enrolLimiter;
    RateLimiter m_failureLimiter;
    storage::ConnectionWatch m_connection;
};

} // namespace ow::server
