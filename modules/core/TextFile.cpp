#include "core/TextFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringDecoder>

namespace ow {

Result<QString> TextFile::readUtf8(const QString &path)
{
    if (QFileInfo(path).isDir())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::TextFile", "this is a folder; a file is expected here"), {path});
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::TextFile", "cannot open file: %1").arg(file.errorString()),
            {path});
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Find the first line that does not decode, so the editor can be pointed at it.
        int line = 1;
        qsizetype start = 0;
        while (start <= bytes.size()) {
            qsizetype end = bytes.indexOf('\n', start);
            if (end < 0)
                end = bytes.size();
            QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            // decode() is lazy: only the conversion to QString runs it and sets hasError().
            const QString probed = probe.decode(bytes.mid(start, end - start));
            if (probe.hasError())
                break;
            ++line;
            start = end + 1;
        }
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::TextFile", "file is not valid UTF-8 text (save it as UTF-8)"),
            {path, line});
    }
    return text;
}

Result<void> TextFile::writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::TextFile", "cannot write file: %1").arg(file.errorString()),
            {path});
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::TextFile", "cannot write file: %1").arg(file.errorString()),
            {path});
    return {};
}

} // namespace ow
