#include "server/UploadApi.h"

#include "server/Api.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ow::server {

namespace code = ow::sync::protocol::error;

namespace {

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

/// ?offset=N&total=T, or nullopt.
std::optional<std::pair<qint64, qint64>> positionOf(const QUrlQuery &query)
{
    bool offsetOk = false;
    bool totalOk = false;
    const qint64 offset = query.queryItemValue(str("offset")).toLongLong(&offsetOk);
    const qint64 total = query.queryItemValue(str("total")).toLongLong(&totalOk);
    if (!offsetOk || !totalOk || offset < 0)
        return std::nullopt;
    return std::pair(offset, total);
}

ApiReply positionMissing()
{
    return ApiReply::error(
        422, code::kInvalid, QCoreApplication::translate("ow::server", "An upload needs ?offset=N&total=T."));
}

/// The body of one PUT …/upload, going to the partial file as it arrives.
class UploadBody : public BodySink
{
public:
    UploadBody(UploadStore &uploads, std::unique_ptr<UploadSink> sink)
        : m_uploads(uploads)
        , m_sink(std::move(sink))
    {
    }

    bool write(QByteArrayView bytes) override { return m_sink && m_sink->write(bytes); }

    ApiReply refusal() const override
    {
        if (m_sink && m_sink->overflow())
            return ApiReply::error(422, code::kInvalid,
                QCoreApplication::translate("ow::server", "The chunk goes past the end of the file."),
                QJsonObject {{str("received"), double(m_sink->offset())}, {str("complete"), false}});
        return Api::internalError(Error(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The attachment file %1 could not be written: %2")
                .arg(m_sink ? m_sink->device().fileName() : QString(),
                    m_sink ? m_sink->errorString() : QString())));
    }

    ApiReply finish() override
    {
        Result<UploadStore::Outcome> outcome = m_uploads.finish(std::move(m_sink));
        if (!outcome)
            return Api::internalError(outcome.error());
        return UploadApi::replyFor(*outcome);
    }

private:
    UploadStore &m_uploads;
    std::unique_ptr<UploadSink> m_sink;
};

} // namespace

ApiReply UploadApi::replyFor(const UploadStore::Outcome &outcome)
{
    const QJsonObject progress {
        {str("received"), double(outcome.progress.received)}, {str("complete"), outcome.progress.complete}};
    switch (outcome.refusal) {
    case UploadStore::Refusal::None:
        return ApiReply::json(200, progress);
    case UploadStore::Refusal::OffsetMismatch:
        return ApiReply::error(409, code::kOffsetMismatch, outcome.message, progress);
    case UploadStore::Refusal::HashMismatch:
        return ApiReply::error(422, code::kHashMismatch, outcome.message, progress);
    case UploadStore::Refusal::TooLarge:
        return ApiReply::error(413, code::kTooLarge, outcome.message);
    case UploadStore::Refusal::Busy:
        return ApiReply::error(409, code::kConflict, outcome.message, progress);
    case UploadStore::Refusal::Invalid:
        break;
    }
    return ApiReply::error(422, code::kInvalid, outcome.message, progress);
}

ApiReply UploadApi::progress(const QString &sha256, const Credential &workstation)
{
    Result<UploadStore::Progress> progress = m_uploads.progress(sha256, {workstation.id, workstation.hall});
    if (!progress)
        return Api::internalError(progress.error());
    return ApiReply::json(200,
        QJsonObject {{str("received"), double(progress->received)},
            {str("total"), progress->total ? QJsonValue(double(*progress->total)) : QJsonValue()},
            {str("complete"), progress->complete}});
}

std::variant<std::unique_ptr<BodySink>, ApiReply> UploadApi::open(
    const ApiRequest &head, const QString &sha256, const Credential &workstation, qint64 declaredLength)
{
    const std::optional<std::pair<qint64, qint64>> position = positionOf(head.query);
    if (!position)
        return positionMissing();
    std::unique_ptr<UploadSink> sink;
    Result<UploadStore::Outcome> outcome = m_uploads.begin(
        sha256, {workstation.id, workstation.hall}, position->first, position->second, declaredLength, &sink);
    if (!outcome)
        return Api::internalError(outcome.error());
    if (!sink)
        return replyFor(*outcome);
    return std::make_unique<UploadBody>(m_uploads, std::move(sink));
}

ApiReply UploadApi::upload(const ApiRequest &request, const QString &sha256, const Credential &workstation)
{
    std::variant<std::unique_ptr<BodySink>, ApiReply> opened
        = open(request, sha256, workstation, request.body.size());
    if (ApiReply *answer = std::get_if<ApiReply>(&opened))
        return std::move(*answer);
    std::unique_ptr<BodySink> &body = std::get<std::unique_ptr<BodySink>>(opened);
    if (!body->write(request.body))
        return body->refusal();
    return body->finish();
}

} // namespace ow::server
