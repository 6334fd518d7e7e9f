#include "ui/LockOverlay.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

LockOverlay::LockOverlay(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("lockOverlay"));
    // A plain QWidget paints a style-sheet background only when asked to.
    setAttribute(Qt::WA_StyledBackground, true);
    // Opaque, so an applicant at the counter cannot read the case left on the screen.
    setStyleSheet(
        QStringLiteral("#lockOverlay { background: #20242a; } #lockOverlay QLabel { color: white; }"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *title = new QLabel(tr("The workstation is locked."), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    m_clerk = new QLabel(this);
    m_clerk->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_clerk);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("unlockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setMaximumWidth(320);
    layout->addWidget(m_password, 0, Qt::AlignHCenter);
    auto *unlock = m_unlock = new QPushButton(tr("&Unlock"), this);
    layout->addWidget(unlock, 0, Qt::AlignHCenter);
    // Another clerk takes the counter; the one signed in keeps their open work (SessionGuard).
    m_switch = new QPushButton(tr("&Switch user…"), this);
    m_switch->setObjectName(QStringLiteral("switchUserButton"));
    m_switch->setAutoDefault(false);
    layout->addWidget(m_switch, 0, Qt::AlignHCenter);
    connect(m_switch, &QPushButton::clicked, this, &LockOverlay::switchUserRequested);
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("unlockRefusal"));
    m_refusal->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_refusal);
    layout->addStretch();

    auto request = [this] {
        const QString password = m_password->text();
        m_password->clear();
        Q_EMIT unlockRequested(password);
    };
    connect(m_password, &QLineEdit::returnPressed, this, request);
    connect(unlock, &QPushButton::clicked, this, request);
    window->installEventFilter(this);
    hide();
}

void LockOverlay::setClerk(const QString &clerkLine)
{
    m_clerk->setText(clerkLine);
}

void LockOverlay::cover()
{
    m_refusal->clear();
    setGeometry(parentWidget()->rect());
    show();
    raise();
    if (!m_password->isHidden())
        m_password->setFocus();
    else
        m_switch->setFocus();
}

void LockOverlay::showRefusal(const QString &message)
{
    m_refusal->setText(message);
    m_password->setFocus();
}

void LockOverlay::refuseUnlock(const QString &message)
{
    m_password->hide();
    m_unlock->hide();
    m_refusal->setText(message);
    m_switch->setFocus();
}

QString LockOverlay::refusalText() const
{
    return m_refusal->text();
}

bool LockOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
