#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace ow {

/// `--help`, `--help-all` and `--version` of a program with windows print and exit; they need no
/// screen, so a technician can read them over SSH. Called before the QApplication is made: without a
/// platform chosen by the caller (QT_QPA_PLATFORM), such a call runs on the offscreen platform
/// instead of failing for want of a display.
inline void helpWithoutScreen(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v") {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

} // namespace ow
