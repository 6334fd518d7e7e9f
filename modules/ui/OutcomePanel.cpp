#include "ui/OutcomePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

OutcomePanel::OutcomePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("outcomePanel"));
    setAttribute(Qt::WA_StyledBackground);

    auto *title = new QLabel(tr("Screening outcome"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    auto *subtitle
        = new QLabel(tr("The answers show that no checklist applies: tell the applicant the outcome "
                        "and its reason."),
            this);
    subtitle->setObjectName(QStringLiteral("panelSubtitle"));
    subtitle->setWordWrap(true);

    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("outcomeHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("outcomeReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path = new QLabel(this);
    m_path->setObjectName(QStringLiteral("panelSubtitle"));
    m_path->setWordWrap(true);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("checklistState"));
    m_hint->setWordWrap(true);

    m_referral = new QPushButton(this);
    m_referral->setObjectName(QStringLiteral("primaryButton"));
    connect(m_referral, &QPushButton::clicked, this, &OutcomePanel::referralRequested);
    // A shortcut of its own: the button's would be reset each time its text is set.
    auto *referralKey = new QShortcut(QKeySequence(Qt::Key_F7), this);
    referralKey->setContext(Qt::WindowShortcut);
    connect(referralKey, &QShortcut::activated, this, [this] {
        if (m_referral->isVisible())
            Q_EMIT referralRequested();
    });
    m_notice = new QPushButton(tr("Print the one-time notice (Ctrl+Shift+P)"), this);
    connect(m_notice, &QPushButton::clicked, this, &OutcomePanel::noticeRequested);

    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_referral);
    buttons->addWidget(m_notice);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(6);
    layout->addWidget(m_headline);
    layout->addWidget(m_reason);
    layout->addWidget(m_path);
    layout->addSpacing(6);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addStretch(1);
}

QString OutcomePanel::headline(const ScreeningOutcome &outcome, const Matter *target)
{
    if (outcome.kind == OutcomeKind::NotRequired)
        return tr("No application needed: %1").arg(outcome.reason);
    return tr("Apply instead for: %1").arg(target ? target->name : outcome.targetCode);
}

void OutcomePanel::showOutcome(const ScreeningOutcome &outcome, const Matter *target, const QStringList &path)
{
    const bool refer = outcome.kind == OutcomeKind::Refer;
    m_headline->setProperty("kind", refer ? QStringLiteral("refer") : QStringLiteral("not-required"));
    if (refer) {
        m_headline->setText(
            tr("Apply instead for: %1")
                .arg(target ? target->name + QStringLiteral("  ") + target->code : outcome.targetCode));
        m_reason->setText(tr("Why: %1").arg(outcome.reason));
    } else {
        m_headline->setText(tr("No application needed"));
        m_reason->setText(outcome.reason);
    }
    m_path->setText(tr("Situation: %1").arg(path.join(QStringLiteral(" › "))));
    m_referral->setVisible(refer && target);
    m_referral->setText(tr("Open it with these answers (F7)"));
    m_hint->setText(refer
            ? tr("This matter cannot be accepted in this situation. Open the matter above: the "
                 "answers both matters ask are carried over.")
            : tr("This matter cannot be accepted in this situation; nothing needs to be handed in."));
    style()->unpolish(m_headline);
    style()->polish(m_headline);
}

QPushButton *OutcomePanel::primaryButton() const
{
    return m_referral->isVisibleTo(this) ? m_referral : m_notice;
}

} // namespace ow::ui
