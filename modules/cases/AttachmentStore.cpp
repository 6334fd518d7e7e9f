#include "cases/AttachmentStore.h"

#include "core/Sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ow::cases {

namespace {

constexpr qint64 kChunk = 1 << 20;

Failure ioError(const QString &path, const QString &why)
{
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::cases", "The attachment file %1 could not be written: %2")
            .arg(QDir::toNativeSeparators(path), why));
}

} // namespace

AttachmentStore::AttachmentStore(QString rootDirectory)
    : m_root(std::move(rootDirectory))
{
}

bool AttachmentStore::isHash(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

QString AttachmentStore::hashOf(const QByteArray &bytes)
{
    return Sha256::hex(bytes);
}

QString AttachmentStore::pathFor(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256.mid(2, 2) + QLatin1Char('/')
        + sha256;
}

bool AttachmentStore::contains(const QString &sha256) const
{
    return isHash(sha256) && QFileInfo::exists(pathFor(sha256));
}

Result<QString> AttachmentStore::put(const QByteArray &bytes) const
{
    const QString sha256 = hashOf(bytes);
    if (verify(sha256))
        return sha256; // already stored, intact
    const QString path = pathFor(sha256);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return ioError(path, QCoreApplication::translate("ow::cases", "its folder could not be created."));
    // QSaveFile writes a temporary file beside the target, flushes it to disk and renames it, so
    // a crash leaves the old file or the whole new one, never a torn one under a valid hash name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return ioError(path, file.errorString());
    return sha256;
}

Result<QString> AttachmentStore::putFile(const QString &sourcePath) const
{
    const auto unreadable = [&](const QFile &source) {
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::cases", "The file %1 could not be read: %2")
                .arg(QDir::toNativeSeparators(sourcePath), source.errorString()));
    };
    // Two passes: the name is the hash, and QSaveFile (temporary file, flush to disk, rename) needs
    // the name before writing. The second pass hashes again in case the file changed in between.
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return unreadable(source);
    QCryptographicHash first(QCryptographicHash::Sha256);
    if (!first.addData(&source))
        return unreadable(source);
    const QString sha256 = Sha256::hex(first);
    if (verify(sha256))
        return sha256;

    const QString path = pathFor(sha256);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return ioError(path, QCoreApplication::translate("ow::cases", "its folder could not be created."));
    if (!source.seek(0))
        return unreadable(source);
    QSaveFile target(path);
    if (!target.open(QIODevice::WriteOnly))
        return ioError(path, target.errorString());
    QCryptographicHash second(QCryptographicHash::Sha256);
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(kChunk);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
            return unreadable(source);
        second.addData(chunk);
        if (target.write(chunk) != chunk.size())
            return ioError(path, target.errorString());
    }
    if (Sha256::hex(second) != sha256) {
        target.cancelWriting();
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::cases", "The file %1 changed while it was being stored; scan it again.")
                .arg(QDir::toNativeSeparators(sourcePath)));
    }
    if (!target.commit())
        return ioError(path, target.errorString());
    return sha256;
}

Result<QByteArray> AttachmentStore::read(const QString &sha256) const
{
    if (!isHash(sha256))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "“%1” is not an attachment hash.").arg(sha256));
    const QString path = pathFor(sha256);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.exists() ? Error::Code::Io : Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "The attachment %1 could not be read: %2")
                .arg(sha256, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (hashOf(bytes) != sha256)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "The attachment %1 is damaged: its content no longer matches its hash.")
                .arg(sha256));
    return bytes;
}

Result<void> AttachmentStore::verify(const QString &sha256) const
{
    if (!isHash(sha256))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "“%1” is not an attachment hash.").arg(sha256));
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "The attachment %1 is missing.").arg(sha256));
    if (Sha256::hexOf(file) != sha256)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "The attachment %1 is damaged: its content no longer matches its hash.")
                .arg(sha256));
    return {};
}

} // namespace ow::cases
