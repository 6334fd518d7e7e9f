#pragma once

#include "core/Result.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

namespace ow::catalogue {

/// The code of an online pre-application (网上预申报) and what its QR code carries, shared by
/// onewindow-server (which issues codes) and the counter (which scans them to pick the
/// pre-application up). The code is "YS" and ten characters from an alphabet without the look-alikes
/// 0/O, 1/I/L (about 50 random bits: unguessable, yet readable over the phone); the QR text is
/// "OWP1:<code>". A code typed at the counter is read without its prefix and in any letter case.
struct PreApplicationCode
{
    static constexpr QLatin1StringView kQrPrefix {"OWP1:"};
    static constexpr QLatin1StringView kCodePrefix {"YS"};
    static constexpr QLatin1StringView kAlphabet {"23456789ABCDEFGHJKMNPQRSTUVWXYZ"};
    static constexpr qsizetype kRandomLength = 10;
    static constexpr qsizetype kLength = 2 + kRandomLength;

    QString code; ///< "YS" + 10 characters, upper case

    /// Whether `text` is meant as a pre-application QR code (its prefix), valid or not.
    static bool isQrText(QStringView text);
    /// Whether `code` is a well-formed code as the server stores it (upper case, no prefix).
    static bool isValidCode(QStringView code);
    /// Reads "OWP1:<code>" or a bare code, as scanned or typed; surrounding spaces are ignored.
    static Result<PreApplicationCode> parse(QStringView text);
    /// A new random code from the system's random source.
    static PreApplicationCode generate();
    /// "OWP1:<code>", what the QR code carries.
    QString toText() const;
};

} // namespace ow::catalogue
