#pragma once

#include <QDialog>
#include <QStringList>
#include <optional>

class QListWidget;

namespace ow::ui {

/// A small modal choice of one item from a list (where a ticket is transferred to…): a question, the
/// list and OK / Cancel; Enter or a double click chooses, Esc cancels. Always reached through
/// choose(), so a test can answer it in advance with setNextAnswer().
class ChoiceDialog : public QDialog
{
    Q_OBJECT

public:
    /// Shows the dialog and returns the index of the item chosen, nullopt when the clerk cancels, or
    /// the answer a test set beforehand.
    static std::optional<qsizetype> choose(
        QWidget *parent, const QString &title, const QString &question, const QStringList &items);
    /// Test seam: the next choose() returns this without showing anything (used once, then cleared);
    /// nullopt is a cancel.
    static void setNextAnswer(std::optional<qsizetype> index);
    /// Test seam: the question of the last choose(), shown or answered in advance.
    static QString lastQuestion();
    /// Test seam: the items offered by the last choose().
    static QStringList lastItems();
    /// Test seam: how many times choose() was called since the program started.
    static int askCount();

private:
    ChoiceDialog(QWidget *parent, const QString &title, const QString &question, const QStringList &items);

    QListWidget *m_list = nullptr;

    static std::optional<std::optional<qsizetype>> s_nextAnswer;
    static QString s_lastQuestion;
    static QStringList s_lastItems;
    static int s_askCount;
};

} // namespace ow::ui
