#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>

class QCryptographicHash;
class QIODevice;

namespace ow {

/// SHA-256 as the project writes it everywhere (scans, secrets, catalogue packages): 64 lowercase
/// hexadecimal characters.
class Sha256
{
public:
    static QString hex(QByteArrayView bytes);
    /// The hex digest of what `running` has taken so far.
    static QString hex(const QCryptographicHash &running);
    /// The hex digest of what is left to read in `device`; nullopt when reading fails.
    static std::optional<QString> hexOf(QIODevice &device);
};

} // namespace ow
