#include "ui/CaseAttentionPanel.h"

#include "cases/CaseNumber.h"
#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ow::ui {

using namespace ow::cases;

namespace {

/// Up to this many rows show before the table scrolls: the case list keeps most of the screen.
constexpr int kVisibleRows = 3;

QTableWidget *smallTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QStringLiteral("caseTable"));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(30);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setFixedHeight(t->horizontalHeader()->sizeHint().height() + kVisibleRows * 30 + 4);
    return t;
}

/// Columns as wide as their text, but none so wide that the last (stretched) one disappears.
void fitColumns(QTableWidget *t)
{
    t->resizeColumnsToContents();
    for (int column = 0; column + 1 < t->columnCount(); ++column)
        t->setColumnWidth(column, std::min(t->columnWidth(column), 200));
}

void setCell(QTableWidget *t, int row, int column, const QString &text, const QColor &colour = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (colour.isValid())
        item->setForeground(colour);
    t->setItem(row, column, item);
}

QString displayNumber(const QString &number)
{
    if (number.isEmpty())
        return QStringLiteral("—");
    const Result<CaseNumber> parsed = CaseNumber::parse(number);
    return parsed ? parsed->toDisplayString() : number;
}

QWidget *box(QLabel **title, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(6);
    *title = new QLabel(frame);
    (*title)->setObjectName(QStringLiteral("cardTitle"));
    return frame;
}

} // namespace

CaseAttentionPanel::CaseAttentionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("caseAttention"));

    m_draftBox = box(&m_draftTitle, this);
    m_drafts = smallTable(
        {tr("Matter"), tr("Applicant"), tr("Case number"), tr("Last changed"), tr("Clerk")}, m_draftBox);
    m_drafts->installEventFilter(this);
    m_resume = new QPushButton(tr("&Resume"), m_draftBox);
    m_resume->setObjectName(QStringLiteral("primaryButton"));
    m_resume->setToolTip(tr("Open the intake draft again where it was left (继续办理, Enter)"));
    m_discard = new QPushButton(tr("Disc&ard…"), m_draftBox);
    m_discard->setToolTip(tr("Abandon the draft and remove its scans (放弃, Delete)"));
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentDraft())
            Q_EMIT resumeRequested(id);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentDraft())
            Q_EMIT discardRequested(id);
    });
    connect(m_drafts, &QTableWidget::itemSelectionChanged, this, &CaseAttentionPanel::updateButtons);
    connect(m_drafts, &QTableWidget::cellDoubleClicked, m_resume, &QPushButton::click);
    auto *draftTitleRow = new QHBoxLayout;
    draftTitleRow->addWidget(m_draftTitle, 1);
    draftTitleRow->addWidget(m_resume);
    draftTitleRow->addWidget(m_discard);
    auto *draftLayout = static_cast<QVBoxLayout *>(m_draftBox->layout());
    draftLayout->addLayout(draftTitleRow);
    draftLayout->addWidget(m_drafts);

    m_supplementBox = box(&m_supplementTitle, this);
    m_supplements = smallTable({tr("Case number"), tr("Due"), tr("Awaited"), tr("Matter")}, m_supplementBox);
    m_supplements->installEventFilter(this);
    connect(m_supplements, &QTableWidget::cellDoubleClicked, this, [this] { openCurrentSupplement(); });
    auto *supplementLayout = static_cast<QVBoxLayout *>(m_supplementBox->layout());
    supplementLayout->addWidget(m_supplementTitle);
    supplementLayout->addWidget(m_supplements);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 10, 24, 0);
    layout->setSpacing(14);
    layout->addWidget(m_draftBox, 1);
    layout->addWidget(m_supplementBox, 1);
}

void CaseAttentionPanel::setItems(const QList<DraftSummary> &drafts, const QList<PendingSupplement> &pending,
    const QDate &today, const QString &clerk)
{
    const qint64 selected = currentDraft();
    m_draftRows = drafts;
    m_clerk = clerk;
    m_drafts->setRowCount(int(drafts.size()));
    for (int row = 0; row < drafts.size(); ++row) {
        const DraftSummary &d = drafts.at(row);
        setCell(m_drafts, row, 0, d.title);
        setCell(m_drafts, row, 1, d.applicantMasked.isEmpty() ? QStringLiteral("—") : d.applicantMasked);
        setCell(m_drafts, row, 2, displayNumber(d.caseNumber));
        setCell(m_drafts, row, 3, d.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        setCell(m_drafts, row, 4, d.clerk);
    }
    fitColumns(m_drafts);
    m_draftTitle->setText(tr("Intake drafts (%1): resume or discard").arg(drafts.size()));
    if (!selectDraft(selected) && !drafts.isEmpty())
        m_drafts->selectRow(0);
    updateButtons();

    int overdue = 0;
    m_supplements->setRowCount(int(pending.size()));
    for (int row = 0; row < pending.size(); ++row) {
        const PendingSupplement &p = pending.at(row);
        const bool late = p.isOverdue(today);
        overdue += late ? 1 : 0;
        const QColor colour = late ? Theme::danger() : QColor();
        QStringList names;
        for (const AwaitedMaterial &a : p.awaited)
            names.append(a.name);
        const QDate due = p.due();
        setCell(m_supplements, row, 0, displayNumber(p.caseNumber), colour);
        m_supplements->item(row, 0)->setData(Qt::UserRole, p.caseNumber);
        setCell(m_supplements, row, 1,
            !due.isValid() ? tr("no date")
                : late     ? tr("overdue since %1").arg(due.toString(Qt::ISODate))
                           : due.toString(Qt::ISODate),
            colour);
        setCell(m_supplements, row, 2, names.join(QStringLiteral("、")), colour);
        setCell(m_supplements, row, 3, p.matterName, colour);
    }
    fitColumns(m_supplements);
    m_supplementTitle->setText(overdue > 0
            ? tr("Supplements awaited (%1), %2 overdue").arg(pending.size()).arg(overdue)
            : tr("Supplements awaited (%1)").arg(pending.size()));
    if (!pending.isEmpty() && m_supplements->currentRow() < 0)
        m_supplements->selectRow(0);

    m_draftBox->setVisible(!drafts.isEmpty());
    m_supplementBox->setVisible(!pending.isEmpty());
    setVisible(!drafts.isEmpty() || !pending.isEmpty());
}

qint64 CaseAttentionPanel::currentDraft() const
{
    const int row = m_drafts->currentRow();
    return row >= 0 && row < m_draftRows.size() && m_drafts->item(row, 0)
            && m_drafts->item(row, 0)->isSelected()
        ? m_draftRows.at(row).id
        : 0;
}

bool CaseAttentionPanel::selectDraft(qint64 id)
{
    for (int row = 0; id != 0 && row < m_draftRows.size(); ++row)
        if (m_draftRows.at(row).id == id) {
            m_drafts->selectRow(row);
            return true;
        }
    return false;
}

void CaseAttentionPanel::updateButtons()
{
    // A clerk resumes or abandons only their own work; the hall's drafts are there to be seen.
    const int row = m_drafts->currentRow();
    const bool own = row >= 0 && row < m_draftRows.size() && m_draftRows.at(row).clerk == m_clerk;
    m_resume->setEnabled(own && currentDraft() != 0);
    m_discard->setEnabled(own && currentDraft() != 0);
}

void CaseAttentionPanel::openCurrentSupplement()
{
    const int row = m_supplements->currentRow();
    if (row >= 0 && m_supplements->item(row, 0))
        Q_EMIT caseRequested(m_supplements->item(row, 0)->data(Qt::UserRole).toString());
}

bool CaseAttentionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
        if (watched == m_drafts && enter && m_resume->isEnabled()) {
            m_resume->click();
            return true;
        }
        if (watched == m_drafts && key == Qt::Key_Delete && m_discard->isEnabled()) {
            m_discard->click();
            return true;
        }
        if (watched == m_supplements && enter) {
            openCurrentSupplement();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
