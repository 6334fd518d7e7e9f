#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QLibrary>
#include <QString>

namespace ow::drivers::idcard {

/// Decodes the card's 1024-byte WLT photo through the vendor's licence-bound library, loaded at run
/// time when the site has one. There is no open decoder: without the library the photo is "not
/// available", never a made-up picture (docs/hardware.md, "The photo").
class WltPhotoDecoder
{
public:
    /// Where the library is and how it is called. Only libraries with the Linux libwlt2bmp calling
    /// convention are supported: `int unpack(char *src, char *dst, int bmpSave)`, dst receiving a BMP.
    struct Config
    {
        QString libraryPath = QStringLiteral("libwlt2bmp");
        QByteArray symbol = QByteArrayLiteral("unpack");
        /// The third argument; vendors differ on its meaning (UNCONFIRMED), 0 asks for no file on disk.
        int bmpSaveArgument = 0;
        /// The return value that means success (UNCONFIRMED; 1 in the vendor samples seen).
        int successCode = 1;
    };

    WltPhotoDecoder();
    explicit WltPhotoDecoder(Config config);

    /// Loads the library on first use; false when it or its symbol cannot be found.
    bool isAvailable();
    /// Why isAvailable() is false (or an empty string).
    QString unavailableReason() const { return m_reason; }
    /// The photo as the bytes of a BMP file (102 × 126, 24-bit), or an error that says why not.
    Result<QByteArray> decodeToBmp(const QByteArray &wlt);

    /// "The photo is not available: …" for when there is no decoder.
    static QString notAvailableMessage(const QString &reason);

private:
    using Unpack = int (*)(char *, char *, int);

    Config m_config;
    QLibrary m_library;
    Unpack m_unpack = nullptr;
    bool m_tried = false;
    QString m_reason;
};

} // namespace ow::drivers::idcard
