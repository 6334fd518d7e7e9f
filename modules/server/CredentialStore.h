#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ow::server {

/// Who a request comes from, after its bearer secret was checked.
struct Credential
{
    enum class Kind
    {
        Workstation,
        Department,
        Publisher,
        Supervisor, ///< a hall's supervising office (电子监察): reads the hall's warnings and figures
        /// a hall account of the catalogue editor role, signed in from onewindow-editor: locks matters,
        /// submits and withdraws its own catalogue versions
        CatalogueEditor,
    };

    QString id; ///< shown in logs and by `server list-credentials`; never the secret
    Kind kind = Kind::Workstation;
    QString hall; ///< workstation: the hall code its cases are numbered with; supervisor: the hall supervised
    QString counter; ///< workstation: e.g. "W07"
    int counterNumber = 0;
    QString department; ///< department key: the department id of the catalogue
    QString
        name; ///< publisher, supervisor: who holds the key; workstation: the machine name given at enrolment
    QDateTime created;
    QDateTime revoked; ///< null while valid
};

QString keyword(Credential::Kind kind);

/// A secret printed once: the id to revoke it by and the secret itself.
struct IssuedSecret
{
    QString id;
    QString secret;
    QDateTime expires; ///< enrol codes and supervisor sessions only
};

/// Enrol codes, workstation tokens, department and publisher keys. Only the SHA-256 of a secret is
/// stored, so a copy of the database does not let anyone in.
class CredentialStore
{
public:
    static constexpr int kEnrolCodeHours = 24;

    CredentialStore(const storage::Database &db, Clock clock);

    /// A one-time code "XXXX-XXXX-XXXX" for a counter; the hall must be a valid hall code and the
    /// counter end in its number 1..99 ("W07").
    Result<IssuedSecret> issueEnrolCode(const QString &hall, const QString &counter);
    Result<IssuedSecret> issueDepartmentKey(const QString &department);
    Result<IssuedSecret> issuePublisherKey(const QString &name);
    /// A key for the supervisors of one hall (`name` says who holds it): the hall's warnings, their
    /// history, the follow-ups of bad ratings and the clerks' and matters' figures, nothing else.
    Result<IssuedSecret> issueSupervisorKey(const QString &hall, const QString &name);
    /// A short-lived bearer for a supervisor of `hall` who signed in at a workstation with their hall
    /// account (POST /supervision/session): it acts as the hall's supervisor key until `hours` have
    /// passed. Sessions already expired are removed on the way.
    Result<IssuedSecret> issueSupervisorSession(
        const QString &hall, const QString &staffNumber, const QString &workstation, int hours);
    /// The same for a catalogue editor who signed in from onewindow-editor (POST /catalogues/session):
    /// a CatalogueEditor credential named by the staff number; `client` is the address signed in from.
    Result<IssuedSecret> issueCatalogueEditorSession(
        const QString &hall, const QString &staffNumber, const QString &client, int hours);
    /// Exchanges an enrol code for a workstation token; nullopt when the code is wrong, used or expired.
    Result<std::optional<std::pair<Credential, QString>>> enrol(const QString &code, const QString &machine);
    /// The credential a bearer secret belongs to; nullopt for an unknown or revoked one, or a
    /// supervisor session past its expiry. A session is a Supervisor credential of its hall, named
    /// by the staff number that signed in.
    Result<std::optional<Credential>> authenticate(const QString &secret) const;
    /// Revokes a credential or an unused enrol code by id; NotFound when there is none.
    Result<void> revoke(const QString &id);
    Result<QList<Credential>> list() const;

    static QString hashSecret(const QString &secret);
    /// The counter number in a counter id: the digits it ends with ("W07" → 7); 0 when there are none.
    static int counterNumber(const QString &counter);

private:
    Result<IssuedSecret> issueKey(
        Credential::Kind kind, const QString &department, const QString &name, const QString &hall = {});
    Result<IssuedSecret> issueSession(const QString &hall, const QString &staffNumber,
        const QString &workstation, int hours, Credential::Kind kind);
    /// The supervisor or catalogue editor session a secret belongs to, while it has not expired.
    Result<std::optional<Credential>> sessionOf(const QString &secret) const;
    /// Runs one write statement in a write transaction of its own.
    Result<void> writeAlone(const QString &sql, const QVariantList &values);

    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
