#include "server/CredentialStore.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "core/Sha256.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QUuid>

namespace ow::server {

using namespace Qt::Literals::StringLiterals;

using cases::CaseJson;

namespace {

// No 0/O or 1/I: codes are read off paper and typed at the counter.
constexpr QLatin1StringView kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"_L1;

QString randomText(int length, QLatin1StringView alphabet)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QLatin1Char(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())))));
    return text;
}

// 256 random bits as URL-safe base64: long enough that guessing is hopeless.
QString randomSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// What a supervisor session's secret starts with, so only those are looked up among the sessions.
constexpr QLatin1StringView kSessionPrefix = "session."_L1;

QString newId(QLatin1StringView prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

Credential credentialFrom(const QVariantList &q)
{
    Credential c;
    c.id = q.at(0).toString();
    const QString kind = q.at(1).toString();
    c.kind = kind == QStringLiteral("department") ? Credential::Kind::Department
        : kind == QStringLiteral("publisher")     ? Credential::Kind::Publisher
        : kind == QStringLiteral("supervisor")    ? Credential::Kind::Supervisor
                                                  : Credential::Kind::Workstation;
    c.hall = q.at(2).toString();
    c.counter = q.at(3).toString();
    c.counterNumber = q.at(4).toInt();
    c.department = q.at(5).toString();
    c.name = q.at(6).toString();
    c.created = CaseJson::timeFrom(q.at(7).toString());
    c.revoked = CaseJson::timeFrom(q.at(8).toString());
    return c;
}

const QString kCredentialColumns
    = QStringLiteral("id, kind, hall, counter, counter_number, department, name, created, revoked");

} // namespace

QString keyword(Credential::Kind kind)
{
    switch (kind) {
    case Credential::Kind::Workstation:
        return QStringLiteral("workstation");
    case Credential::Kind::Department:
        return QStringLiteral("department");
    case Credential::Kind::Publisher:
        return QStringLiteral("publisher");
    case Credential::Kind::Supervisor:
        return QStringLiteral("supervisor");
    case Credential::Kind::CatalogueEditor:
        return QStringLiteral("catalogue-editor");
    }
    return {};
}

CredentialStore::CredentialStore(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

QString CredentialStore::hashSecret(const QString &secret)
{
    return Sha256::hex(secret.toUtf8());
}

int CredentialStore::counterNumber(const QString &counter)
{
    qsizetype start = counter.size();
    while (start > 0 && counter.at(start - 1).isDigit())
        --start;
    return start == counter.size() ? 0 : counter.mid(start).toInt();
}

Result<IssuedSecret> CredentialStore::issueEnrolCode(const QString &hall, const QString &counter)
{
    Result<void> hallOk = cases::CaseNumber::checkHallCode(hall);
    if (!hallOk)
        return failWith(hallOk.error());
    const int number = counterNumber(counter);
    if (number < 1 || number > cases::CaseNumber::kMaxCounter)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::server", "The counter “%1” must end in its number, 1 to 99 (e.g. W07).")
                .arg(counter));
    IssuedSecret issued;
    issued.id = newId("code-"_L1);
    issued.secret = randomText(4, kCodeAlphabet) + QLatin1Char('-') + randomText(4, kCodeAlphabet)
        + QLatin1Char('-') + randomText(4, kCodeAlphabet);
    const QDateTime now = m_clock.nowUtc();
    issued.expires = now.addSecs(kEnrolCodeHours * 3600);
    Result<void> inserted = writeAlone(
        QStringLiteral(
            "INSERT INTO enrol_codes (id, code_hash, hall, counter, counter_number, created, expires)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {issued.id, hashSecret(issued.secret), hall, counter, number, CaseJson::timeText(now),
            CaseJson::timeText(issued.expires)});
    if (!inserted)
        return failWith(inserted.error());
    return issued;
}

Result<IssuedSecret> CredentialStore::issueDepartmentKey(const QString &department)
{
    if (department.trimmed().isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::server", "A department id is needed."));
    return issueKey(Credential::Kind::Department, department.trimmed(), QString());
}

Result<IssuedSecret> CredentialStore::issuePublisherKey(const QString &name)
{
    if (name.trimmed().isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::server", "A publisher name is needed."));
    return issueKey(Credential::Kind::Publisher, QString(), name.trimmed());
}

Result<IssuedSecret> CredentialStore::issueSupervisorKey(const QString &hall, const QString &name)
{
    Result<void> hallOk = cases::CaseNumber::checkHallCode(hall);
    if (!hallOk)
        return failWith(hallOk.error());
    if (name.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "The name of who holds the key is needed."));
    return issueKey(Credential::Kind::Supervisor, QString(), name.trimmed(), hall);
}

Result<IssuedSecret> CredentialStore::issueKey(
    Credential::Kind kind, const QString &department, const QString &name, const QString &hall)
{
    IssuedSecret issued;
    issued.id = newId(kind == Credential::Kind::Department ? "dept-"_L1
            : kind == Credential::Kind::Supervisor         ? "sup-"_L1
                                                           : "pub-"_L1);
    issued.secret = randomSecret();
    Result<void> inserted = writeAlone(
        QStringLiteral(
            "INSERT INTO credentials (id, kind, secret_hash, hall, department, name, created) VALUES (?, ?, "
            "?, ?, ?, ?, ?)"),
        {issued.id, keyword(kind), hashSecret(issued.secret), hall, department, name,
            CaseJson::timeText(m_clock.nowUtc())});
    if (!inserted)
        return failWith(inserted.error());
    return issued;
}

Result<IssuedSecret> CredentialStore::issueSupervisorSession(
    const QString &hall, const QString &staffNumber, const QString &workstation, int hours)
{
    return issueSession(hall, staffNumber, workstation, hours, Credential::Kind::Supervisor);
}

Result<IssuedSecret> CredentialStore::issueCatalogueEditorSession(
    const QString &hall, const QString &staffNumber, const QString &client, int hours)
{
    return issueSession(hall, staffNumber, client, hours, Credential::Kind::CatalogueEditor);
}

Result<IssuedSecret> CredentialStore::issueSession(const QString &hall, const QString &staffNumber,
    const QString &workstation, int hours, Credential::Kind kind)
{
    IssuedSecret issued;
    issued.id = newId("session-"_L1);
    issued.secret = kSessionPrefix + randomSecret();
    const QDateTime now = m_clock.nowUtc();
    issued.expires = now.addSecs(qint64(hours) * 3600);
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> swept = m_db.run(
        QStringLiteral("DELETE FROM supervisor_sessions WHERE expires <= ?"), {CaseJson::timeText(now)});
    if (!swept)
        return failWith(swept.error());
    Result<storage::Rows> inserted = m_db.run(
        QStringLiteral(
            "INSERT INTO supervisor_sessions (id, token_hash, hall, staff_number, workstation, created,"
            " expires, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {issued.id, hashSecret(issued.secret), hall, staffNumber, workstation, CaseJson::timeText(now),
            CaseJson::timeText(issued.expires), keyword(kind)});
    if (!inserted)
        return failWith(inserted.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return issued;
}

Result<void> CredentialStore::writeAlone(const QString &sql, const QVariantList &values)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> written = m_db.run(sql, values);
    if (!written)
        return failWith(written.error());
    return transaction.commit();
}

Result<std::optional<std::pair<Credential, QString>>> CredentialStore::enrol(
    const QString &code, const QString &machine)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    // Codes are typed by people: upper-case them so "7kq2-m9xd-3hta" works too.
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral(
            "SELECT id, hall, counter, counter_number, expires, used FROM enrol_codes WHERE code_hash = ?"),
        {hashSecret(code.trimmed().toUpper())});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<std::pair<Credential, QString>>();
    const QVariantList &enrolCode = **found;
    const QDateTime now = m_clock.nowUtc();
    if (!enrolCode.at(5).toString().isEmpty() || CaseJson::timeFrom(enrolCode.at(4).toString()) <= now)
        return std::optional<std::pair<Credential, QString>>();
    Credential credential;
    credential.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    credential.kind = Credential::Kind::Workstation;
    credential.hall = enrolCode.at(1).toString();
    credential.counter = enrolCode.at(2).toString();
    credential.counterNumber = enrolCode.at(3).toInt();
    credential.name = machine;
    credential.created = now;
    const QString codeId = enrolCode.at(0).toString();
    const QString token = randomSecret();
    Result<storage::Rows> insert = m_db.run(
        QStringLiteral(
            "INSERT INTO credentials (id, kind, secret_hash, hall, counter, counter_number, name, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {credential.id, keyword(credential.kind), hashSecret(token), credential.hall, credential.counter,
            credential.counterNumber, machine, CaseJson::timeText(now)});
    if (!insert)
        return failWith(insert.error());
    Result<storage::Rows> used = m_db.run(
        QStringLiteral("UPDATE enrol_codes SET used = ?, credential_id = ? WHERE id = ? AND used = ''"),
        {CaseJson::timeText(now), credential.id, codeId});
    if (!used)
        return failWith(used.error());
    // Two enrolments with one code at once: only the one that marked it used may go on.
    if (used->numRowsAffected() != 1)
        return std::optional<std::pair<Credential, QString>>();
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return std::optional<std::pair<Credential, QString>>(std::pair(credential, token));
}

Result<std::optional<Credential>> CredentialStore::authenticate(const QString &secret) const
{
    if (secret.isEmpty())
        return std::optional<Credential>();
    Result<std::optional<QVariantList>> found = m_db.firstRow(QStringLiteral("SELECT ") + kCredentialColumns
            + QStringLiteral(" FROM credentials WHERE secret_hash = ?"),
        {hashSecret(secret)});
    if (!found)
        return failWith(found.error());
    // Only a session's secret is looked up among the sessions: a key's miss costs one query.
    if (!*found)
        return secret.startsWith(kSessionPrefix) ? sessionOf(secret) : std::optional<Credential>();
    Credential c = credentialFrom(**found);
    if (c.revoked.isValid())
        return std::optional<Credential>();
    return std::optional<Credential>(c);
}

Result<std::optional<Credential>> CredentialStore::sessionOf(const QString &secret) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT id, hall, staff_number, created, expires, role FROM supervisor_sessions"
                       " WHERE token_hash = ?"),
        {hashSecret(secret)});
    if (!found)
        return failWith(found.error());
    if (!*found || CaseJson::timeFrom((**found).at(4).toString()) <= m_clock.nowUtc())
        return std::optional<Credential>();
    Credential c;
    c.id = (**found).at(0).toString();
    c.kind = (**found).at(5).toString() == keyword(Credential::Kind::CatalogueEditor)
        ? Credential::Kind::CatalogueEditor
        : Credential::Kind::Supervisor;
    c.hall = (**found).at(1).toString();
    c.name = (**found).at(2).toString();
    c.created = CaseJson::timeFrom((**found).at(3).toString());
    return std::optional<Credential>(c);
}

Result<void> CredentialStore::revoke(const QString &id)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<storage::Rows> credential = m_db.run(
        QStringLiteral("UPDATE credentials SET revoked = ? WHERE id = ? AND revoked = ''"), {now, id});
    if (!credential)
        return failWith(credential.error());
    // Read now: SQLite counts the changes of the connection's latest statement.
    const int credentials = credential->numRowsAffected();
    // A revoked code is spent: it is marked used by nobody.
    Result<storage::Rows> code
        = m_db.run(QStringLiteral("UPDATE enrol_codes SET used = ? WHERE id = ? AND used = ''"), {now, id});
    if (!code)
        return failWith(code.error());
    const int codes = code->numRowsAffected(); // read before the next statement, as above
    int sessions = 0;
    if (id.startsWith("session-"_L1)) {
        // A supervisor's session ends at once when revoked, rather than at its expiry.
        Result<storage::Rows> session
            = m_db.run(QStringLiteral("DELETE FROM supervisor_sessions WHERE id = ?"), {id});
        if (!session)
            return failWith(session.error());
        sessions = session->numRowsAffected();
    }
    if (credentials + codes + sessions == 0)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::server", "There is no valid credential or unused enrol code “%1”.")
                .arg(id));
    return transaction.commit();
}

Result<QList<Credential>> CredentialStore::list() const
{
    Result<storage::Rows> select = m_db.run(QStringLiteral("SELECT ") + kCredentialColumns
        + QStringLiteral(" FROM credentials ORDER BY created, id"));
    if (!select)
        return failWith(select.error());
    QList<Credential> list;
    while (true) {
        Result<bool> found = select->fetch();
        if (!found)
            return failWith(found.error());
        if (!*found)
            return list;
        list.append(credentialFrom(select->row()));
    }
}

} // namespace ow::server
