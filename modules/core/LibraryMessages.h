#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace ow {

/// Catches what Qt and the image libraries under it write for developers — in English, about their
/// internals ("qt.gui.imageio.jpeg: Corrupt JPEG data…", "libpng error: …", "QImageIOHandler:
/// Rejecting image…") — and writes our own sentence in the user's language instead. Every other
/// message goes on to the handler that was there before. Each program's main() installs it once,
/// after the translations.
class LibraryMessages
{
public:
    /// Installs the message handler (again: a no-op).
    static void install();

    /// Our translated sentence for a library message; nothing for a message that is not one we take
    /// over (it goes on unchanged), and an empty string for one that is dropped (debug chatter).
    static std::optional<QString> rewrite(QtMsgType type, const char *category, const QString &message);
};

} // namespace ow
