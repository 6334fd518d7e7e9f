#include "ui/MaterialCheckPage.h"

#include "ui/MaterialCheckDelegate.h"
#include "ui/MaterialCheckPanel.h"
#include "ui/SharedMaterialBox.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using cases::MaterialCheck;
using Status = cases::MaterialCheck::Status;

namespace {

/// The summary chips, in the order the bar shows them.
enum SummaryChip
{
    ReceivedChip,
    MissingChip,
    WaivedChip,
    FailedChip,
    PendingChip,
    ChipCount
};

} // namespace

MaterialCheckPage::MaterialCheckPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("materialCheckPage"));
    setAttribute(Qt::WA_StyledBackground);

    m_lines = new QListWidget(this);
    m_lines->setObjectName(QStringLiteral("materialCheckList"));
    m_lines->setItemDelegate(new MaterialCheckDelegate(m_lines));
    m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lines->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_lines->setMouseTracking(true);
    m_lines->installEventFilter(this);

    m_panel = new MaterialCheckPanel(m_list, this);
    connect(m_lines, &QListWidget::currentRowChanged, m_panel, &MaterialCheckPanel::showLine);
    connect(m_panel, &MaterialCheckPanel::changed, this, &MaterialCheckPage::lineChanged);
    connect(m_panel, &MaterialCheckPanel::leaveRequested, this, [this] { m_lines->setFocus(); });
    connect(m_panel, &MaterialCheckPanel::importRequested, this, &MaterialCheckPage::importRequested);
    connect(m_panel, &MaterialCheckPanel::scanRequested, this, &MaterialCheckPage::scanRequested);
    connect(m_panel, &MaterialCheckPanel::attachmentOpenRequested, this,
        &MaterialCheckPage::attachmentOpenRequested);
    connect(
        m_panel, &MaterialCheckPanel::sharedFetchRequested, this, &MaterialCheckPage::sharedFetchRequested);
    connect(
        m_panel, &MaterialCheckPanel::sharedPaperRequested, this, &MaterialCheckPage::sharedPaperRequested);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(1);
    splitter->addWidget(m_lines);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);
    m_lines->setMinimumWidth(340);
    m_panel->setMinimumWidth(460);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSummaryBar());
    layout->addWidget(splitter, 1);

    addShortcut(QKeySequence(Qt::Key_R), [this] { m_panel->applyStatus(Status::Received); });
    addShortcut(QKeySequence(Qt::Key_M), [this] { m_panel->applyStatus(Status::Missing); });
    addShortcut(QKeySequence(Qt::Key_W), [this] { m_panel->applyStatus(Status::Waived); });
    addShortcut(QKeySequence(Qt::Key_D), [this] { m_panel->applyStatus(Status::DataShared); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { receiveAllMetAndMoveOn(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { receiveAllMetAndMoveOn(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_I), [this] { m_panel->importFiles(); });
    addShortcut(QKeySequence(Qt::Key_F6), [this] { m_panel->requestScan(); });
    addShortcut(QKeySequence(Qt::Key_F7), [this] { requestSharedFetch(); });
    refreshSummary();
}

void MaterialCheckPage::addShortcut(const QKeySequence &keys, const std::function<void()> &slot)
{
    // Scoped to the page so the same letters stay free on the other intake steps.
    auto *shortcut = new QShortcut(keys, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, slot);
}

QWidget *MaterialCheckPage::buildSummaryBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("summaryBar"));
    bar->setAttribute(Qt::WA_StyledBackground);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(16, 10, 16, 10);
    row->setSpacing(8);
    m_summaryTitle = new QLabel(tr("Material check"), bar);
    m_summaryTitle->setObjectName(QStringLiteral("panelTitle"));
    row->addWidget(m_summaryTitle);
    row->addSpacing(10);
    const QStringList tones {QStringLiteral("success"), QStringLiteral("danger"), QStringLiteral("warning"),
        QStringLiteral("danger"), QString()};
    for (int i = 0; i < ChipCount; ++i) {
        auto *chip = new QLabel(bar);
        chip->setObjectName(QStringLiteral("chip"));
        chip->setProperty("tone", tones.at(i));
        m_summaryChips.append(chip);
        row->addWidget(chip);
    }
    row->addStretch();
    auto *hint = new QLabel(tr("↑↓ material · → points · R received · M missing · W waive · D data sharing · "
                               "Ctrl+Enter all met and received"),
        bar);
    hint->setObjectName(QStringLiteral("keyHint"));
    row->addWidget(hint);
    return bar;
}

void MaterialCheckPage::setChecklist(
    const catalogue::Checklist &checklist, const QList<MaterialCheck> &checks)
{
    m_list->setChecklist(checklist, checks);
    showLines();
}

void MaterialCheckPage::showCheckList(intake::MaterialCheckList *list)
{
    intake::MaterialCheckList *shown = list ? list : &m_ownList;
    const bool replaced = shown != m_list;
    m_list = shown;
    m_panel->setList(m_list);
    showLines();
    if (replaced)
        Q_EMIT checkListReplaced();
}

void MaterialCheckPage::showLines()
{
    const QSignalBlocker blocker(m_lines);
    m_lines->clear();
    for (int i = 0; i < m_list->size(); ++i) {
        auto *item = new QListWidgetItem(m_list->line(i).name, m_lines);
        item->setData(MaterialCheckDelegate::NumberRole, i + 1);
        item->setData(MaterialCheckDelegate::MaterialIdRole, m_list->line(i).materialId);
        refreshLine(i);
    }
    m_lines->setCurrentRow(m_list->size() > 0 ? 0 : -1);
    m_panel->showLine(m_lines->currentRow());
    refreshSummary();
}

QList<MaterialCheck> MaterialCheckPage::checks() const
{
    return m_list->checks();
}

void MaterialCheckPage::setAttachments(
    const QList<cases::CaseAttachment> &attachments, const QStringList &online)
{
    m_panel->setAttachments(attachments, online);
}

void MaterialCheckPage::setDefaultSupplementDeadline(const QDate &date)
{
    m_panel->setDefaultSupplementDeadline(date);
}

void MaterialCheckPage::focusFirstPending()
{
    const int pending = m_list->nextPending(0);
    m_lines->setCurrentRow(pending >= 0 ? pending : (m_list->size() > 0 ? 0 : -1));
    m_lines->setFocus();
}

void MaterialCheckPage::setSharedFetch(const intake::SharedMaterialFetch *fetch)
{
    m_panel->sharedBox()->setFetch(fetch);
    m_panel->refreshLine();
}

void MaterialCheckPage::refreshMaterial(const QString &materialId)
{
    const int index = m_list->indexOf(materialId);
    if (index >= 0)
        lineChanged(index);
    m_panel->refreshLine();
}

void MaterialCheckPage::requestSharedFetch()
{
    const int row = m_lines->currentRow();
    if (row < 0)
        return;
    // Any line may ask: a material that is not data-shared is refused with the reason.
    Q_EMIT sharedFetchRequested(m_list->line(row).materialId);
}

int MaterialCheckPage::currentLine() const
{
    return m_lines->currentRow();
}

int MaterialCheckPage::pendingCount() const
{
    return m_list->count(Status::Pending);
}

int MaterialCheckPage::missingCount() const
{
    return m_list->count(Status::Missing);
}

int MaterialCheckPage::failedPointCount() const
{
    return m_list->failedPointCount();
}

int MaterialCheckPage::waivedCount() const
{
    return m_list->count(Status::Waived);
}

int MaterialCheckPage::receivedCount() const
{
    return m_list->count(Status::Received) + m_list->count(Status::Supplemented);
}

QString MaterialCheckPage::summaryText() const
{
    QStringList parts;
    for (const QLabel *chip : m_summaryChips)
        if (chip->isVisibleTo(this))
            parts.append(chip->text());
    return parts.join(QStringLiteral(" · "));
}

bool MaterialCheckPage::servesSeveralMatters() const
{
    QStringList matters;
    for (int i = 0; i < m_list->size(); ++i)
        for (const QString &code : m_list->line(i).matterCodes)
            if (!matters.contains(code))
                matters.append(code);
    return matters.size() > 1;
}

void MaterialCheckPage::refreshLine(int index)
{
    QListWidgetItem *item = m_lines->item(index);
    if (!item)
        return;
    const catalogue::ChecklistLine &line = m_list->line(index);
    const MaterialCheck &check = m_list->check(index);
    item->setData(MaterialCheckDelegate::ChipsRole,
        line.dataShared ? QStringList {tr("not handed in (data sharing)")}
                        : QStringList {displayName(line.form), tr("copies: %1").arg(line.copies)});
    item->setData(MaterialCheckDelegate::MattersRole,
        servesSeveralMatters() ? tr("For: %1").arg(QLocale().createSeparatedList(line.matterNames))
                               : QString());

    QString status;
    ChipPainter::Style style = ChipPainter::Style::Neutral;
    switch (check.status) {
    case Status::Pending:
        status = tr("to check");
        break;
    case Status::Received:
        status = tr("received");
        style = ChipPainter::Style::Success;
        break;
    case Status::Missing:
        status = tr("missing");
        style = ChipPainter::Style::Danger;
        break;
    case Status::Waived:
        status = tr("waived, due %1").arg(check.supplementDeadline.toString(QStringLiteral("yyyy-MM-dd")));
        style = ChipPainter::Style::Warning;
        break;
    case Status::DataShared:
        status = tr("data sharing");
        style = ChipPainter::Style::Accent;
        break;
    case Status::Supplemented:
        status = tr("supplied later");
        style = ChipPainter::Style::Success;
        break;
    }
    item->setData(MaterialCheckDelegate::StatusTextRole, status);
    item->setData(MaterialCheckDelegate::StatusStyleRole, int(style));

    const bool checkable = check.status != Status::Missing && check.status != Status::Waived;
    const int points = int(line.reviewPoints.size());
    item->setData(MaterialCheckDelegate::PointsTextRole,
        checkable && points > 0 && check.status != Status::Pending
            ? tr("%1/%2 points met").arg(check.pointsTicked.size()).arg(points)
            : QString());
    const int failed = int(check.failedPoints.size());
    item->setData(
        MaterialCheckDelegate::FailedTextRole, failed > 0 ? tr("%n not met", nullptr, failed) : QString());
}

void MaterialCheckPage::refreshSummary()
{
    const int counts[ChipCount]
        = {receivedCount(), missingCount(), waivedCount(), failedPointCount(), pendingCount()};
    const QString texts[ChipCount] = {tr("%n received", nullptr, counts[ReceivedChip]),
        tr("%n missing", nullptr, counts[MissingChip]), tr("%n waived", nullptr, counts[WaivedChip]),
        tr("%n failed point(s)", nullptr, counts[FailedChip]),
        tr("%n to check", nullptr, counts[PendingChip])};
    for (int i = 0; i < ChipCount; ++i) {
        m_summaryChips.at(i)->setText(texts[i]);
        // Zeros are noise, except the count of what is left to check, which the clerk works down.
        m_summaryChips.at(i)->setVisible(counts[i] > 0 || i == PendingChip);
    }
    QLabel *pending = m_summaryChips.at(PendingChip);
    const QString tone = counts[PendingChip] > 0 ? QStringLiteral("accent") : QStringLiteral("success");
    if (pending->property("tone").toString() != tone) {
        pending->setProperty("tone", tone);
        pending->style()->unpolish(pending);
        pending->style()->polish(pending);
    }
    if (counts[PendingChip] == 0 && m_list->size() > 0)
        pending->setText(tr("all checked"));
}

void MaterialCheckPage::lineChanged(int index)
{
    refreshLine(index);
    refreshSummary();
    Q_EMIT checksChanged();
}

void MaterialCheckPage::moveToNextLine()
{
    const int row = m_lines->currentRow();
    // The next line still to check, else simply the next one.
    const int pending = m_list->nextPending(row + 1);
    const int next = pending >= 0 ? pending : std::min(row + 1, m_list->size() - 1);
    m_lines->setCurrentRow(next);
    m_lines->setFocus();
}

void MaterialCheckPage::receiveAllMetAndMoveOn()
{
    const int row = m_lines->currentRow();
    if (row < 0)
        return;
    m_panel->receiveAllMet();
    if (m_list->check(row).status == Status::Received)
        moveToNextLine();
}

bool MaterialCheckPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_lines && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            const int row = m_lines->currentRow();
            switch (key->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                // Enter after R: every point not marked failed is met, on to the next line.
                if (row >= 0
                    && (m_list->check(row).status == Status::Received
                        || m_list->check(row).status == Status::Supplemented)) {
                    receiveAllMetAndMoveOn();
                } else {
                    m_panel->focusPoints();
                }
                return true;
            case Qt::Key_Right:
            case Qt::Key_Tab:
                m_panel->focusPoints();
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
