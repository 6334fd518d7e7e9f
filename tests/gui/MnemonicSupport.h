#pragma once

// The Alt keys a window answers to, for the tests that check no key is used twice within a page or
// a dialog and its menus.

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMultiHash>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace ow::test {

/// The Alt key a text answers to ("纠正通知(&C)" → C), or 0.
inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
         i = text.indexOf(QLatin1Char('&'), i + 2)) {
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toUpper();
    }
    return {};
}

/// Every Alt key that `window` answers to as it is shown now, with what answers to it: the menu
/// bar's menus and every visible button, labelled field, group box and tab.
inline QMultiHash<QChar, QString> windowMnemonics(QWidget *window)
{
    QMultiHash<QChar, QString> keys;
    const auto add = [&keys](const QString &text, const QString &where) {
        if (const QChar key = mnemonicOf(text); !key.isNull())
            keys.insert(key, QStringLiteral("%1 (%2)").arg(text, where));
    };
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        if (bar->isVisible())
            for (QAction *action : bar->actions())
                if (action->isVisible())
                    add(action->text(), QStringLiteral("menu"));
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->window() != window)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(button->text(), widget->objectName());
        else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            add(label->text(), label->buddy()->objectName());
        else if (auto *box = qobject_cast<QGroupBox *>(widget))
            add(box->title(), widget->objectName());
        else if (auto *tabs = qobject_cast<QTabBar *>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i))
                    add(tabs->tabText(i), QStringLiteral("tab"));
    }
    return keys;
}

/// Each Alt key answered by more than one thing, as "C: 办件(&C) (menu), …".
inline QStringList collisions(const QMultiHash<QChar, QString> &keys)
{
    QStringList found;
    for (const QChar key : keys.uniqueKeys()) {
        QStringList owners = keys.values(key);
        if (owners.size() > 1) {
            owners.sort();
            found.append(QStringLiteral("%1: %2").arg(key, owners.join(QStringLiteral(", "))));
        }
    }
    return found;
}

} // namespace ow::test
