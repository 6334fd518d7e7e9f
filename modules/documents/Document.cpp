#include "documents/Document.h"

namespace ow::documents {

namespace {
constexpr QLatin1StringView kKindKeywords[] = {
    QLatin1StringView("checklist"),
    QLatin1StringView("receipt"),
    QLatin1StringView("waiver"),
    QLatin1StringView("correction"),
    QLatin1StringView("refusal"),
    QLatin1StringView("supplement"),
    QLatin1StringView("transfer-list"),
    QLatin1StringView("folder-labels"),
    QLatin1StringView("pickup-slip"),
    QLatin1StringView("ems-label"),
    QLatin1StringView("supervision-notice"),
};
} // namespace

QString keyword(DocumentKind kind)
{
    return QString(kKindKeywords[int(kind)]);
}

std::optional<DocumentKind> documentKindFromKeyword(QStringView text)
{
    for (std::size_t i = 0; i < std::size(kKindKeywords); ++i)
        if (text == kKindKeywords[i])
            return DocumentKind(i);
    return std::nullopt;
}

} // namespace ow::documents
