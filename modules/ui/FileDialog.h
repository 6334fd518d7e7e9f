#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace ow::ui {

/// The file dialogs (open files, save a file), always reached through here so a test can answer
/// them in advance with setNextFileNames() or setNextFileName() instead of a native dialog that
/// would block the test.
class FileDialog
{
public:
    /// Asks for one or more existing files; empty when the clerk cancels.
    static QStringList getOpenFileNames(
        QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
    /// Asks where to save; empty when the clerk cancels.
    static QString getSaveFileName(
        QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter);
    /// Asks for an existing folder; empty when the person cancels. Answered by setNextFileName too.
    static QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &directory);

    /// Test seam: the next dialog, open or save, returns these without showing anything (used
    /// once). A save takes the first; an empty list is a cancel.
    static void setNextFileNames(const QStringList &fileNames);
    /// Test seam: the same for one file (empty: cancel).
    static void setNextFileName(const QString &fileName);
    /// Test seam: the caption of the last request, shown or answered in advance.
    static QString lastCaption();
    /// Test seam: the folder (open) or the path suggested (save) by the last request.
    static QString lastSuggestion();
    /// Test seam: how many times a dialog was asked for since the program started.
    static int askCount();

private:
    /// Counts the request and takes the answer set in advance, if any.
    static std::optional<QStringList> takeAnswer(const QString &caption, const QString &suggestion);

    static std::optional<QStringList> s_nextFileNames;
    static QString s_lastCaption;
    static QString s_lastSuggestion;
    static int s_askCount;
};

} // namespace ow::ui
