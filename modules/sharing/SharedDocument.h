#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ow::sharing {

/// A document the data-sharing platform answered with (数据共享): its bytes, their type as the first
/// bytes tell it, the file name, who issued it, when the hall fetched it and the platform's reference.
struct SharedDocument
{
    enum class Type
    {
        Pdf,
        Jpeg,
        Png,
    };

    QByteArray bytes;
    Type type = Type::Pdf;
    QString fileName;
    QString source; ///< the issuing authority or platform named in the answer
    QDateTime fetchedAt; ///< UTC, on the workstation's clock
    QString reference; ///< the platform's reference of this answer

    /// The type the bytes are, judged by their first bytes (never by a name or a header the
    /// platform sent): nothing for anything but PDF, JPEG and PNG.
    static std::optional<Type> typeOf(const QByteArray &bytes);
    static QString mimeType(Type type);
    static QString suffix(Type type);
    QString mimeType() const { return mimeType(type); }
};

} // namespace ow::sharing
