#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace ow::ui {

/// One line of the keyboard reference (F1) and of the Help menu.
struct ShortcutRow
{
    QString keys;
    QString action;
    bool onlyInHelp = false; ///< no menu action shows these keys: list them in the Help menu
};

/// Every key of the workstation, in the order a clerk meets them during an intake.
QList<ShortcutRow> workstationShortcuts();
/// The rows as (keys, action) pairs, as the keyboard reference dialog shows them.
QList<QPair<QString, QString>> shortcutTable(const QList<ShortcutRow> &rows);

} // namespace ow::ui
