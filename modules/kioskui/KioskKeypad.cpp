#include "kioskui/KioskKeypad.h"

#include <QGridLayout>
#include <QPushButton>

namespace ow::kioskui {

using namespace Qt::StringLiterals;

KioskKeypad::KioskKeypad(Keys keys, QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    const QString letters = keys == Keys::Letters ? u"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s : u"123456789"_s;
    const int columns = keys == Keys::Letters ? 7 : 3;
    int index = 0;
    const auto place = [&](QPushButton *button) {
        button->setObjectName(u"kioskKey"_s);
        button->setMinimumSize(56, 56);
        button->setFocusPolicy(Qt::NoFocus);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        grid->addWidget(button, index / columns, index % columns);
        ++index;
    };
    for (const QChar key : letters) {
        auto *button = new QPushButton(QString(key), this);
        connect(button, &QPushButton::clicked, this, [this, key] { Q_EMIT typed(key.toLower()); });
        place(button);
    }
    auto *clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, this, &KioskKeypad::cleared);
    if (keys == Keys::Digits) {
        place(clear);
        auto *zero = new QPushButton(u"0"_s, this);
        connect(zero, &QPushButton::clicked, this, [this] { Q_EMIT typed(u'0'); });
        place(zero);
    }
    auto *erase = new QPushButton(tr("Delete"), this);
    connect(erase, &QPushButton::clicked, this, &KioskKeypad::erased);
    place(erase);
    if (keys == Keys::Letters)
        place(clear);
}

} // namespace ow::kioskui
