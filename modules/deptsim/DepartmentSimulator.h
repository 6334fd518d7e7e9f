#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "deptsim/PushReceiver.h"
#include "deptsim/SeenDeliveries.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <optional>

namespace ow::sync {
class SyncClient;
}

namespace ow::deptsim {

/// A department's business system, simulated (`onewindow-devsim department`): takes the server's
/// pushes, checks each one's signature and timestamp (sync::PushSignature), processes a delivery id
/// once (SeenDeliveries), and answers through the real department API — in-review after a delay,
/// then approved, denied or a supplement request, and after the supplement approved; a withdrawal
/// (撤回) stops the answers still due for its case. An approval comes with its result document: the
/// PDF uploaded first (a given file, or ResultPdf's), named by the approved event, then result-ready
/// after a delay. While "down" it answers 503, so the server's retries can be watched.
class DepartmentSimulator : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Approve,
        Deny,
        SupplementThenApprove,
    };

    struct Settings
    {
        QByteArray secret; ///< the endpoint's signing secret, as `server department-endpoint` printed it
        QUrl server; ///< where to answer; empty: take pushes only
        QString departmentKey; ///< the department's key for the department API
        qint64 reviewAfterMs = 0;
        qint64 decideAfterMs = 0;
        Outcome outcome = Outcome::Approve;
        qint64 downForMs = 0; ///< answer 503 for this long after open()
        QString seenFile; ///< where processed delivery ids are kept; empty: memory only
        QString clerk = QStringLiteral("deptsim");
    };

    static std::optional<Outcome> outcomeFrom(QStringView keyword);

    DepartmentSimulator(Settings settings, Clock clock, QObject *parent = nullptr);

    /// The result document of an approval: `pdfFile` (empty: one written for the case, ResultPdf),
    /// and result-ready `readyAfterMs` after the approval.
    void setResult(const QString &pdfFile, qint64 readyAfterMs);

    /// Reads the seen deliveries and starts the "down" time.
    Result<void> open();
    /// One request to the endpoint, answered.
    PushAnswer handle(const PushRequest &request);

    /// Delivery ids processed, in order (each once).
    const QStringList &processed() const { return m_processed; }
    int duplicates() const { return m_duplicates; }
    int refused() const { return m_refused; }
    /// Whether a push told that the case was withdrawn (its scheduled answers are dropped then).
    bool isWithdrawn(const QString &caseNumber) const { return m_withdrawn.contains(caseNumber); }

Q_SIGNALS:
    /// A push processed for the first time: its delivery id and body.
    void pushProcessed(const QString &delivery, const QJsonObject &push);
    /// The department API recorded a step: the case's `state` after it.
    void answered(const QString &caseNumber, const QString &kind, const QString &state);
    void problem(const QString &message);

private:
    /// Records `kind` on the case through the department API after `delayMs`, then `then` (if any)
    /// after the decision delay. The delivery and the kind make the idempotency id, so a repeated
    /// call is recorded once.
    void schedule(qint64 delayMs, const QJsonObject &push, const QString &kind, const QString &then = {},
        int attempt = 1);
    void post(const QJsonObject &push, const QString &kind, const QString &then, int attempt);
    QJsonObject payloadFor(const QJsonObject &push, const QString &kind) const;
    /// Uploads the case's result document (once per case) and keeps what the events name of it.
    Result<void> uploadResult(sync::SyncClient &client, const QJsonObject &push);

    Settings m_settings;
    Clock m_clock;
    std::optional<SeenDeliveries> m_seen;
    qint64 m_openedMs = 0;
    QStringList m_processed;
    int m_duplicates = 0;
    int m_refused = 0;
    QSet<QString> m_withdrawn; ///< case numbers
    QString m_resultPdf;
    qint64 m_readyAfterMs = 2000;
    QHash<QString, QJsonObject> m_documents; ///< by case number: {"name", "sha256", "size"} uploaded
};

} // namespace ow::deptsim
