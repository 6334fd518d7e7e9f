#pragma once

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace ow::cases {

/// The secret a case's QR code carries: 128 random bits in RFC 4648 base32 (26 characters, no
/// padding, lower case). The QR code encodes only a link with this token, never personal data or
/// the case number, so a photographed receipt reveals nothing and numbers cannot be enumerated.
class QrToken
{
public:
    static constexpr int kLength = 26;

    /// A new token from the operating system's cryptographic random source.
    static QString generate();
    /// Well-formed: 26 characters of the base32 alphabet (a–z, 2–7), the last carrying 3 bits.
    static bool isWellFormed(QStringView token);
    /// `base` + "/" + token, e.g. https://hall.example.gov.cn/s/<token> (the public status page).
    static QUrl link(const QUrl &base, const QString &token);
    /// The token in a scanned link, or an error when the link is not one of ours.
    static Result<QString> fromLink(const QUrl &base, const QUrl &link);
};

} // namespace ow::cases
