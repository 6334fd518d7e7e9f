#include "sharing/SharedDocument.h"

namespace ow::sharing {

std::optional<SharedDocument::Type> SharedDocument::typeOf(const QByteArray &bytes)
{
    if (bytes.startsWith("%PDF-"))
        return Type::Pdf;
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return Type::Png;
    if (bytes.startsWith("\xff\xd8\xff"))
        return Type::Jpeg;
    return std::nullopt;
}

QString SharedDocument::mimeType(Type type)
{
    switch (type) {
    case Type::Pdf:
        return QStringLiteral("application/pdf");
    case Type::Jpeg:
        return QStringLiteral("image/jpeg");
    case Type::Png:
        return QStringLiteral("image/png");
    }
    return {};
}

QString SharedDocument::suffix(Type type)
{
    switch (type) {
    case Type::Pdf:
        return QStringLiteral("pdf");
    case Type::Jpeg:
        return QStringLiteral("jpg");
    case Type::Png:
        return QStringLiteral("png");
    }
    return {};
}

} // namespace ow::sharing
