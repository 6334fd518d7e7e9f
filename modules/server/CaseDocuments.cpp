#include "server/CaseDocuments.h"

#include "cases/CaseJson.h"
#include "storage/Rows.h"

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseJson;

namespace {

const QString kColumns = u"case_number, sha256, name, size, department, uploaded"_s;

CaseDocuments::Document documentOf(const storage::Rows &rows)
{
    return {rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
        rows.value(3).toLongLong(), rows.value(4).toString(), CaseJson::timeFrom(rows.value(5).toString())};
}

} // namespace

CaseDocuments::CaseDocuments(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

bool CaseDocuments::isAcceptableName(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > kMaxNameLength)
        return false;
    // The name reaches a workstation's disk and a Content-Disposition header: no folders, no
    // header or line breaks in it.
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control || c == u'/' || c == u'\\' || c == u'"')
            return false;
    return name != u"."_s && name != u".."_s;
}

Result<bool> CaseDocuments::record(const Document &document)
{
    Result<storage::Rows> inserted = m_db.run(u"INSERT INTO case_documents (%1) VALUES (?, ?, ?, ?, ?, ?)"
                                              " ON CONFLICT (case_number, sha256) DO NOTHING"_s.arg(kColumns),
        {document.caseNumber, document.sha256, document.name, document.size, document.department,
            CaseJson::timeText(m_clock.nowUtc())});
    if (!inserted)
        return failWith(inserted.error());
    return inserted->numRowsAffected() > 0;
}

Result<std::optional<CaseDocuments::Document>> CaseDocuments::find(
    const QString &caseNumber, const QString &sha256) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT %1 FROM case_documents WHERE case_number = ? AND sha256 = ?"_s.arg(kColumns),
            {caseNumber, sha256});
    if (!rows)
        return failWith(rows.error());
    Result<bool> more = rows->fetch();
    if (!more)
        return failWith(more.error());
    if (!*more)
        return std::optional<Document>();
    return std::optional(documentOf(*rows));
}

Result<QList<CaseDocuments::Document>> CaseDocuments::ofCase(const QString &caseNumber) const
{
    Result<storage::Rows> rows = m_db.run(
        u"SELECT %1 FROM case_documents WHERE case_number = ? ORDER BY uploaded, sha256"_s.arg(kColumns),
        {caseNumber});
    if (!rows)
        return failWith(rows.error());
    QList<Document> list;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        list.append(documentOf(*rows));
    }
    return list;
}

Result<bool> CaseDocuments::mayRead(const Credential &credential, const QString &sha256) const
{
    const bool department = credential.kind == Credential::Kind::Department;
    if (!department && credential.kind != Credential::Kind::Workstation)
        return false;
    Result<QVariant> count
        = m_db.scalar(u"SELECT count(*) FROM case_documents d JOIN cases c ON c.number = d.case_number"
                      " JOIN attachment_holders h ON h.sha256 = d.sha256 AND h.hall = c.hall"
                      " WHERE d.sha256 = ? AND "_s
                + (department ? u"c.department = ?"_s : u"c.hall = ?"_s),
            {sha256, department ? credential.department : credential.hall});
    if (!count)
        return failWith(count.error());
    return count->toInt() > 0;
}

storage::Migration CaseDocuments::migration(int version)
{
    return {version, u"departments' result documents; SMS codes and sessions for a purpose"_s,
        {
            // The bytes are the scans' (attachments, attachment_holders: the case's hall holds
            // them); this says which case they answer.
            u"CREATE TABLE case_documents ("
            " case_number TEXT NOT NULL,"
            " sha256 TEXT NOT NULL,"
            " name TEXT NOT NULL,"
            " size {bigint} NOT NULL,"
            " department TEXT NOT NULL,"
            " uploaded TEXT NOT NULL,"
            " PRIMARY KEY (case_number, sha256))"_s,
            u"CREATE INDEX case_documents_sha256 ON case_documents(sha256)"_s,
            // The status page's download asks for an SMS code like the pre-application does, under
            // the same limits per number: a code says what it opens, so one asked for the one never
            // opens the other; a session says which page it opens ('' for the pre-application's).
            u"ALTER TABLE pre_application_sms_codes ADD COLUMN purpose TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE pre_application_sessions ADD COLUMN scope TEXT NOT NULL DEFAULT ''"_s,
        },
        {}};
}

QStringList CaseDocuments::tables()
{
    return {u"case_documents"_s};
}

} // namespace ow::server
