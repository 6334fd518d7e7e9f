#include "deptsim/DepartmentSimulator.h"

#include "core/ClockTimer.h"
#include "core/Sha256.h"
#include "deptsim/ResultPdf.h"
#include "sync/PushSignature.h"
#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ow::deptsim {

using namespace Qt::StringLiterals;

namespace {

constexpr int kAttempts = 5;
constexpr qint64 kRetryMs = 2000;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The first material of the case's checklist, for a supplement request that names a real one.
QJsonObject firstMaterial(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(u"material"_s).isString() && object.value(u"name"_s).isString())
            return object;
        for (const QJsonValue &inner : object)
            if (QJsonObject found = firstMaterial(inner); !found.isEmpty())
                return found;
    } else if (value.isArray()) {
        for (const QJsonValue &inner : value.toArray())
            if (QJsonObject found = firstMaterial(inner); !found.isEmpty())
                return found;
    }
    return {};
}

} // namespace

std::optional<DepartmentSimulator::Outcome> DepartmentSimulator::outcomeFrom(QStringView keyword)
{
    if (keyword == u"approve"_s)
        return Outcome::Approve;
    if (keyword == u"deny"_s)
        return Outcome::Deny;
    if (keyword == u"supplement-then-approve"_s)
        return Outcome::SupplementThenApprove;
    return std::nullopt;
}

DepartmentSimulator::DepartmentSimulator(Settings settings, Clock clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(std::move(clock))
{
}

void DepartmentSimulator::setResult(const QString &pdfFile, qint64 readyAfterMs)
{
    m_resultPdf = pdfFile;
    m_readyAfterMs = readyAfterMs;
}

Result<void> DepartmentSimulator::open()
{
    Result<SeenDeliveries> seen = SeenDeliveries::open(m_settings.seenFile);
    if (!seen)
        return failWith(seen.error());
    m_seen = std::move(*seen);
    m_openedMs = m_clock.monotonicMs();
    return {};
}

PushAnswer DepartmentSimulator::handle(const PushRequest &request)
{
    if (request.method != "POST")
        return {404, R"({"error":"only POST"})"};
    if (m_clock.monotonicMs() - m_openedMs < m_settings.downForMs)
        return {503, R"({"error":"down for maintenance"})"};
    const sync::PushSignature::Verdict verdict = sync::PushSignature::verify(m_settings.secret,
        request.header(sync::PushSignature::kTimestampHeader),
        request.header(sync::PushSignature::kSignatureHeader), request.body,
        m_clock.nowUtc().toSecsSinceEpoch());
    if (verdict != sync::PushSignature::Verdict::Valid) {
        ++m_refused;
        return {401, R"({"error":"signature"})"};
    }
    const QString delivery = QString::fromLatin1(request.header(sync::PushSignature::kDeliveryHeader));
    const QJsonObject push = QJsonDocument::fromJson(request.body).object();
    if (delivery.isEmpty() || push.value(u"delivery"_s).toString() != delivery)
        return {400, R"({"error":"delivery id"})"};
    // Already processed: acknowledged again, done nothing again.
    if (m_seen->contains(delivery)) {
        ++m_duplicates;
        return {200, json({{u"delivery"_s, delivery}, {u"duplicate"_s, true}})};
    }
    // Recorded before it is acknowledged: if writing fails the server keeps it and tries again.
    if (Result<void> added = m_seen->add(delivery); !added) {
        Q_EMIT problem(added.error().message());
        return {503, R"({"error":"cannot record"})"};
    }
    m_processed.append(delivery);
    const QString kind = push.value(u"kind"_s).toString();
    const QString number = push.value(u"number"_s).toString();
    Q_EMIT pushProcessed(delivery, push);
    // 撤回: the applicant took the application back; the answers still scheduled for it are dropped.
    if (kind == u"withdrawn"_s) {
        m_withdrawn.insert(number);
        return {200, json({{u"delivery"_s, delivery}, {u"duplicate"_s, false}})};
    }
    if (!m_settings.server.isEmpty()) {
        QString decision = u"approved"_s;
        if (m_settings.outcome == Outcome::Deny)
            decision = u"denied"_s;
        else if (m_settings.outcome == Outcome::SupplementThenApprove && kind != u"supplemented"_s)
            decision = u"supplement-requested"_s;
        schedule(m_settings.reviewAfterMs, push, u"in-review"_s, decision);
    }
    return {200, json({{u"delivery"_s, delivery}, {u"duplicate"_s, false}})};
}

void DepartmentSimulator::schedule(
    qint64 delayMs, const QJsonObject &push, const QString &kind, const QString &then, int attempt)
{
    auto *timer = new ClockTimer(m_clock, this);
    connect(timer, &ClockTimer::timeout, this, [this, timer, push, kind, then, attempt] {
        timer->deleteLater();
        post(push, kind, then, attempt);
    });
    timer->start(delayMs);
}

QJsonObject DepartmentSimulator::payloadFor(const QJsonObject &push, const QString &kind) const
{
    QJsonObject payload {
        {u"note"_s, QCoreApplication::translate("ow::deptsim", "Recorded by the department simulator.")}};
    if (kind == u"denied"_s)
        payload.insert(u"reasons"_s,
            QJsonArray {QCoreApplication::translate(
                "ow::deptsim", "The simulated department denies the application.")});
    if (kind == u"supplement-requested"_s) {
        QJsonObject material = firstMaterial(push.value(u"case"_s).toObject().value(u"checklist"_s));
        const QString id
            = material.isEmpty() ? u"simulated-material"_s : material.value(u"material"_s).toString();
        const QString name = material.isEmpty()
            ? QCoreApplication::translate("ow::deptsim", "A material the department asks for")
            : material.value(u"name"_s).toString();
        const QString deadline = m_clock.nowUtc().date().addDays(10).toString(Qt::ISODate);
        payload.insert(u"materials"_s,
            QJsonArray {QJsonObject {{u"id"_s, id}, {u"name"_s, name}, {u"deadline"_s, deadline}}});
    }
    const QJsonObject document = m_documents.value(push.value(u"number"_s).toString());
    if ((kind == u"approved"_s || kind == u"result-ready"_s) && !document.isEmpty())
        payload.insert(u"document"_s, document);
    return payload;
}

Result<void> DepartmentSimulator::uploadResult(sync::SyncClient &client, const QJsonObject &push)
{
    const QString number = push.value(u"number"_s).toString();
    if (m_documents.contains(number))
        return {};
    QByteArray pdf;
    QString name = ResultPdf::fileName(number);
    if (m_resultPdf.isEmpty()) {
        const QJsonObject matter = push.value(u"case"_s).toObject().value(u"matter"_s).toObject();
        pdf = ResultPdf::make(number, matter.value(u"name"_s).toString(), m_clock.nowUtc().date());
    } else {
        QFile file(m_resultPdf);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::deptsim", "The result PDF %1 cannot be read: %2")
                    .arg(m_resultPdf, file.errorString()));
        pdf = file.readAll();
        name = QFileInfo(m_resultPdf).fileName();
    }
    const QString sha256 = Sha256::hex(pdf);
    Result<QJsonObject> stored = client.call("PUT",
        sync::protocol::kDepartmentCases + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(number))
            + u"/documents/"_s + sha256,
        QUrlQuery {{u"name"_s, name}}, pdf, "application/pdf");
    if (!stored)
        return failWith(stored.error());
    // What the server kept (its name stays the first upload's): the events name exactly that.
    m_documents.insert(number,
        QJsonObject {{u"name"_s, stored->value(u"name"_s)}, {u"sha256"_s, sha256},
            {u"size"_s, stored->value(u"size"_s)}});
    return {};
}

void DepartmentSimulator::post(const QJsonObject &push, const QString &kind, const QString &then, int attempt)
{
    const QString delivery = push.value(u"delivery"_s).toString();
    const QString number = push.value(u"number"_s).toString();
    if (m_withdrawn.contains(number))
        return;
    // The same id for the same step of the same delivery: a call repeated after a lost answer, or
    // after the simulator restarted, is recorded once by the server.
    const QUuid id
        = QUuid::createUuidV5(QUuid(u"6f1c2f5e-7c1a-4d0b-9a51-0b1f6e2d3c4a"_s), delivery + u'/' + kind);
    sync::SyncClient client(m_settings.server, m_settings.departmentKey);
    client.setTimeout(10000);
    // An approval names its result document, so the document is on the server first.
    Result<QJsonObject> answer = QJsonObject();
    if (kind == u"approved"_s)
        if (Result<void> uploaded = uploadResult(client, push); !uploaded)
            answer = failWith(uploaded.error());
    if (answer) {
        const QJsonObject body {{u"id"_s, id.toString(QUuid::WithoutBraces)}, {u"kind"_s, kind},
            {u"clerk"_s, m_settings.clerk}, {u"payload"_s, payloadFor(push, kind)}};
        answer = client.call("POST",
            sync::protocol::kDepartmentCases + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(number))
                + u"/events"_s,
            {}, json(body));
    }
    if (answer) {
        Q_EMIT answered(number, kind, answer->value(u"state"_s).toString());
        // The decision only once the review is recorded: the server refuses it before. The result
        // is ready for pickup a while after the approval.
        if (!then.isEmpty())
            schedule(m_settings.decideAfterMs, push, then);
        else if (kind == u"approved"_s)
            schedule(m_readyAfterMs, push, u"result-ready"_s);
        return;
    }
    Q_EMIT problem(QCoreApplication::translate("ow::deptsim", "%1 for case %2: %3")
                       .arg(kind, number, answer.error().message()));
    // The server down or busy: try again a few times. A refusal (the case moved on) is final.
    if (client.lastFailure().retryable() && attempt < kAttempts)
        schedule(kRetryMs, push, kind, then, attempt + 1);
}

} // namespace ow::deptsim
