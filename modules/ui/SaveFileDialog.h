#pragma once

#include <QString>
#include <optional>

class QWidget;

namespace ow::ui {

/// The save-file dialog, always reached through here so a test can answer it in advance with
/// setNextFileName() instead of a native dialog that would block the test (FileDialog is its
/// counterpart for opening files).
class SaveFileDialog
{
public:
    /// Asks where to save; empty when the clerk cancels.
    static QString getSaveFileName(
        QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter);
    /// Test seam: the next getSaveFileName() returns this without showing anything (used once).
    static void setNextFileName(const QString &fileName);
    /// Test seam: the path suggested by the last request, shown or answered in advance.
    static QString lastSuggestion();

private:
    static std::optional<QString> s_nextFileName;
    static QString s_lastSuggestion;
};

} // namespace ow::ui
