#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace ow::ui {

/// The open-file dialog, always reached through here so a test can answer it in advance with
/// setNextFileNames() instead of a native dialog that would block the test.
class FileDialog
{
public:
    /// Asks for one or more existing files; empty when the clerk cancels.
    static QStringList getOpenFileNames(
        QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
    /// Test seam: the next getOpenFileNames() returns these without showing anything (used once).
    static void setNextFileNames(const QStringList &fileNames);
    /// Test seam: the caption of the last request, shown or answered in advance.
    static QString lastCaption();
    /// Test seam: how many times a dialog was asked for since the program started.
    static int askCount();

private:
    static std::optional<QStringList> s_nextFileNames;
    static QString s_lastCaption;
    static int s_askCount;
};

} // namespace ow::ui
