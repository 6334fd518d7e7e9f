#include "ui/IntakeStepBar.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ow::ui {

IntakeStepBar::IntakeStepBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("intakeSteps"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#intakeSteps { background: %1; border-bottom: 1px solid %2; }")
                      .arg(Theme::panel().name(), Theme::border().name()));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 8, 24, 8);
    m_label = new QLabel(this);
    m_label->setTextFormat(Qt::RichText);
    layout->addWidget(m_label);
    layout->addStretch();
    setCurrent(Step::Interview);
}

void IntakeStepBar::setCurrent(Step step)
{
    m_current = step;
    const QList<QPair<Step, QString>> steps {
        {Step::Interview, tr("Questions")},
        {Step::Applicant, tr("Applicant · F2")},
        {Step::Materials, tr("Materials · F4")},
        {Step::Decision, tr("Decision · F5")},
        {Step::Document, tr("Document")},
    };
    QStringList parts;
    int number = 0;
    for (const auto &[which, name] : steps) {
        ++number;
        const bool done = int(which) < int(step);
        const QColor colour = which == step ? Theme::accent()
            : done                          ? Theme::success()
                                            : Theme::secondaryText();
        const QString mark = done ? QStringLiteral("✓") : QString::number(number);
        QString part = QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                           .arg(colour.name(), mark, name.toHtmlEscaped());
        if (which == step)
            part = QStringLiteral("<b>") + part + QStringLiteral("</b>");
        parts.append(part);
    }
    m_label->setText(parts.join(QStringLiteral("<span style=\"color:%1\">&nbsp;&nbsp;›&nbsp;&nbsp;</span>")
                                    .arg(Theme::border().darker(130).name())));
}

QString IntakeStepBar::text() const
{
    return m_label->text();
}

} // namespace ow::ui
