#pragma once

#include "server/ApiMessage.h"
#include "server/ComplaintRepository.h"
#include "server/ComplaintRequest.h"
#include "server/CredentialStore.h"
#include "server/GuideCatalogue.h"
#include "supervision/SupervisionRules.h"

namespace ow::server {

/// Complaints (投诉) over HTTP (docs/sync-protocol.md, "Complaints"): POST /api/v1/complaints, a
/// workstation's batch recorded at its counters, and /api/v1/supervision/complaints… for the
/// supervisor: the list with its counts, a complaint recorded (from 12345, say), assigned, replied
/// to and closed. Staff numbers are resolved to names from the hall's accounts and matter codes from
/// the current catalogue; an unknown one is refused naming its field.
class ComplaintApi
{
public:
    static constexpr int kMaxPerBatch = 50;
    static constexpr qint64 kMaxBody = 256 * 1024;
    static constexpr int kPageSize = 200;

    ComplaintApi(const storage::Database &db, Clock clock, const supervision::SupervisionRules &rules,
        GuideCatalogue &catalogue);

    /// POST /api/v1/complaints from a workstation.
    ApiReply post(const ApiRequest &request, const Credential &workstation);
    /// `parts` is the path after /api/v1/supervision/complaints.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &supervisor);

private:
    using Problem = ComplaintRequest::Problem;

    /// The complaint a client sent, checked and with its names resolved in `hall`; `recordedBy`
    /// stands in for a missing "recordedByStaffNumber".
    Result<std::variant<supervision::Complaint, Problem>> read(
        const QJsonObject &object, const QString &hall, const supervision::ComplaintPerson &recordedBy);
    /// The account of `staffNumber` in `hall` as {number as stored, name}; nullopt when unknown.
    Result<std::optional<supervision::ComplaintPerson>> person(
        const QString &hall, const QString &staffNumber);
    /// Who a supervisor's credential is: the signed-in supervisor's account, or the key's holder.
    Result<supervision::ComplaintPerson> actor(const Credential &supervisor);

    ApiReply list(const ApiRequest &request, const Credential &supervisor);
    ApiReply record(const ApiRequest &request, const Credential &supervisor);
    ApiReply act(const ApiRequest &request, const QString &id, supervision::ComplaintAction action,
        const Credential &supervisor);

    const storage::Database &m_db;
    Clock m_clock;
    GuideCatalogue &m_catalogue;
    ComplaintRepository m_repository;
};

} // namespace ow::server
