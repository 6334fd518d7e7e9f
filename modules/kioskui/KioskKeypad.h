#pragma once

#include <QWidget>

namespace ow::kioskui {

/// A touch keypad of large keys: letters for the pinyin initials of a matter, or digits for a mobile
/// number, with delete and clear. It types into nothing itself; it says which key was pressed.
class KioskKeypad : public QWidget
{
    Q_OBJECT

public:
    enum class Keys
    {
        Letters,
        Digits,
    };

    explicit KioskKeypad(Keys keys, QWidget *parent = nullptr);

Q_SIGNALS:
    void typed(QChar key);
    void erased();
    void cleared();
};

} // namespace ow::kioskui
