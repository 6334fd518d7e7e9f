#include "server/Api.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "cases/QrToken.h"
#include "core/Sha256.h"
#include "server/AccountApi.h"
#include "server/CaseDocumentApi.h"
#include "server/CaseDocuments.h"
#include "server/CatalogueReviewApi.h"
#include "server/ComplaintApi.h"
#include "server/DeliveryApi.h"
#include "server/FaqProposalsApi.h"
#include "server/GuideApi.h"
#include "server/GuideHtml.h"
#include "server/HallDisplay.h"
#include "server/OnlineRating.h"
#include "server/PreApplicationApi.h"
#include "server/PreApplicationHtml.h"
#include "server/PublicRatingPage.h"
#include "server/PublicStatusPage.h"
#include "server/RequestParser.h"
#include "server/SignedLink.h"
#include "server/SupervisionToday.h"
#include "server/TransferReception.h"
#include "server/UploadApi.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::server {

using namespace ow::cases;
namespace protocol = ow::sync::protocol;
namespace code = ow::sync::protocol::error;

namespace {

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

ApiReply notFound()
{
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

ApiReply rateLimited(int waitSeconds)
{
    ApiReply reply = ApiReply::error(429, code::kRateLimited,
        QCoreApplication::translate(
            "ow::server", "Too many requests; try again in %n second(s).", nullptr, waitSeconds));
    reply.headers.append(qMakePair(QByteArray(protocol::kRetryAfter.data(), protocol::kRetryAfter.size()),
        QByteArray::number(waitSeconds)));
    return reply;
}

ApiReply tooLarge(qint64 limit)
{
    return ApiReply::error(413, code::kTooLarge,
        QCoreApplication::translate("ow::server", "The body is larger than %1 bytes.").arg(limit));
}

// The rating form behind the status page: the one public address that takes a (tiny) body.
bool isRatingPath(QStringView path)
{
    return path.startsWith(QString(protocol::kPublicStatus)) && path.endsWith(QStringLiteral("/rating"));
}

bool isPublicPath(QStringView path)
{
    return path == QStringLiteral("/guide") || path.startsWith(QStringLiteral("/guide/"))
        || path.startsWith(QString(protocol::kPublicStatus)) || HallDisplay::isDisplayPath(path);
}

// What every public page answers with besides the front end's no-store and nosniff: no referrer
// leaves it, no other site frames it, and it loads nothing from anywhere else.
void addPublicHeaders(ApiReply &reply, const QByteArray &policy = GuideHtml::contentSecurityPolicy())
{
    reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    reply.headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("DENY")));
    reply.headers.append(qMakePair(QByteArray("Content-Security-Policy"), policy));
}

std::optional<QString> caseNumberFrom(const QString &text)
{
    Result<CaseNumber> number = CaseNumber::parse(text);
    if (!number || text.size() != CaseNumber::kLength)
        return std::nullopt;
    return text;
}

ApiReply fileReply(const QString &path, const QByteArray &contentType, const QString &sha256 = QString())
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return notFound();
    ApiReply reply;
    reply.contentType = contentType;
    reply.body = file.readAll();
    // A scan is named by its SHA-256: bytes that no longer match (a damaged disk, a truncated copy)
    // are never served as the scan.
    if (!sha256.isEmpty() && Sha256::hex(reply.body) != sha256) {
        qWarning("onewindow-server: the stored scan %s does not match its SHA-256", qUtf8Printable(sha256));
        return ApiReply::error(500, code::kInternal,
            QCoreApplication::translate("ow::server", "The stored scan is damaged; it is not served."));
    }
    return reply;
}

} // namespace

Api::Api(const storage::Database &db, Options options, Clock clock)
    : m_db(db)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_credentials(db, clock)
    , m_cases(db, clock)
    , m_uploads(db, m_options.dataDirectory + QStringLiteral("/attachments"), clock)
    , m_catalogues(db, m_options.dataDirectory + QStringLiteral("/catalogues"), clock)
    , m_queue(db, m_catalogues, m_options.queueRules, clock)
    , m_supervision(db, clock, m_options.supervisionRules, m_options.pointsRules)
    , m_supervisorSignIn(db, clock, m_options.supervisionRules.sessionHours)
    , m_editorSignIn(db, clock)
    , m_guide(m_catalogues, m_options.dataDirectory + QStringLiteral("/guide"))
    , m_preApplications(db, m_guide, m_options.dataDirectory, m_options.preApplications, clock)
    , m_statusDocuments(db, m_uploads, clock, m_options.timeZone)
    , m_publicLimiter(m_options.publicRequestsPerMinute)
    , m_guideLimiter(m_options.guideRequestsPerMinute)
    , m_displayLimiter(m_options.displayRequestsPerMinute)
    , m_enrolLimiter(m_options.enrolmentsPerMinute)
    , m_failureLimiter(m_options.failedCredentialsPerMinute)
    , m_connection(db, clock)
{
    m_cases.setEventWindow(m_options.eventWindow);
    m_uploads.setExpiryDays(m_options.uploadExpiryDays);
    m_catalogues.setTimeZone(m_options.timeZone);
}

qint64 Api::bodyLimit(QByteArrayView method, QStringView path)
{
    // The online pre-application's forms and scan chunks (a chunk at most 1 MiB).
    if (PreApplications::isApplicantPath(path))
        return PreApplications::bodyLimit(method, path);
    if (path.startsWith(QString(protocol::kApiBase + QLatin1StringView("/preapplications/"))))
        return PreApplicationApi::kMaxBody;
    // The public pages take no body at all, but for the rating form's few bytes: a body there is
    // refused before a byte of it is read.
    if (method == "POST" && isRatingPath(path))
        return OnlineRating::kMaxBody;
    // The SMS check before a result document is downloaded: a code in a form.
    if (StatusDocuments::isDocumentPath(path))
        return StatusDocuments::bodyLimit(method, path);
    if (isPublicPath(path))
        return 0;
    if (path.startsWith(QString(protocol::kApiBase + QLatin1StringView("/queue/"))))
        return QueueApi::bodyLimit(method, path);
    if (method == "PUT" && path.startsWith(QString(protocol::kApiBase + protocol::kAttachments)))
        return protocol::kMaxChunk;
    if (method == "POST"
        && (path == QString(protocol::kApiBase + protocol::kCatalogues)
            || path
                == QString(protocol::kApiBase + protocol::kCatalogues + QLatin1StringView("/submissions"))))
        return protocol::kMaxCataloguePackage;
    if (method == "POST" && path == QString(protocol::kApiBase + protocol::kEvents))
        return protocol::kMaxJsonBody;
    if (method == "POST" && path == QString(protocol::kApiBase + protocol::kActivities))
        return ActivityApi::kMaxBody;
    if (method == "POST" && path == QString(protocol::kApiBase + protocol::kEnrol))
        return protocol::kMaxEnrolBody;
    if (method == "POST" && path == QString(protocol::kApiBase + QLatin1StringView("/complaints")))
        return ComplaintApi::kMaxBody;
    if (method == "PUT" && path.startsWith(QString(protocol::kApiBase + protocol::kDepartmentCases))
        && path.contains(QStringLiteral("/documents/")))
        return CaseDocuments::kMaxBytes;
    if (method == "POST" && path.startsWith(QString(protocol::kApiBase + protocol::kDepartmentCases)))
        return protocol::kMaxDepartmentEventBody;
    return protocol::kMaxOtherBody;
}

QString Api::clientAddress(const ApiRequest &request) const
{
    if (m_options.trustProxy) {
        // The proxy appends the address it saw; only the last entry is not the client's own claim.
        const QByteArray forwarded = request.header("X-Forwarded-For");
        if (!forwarded.isEmpty())
            return QString::fromLatin1(forwarded.split(',').constLast().trimmed());
    }
    return request.remote.toString();
}

ApiReply Api::unavailable(const ApiRequest &request) const
{
    const qint64 retryMs = m_connection.retryInMs();
    ApiReply reply = ApiReply::error(503, code::kUnavailable,
        QCoreApplication::translate("ow::server", "The database is unavailable; try again in a moment."));
    if (request.path == QString(protocol::kApiBase + protocol::kHealth)) {
        QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        body.insert(str("status"), str("database unavailable"));
        body.insert(str("database"), m_db.dialect().name());
        body.insert(str("version"), QStringLiteral(OW_VERSION));
        body.insert(str("time"), CaseJson::timeText(m_clock.nowUtc()));
        reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    reply.headers.append(qMakePair(QByteArray(protocol::kRetryAfter.data(), protocol::kRetryAfter.size()),
        QByteArray::number(std::max<qint64>(1, (retryMs + 999) / 1000))));
    return reply;
}

std::optional<ApiReply> Api::preflight(const ApiRequest &head, qint64 declaredLength)
{
    const qint64 limit = bodyLimit(head.method, head.path);
    if (declaredLength > limit)
        return tooLarge(limit);
    if (declaredLength == 0)
        return std::nullopt;
    if (!m_connection.available())
        return unavailable(head);
    if (PreApplications::isApplicantPath(head.path))
        return m_preApplications.preflight(head, clientAddress(head));
    // A body is read only for a known credential: without one nobody makes the server hold
    // megabytes. Whether the credential may do this is decided with the body, by route().
    const bool needsCredential = head.path.startsWith(QString(protocol::kApiBase + QLatin1Char('/')))
        && head.path != QString(protocol::kApiBase + protocol::kEnrol)
        && head.path != QString(protocol::kApiBase + protocol::kCatalogueSession)
        && head.path != QString(protocol::kApiBase + protocol::kHealth);
    if (!needsCredential)
        return std::nullopt;
    std::variant<Credential, ApiReply> who = authorise(head,
        {Credential::Kind::Workstation, Credential::Kind::Department, Credential::Kind::Publisher,
            Credential::Kind::Supervisor, Credential::Kind::CatalogueEditor});
    m_db.finishStatements();
    ApiReply *refused = std::get_if<ApiReply>(&who);
    if (!refused)
        return std::nullopt;
    if (refused->status >= 500 && !m_connection.confirmUp())
        return unavailable(head);
    return std::move(*refused);
}

std::variant<std::unique_ptr<BodySink>, ApiReply> Api::openBody(
    const ApiRequest &head, qint64 declaredLength, QString *credentialId)
{
    // Only a scan's chunk is streamed: PUT /api/v1/attachments/<sha256>/upload.
    const QString prefix = QString(protocol::kApiBase + protocol::kAttachments) + QLatin1Char('/');
    const QStringList parts = head.path.mid(prefix.size()).split(QLatin1Char('/'));
    if (head.method != "PUT" || !head.path.startsWith(prefix) || parts.size() != 2
        || parts.at(1) != QStringLiteral("upload") || !RequestParser::isSha256(parts.at(0)))
        return std::unique_ptr<BodySink>();
    if (!m_connection.available())
        return unavailable(head);
    std::variant<std::unique_ptr<BodySink>, ApiReply> opened = std::unique_ptr<BodySink>();
    std::variant<Credential, ApiReply> who = authorise(head, {Credential::Kind::Workstation});
    if (ApiReply *refused = std::get_if<ApiReply>(&who)) {
        opened = std::move(*refused);
    } else {
        const Credential &workstation = std::get<Credential>(who);
        *credentialId = workstation.id;
        opened = UploadApi(m_uploads).open(head, parts.at(0), workstation, declaredLength);
    }
    m_db.finishStatements();
    if (const ApiReply *answer = std::get_if<ApiReply>(&opened);
        answer && answer->status >= 500 && !m_connection.confirmUp())
        return unavailable(head);
    return opened;
}

ApiReply Api::finishBody(const ApiRequest &head, BodySink &sink)
{
    ApiReply reply = sink.finish();
    m_db.finishStatements();
    if (reply.status >= 500 && !m_connection.confirmUp())
        return unavailable(head);
    return reply;
}

Result<QList<UploadStore::Expired>> Api::sweepUploads()
{
    Result<QList<UploadStore::Expired>> removed = m_uploads.sweep();
    // Pre-applications past their time go with the same hourly sweep, their scans deleted.
    if (Result<int> expired = m_preApplications.expire(); !expired)
        qWarning("onewindow-server: %s", qUtf8Printable(expired.error().toString()));
    m_db.finishStatements();
    return removed;
}

ApiReply Api::internalError(const Error &error)
{
    // The message goes to the operator's log by the caller; the client learns only that it may retry.
    qWarning("onewindow-server: %s", qUtf8Printable(error.toString()));
    return ApiReply::error(500, code::kInternal,
        QCoreApplication::translate(
            "ow::server", "The server could not complete the request; try again later."));
}

ApiReply Api::parseError(const Error &error)
{
    if (error.code() == Error::Code::Parse)
        return ApiReply::error(400, code::kBadJson, error.message());
    return ApiReply::error(422, code::kInvalid, error.message());
}

std::variant<Credential, ApiReply> Api::authorise(
    const ApiRequest &request, std::initializer_list<Credential::Kind> kinds)
{
    const QByteArray header
        = request.header(QByteArrayView(protocol::kAuthorization.data(), protocol::kAuthorization.size()));
    const QByteArray bearer = QByteArray(protocol::kBearer.data(), protocol::kBearer.size());
    if (!header.startsWith(bearer))
        return ApiReply::error(401, code::kUnauthorised,
            QCoreApplication::translate("ow::server", "This needs a credential (Authorization: Bearer …)."));
    // Each miss costs a token of the address's bucket; an empty bucket refuses even a right secret
    // until it refills, so secrets cannot be guessed faster than the bucket allows.
    const QString client = clientAddress(request);
    if (const int wait = m_failureLimiter.peek(client, m_clock.nowUtc()))
        return rateLimited(wait);
    Result<std::optional<Credential>> credential
        = m_credentials.authenticate(QString::fromUtf8(header.mid(bearer.size()).trimmed()));
    if (!credential)
        return internalError(credential.error());
    if (!*credential) {
        m_failureLimiter.take(client, m_clock.nowUtc());
        return ApiReply::error(401, code::kUnauthorised,
            QCoreApplication::translate("ow::server", "The credential is unknown or was revoked."));
    }
    if (std::find(kinds.begin(), kinds.end(), (*credential)->kind) == kinds.end())
        return ApiReply::error(403, code::kForbidden,
            QCoreApplication::translate("ow::server", "A %1 credential may not do this.")
                .arg(keyword((*credential)->kind)));
    return **credential;
}

ApiReply Api::handle(const ApiRequest &request, QString *credentialId)
{
    if (!m_connection.available())
        return unavailable(request);
    ApiReply reply = route(request, credentialId);
    m_db.finishStatements();
    // A failure because the connection is gone is said as such, and the next requests fail fast
    // until it is back; clients retry a 503 like any 5xx. Nothing was acknowledged.
    if (reply.status >= 500 && !m_connection.confirmUp())
        return unavailable(request);
    return reply;
}

ApiReply Api::route(const ApiRequest &request, QString *credentialId)
{
    using Kind = Credential::Kind;
    const QString &path = request.path;
    const QByteArray &method = request.method;
    if (request.body.size() > bodyLimit(method, path))
        return tooLarge(bodyLimit(method, path));

    if (PreApplications::isApplicantPath(path)) {
        ApiReply reply = m_preApplications.applicant(request, clientAddress(request));
        m_db.finishStatements();
        addPublicHeaders(reply, PreApplicationHtml::contentSecurityPolicy());
        return reply;
    }
    if (path == QStringLiteral("/guide") || path.startsWith(QStringLiteral("/guide/"))) {
        if (method != "GET" && method != "HEAD")
            return notFound();
        return guidePage(request);
    }
    if (isRatingPath(path))
        return ratingPage(request, path.mid(protocol::kPublicStatus.size()).chopped(7));
    if (StatusDocuments::isDocumentPath(path)) {
        ApiReply reply = m_statusDocuments.handle(request, clientAddress(request));
        m_db.finishStatements();
        addPublicHeaders(reply);
        return reply;
    }
    if (path.startsWith(QString(protocol::kPublicStatus))) {
        if (method != "GET")
            return notFound();
        return publicPage(request, path.mid(protocol::kPublicStatus.size()));
    }
    if (HallDisplay::isDisplayPath(path)) {
        if (method != "GET" && method != "HEAD")
            return notFound();
        return displayPage(request);
    }
    if (!path.startsWith(QString(protocol::kApiBase + QLatin1Char('/'))))
        return notFound();
    const QStringList parts = path.mid(protocol::kApiBase.size() + 1).split(QLatin1Char('/'));
    const QString &head = parts.first();
    const auto guarded = [&](std::initializer_list<Kind> kinds, auto &&handler) -> ApiReply {
        std::variant<Credential, ApiReply> who = authorise(request, kinds);
        if (ApiReply *refused = std::get_if<ApiReply>(&who))
            return std::move(*refused);
        const Credential &credential = std::get<Credential>(who);
        *credentialId = credential.id;
        return handler(credential);
    };

    if (parts.size() == 1 && head == QStringLiteral("health") && method == "GET")
        return health();
    if (parts.size() == 1 && head == QStringLiteral("enrol") && method == "POST")
        return enrol(request, credentialId);
    if (parts.size() == 1 && head == QStringLiteral("events") && method == "POST")
        return guarded({Kind::Workstation}, [&](const Credential &c) { return events(request, c); });
    if (parts.size() == 1 && head == QStringLiteral("activities") && method == "POST")
        return guarded({Kind::Workstation},
            [&](const Credential &c) { return ActivityApi(m_db, m_clock).post(request, c); });
    if (parts.size() == 1 && head == QStringLiteral("complaints") && method == "POST")
        return guarded({Kind::Workstation}, [&](const Credential &c) {
            return ComplaintApi(m_db, m_clock, m_options.supervisionRules, m_guide).post(request, c);
        });
    if (parts.size() == 1 && head == QStringLiteral("accounts") && method == "GET")
        return guarded(
            {Kind::Workstation}, [&](const Credential &c) { return AccountApi(m_db, m_clock).list(c); });
    if (parts.size() == 1 && head == QStringLiteral("accounts") && method == "POST")
        return guarded({Kind::Workstation},
            [&](const Credential &c) { return AccountApi(m_db, m_clock).change(request, c); });
    if (parts.size() == 1 && head == QStringLiteral("changes") && method == "GET")
        return guarded({Kind::Workstation}, [&](const Credential &c) { return changes(request, c); });
    if (parts.size() == 1 && head == QStringLiteral("conflicts") && method == "GET")
        return guarded({Kind::Workstation}, [&](const Credential &c) { return conflicts(c); });
    if (parts.size() == 2 && head == QStringLiteral("cases") && method == "GET")
        return guarded({Kind::Workstation}, [&](const Credential &c) { return caseOf(parts.at(1), c); });
    if (head == QStringLiteral("attachments") && parts.size() >= 2 && parts.size() <= 3) {
        const QString &sha256 = parts.at(1);
        if (!RequestParser::isSha256(sha256))
            return notFound();
        if (parts.size() == 2 && method == "GET" && SignedLink::isSigned(request.query))
            return signedDownload(request, sha256);
        if (parts.size() == 2 && method == "GET")
            return guarded({Kind::Workstation, Kind::Department},
                [&](const Credential &c) { return download(sha256, c); });
        if (parts.at(2) == QStringLiteral("upload") && method == "GET")
            return guarded({Kind::Workstation},
                [&](const Credential &c) { return UploadApi(m_uploads).progress(sha256, c); });
        if (parts.at(2) == QStringLiteral("upload") && method == "PUT")
            return guarded({Kind::Workstation},
                [&](const Credential &c) { return UploadApi(m_uploads).upload(request, sha256, c); });
    }
    if (head == QStringLiteral("department") && parts.size() >= 2 && parts.at(1) == QStringLiteral("cases")) {
        if (parts.size() == 2 && method == "GET")
            return guarded(
                {Kind::Department}, [&](const Credential &c) { return departmentCases(request, c); });
        if (parts.size() == 3 && method == "GET")
            return guarded(
                {Kind::Department}, [&](const Credential &c) { return departmentCase(parts.at(2), c); });
        if (parts.size() == 4 && parts.at(3) == QStringLiteral("events") && method == "POST")
            return guarded({Kind::Department},
                [&](const Credential &c) { return departmentEvent(request, parts.at(2), c); });
        if (parts.size() == 5 && parts.at(3) == QStringLiteral("documents") && method == "PUT") {
            const std::optional<QString> number = caseNumberFrom(parts.at(2));
            if (!number || !RequestParser::isSha256(parts.at(4)))
                return notFound();
            return guarded({Kind::Department}, [&](const Credential &c) {
                return CaseDocumentApi(m_db, m_cases, m_uploads, m_clock)
                    .upload(request, *number, parts.at(4), c);
            });
        }
    }
    if (head == QStringLiteral("department") && parts.size() == 3
        && parts.at(1) == QStringLiteral("transfer-lists") && method == "POST")
        return guarded({Kind::Department}, [&](const Credential &c) {
            return TransferReception(m_db, m_cases).post(request, parts.at(2), c);
        });
    if (head == QStringLiteral("catalogues")) {
        // A catalogue editor signs in from onewindow-editor with their hall account, no credential yet.
        if (parts.size() == 2 && parts.at(1) == QStringLiteral("session") && method == "POST")
            return m_editorSignIn.signIn(request, clientAddress(request));
        if (CatalogueReviewApi::handles(parts.mid(1)))
            return guarded({Kind::Workstation, Kind::Department, Kind::Publisher, Kind::CatalogueEditor},
                [&](const Credential &c) {
                    return CatalogueReviewApi(
                        m_db, m_catalogues, m_options.dataDirectory + QStringLiteral("/catalogues"), m_clock)
                        .handle(request, parts.mid(1), c);
                });
        if (parts.size() == 2 && parts.at(1) == QStringLiteral("faq-proposals") && method == "GET")
            return guarded({Kind::CatalogueEditor, Kind::Supervisor},
                [&](const Credential &c) { return FaqProposalsApi(m_db, m_guide, m_clock).get(request, c); });
        if (parts.size() == 1 && method == "POST")
            return guarded({Kind::Publisher}, [&](const Credential &) { return publishCatalogue(request); });
        if (parts.size() == 2 && method == "GET" && parts.at(1) == QStringLiteral("current"))
            return guarded({Kind::Workstation, Kind::Department, Kind::Publisher, Kind::CatalogueEditor},
                [&](const Credential &) { return currentCatalogue(); });
        if (parts.size() == 2 && method == "GET")
            return guarded({Kind::Workstation, Kind::Department, Kind::Publisher, Kind::CatalogueEditor},
                [&](const Credential &) { return cataloguePackage(parts.at(1)); });
    }
    if (head == QStringLiteral("preapplications"))
        return guarded({Kind::Workstation, Kind::Department},
            [&](const Credential &c) { return m_preApplications.api(request, parts.mid(1), c); });
    if (head == QStringLiteral("queue") && parts.size() >= 2)
        return guarded({Kind::Workstation},
            [&](const Credential &c) { return m_queue.handle(request, parts.mid(1), c); });
    // A supervisor signs in at a counter with their hall account: the counter's token, their
    // password; the session token then reads the hall's supervision like a supervisor key.
    if (parts.size() == 2 && head == QStringLiteral("supervision") && parts.at(1) == QStringLiteral("session")
        && method == "POST")
        return guarded(
            {Kind::Workstation}, [&](const Credential &c) { return m_supervisorSignIn.signIn(request, c); });
    if (parts.size() == 2 && head == QStringLiteral("supervision") && parts.at(1) == QStringLiteral("today")
        && method == "GET")
        return guarded({Kind::Supervisor}, [&](const Credential &c) {
            return SupervisionToday(m_db, m_queue.repository(), m_options.supervisionRules, m_clock)
                .answer(request, c);
        });
    if (head == QStringLiteral("supervision") && DeliveryApi::handles(parts.mid(1)))
        return guarded({Kind::Supervisor},
            [&](const Credential &c) { return DeliveryApi(m_db, m_clock).handle(request, parts.mid(1), c); });
    if (head == QStringLiteral("supervision") && parts.size() >= 2
        && parts.at(1) == QStringLiteral("complaints"))
        return guarded({Kind::Supervisor}, [&](const Credential &c) {
            return ComplaintApi(m_db, m_clock, m_options.supervisionRules, m_guide)
                .handle(request, parts.mid(2), c);
        });
    if (head == QStringLiteral("supervision") && parts.size() >= 2)
        return guarded({Kind::Supervisor},
            [&](const Credential &c) { return m_supervision.handle(request, parts.mid(1), c); });
    return notFound();
}

ApiReply Api::health() const
{
    Result<QVariant> alive = m_db.scalar(QStringLiteral("SELECT 1"));
    if (!alive)
        return internalError(alive.error());
    return ApiReply::json(200,
        QJsonObject {{str("status"), str("ok")}, {str("version"), QStringLiteral(OW_VERSION)},
            {str("database"), m_db.dialect().name()}, {str("time"), CaseJson::timeText(m_clock.nowUtc())}});
}

ApiReply Api::enrol(const ApiRequest &request, QString *credentialId)
{
    // Enrol codes are short: a bucket per address keeps guessing them slow.
    if (const int wait = m_enrolLimiter.take(clientAddress(request), m_clock.nowUtc()))
        return rateLimited(wait);
    Result<std::pair<QString, QString>> parsed = RequestParser::enrol(request.body);
    if (!parsed)
        return parseError(parsed.error());
    auto enrolled = m_credentials.enrol(parsed->first, parsed->second);
    if (!enrolled)
        return internalError(enrolled.error());
    if (!*enrolled)
        return ApiReply::error(401, code::kUnauthorised,
            QCoreApplication::translate("ow::server", "The enrol code is wrong, used or expired."));
    const auto &[credential, token] = **enrolled;
    *credentialId = credential.id;
    return ApiReply::json(201,
        QJsonObject {{str("token"), token}, {str("workstation"), credential.id},
            {str("hall"), credential.hall}, {str("counter"), credential.counter},
            {str("counterNumber"), credential.counterNumber}});
}

ApiReply Api::events(const ApiRequest &request, const Credential &workstation)
{
    Result<QList<IncomingEvent>> batch = RequestParser::eventBatch(request.body);
    if (!batch)
        return parseError(batch.error());
    // The counter's clock when it sent the batch: the server records the skew, it orders nothing by it.
    const QDateTime counterTime = CaseJson::timeFrom(QString::fromLatin1(
        request.header(QByteArrayView(protocol::kSentHeader.data(), protocol::kSentHeader.size())).left(64)));
    Result<QList<EventResult>> results = m_cases.ingest(workstation, *batch, counterTime);
    if (!results)
        return internalError(results.error());
    QJsonArray list;
    for (const EventResult &result : std::as_const(*results)) {
        QJsonObject object {{str("id"), result.id}, {str("status"), result.status}};
        if (result.status == protocol::kRejected) {
            object.insert(str("code"), QString(code::kInvalid));
            object.insert(str("message"), result.message);
        }
        list.append(object);
    }
    // The server's time, so the counter can tell how far its own clock is off.
    return ApiReply::json(
        200, QJsonObject {{str("results"), list}, {str("time"), CaseJson::timeText(m_clock.nowUtc())}});
}

ApiReply Api::changes(const ApiRequest &request, const Credential &workstation)
{
    bool ok = true;
    const QString afterText = request.query.queryItemValue(str("after"));
    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&ok);
    if (!ok || after < 0)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "The cursor “%1” is not one of ours.").arg(afterText));
    const QString limitText = request.query.queryItemValue(str("limit"));
    const int limit = limitText.isEmpty() ? protocol::kDefaultChangesLimit : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > protocol::kMaxChangesLimit)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "The limit is 1 to %1.")
                .arg(protocol::kMaxChangesLimit));
    Result<QJsonObject> page = m_cases.changes(workstation.hall, after, limit);
    if (!page)
        return internalError(page.error());
    page->insert(str("time"), CaseJson::timeText(m_clock.nowUtc()));
    return ApiReply::json(200, *page);
}

ApiReply Api::caseOf(const QString &text, const Credential &workstation)
{
    const std::optional<QString> number = caseNumberFrom(text);
    if (!number)
        return notFound();
    if (number->left(CaseNumber::kHallLength) != workstation.hall)
        return ApiReply::error(403, code::kForbidden,
            QCoreApplication::translate("ow::server", "The case belongs to another hall."));
    Result<std::optional<QJsonObject>> found = m_cases.caseWithEvents(*number);
    if (!found)
        return internalError(found.error());
    if (!*found)
        return notFound();
    return ApiReply::json(200, **found);
}

ApiReply Api::conflicts(const Credential &workstation)
{
    Result<QJsonArray> list = m_cases.conflicts(workstation.hall);
    if (!list)
        return internalError(list.error());
    return ApiReply::json(200, QJsonObject {{str("conflicts"), *list}});
}

ApiReply Api::download(const QString &sha256, const Credential &credential)
{
    Result<bool> allowed = m_cases.mayReadAttachment(credential, sha256);
    if (allowed && !*allowed)
        allowed = CaseDocuments(m_db, m_clock).mayRead(credential, sha256);
    if (!allowed)
        return internalError(allowed.error());
    const std::optional<QString> path = m_uploads.completeFile(sha256);
    // Not cited by a case this credential may see: the same answer as an unknown file, so a
    // department cannot probe for other departments' scans.
    if (!*allowed || !path)
        return notFound();
    return fileReply(*path, "application/octet-stream", sha256);
}

ApiReply Api::signedDownload(const ApiRequest &request, const QString &sha256)
{
    // A forged link costs like a wrong credential, so signatures cannot be guessed fast either.
    const QString client = clientAddress(request);
    if (const int wait = m_failureLimiter.peek(client, m_clock.nowUtc()))
        return rateLimited(wait);
    Result<SignedLink::Check> check = SignedLink(m_db, m_clock).check(sha256, request.query);
    if (!check)
        return internalError(check.error());
    if (*check == SignedLink::Check::Expired)
        return ApiReply::error(410, code::kNotFound,
            QCoreApplication::translate("ow::server", "The link has expired; ask for the case again."));
    if (*check != SignedLink::Check::Valid) {
        m_failureLimiter.take(client, m_clock.nowUtc());
        return ApiReply::error(
            403, code::kForbidden, QCoreApplication::translate("ow::server", "The link is not valid."));
    }
    const std::optional<QString> path = m_uploads.completeFile(sha256);
    if (!path)
        return notFound();
    return fileReply(*path, "application/octet-stream", sha256);
}

ApiReply Api::departmentCases(const ApiRequest &request, const Credential &department)
{
    const QString state = request.query.queryItemValue(str("state"));
    if (!state.isEmpty() && !caseStateFromKeyword(state))
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "There is no state “%1”.").arg(state));
    Result<QJsonObject> page
        = m_cases.departmentCases(department.department, state, request.query.queryItemValue(str("after")));
    if (!page)
        return internalError(page.error());
    return ApiReply::json(200, *page);
}

ApiReply Api::departmentCase(const QString &text, const Credential &department)
{
    const std::optional<QString> number = caseNumberFrom(text);
    if (!number)
        return notFound();
    Result<std::optional<std::pair<QString, QString>>> owner = m_cases.owner(*number);
    if (!owner)
        return internalError(owner.error());
    if (!*owner)
        return notFound();
    if ((*owner)->second != department.department)
        return ApiReply::error(403, code::kOtherDepartment,
            QCoreApplication::translate("ow::server", "The case belongs to another department."));
    Result<std::optional<QJsonObject>> found = m_cases.caseWithEvents(*number);
    if (!found)
        return internalError(found.error());
    if (!*found)
        return notFound();
    QJsonObject reply = **found;
    reply.insert(str("attachments"), reply.value(str("case")).toObject().value(str("attachments")));
    // The result documents the department uploaded for the case, so its system can tell what is there.
    Result<QList<CaseDocuments::Document>> documents = CaseDocuments(m_db, m_clock).ofCase(*number);
    if (!documents)
        return internalError(documents.error());
    QJsonArray uploaded;
    for (const CaseDocuments::Document &document : std::as_const(*documents))
        uploaded.append(QJsonObject {{str("name"), document.name}, {str("sha256"), document.sha256},
            {str("size"), double(document.size)}, {str("uploaded"), CaseJson::timeText(document.uploaded)}});
    reply.insert(str("documents"), uploaded);
    return ApiReply::json(200, reply);
}

ApiReply Api::departmentEvent(const ApiRequest &request, const QString &text, const Credential &department)
{
    const std::optional<QString> number = caseNumberFrom(text);
    if (!number)
        return notFound();
    Result<DepartmentEventRequest> parsed = RequestParser::departmentEvent(request.body);
    if (!parsed)
        return parseError(parsed.error());
    if (const QString problem = EventValidator::checkDepartmentEvent(*parsed); !problem.isEmpty())
        return ApiReply::error(422, code::kInvalid, problem);
    Result<std::optional<ApiReply>> refused = CaseDocumentApi(m_db, m_cases, m_uploads, m_clock)
                                                  .refuseEventDocument(*number, *parsed, department);
    if (!refused)
        return internalError(refused.error());
    if (*refused)
        return std::move(**refused);
    Result<DepartmentOutcome> outcome = m_cases.departmentEvent(department, *number, *parsed);
    if (!outcome)
        return internalError(outcome.error());
    const QJsonObject body {{str("event"), outcome->event}, {str("state"), outcome->state}};
    switch (outcome->status) {
    case DepartmentOutcome::Status::Created:
        return ApiReply::json(201, body);
    case DepartmentOutcome::Status::Repeated:
        return ApiReply::json(200, body);
    case DepartmentOutcome::Status::NotFound:
        return notFound();
    case DepartmentOutcome::Status::OtherDepartment:
        return ApiReply::error(403, code::kOtherDepartment,
            QCoreApplication::translate("ow::server", "The case belongs to another department."));
    case DepartmentOutcome::Status::IdCollision:
        return ApiReply::error(409, code::kConflict, outcome->message);
    case DepartmentOutcome::Status::IllegalTransition:
        break;
    }
    return ApiReply::error(409, code::kIllegalTransition, outcome->message);
}

ApiReply Api::publishCatalogue(const ApiRequest &request)
{
    Result<sync::CataloguePackage> package = RequestParser::cataloguePackage(request.body);
    if (!package)
        return parseError(package.error());
    Result<CatalogueRepository::Outcome> outcome = m_catalogues.publish(*package, request.body);
    if (!outcome)
        return internalError(outcome.error());
    switch (outcome->status) {
    case CatalogueRepository::Outcome::Status::Published:
        return ApiReply::json(201, outcome->summary);
    case CatalogueRepository::Outcome::Status::Unchanged:
        return ApiReply::json(200, outcome->summary);
    case CatalogueRepository::Outcome::Status::Conflict:
        return ApiReply::error(409, code::kConflict, outcome->message);
    case CatalogueRepository::Outcome::Status::LintFailed:
        return ApiReply::error(422, code::kLintFailed, outcome->message,
            QJsonObject {{str("diagnostics"), QJsonArray::fromStringList(outcome->diagnostics)}});
    case CatalogueRepository::Outcome::Status::Invalid:
        break;
    }
    return ApiReply::error(422, code::kInvalid, outcome->message);
}

ApiReply Api::currentCatalogue()
{
    Result<std::optional<QJsonObject>> current = m_catalogues.current();
    if (!current)
        return internalError(current.error());
    if (!*current)
        return notFound();
    return ApiReply::json(200, **current);
}

ApiReply Api::cataloguePackage(const QString &version)
{
    Result<std::optional<QString>> path = m_catalogues.packagePath(version);
    if (!path)
        return internalError(path.error());
    if (!*path)
        return notFound();
    return fileReply(**path, "application/json");
}

ApiReply Api::ratingPage(const ApiRequest &request, const QString &token)
{
    if (const int wait = m_publicLimiter.take(clientAddress(request), m_clock.nowUtc()))
        return rateLimited(wait);
    ApiReply reply;
    reply.contentType = "text/html; charset=utf-8";
    OnlineRating rating(m_db, m_clock);
    const bool known = QrToken::isWellFormed(token);
    if (request.method == "POST") {
        const std::optional<int> level = OnlineRating::parseForm(request.body);
        if (!level) {
            reply.status = 422;
            reply.body = PublicRatingPage::form(token);
        } else {
            Result<OnlineRating::Outcome> outcome = known
                ? rating.record(token, *level)
                : Result<OnlineRating::Outcome>(OnlineRating::Outcome::NotFound);
            m_db.finishStatements();
            if (!outcome)
                return internalError(outcome.error());
            reply.status = *outcome == OnlineRating::Outcome::Recorded ? 200
                : *outcome == OnlineRating::Outcome::NotFound          ? 404
                                                                       : 409;
            reply.body = PublicRatingPage::answer(token, *outcome);
        }
    } else if (request.method == "GET" || request.method == "HEAD") {
        Result<std::optional<bool>> rated
            = known ? rating.isRated(token) : Result<std::optional<bool>>(std::nullopt);
        m_db.finishStatements();
        if (!rated)
            return internalError(rated.error());
        if (!*rated) {
            reply.status = 404;
            reply.body = PublicRatingPage::answer(token, OnlineRating::Outcome::NotFound);
        } else {
            reply.body = **rated ? PublicRatingPage::answer(token, OnlineRating::Outcome::AlreadyRated)
                                 : PublicRatingPage::form(token);
        }
    } else {
        return notFound();
    }
    addPublicHeaders(reply);
    return reply;
}

ApiReply Api::publicPage(const ApiRequest &request, const QString &token)
{
    if (const int wait = m_publicLimiter.take(clientAddress(request), m_clock.nowUtc()))
        return rateLimited(wait);
    std::optional<PublicStatus> status;
    QString resultSection;
    if (QrToken::isWellFormed(token)) {
        Result<std::optional<PublicStatus>> found = m_cases.publicStatus(token);
        if (!found)
            return internalError(found.error());
        status = *found;
        Result<std::optional<StatusDocuments::Subject>> result = m_statusDocuments.subject(token);
        if (!result)
            return internalError(result.error());
        if (*result)
            resultSection = m_statusDocuments.section(token, **result);
    }
    ApiReply reply;
    reply.status = status ? 200 : 404;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = PublicStatusPage::render(status,
        PublicStatusPage::Hall {m_options.pickupHours, status ? PublicRatingPage::url(token) : QString()},
        resultSection);
    // The page names the stage of someone's application: no shared caches (the front end marks every
    // answer no-store). It needs no script, no outside resource and no frame.
    addPublicHeaders(reply);
    return reply;
}

ApiReply Api::guidePage(const ApiRequest &request)
{
    if (const int wait = m_guideLimiter.take(clientAddress(request), m_clock.nowUtc()))
        return rateLimited(wait);
    ApiReply reply = GuideApi(m_guide, m_preApplications.enabled()).handle(request.path, request.query);
    m_db.finishStatements();
    addPublicHeaders(reply);
    return reply;
}

ApiReply Api::displayPage(const ApiRequest &request)
{
    if (const int wait = m_displayLimiter.take(clientAddress(request), m_clock.nowUtc()))
        return rateLimited(wait);
    ApiReply reply = HallDisplay(m_queue.repository(), m_options.queueRules, m_clock).handle(request);
    m_db.finishStatements();
    // The hall's TVs run only the server's own script; nothing frames the page or learns where it
    // was opened from.
    reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    reply.headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("DENY")));
    reply.headers.append(
        qMakePair(QByteArray("Content-Security-Policy"), HallDisplay::contentSecurityPolicy()));
    return reply;
}

} // namespace ow::server
