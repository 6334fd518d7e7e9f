#include "editorui/ProblemsPanel.h"

#include <QHeaderView>

namespace ow::editorui {

using catalogue::Diagnostic;

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemsPanel"));
    setColumnCount(3);
    setHeaderLabels({tr("Level"), tr("Where"), tr("Problem")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->resizeSection(0, 60);
    header()->resizeSection(1, 230);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qsizetype index = indexOfTopLevelItem(item);
        if (index < 0 || index >= m_problems.size())
            return;
        const authoring::Problem &problem = m_problems.at(index);
        Q_EMIT problemActivated(problem.node, problem.diagnostic.where.file, problem.diagnostic.where.line);
    });
}

void ProblemsPanel::setProblems(const QList<authoring::Problem> &problems)
{
    // The problem looked at stays current when it is still there.
    const int current = currentItem() ? indexOfTopLevelItem(currentItem()) : -1;
    const QString currentText = current >= 0 ? currentItem()->text(2) : QString();
    m_problems = problems;
    // Errors before warnings, each in file order, as the lint lists them.
    std::stable_sort(
        m_problems.begin(), m_problems.end(), [](const authoring::Problem &a, const authoring::Problem &b) {
            return a.diagnostic.severity == Diagnostic::Severity::Error
                && b.diagnostic.severity != Diagnostic::Severity::Error;
        });
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(m_problems.size());
    for (const authoring::Problem &problem : std::as_const(m_problems)) {
        const Diagnostic &d = problem.diagnostic;
        const bool error = d.severity == Diagnostic::Severity::Error;
        auto *item = new QTreeWidgetItem({error ? tr("Error") : tr("Warning"), d.where.toString(),
            QStringLiteral("%1 [%2]").arg(d.message, d.rule)});
        item->setForeground(0, error ? QColor(0xb0, 0x1c, 0x1c) : QColor(0x8a, 0x5a, 0x00));
        item->setToolTip(2, d.message);
        items.append(item);
    }
    addTopLevelItems(items);
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (!currentText.isEmpty() && topLevelItem(i)->text(2) == currentText) {
            setCurrentItem(topLevelItem(i));
            break;
        }
}

bool ProblemsPanel::selectNext()
{
    if (topLevelItemCount() == 0)
        return false;
    const int current = currentItem() ? indexOfTopLevelItem(currentItem()) : -1;
    QTreeWidgetItem *next = topLevelItem((current + 1) % topLevelItemCount());
    setCurrentItem(next);
    Q_EMIT itemActivated(next, 0);
    return true;
}

} // namespace ow::editorui
