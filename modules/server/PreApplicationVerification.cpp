#include "server/PreApplicationVerification.h"

#include "cases/CaseJson.h"
#include "core/Sha256.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;

PreApplicationVerification::PreApplicationVerification(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

bool PreApplicationVerification::isWellFormedCode(QStringView code)
{
    if (code.size() != 6)
        return false;
    for (const QChar c : code)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

namespace {

QString keyword(PreApplicationVerification::Purpose purpose)
{
    return purpose == PreApplicationVerification::Purpose::ResultDocument ? u"result-document"_s : QString();
}

} // namespace

QString PreApplicationVerification::codeHash(const QString &mobile, const QString &code)
{
    // Salted with the number: the same code sent to two numbers is stored as two hashes.
    return Sha256::hex(QString(mobile + u':' + code).toUtf8());
}

Result<PreApplicationVerification::Sent> PreApplicationVerification::sendCode(
    const QString &mobile, Purpose purpose)
{
    const QDateTime now = m_clock.nowUtc();
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<storage::Rows> rows = m_db.run(u"SELECT created FROM pre_application_sms_codes WHERE mobile = ?"
                                          " AND created > ? ORDER BY created DESC"_s,
        {mobile, CaseJson::timeText(now.addSecs(-3600))});
    if (!rows)
        return failWith(rows.error());
    QList<QDateTime> recent;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return failWith(more.error());
        if (!*more)
            break;
        recent.append(CaseJson::timeFrom(rows->value(0).toString()));
    }
    if (!recent.isEmpty()) {
        const qint64 sinceLast = recent.first().secsTo(now);
        if (sinceLast < kSecondsBetweenCodes)
            return Sent {false, int(kSecondsBetweenCodes - sinceLast)};
        if (recent.size() >= kCodesPerHour)
            return Sent {false, int(std::max<qint64>(1, 3600 - recent.last().secsTo(now)))};
    }
    const QString code = u"%1"_s.arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
    // A new code voids the older ones asked for the same: only the last SMS is worth typing.
    Result<storage::Rows> voided = m_db.run(
        u"UPDATE pre_application_sms_codes SET used = ? WHERE mobile = ? AND purpose = ? AND used = ''"_s,
        {u"void"_s, mobile, keyword(purpose)});
    if (!voided)
        return failWith(voided.error());
    const QString nowText = CaseJson::timeText(now);
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO pre_application_sms_codes (mobile, code_hash, attempts, created, expires, purpose)"
        " VALUES (?, ?, 0, ?, ?, ?)"_s,
        {mobile, codeHash(mobile, code), nowText, CaseJson::timeText(now.addSecs(kCodeMinutes * 60)),
            keyword(purpose)});
    if (!inserted)
        return failWith(inserted.error());
    const QString text = purpose == Purpose::ResultDocument
        ? QCoreApplication::translate("ow::server",
            "Your verification code for downloading the result document of your application is %1, "
            "valid for %2 minutes. Do not tell it to anyone.")
              .arg(code)
              .arg(kCodeMinutes)
        : QCoreApplication::translate("ow::server",
            "Your verification code for the online pre-application is %1, valid for %2 minutes. Do not "
            "tell it to anyone.")
              .arg(code)
              .arg(kCodeMinutes);
    Result<storage::Rows> queued = m_db.run(u"INSERT INTO pre_application_sms (mobile, text, state, attempts,"
                                            " next_attempt, created, updated)"
                                            " VALUES (?, ?, 'pending', 0, ?, ?, ?)"_s,
        {mobile, text, nowText, nowText, nowText});
    if (!queued)
        return failWith(queued.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Sent {true, 0};
}

Result<PreApplicationVerification::Verification> PreApplicationVerification::verify(
    const QString &mobile, const QString &code, Purpose purpose, const QString &scope)
{
    const QDateTime now = m_clock.nowUtc();
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QVariantList>> row
        = m_db.firstRow(u"SELECT id, code_hash, attempts FROM pre_application_sms_codes WHERE mobile = ?"
                        " AND purpose = ? AND used = '' AND expires > ? ORDER BY created DESC"_s,
            {mobile, keyword(purpose), CaseJson::timeText(now)});
    if (!row)
        return failWith(row.error());
    if (!*row || (*row)->at(2).toInt() >= kMaxAttempts)
        return Verification {Checked::Void, 0, {}};
    const qint64 id = (*row)->at(0).toLongLong();
    if (!isWellFormedCode(code) || codeHash(mobile, code) != (*row)->at(1).toString()) {
        const int attempts = (*row)->at(2).toInt() + 1;
        Result<storage::Rows> counted
            = m_db.run(u"UPDATE pre_application_sms_codes SET attempts = ?, used = ? WHERE id = ?"_s,
                {attempts, attempts >= kMaxAttempts ? u"void"_s : QString(), id});
        if (!counted)
            return failWith(counted.error());
        if (Result<void> done = transaction.commit(); !done)
            return failWith(done.error());
        if (attempts >= kMaxAttempts)
            return Verification {Checked::Void, 0, {}};
        return Verification {Checked::Wrong, kMaxAttempts - attempts, {}};
    }
    const QString nowText = CaseJson::timeText(now);
    Result<storage::Rows> used
        = m_db.run(u"UPDATE pre_application_sms_codes SET used = ? WHERE id = ?"_s, {nowText, id});
    if (!used)
        return failWith(used.error());
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    const QString token = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // Expired sessions go when a new one opens: the table stays as small as the day's applicants.
    Result<storage::Rows> swept
        = m_db.run(u"DELETE FROM pre_application_sessions WHERE expires <= ?"_s, {nowText});
    if (!swept)
        return failWith(swept.error());
    const qint64 sessionSeconds
        = purpose == Purpose::ResultDocument ? kDocumentSessionMinutes * 60 : kSessionHours * 3600;
    Result<storage::Rows> session
        = m_db.run(u"INSERT INTO pre_application_sessions (token_hash, mobile, created,"
                   " expires, scope) VALUES (?, ?, ?, ?, ?)"_s,
            {Sha256::hex(token.toLatin1()), mobile, nowText, CaseJson::timeText(now.addSecs(sessionSeconds)),
                scope});
    if (!session)
        return failWith(session.error());
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return Verification {Checked::Verified, 0, token};
}

Result<QString> PreApplicationVerification::sessionMobile(const QString &token, const QString &scope) const
{
    if (token.isEmpty() || token.size() > 128)
        return QString();
    Result<std::optional<QVariantList>> row = m_db.firstRow(
        u"SELECT mobile FROM pre_application_sessions WHERE token_hash = ? AND scope = ? AND expires > ?"_s,
        {Sha256::hex(token.toLatin1()), scope, CaseJson::timeText(m_clock.nowUtc())});
    if (!row)
        return failWith(row.error());
    return *row ? (*row)->at(0).toString() : QString();
}

} // namespace ow::server
