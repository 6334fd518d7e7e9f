#pragma once

#include "cases/CaseEvent.h"
#include "core/Result.h"
#include "server/CredentialStore.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QString>

namespace ow::server {

/// One thing a department did through the server with its key (docs/supervision.md, "The
/// departments' log").
struct DepartmentAction
{
    /// The kinds of action, as the log's `action` field and the dialog's kind filter name them.
    static constexpr QLatin1StringView kStatusReport {"status-report"};
    static constexpr QLatin1StringView kTransferConfirmation {"transfer-confirmation"};
    static constexpr QLatin1StringView kPreApplicationReview {"pre-application-review"};
    static constexpr QLatin1StringView kCatalogueSignOff {"catalogue-sign-off"};
    static constexpr QLatin1StringView kResultDocument {"result-document"};

    qint64 seq = 0; ///< 1, 2, 3… over the whole server, without gaps
    QString time; ///< UTC, CaseJson::timeText
    QString hall; ///< the hall of the case or pre-application; empty for a catalogue sign-off (every hall's)
    QString department; ///< the key's department, never what the request said
    QString keyId; ///< the department key that acted; empty for a sign-off chained from before the log
    QString action; ///< one of the k… kinds above
    QString kind; ///< the event keyword (approved…), accept/return, signed-off/objected
    QString subject; ///< case number, pre-application code or catalogue submission id
    QString clerk; ///< the department's clerk, reviewer or signer, as they gave it
    QString detail; ///< what they said with it (a note, reasons, an objection)
    QString ref; ///< the stored event's id, or the row the action wrote
    QString prevHash;
    QString hash;

    /// The fields the hash covers, in order (cases::AuditLog::canonicalFields).
    QByteArray canonicalContent() const;
};

/// The hash chain over every department action on the server (table department_log): each row
/// stores SHA-256(previous row's hash ‖ its canonical content) and department_log_head keeps the
/// newest row, so a row changed, inserted or removed — the last one too — shows in verify(). Rows
/// are appended inside the transaction of the action they record, so an action cannot be stored
/// without its row.
class DepartmentLogChain
{
public:
    struct Verification
    {
        bool intact = true;
        qint64 rowsChecked = 0;
        qint64 brokenSeq = 0; ///< the first row that does not verify; 0 when intact
        QString reason; ///< translated, empty when intact

        /// `{"intact", "rows", "brokenRow"?, "reason"?}`
        QJsonObject toJson() const;
    };

    explicit DepartmentLogChain(const storage::Database &db);

    /// Appends `action` (its time set by the caller) inside the caller's open write transaction;
    /// the row as written.
    Result<DepartmentAction> append(const DepartmentAction &action) const;
    Result<Verification> verify() const;

    /// What a department said with a status report: the payload's words, not its machine fields.
    static QString detailOf(const QJsonObject &payload);
    /// The action of a case event `department` stored for a case of `hall`.
    static DepartmentAction ofEvent(const Credential &department, const QString &hall,
        const cases::CaseEvent &event, QLatin1StringView action);

private:
    const storage::Database &m_db;
};

} // namespace ow::server
