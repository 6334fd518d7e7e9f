#include "server/PreApplicationRepository.h"

#include "cases/CaseJson.h"
#include "catalogue/PreApplicationCode.h"
#include "server/DepartmentLogChain.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kStateKeywords[]
    = {QLatin1StringView("draft"), QLatin1StringView("submitted"), QLatin1StringView("accepted"),
        QLatin1StringView("returned"), QLatin1StringView("taken"), QLatin1StringView("expired")};

const QString kColumns = u"code, hall, matter, matter_name, department, answers, answer_texts, applicant,"
                         " mobile, state, created, updated, submitted, expires, review_decision,"
                         " review_reasons, reviewer, reviewed, case_number, taken_by"_s;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFrom(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list.append(value.toString());
    return list;
}

PreApplication fromRow(const QVariantList &row)
{
    PreApplication p;
    p.code = row.at(0).toString();
    p.hall = row.at(1).toString();
    p.matter = row.at(2).toString();
    p.matterName = row.at(3).toString();
    p.department = row.at(4).toString();
    p.answers = QJsonDocument::fromJson(row.at(5).toString().toUtf8()).object();
    p.answerTexts = listFrom(row.at(6).toString());
    if (const QString applicant = row.at(7).toString(); !applicant.isEmpty())
        p.applicant = Applicant::fromJson(QJsonDocument::fromJson(applicant.toUtf8()).object());
    p.mobile = row.at(8).toString();
    p.state = preApplicationStateFromKeyword(row.at(9).toString()).value_or(PreApplicationState::Expired);
    p.created = CaseJson::timeFrom(row.at(10).toString());
    p.updated = CaseJson::timeFrom(row.at(11).toString());
    p.submitted = CaseJson::timeFrom(row.at(12).toString());
    p.expires = CaseJson::timeFrom(row.at(13).toString());
    p.reviewDecision = row.at(14).toString();
    p.reviewReasons = listFrom(row.at(15).toString());
    p.reviewer = row.at(16).toString();
    p.reviewed = CaseJson::timeFrom(row.at(17).toString());
    p.caseNumber = row.at(18).toString();
    p.takenBy = row.at(19).toString();
    return p;
}

Result<int> changed(const Result<storage::Rows> &rows)
{
    if (!rows)
        return failWith(rows.error());
    return rows->numRowsAffected();
}

} // namespace

QString keyword(PreApplicationState state)
{
    return QString(kStateKeywords[int(state)]);
}

std::optional<PreApplicationState> preApplicationStateFromKeyword(QStringView text)
{
    for (std::size_t i = 0; i < std::size(kStateKeywords); ++i)
        if (text == kStateKeywords[i])
            return PreApplicationState(i);
    return std::nullopt;
}

qint64 PreApplication::scanBytes() const
{
    qint64 total = 0;
    for (const PreApplicationScan &scan : scans)
        total += scan.size;
    return total;
}

PreApplicationRepository::PreApplicationRepository(
    const storage::Database &db, QString scanDirectory, PreApplicationRules rules, Clock clock)
    : m_db(db)
    , m_directory(std::move(scanDirectory))
    , m_rules(std::move(rules))
    , m_clock(std::move(clock))
{
}

Result<PreApplication> PreApplicationRepository::create(const QString &matter, const QString &matterName,
    const QString &department, const QJsonObject &answers, const QStringList &answerTexts,
    const QString &mobile)
{
    const QDateTime now = m_clock.nowUtc();
    PreApplication p;
    p.hall = m_rules.hall;
    p.matter = matter;
    p.matterName = matterName;
    p.department = department;
    p.answers = answers;
    p.answerTexts = answerTexts;
    p.mobile = mobile;
    p.created = now;
    p.updated = now;
    p.expires = now.addDays(m_rules.draftDays);
    // Fifty random bits make a collision unlikely, not impossible: a taken code is drawn again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        p.code = catalogue::PreApplicationCode::generate().code;
        Result<storage::Rows> inserted = m_db.run(u"INSERT INTO pre_applications (code, hall, matter,"
                                                  " matter_name, department, answers, answer_texts,"
                                                  " mobile, state, created, updated, expires)"
                                                  " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                                                  " WHERE NOT EXISTS (SELECT 1 FROM pre_applications"
                                                  " WHERE code = ?)"_s,
            {p.code, p.hall, matter, matterName, department, compact(answers), compact(answerTexts), mobile,
                keyword(PreApplicationState::Draft), CaseJson::timeText(now), CaseJson::timeText(now),
                CaseJson::timeText(p.expires), p.code});
        Result<int> count = changed(inserted);
        if (!count)
            return failWith(count.error());
        if (*count == 1)
            return p;
    }
    return fail(Error::Code::Internal,
        QCoreApplication::translate("ow::server", "No free pre-application code was found."));
}

Result<std::optional<PreApplication>> PreApplicationRepository::load(const QString &code) const
{
    Result<std::optional<QVariantList>> row
        = m_db.firstRow(u"SELECT "_s + kColumns + u" FROM pre_applications WHERE code = ?"_s, {code});
    if (!row)
        return failWith(row.error());
    if (!*row)
        return std::optional<PreApplication>();
    PreApplication p = fromRow(**row);
    // The sweep runs hourly; until then an overdue pre-application already reads as expired.
    if (p.state != PreApplicationState::Taken && p.expires.isValid() && p.expires <= m_clock.nowUtc())
        p.state = PreApplicationState::Expired;
    return std::optional(p);
}

Result<QList<PreApplicationScan>> PreApplicationRepository::scansOf(const QString &code) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, material, file_name, mime, size, received, sha256 FROM pre_application_scans"
                   " WHERE code = ? ORDER BY id"_s,
            {code});
    if (!rows)
        return failWith(rows.error());
    QList<PreApplicationScan> scans;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        scans.append({rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
            rows->value(3).toString(), rows->value(4).toLongLong(), rows->value(5).toLongLong(),
            rows->value(6).toString()});
    }
    return scans;
}

Result<std::optional<PreApplication>> PreApplicationRepository::find(const QString &code) const
{
    Result<std::optional<PreApplication>> found = load(code);
    if (!found || !*found)
        return found;
    Result<QList<PreApplicationScan>> scans = scansOf(code);
    if (!scans)
        return failWith(scans.error());
    (*found)->scans = *scans;
    return found;
}

Result<QList<PreApplication>> PreApplicationRepository::list(
    const QString &hall, const QString &department, std::optional<PreApplicationState> state) const
{
    QString sql = u"SELECT "_s + kColumns + u" FROM pre_applications WHERE 1 = 1"_s;
    QVariantList values;
    if (!hall.isEmpty()) {
        sql += u" AND hall = ?"_s;
        values.append(hall);
    }
    if (!department.isEmpty()) {
        sql += u" AND department = ?"_s;
        values.append(department);
    }
    if (state) {
        sql += u" AND state = ?"_s;
        values.append(keyword(*state));
    } else {
        sql += u" AND state IN ('submitted', 'accepted', 'returned', 'taken')"_s;
    }
    // Bounded: a list is for a screen; the oldest waiting first.
    sql += u" ORDER BY submitted, code LIMIT 500"_s;
    Result<storage::Rows> rows = m_db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QList<PreApplication> list;
    const QDateTime now = m_clock.nowUtc();
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        PreApplication p = fromRow(rows->row());
        if (p.state != PreApplicationState::Taken && p.expires.isValid() && p.expires <= now)
            continue;
        list.append(p);
    }
    for (PreApplication &p : list) {
        Result<QList<PreApplicationScan>> scans = scansOf(p.code);
        if (!scans)
            return failWith(scans.error());
        p.scans = *scans;
    }
    return list;
}

Result<void> PreApplicationRepository::touch(const QString &code, PreApplicationState state)
{
    const QDateTime now = m_clock.nowUtc();
    // Work on a draft keeps it alive; a returned one keeps the time its submission has left.
    const bool draft = state == PreApplicationState::Draft;
    Result<int> count
        = changed(draft ? m_db.run(u"UPDATE pre_applications SET updated = ?, expires = ? WHERE code = ?"_s,
                      {CaseJson::timeText(now), CaseJson::timeText(now.addDays(m_rules.draftDays)), code})
                        : m_db.run(u"UPDATE pre_applications SET updated = ? WHERE code = ?"_s,
                            {CaseJson::timeText(now), code}));
    if (!count)
        return failWith(count.error());
    return {};
}

Result<PreApplicationRepository::Outcome> PreApplicationRepository::setApplicant(
    const QString &code, const Applicant &applicant)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<PreApplication>> found = load(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    if (!(*found)->isEditable())
        return Outcome::Conflict;
    Result<int> count
        = changed(m_db.run(u"UPDATE pre_applications SET applicant = ?, id_number = ? WHERE code = ?"_s,
            {compact(applicant.toJson()), applicant.idNumber.trimmed().toUpper(), code}));
    if (!count)
        return failWith(count.error());
    if (Result<void> touched = touch(code, (*found)->state); !touched)
        return failWith(touched.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Outcome::Done;
}

Result<PreApplicationRepository::Outcome> PreApplicationRepository::submit(const QString &code)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<PreApplication>> found = load(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    const PreApplication &p = **found;
    if (!p.isEditable() || !p.applicant)
        return Outcome::Conflict;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<QVariant> open = m_db.scalar(u"SELECT COUNT(*) FROM pre_applications WHERE id_number = ?"
                                        " AND code <> ? AND state IN ('submitted', 'accepted', 'returned')"
                                        " AND expires > ?"_s,
        {p.applicant->idNumber.trimmed().toUpper(), code, now});
    if (!open)
        return failWith(open.error());
    if (open->toInt() >= m_rules.openPerId)
        return Outcome::LimitReached;
    Result<int> count = changed(m_db.run(u"UPDATE pre_applications SET state = 'submitted', submitted = ?,"
                                         " updated = ?, expires = ?, review_decision = '',"
                                         " review_reasons = '', reviewer = '', reviewed = ''"
                                         " WHERE code = ?"_s,
        {now, now, CaseJson::timeText(m_clock.nowUtc().addDays(m_rules.submittedDays)), code}));
    if (!count)
        return failWith(count.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Outcome::Done;
}

Result<PreApplicationRepository::Outcome> PreApplicationRepository::review(const QString &code, bool accept,
    const QStringList &reasons, const QString &reviewer, const Credential &by)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<PreApplication>> found = load(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    if ((*found)->state != PreApplicationState::Submitted)
        return Outcome::Conflict;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<int> count = changed(m_db.run(u"UPDATE pre_applications SET state = ?, review_decision = ?,"
                                         " review_reasons = ?, reviewer = ?, reviewed = ?, updated = ?,"
                                         " review_key = ? WHERE code = ? AND state = 'submitted'"_s,
        {keyword(accept ? PreApplicationState::Accepted : PreApplicationState::Returned),
            accept ? u"accept"_s : u"return"_s, compact(reasons), reviewer, now, now, by.id, code}));
    if (!count)
        return failWith(count.error());
    if (by.kind == Credential::Kind::Department) {
        DepartmentAction action;
        action.time = now;
        action.hall = (*found)->hall;
        action.department = by.department;
        action.keyId = by.id;
        action.action = DepartmentAction::kPreApplicationReview;
        action.kind = accept ? u"accept"_s : u"return"_s;
        action.subject = code;
        action.clerk = reviewer;
        action.detail = reasons.join(u"；"_s);
        action.ref = code;
        if (Result<DepartmentAction> logged = DepartmentLogChain(m_db).append(action); !logged)
            return failWith(logged.error());
    }
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Outcome::Done;
}

Result<PreApplicationRepository::Outcome> PreApplicationRepository::take(
    const QString &code, const QString &caseNumber, const QString &clerk)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<PreApplication>> found = load(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    const PreApplication &p = **found;
    if (p.state == PreApplicationState::Taken)
        return p.caseNumber == caseNumber ? Outcome::Repeated : Outcome::Conflict;
    if (p.state != PreApplicationState::Submitted && p.state != PreApplicationState::Accepted)
        return Outcome::Conflict;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<int> count = changed(m_db.run(u"UPDATE pre_applications SET state = 'taken', case_number = ?,"
                                         " taken_by = ?, updated = ? WHERE code = ?"_s,
        {caseNumber, clerk, now, code}));
    if (!count)
        return failWith(count.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Outcome::Done;
}

QString PreApplicationRepository::scanPath(qint64 scanId) const
{
    return m_directory + u'/' + QString::number(scanId);
}

QString PreApplicationRepository::partPath(qint64 scanId) const
{
    return scanPath(scanId) + u".part"_s;
}

bool PreApplicationRepository::isAllowedMime(const QString &mime)
{
    return mime == u"application/pdf"_s || mime == u"image/jpeg"_s || mime == u"image/png"_s;
}

bool PreApplicationRepository::looksLike(const QByteArray &head, const QString &mime)
{
    // The type is decided by the bytes, not by the name or what the browser claimed: a page or a
    // script renamed .pdf is refused.
    if (mime == u"application/pdf"_s)
        return head.startsWith("%PDF-");
    if (mime == u"image/jpeg"_s)
        return head.startsWith("\xFF\xD8\xFF");
    if (mime == u"image/png"_s)
        return head.startsWith("\x89PNG\r\n\x1a\n");
    return false;
}

Result<std::pair<PreApplicationRepository::Outcome, qint64>> PreApplicationRepository::addScan(
    const QString &code, const QString &material, const QString &fileName, const QString &mime, qint64 size)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<PreApplication>> found = find(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::pair(Outcome::NotFound, qint64(0));
    const PreApplication &p = **found;
    if (!p.isEditable())
        return std::pair(Outcome::Conflict, qint64(0));
    if (size <= 0 || size > m_rules.maxScanBytes || p.scans.size() >= m_rules.maxScans
        || p.scanBytes() + size > m_rules.quotaBytes)
        return std::pair(Outcome::LimitReached, qint64(0));
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    Result<storage::Rows> inserted = m_db.run(u"INSERT INTO pre_application_scans (code, material, file_name,"
                                              " mime, size, received, sha256, created, updated)"
                                              " VALUES (?, ?, ?, ?, ?, 0, '', ?, ?)"_s,
        {code, material, fileName, mime, size, now, now});
    if (!inserted)
        return failWith(inserted.error());
    Result<QVariant> id = m_db.scalar(u"SELECT MAX(id) FROM pre_application_scans WHERE code = ?"_s, {code});
    if (!id)
        return failWith(id.error());
    if (Result<void> touched = touch(code, p.state); !touched)
        return failWith(touched.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    QDir().mkpath(m_directory);
    QFile::remove(partPath(id->toLongLong()));
    return std::pair(Outcome::Done, id->toLongLong());
}

Result<std::pair<std::optional<PreApplicationScan>, QString>> PreApplicationRepository::appendScan(
    const QString &code, qint64 scanId, qint64 offset, QByteArrayView chunk)
{
    using Answer = std::pair<std::optional<PreApplicationScan>, QString>;
    Result<std::optional<PreApplication>> found = find(code);
    if (!found)
        return failWith(found.error());
    const PreApplicationScan *scan = nullptr;
    if (*found)
        for (const PreApplicationScan &s : (*found)->scans)
            if (s.id == scanId)
                scan = &s;
    if (!scan)
        return Answer {std::nullopt, QString()};
    PreApplicationScan now = *scan;
    if (!(*found)->isEditable())
        return Answer {
            now, QCoreApplication::translate("ow::server", "This pre-application can no longer be changed.")};
    if (now.complete())
        return Answer {now, QString()};
    if (offset != now.received)
        return Answer {now,
            QCoreApplication::translate(
                "ow::server", "The server has %1 bytes of this file; send from there.")
                .arg(now.received)};
    if (offset + chunk.size() > now.size)
        return Answer {
            now, QCoreApplication::translate("ow::server", "The chunk goes past the end of the file.")};
    QFile part(partPath(scanId));
    if (!part.open(QIODevice::ReadWrite))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The scan %1 could not be written: %2")
                .arg(part.fileName(), part.errorString()));
    // Only acknowledged bytes count: whatever a cut connection left past them is cut off first.
    if (!part.resize(offset) || !part.seek(offset) || part.write(chunk.data(), chunk.size()) != chunk.size()
        || !part.flush())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The scan %1 could not be written: %2")
                .arg(part.fileName(), part.errorString()));
    now.received = offset + chunk.size();
    QString message;
    if (now.received == now.size) {
        part.seek(0);
        const QByteArray head = part.read(16);
        if (!looksLike(head, now.mime)) {
            part.close();
            part.remove();
            Result<int> removed
                = changed(m_db.run(u"DELETE FROM pre_application_scans WHERE id = ?"_s, {scanId}));
            if (!removed)
                return failWith(removed.error());
            return Answer {std::nullopt,
                QCoreApplication::translate("ow::server",
                    "The file is not a PDF, JPEG or PNG file as its type says; it was not kept.")};
        }
        part.seek(0);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&part);
        now.sha256 = QString::fromLatin1(hash.result().toHex());
        part.close();
        QFile::remove(scanPath(scanId));
        if (!QFile::rename(partPath(scanId), scanPath(scanId)))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::server", "The scan %1 could not be written: %2")
                    .arg(scanPath(scanId), QString()));
    }
    Result<int> count = changed(
        m_db.run(u"UPDATE pre_application_scans SET received = ?, sha256 = ?, updated = ? WHERE id = ?"_s,
            {now.received, now.sha256, CaseJson::timeText(m_clock.nowUtc()), scanId}));
    if (!count)
        return failWith(count.error());
    return Answer {now, message};
}

Result<PreApplicationRepository::Outcome> PreApplicationRepository::removeScan(
    const QString &code, qint64 scanId)
{
    Result<std::optional<PreApplication>> found = load(code);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return Outcome::NotFound;
    if (!(*found)->isEditable())
        return Outcome::Conflict;
    Result<int> count
        = changed(m_db.run(u"DELETE FROM pre_application_scans WHERE id = ? AND code = ?"_s, {scanId, code}));
    if (!count)
        return failWith(count.error());
    if (*count == 0)
        return Outcome::NotFound;
    QFile::remove(scanPath(scanId));
    QFile::remove(partPath(scanId));
    return Outcome::Done;
}

Result<int> PreApplicationRepository::expire()
{
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    // A taken pre-application's scans went to the counter with it; the server keeps them only as
    // long as a submission may wait, then they go too.
    Result<storage::Rows> rows = m_db.run(u"SELECT s.id FROM pre_application_scans s JOIN pre_applications p"
                                          " ON p.code = s.code WHERE (p.state <> 'taken' AND p.expires <= ?)"
                                          " OR (p.state = 'taken' AND p.updated <= ?)"_s,
        {now, CaseJson::timeText(m_clock.nowUtc().addDays(-m_rules.submittedDays))});
    if (!rows)
        return failWith(rows.error());
    QList<qint64> scans;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        scans.append(rows->value(0).toLongLong());
    }
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<int> count = changed(m_db.run(u"UPDATE pre_applications SET state = 'expired', updated = ?"
                                         " WHERE state <> 'taken' AND state <> 'expired' AND expires <= ?"_s,
        {now, now}));
    if (!count)
        return failWith(count.error());
    for (const qint64 id : std::as_const(scans)) {
        Result<int> removed = changed(m_db.run(u"DELETE FROM pre_application_scans WHERE id = ?"_s, {id}));
        if (!removed)
            return failWith(removed.error());
    }
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    // The applicant's scans are personal data with no purpose left: the files go with the rows.
    for (const qint64 id : std::as_const(scans)) {
        QFile::remove(scanPath(id));
        QFile::remove(partPath(id));
    }
    return *count;
}

} // namespace ow::server
