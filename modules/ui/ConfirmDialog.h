#pragma once

#include <QDialog>
#include <optional>

class QLabel;

namespace ow::ui {

/// A small modal confirmation: a heading, details and Confirm / Cancel; Enter confirms, Esc cancels.
/// Always reached through ask(), so a test can answer it in advance with setNextAnswer().
class ConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Confirm,
        Cancel
    };

    /// Shows the dialog and returns what the clerk chose, or the answer a test set beforehand.
    static Choice ask(QWidget *parent, const QString &title, const QString &heading,
        const QString &detailsHtml, const QString &confirmText);
    /// Test seam: the next ask() returns this without showing anything (used once, then cleared).
    static void setNextAnswer(Choice choice);
    /// Test seam: the heading and details of the last ask(), shown or answered in advance.
    static QString lastText();
    /// Test seam: how many times ask() was called since the program started.
    static int askCount();

private:
    ConfirmDialog(QWidget *parent, const QString &title, const QString &heading, const QString &detailsHtml,
        const QString &confirmText);

    static std::optional<Choice> s_nextAnswer;
    static QString s_lastText;
    static int s_askCount;
};

} // namespace ow::ui
