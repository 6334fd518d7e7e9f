#include "core/LibraryMessages.h"

#include <QCoreApplication>
#include <QMutex>
#include <QRegularExpression>
#include <cstdio>
#include <cstring>

namespace ow {

namespace {

QtMessageHandler g_previous = nullptr;
bool g_installed = false;

bool startsWith(const char *text, const char *prefix)
{
    return text && std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const std::optional<QString> ours = LibraryMessages::rewrite(type, context.category, message);
    if (!ours) {
        if (g_previous)
            g_previous(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qUtf8Printable(message));
        return;
    }
    if (ours->isEmpty())
        return;
    // A damaged JPEG says the same thing for every bad block: one sentence is enough.
    static QMutex mutex;
    static QString last;
    const QMutexLocker lock(&mutex);
    if (*ours == last)
        return;
    last = *ours;
    std::fprintf(stderr, "%s\n", qUtf8Printable(*ours));
    std::fflush(stderr);
}

} // namespace

void LibraryMessages::install()
{
    if (g_installed)
        return;
    g_installed = true;
    g_previous = qInstallMessageHandler(handle);
}

std::optional<QString> LibraryMessages::rewrite(QtMsgType type, const char *category, const QString &message)
{
    // The image plugins and the colour-profile code report through these categories; libpng's own
    // messages come through Qt's PNG handler with their "libpng" prefix.
    const bool imageCategory = startsWith(category, "qt.gui.imageio") || startsWith(category, "qt.gui.icc");
    const bool libpng = message.startsWith(QLatin1StringView("libpng"));
    if (!imageCategory && !libpng)
        return std::nullopt;
    if (type == QtDebugMsg || type == QtInfoMsg)
        return QString();

    if (message.contains(QLatin1StringView("allocation limit"))) {
        static const QRegularExpression megabytes(QStringLiteral("(\\d+) megabytes"));
        const QRegularExpressionMatch match = megabytes.match(message);
        return QCoreApplication::translate(
            "ow::LibraryMessages", "An image is too large to open: it would need more than %1 MB of memory.")
            .arg(match.hasMatch() ? match.captured(1) : QStringLiteral("?"));
    }
    if (message.startsWith(QLatin1StringView("libpng error")))
        return QCoreApplication::translate(
            "ow::LibraryMessages", "A PNG image is damaged and cannot be read.");
    if (libpng)
        return QCoreApplication::translate(
            "ow::LibraryMessages", "A PNG image has a small defect, which is ignored.");
    if (startsWith(category, "qt.gui.imageio.jpeg"))
        return QCoreApplication::translate("ow::LibraryMessages",
            "A JPEG image is damaged or incomplete; what could be read of it is used.");
    if (startsWith(category, "qt.gui.icc"))
        return QCoreApplication::translate("ow::LibraryMessages",
            "An image carries a colour profile that cannot be used; its colours are taken as they are.");
    return QCoreApplication::translate("ow::LibraryMessages",
        "An image could not be read as expected: the file is damaged or of a kind that is not supported.");
}

} // namespace ow
