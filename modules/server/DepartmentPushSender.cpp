#include "server/DepartmentPushSender.h"

#include "server/DepartmentEndpoints.h"
#include "server/SignedLink.h"
#include "storage/Database.h"
#include "sync/PushSignature.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

namespace ow::server {

using namespace Qt::StringLiterals;

DepartmentPushSender::DepartmentPushSender(
    const storage::Database &db, DeliveryPolicy policy, Clock clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_policy(std::move(policy))
    , m_clock(clock)
    , m_outbox(db, clock)
    , m_timer(std::move(clock))
{
    connect(&m_timer, &ClockTimer::timeout, this, &DepartmentPushSender::tick);
}

void DepartmentPushSender::start(qint64 intervalMs)
{
    m_intervalMs = intervalMs;
    m_timer.start(0);
}

void DepartmentPushSender::stop()
{
    m_timer.stop();
}

void DepartmentPushSender::tick()
{
    if (Result<int> sent = sendDue(); !sent)
        Q_EMIT problem(sent.error().message());
    m_timer.start(m_intervalMs);
}

Result<QByteArray> DepartmentPushSender::bodyFor(const Delivery &delivery) const
{
    QJsonObject body = delivery.body;
    QJsonArray attachments;
    const SignedLink links(m_db, m_clock);
    for (const QJsonValue &value : body.value(u"attachments"_s).toArray()) {
        QJsonObject attachment = value.toObject();
        Result<QUrl> url = links.make(
            QUrl(m_policy.publicUrl), attachment.value(u"sha256"_s).toString(), m_policy.linkSeconds);
        if (!url)
            return failWith(url.error());
        attachment.insert(u"url"_s, url->toString());
        attachments.append(attachment);
    }
    body.insert(u"attachments"_s, attachments);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<int> DepartmentPushSender::sendDue()
{
    Result<QList<Delivery>> due = m_outbox.due(m_busy.values());
    if (!due)
        return failWith(due.error());
    int sent = 0;
    const DepartmentEndpoints endpoints(m_db, m_clock);
    for (const Delivery &delivery : std::as_const(*due)) {
        Result<std::optional<DepartmentEndpoint>> endpoint = endpoints.find(delivery.department);
        if (!endpoint)
            return failWith(endpoint.error());
        if (!*endpoint)
            continue;
        Result<bool> leased = m_outbox.lease(delivery);
        if (!leased)
            return failWith(leased.error());
        if (!*leased)
            continue;
        Result<QByteArray> body = bodyFor(delivery);
        if (!body)
            return failWith(body.error());
        const qint64 timestamp = m_clock.nowUtc().toSecsSinceEpoch();
        QNetworkRequest request((*endpoint)->url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArray(sync::PushSignature::kDeliveryHeader), delivery.id.toLatin1());
        request.setRawHeader(
            QByteArray(sync::PushSignature::kTimestampHeader), QByteArray::number(timestamp));
        request.setRawHeader(QByteArray(sync::PushSignature::kSignatureHeader),
            sync::PushSignature::sign((*endpoint)->secret, timestamp, *body));
        request.setTransferTimeout(kTimeoutMs);
        m_busy.insert(delivery.department);
        QNetworkReply *reply = m_network.post(request, *body);
        connect(
            reply, &QNetworkReply::finished, this, [this, delivery, reply] { finished(delivery, reply); });
        ++sent;
    }
    m_db.finishStatements();
    return sent;
}

void DepartmentPushSender::finished(const Delivery &delivery, QNetworkReply *reply)
{
    reply->deleteLater();
    m_busy.remove(delivery.department);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString state;
    QString error;
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        if (Result<void> done = m_outbox.markDelivered(delivery); !done) {
            Q_EMIT problem(done.error().message());
            return;
        }
        state = QString(DeliveryOutbox::kDelivered);
    } else {
        error = status != 0
            ? QCoreApplication::translate("ow::server", "The endpoint answered %1.").arg(status)
            : reply->errorString();
        Result<QString> marked = m_outbox.markFailed(delivery, error, m_policy);
        if (!marked) {
            Q_EMIT problem(marked.error().message());
            return;
        }
        state = *marked;
    }
    m_db.finishStatements();
    Q_EMIT recorded(delivery.id, delivery.department, state, error);
    // The department's next delivery need not wait for the next round.
    if (state == DeliveryOutbox::kDelivered)
        m_timer.start(0);
}

} // namespace ow::server
