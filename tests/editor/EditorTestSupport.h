#pragma once

// Helpers of the editor's tests: catalogue folders copied where a test may change them, and every
// file's bytes to compare a folder before and after.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

namespace ow::test {

/// Copies a folder with everything under it; false when a file could not be copied.
inline bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

/// Every file under a folder, by relative path, with its bytes.
inline QMap<QString, QByteArray> folderBytes(const QString &folder)
{
    QMap<QString, QByteArray> bytes;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes.insert(QDir(folder).relativeFilePath(path), file.readAll());
    }
    return bytes;
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace ow::test
