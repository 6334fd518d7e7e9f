#include "server/SignedLink.h"

#include "cases/CaseJson.h"
#include "storage/Database.h"
#include "storage/Rows.h"
#include "sync/PushSignature.h"
#include "sync/SyncProtocol.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

const QString kKeyName = u"attachment-links"_s;

QByteArray signature(const QByteArray &secret, const QString &sha256, qint64 expires)
{
    return QMessageAuthenticationCode::hash(
        sha256.toLatin1() + '.' + QByteArray::number(expires), secret, QCryptographicHash::Sha256)
        .toHex();
}

} // namespace

SignedLink::SignedLink(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<QByteArray> SignedLink::secret(bool create) const
{
    if (create) {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        // Two servers on one database may both make one: the first written is the one all use.
        Result<storage::Rows> inserted = m_db.run(
            u"INSERT INTO signing_keys (name, secret, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
            {kKeyName, QString::fromLatin1(bytes.toHex()), cases::CaseJson::timeText(m_clock.nowUtc())});
        if (!inserted)
            return failWith(inserted.error());
    }
    Result<QVariant> stored = m_db.scalar(u"SELECT secret FROM signing_keys WHERE name = ?"_s, {kKeyName});
    if (!stored)
        return failWith(stored.error());
    return stored->toString().toLatin1();
}

Result<QUrl> SignedLink::make(const QUrl &publicUrl, const QString &sha256, qint64 seconds) const
{
    Result<QByteArray> key = secret(true);
    if (!key)
        return failWith(key.error());
    const qint64 expires = m_clock.nowUtc().toSecsSinceEpoch() + seconds;
    QUrl url = publicUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QString(sync::protocol::kApiBase + sync::protocol::kAttachments) + u'/' + sha256);
    QUrlQuery query;
    query.addQueryItem(u"expires"_s, QString::number(expires));
    query.addQueryItem(u"sig"_s, QString::fromLatin1(signature(*key, sha256, expires)));
    url.setQuery(query);
    return url;
}

Result<SignedLink::Check> SignedLink::check(const QString &sha256, const QUrlQuery &query) const
{
    bool ok = false;
    const qint64 expires = query.queryItemValue(u"expires"_s).toLongLong(&ok);
    const QByteArray given = query.queryItemValue(u"sig"_s).toLatin1().toLower();
    if (!ok || given.isEmpty())
        return Check::Invalid;
    Result<QByteArray> key = secret(false);
    if (!key)
        return failWith(key.error());
    if (key->isEmpty())
        return Check::Invalid;
    // The signature first: an altered link is refused as such, whatever its time says.
    if (!sync::PushSignature::sameInConstantTime(signature(*key, sha256, expires), given))
        return Check::Invalid;
    return m_clock.nowUtc().toSecsSinceEpoch() < expires ? Check::Valid : Check::Expired;
}

} // namespace ow::server
