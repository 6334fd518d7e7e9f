#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

namespace ow::ui {

/// The keyboard reference (F1): the window's actions with their keys, and the keys of the interview.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `rows` are (keys, what they do), in the order to show.
    ShortcutsDialog(const QList<QPair<QString, QString>> &rows, QWidget *parent = nullptr);
};

} // namespace ow::ui
