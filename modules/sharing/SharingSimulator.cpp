#include "sharing/SharingSimulator.h"

#include "sharing/SharingWire.h"
#include "sharing/SimulatedRegistry.h"
#include "sync/PushSignature.h"

namespace ow::sharing {

SharingSimulator::SharingSimulator(Settings settings, Clock clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(std::move(clock))
    , m_started(m_clock.monotonicMs())
{
}

SharingSimulator::Answer SharingSimulator::refuse(int status, const QString &keyword, const QString &message,
    const QString &material, const QString &maskedKey)
{
    Q_EMIT answered(material, maskedKey, status);
    return {status, SharingWire::errorBody(keyword, message)};
}

SharingSimulator::Answer SharingSimulator::handle(
    const QByteArray &method, const QByteArray &path, const Header &header, const QByteArray &body)
{
    if (m_clock.monotonicMs() - m_started < m_settings.downForMs)
        return refuse(503, QStringLiteral("unavailable"), QStringLiteral("平台维护中"));
    if (method != "POST" || path != SharingWire::kPath)
        return refuse(404, QStringLiteral("no-such-path"),
            QStringLiteral("POST %1 only").arg(QLatin1StringView(SharingWire::kPath)));
    if (QString::fromUtf8(header(SharingWire::kAppHeader)) != m_settings.appId)
        return refuse(401, QStringLiteral("unknown-app"), QStringLiteral("应用标识未登记"));
    const sync::PushSignature::Verdict verdict
        = sync::PushSignature::verify(m_settings.secret, header(sync::PushSignature::kTimestampHeader),
            header(sync::PushSignature::kSignatureHeader), body, m_clock.nowUtc().toSecsSinceEpoch());
    if (verdict != sync::PushSignature::Verdict::Valid)
        return refuse(401, QStringLiteral("bad-signature"),
            verdict == sync::PushSignature::Verdict::Stale ? QStringLiteral("请求时间与平台时间相差过大")
                                                           : QStringLiteral("签名校验未通过"));
    const Result<SharedRequest> request = SharingWire::requestFrom(body);
    if (!request)
        return refuse(400, QStringLiteral("bad-request"), request.error().message());
    const QString masked = request->key.masked();
    const std::optional<SimulatedRegistry::Issued> issued
        = SimulatedRegistry::issue(request->materialId, request->key);
    if (!issued)
        return refuse(
            404, QStringLiteral("no-record"), QStringLiteral("查无记录"), request->materialId, masked);
    ++m_served;
    const QString reference = QStringLiteral("SIM-%1-%2")
                                  .arg(m_clock.nowUtc().toString(QStringLiteral("yyyyMMddHHmmss")))
                                  .arg(m_served, 4, 10, QLatin1Char('0'));
    Q_EMIT answered(request->materialId, masked, 200);
    return {200, SharingWire::answerBody(reference, issued->source, issued->fileName, issued->bytes)};
}

} // namespace ow::sharing
