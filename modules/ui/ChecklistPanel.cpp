#include "ui/ChecklistPanel.h"

#include "ui/ChecklistDelegate.h"
#include "ui/ChecklistModel.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

ChecklistPanel::ChecklistPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ChecklistModel(this))
{
    setObjectName(QStringLiteral("checklistPanel"));
    setAttribute(Qt::WA_StyledBackground);

    auto *title = new QLabel(tr("Checklist of materials"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("panelSubtitle"));
    m_summary->setWordWrap(true);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("checklistState"));
    m_state->setWordWrap(true);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("checklistView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChecklistDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(false);
    m_view->setMouseTracking(true);
    m_view->setFrameShape(QFrame::NoFrame);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { emitCurrent(); });
    m_view->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(16, 14, 16, 10);
    header->setSpacing(4);
    header->addWidget(title);
    header->addWidget(m_summary);
    header->addWidget(m_state);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Lines wrap to the width: when it changes, every line's height must be asked again.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_view->doItemsLayout();
    return QWidget::eventFilter(watched, event);
}

void ChecklistPanel::setChecklist(const Checklist &checklist, bool complete)
{
    const ChecklistLine *previous = currentLine();
    const QString keep = previous ? previous->materialId : QString();
    {
        // The reset clears the selection; announce the line once, after it is restored.
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setChecklist(checklist);
        int row = keep.isEmpty() ? -1 : m_model->rowOf(keep);
        if (row < 0)
            row = m_model->lineCount() > 0 ? 1 : -1; // row 0 is the first heading
        if (row >= 0)
            m_view->selectionModel()->setCurrentIndex(
                m_model->index(row), QItemSelectionModel::ClearAndSelect);
    }
    updateSummary(complete);
    emitCurrent();
}

void ChecklistPanel::updateSummary(bool complete)
{
    const int total = m_model->lineCount();
    const int basic = m_model->basicCount();
    QString summary
        = tr("%1 materials: %2 basic, %3 for this situation.").arg(total).arg(basic).arg(total - basic);
    // The separator between sentences is a space in English and nothing in Chinese.
    if (const int shared = m_model->dataSharedCount())
        summary
            = tr("%1 %2", "two sentences in a row").arg(summary, tr("%1 fetched by the hall.").arg(shared));
    if (const int waivable = m_model->waivableCount())
        summary = tr("%1 %2", "two sentences in a row").arg(summary, tr("%1 waivable.").arg(waivable));
    m_summary->setText(summary);
    m_state->setProperty("complete", complete);
    m_state->setText(complete ? tr("Situation determined: the checklist is complete.")
                              : tr("Questions remain: the checklist may still change."));
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
}

void ChecklistPanel::setMatterNames(const QHash<QString, QString> &names)
{
    m_model->setMatterNames(names);
}

QString ChecklistPanel::summaryText() const
{
    return m_summary->text();
}

const ChecklistLine *ChecklistPanel::currentLine() const
{
    return m_model->line(m_view->currentIndex().row());
}

bool ChecklistPanel::selectMaterial(const QString &materialId)
{
    const int row = m_model->rowOf(materialId);
    if (row < 0)
        return false;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(m_model->index(row));
    return true;
}

QStringList ChecklistPanel::materialIds() const
{
    return m_model->materialIds();
}

void ChecklistPanel::emitCurrent()
{
    Q_EMIT currentLineChanged(currentLine());
}

} // namespace ow::ui
