#pragma once

#include "server/ApiMessage.h"
#include "server/CaseRepository.h"
#include "server/CredentialStore.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QStringList>

namespace ow::server {

/// A department confirms a counter's transfer list (移交清单, guide 三(四)1) through its API key, by
/// the same rules as a receiver at a workstation (cases::TransferDesk::confirm): each folder of the
/// list scanned becomes transferred, each one not scanned is flagged missing, each folder scanned
/// that is not on the list is flagged extra; a list confirmed before is refused. The list is found
/// from the transfer-listed events the counter synced; the events recorded reach every workstation
/// of the hall with the next sync.
class TransferReception
{
public:
    struct Outcome
    {
        enum class Status
        {
            Confirmed,
            NotFound, ///< no case of the server is on a list of that id
            OtherDepartment, ///< the list goes to another department
            ConfirmedBefore,
        };
        Status status = Status::Confirmed;
        QStringList received;
        QStringList missing;
        QStringList extra;
        QJsonArray events; ///< the events recorded
        QString message;
    };

    TransferReception(const storage::Database &db, CaseRepository &cases);

    /// POST /api/v1/department/transfer-lists/<id> with {"clerk": staff number, "scans": [label
    /// scans]}: 200 with {"received", "missing", "extra", "events"}; 404 for a list unknown, 403 for
    /// another department's, 409 for one confirmed before (docs/sync-protocol.md).
    ApiReply post(const ApiRequest &request, const QString &idOrScan, const Credential &department);
    /// At most this many scans in one confirmation.
    static constexpr int kMaxScans = 500;

    /// The list's id or its QR code's text; `scans` what the scanner read from each folder's label
    /// (a case link or a case number).
    Result<Outcome> confirm(const Credential &department, const QString &idOrScan, const QString &clerk,
        const QStringList &scans);

private:
    /// The case number a label's scan names; the text itself when it names no case.
    Result<QString> folderOf(const QString &scan) const;

    const storage::Database &m_db;
    CaseRepository &m_cases;
};

} // namespace ow::server
