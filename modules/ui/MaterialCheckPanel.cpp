#include "ui/MaterialCheckPanel.h"

#include "ui/FileDialog.h"
#include "ui/MaterialAttachmentsBox.h"
#include "ui/PointCheckDelegate.h"
#include "ui/SharedMaterialBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ow::ui {

using intake::MaterialCheckList;

using cases::MaterialCheck;
using Status = cases::MaterialCheck::Status;
using catalogue::ChecklistLine;

namespace {

QLabel *label(const QString &objectName, QWidget *parent, const QString &text = {})
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    return l;
}

QHBoxLayout *flatRow(QWidget *box)
{
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    return row;
}

bool isEnter(int key)
{
    return key == Qt::Key_Return || key == Qt::Key_Enter;
}

const Status kStatusOrder[] = {Status::Received, Status::Missing, Status::Waived, Status::DataShared};

} // namespace

MaterialCheckPanel::MaterialCheckPanel(MaterialCheckList *list, QWidget *parent)
    : QWidget(parent)
    , m_list(list)
{
    setObjectName(QStringLiteral("materialCheckPanel"));
    setAttribute(Qt::WA_StyledBackground);

    m_title = label(QStringLiteral("panelTitle"), this);
    m_meta = label(QStringLiteral("panelSubtitle"), this);
    m_message = label(QStringLiteral("inputError"), this);
    m_message->hide();

    m_pointsTitle = label(QStringLiteral("sectionTitle"), this);
    m_points = new QListWidget(this);
    m_points->setObjectName(QStringLiteral("pointChecks"));
    m_points->setItemDelegate(new PointCheckDelegate(m_points));
    m_points->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_points->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_points->setMouseTracking(true);
    m_points->installEventFilter(this);
    auto *pointsHint = label(QStringLiteral("keyHint"), this,
        tr("Space: met · F: not met, with the reason · Backspace: undo · ←: back to the list"));

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("formField"));
    m_note->setPlaceholderText(tr("Note on this material (optional)"));
    connect(m_note, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_index < 0)
            return;
        m_list->setNote(m_index, text);
        Q_EMIT changed(m_index);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addSpacing(2);
    layout->addWidget(buildStatusRow());
    layout->addWidget(m_deadlineRow = new QWidget(this));
    layout->addWidget(buildHandlingRow());
    layout->addWidget(m_message);
    layout->addSpacing(4);
    layout->addWidget(m_pointsTitle);
    layout->addWidget(m_points, 1);
    layout->addWidget(buildReasonRow());
    layout->addWidget(pointsHint);
    layout->addSpacing(4);
    layout->addWidget(m_note);
    m_shared = new SharedMaterialBox(this);
    connect(m_shared, &SharedMaterialBox::fetchRequested, this, &MaterialCheckPanel::sharedFetchRequested);
    connect(m_shared, &SharedMaterialBox::paperRequested, this, &MaterialCheckPanel::sharedPaperRequested);
    layout->addWidget(m_shared);
    m_attachments = new MaterialAttachmentsBox(this);
    connect(m_attachments, &MaterialAttachmentsBox::importClicked, this, &MaterialCheckPanel::importFiles);
    connect(m_attachments, &MaterialAttachmentsBox::scanClicked, this, &MaterialCheckPanel::requestScan);
    connect(m_attachments, &MaterialAttachmentsBox::openRequested, this,
        &MaterialCheckPanel::attachmentOpenRequested);
    layout->addWidget(m_attachments);

    auto *deadlineRow = flatRow(m_deadlineRow);
    m_deadline = new QDateEdit(m_deadlineRow);
    m_deadline->setObjectName(QStringLiteral("supplementDeadline"));
    m_deadline->setCalendarPopup(true);
    m_deadline->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_deadline->installEventFilter(this);
    connect(m_deadline, &QDateEdit::dateChanged, this, [this](QDate date) {
        // Once waived, the date edit edits the deadline directly.
        if (m_refreshing || m_index < 0 || m_list->check(m_index).status != Status::Waived)
            return;
        commit(m_list->setStatus(m_index, Status::Waived, date));
    });
    m_deadlineHint = label(QStringLiteral("keyHint"), m_deadlineRow);
    deadlineRow->addWidget(label(QStringLiteral("fieldLabel"), m_deadlineRow, tr("To be supplied by")));
    deadlineRow->addWidget(m_deadline);
    deadlineRow->addWidget(m_deadlineHint, 1);
    m_deadlineRow->hide();

    // Tab walks the content in reading order; the status buttons answer to their letters instead.
    setTabOrder(m_points, m_originalSeen);
    setTabOrder(m_originalSeen, m_copyKept);
    setTabOrder(m_copyKept, m_copies);
    setTabOrder(m_copies, m_note);
    setTabOrder(m_note, m_attachments->list());

    showLine(-1);
}

QWidget *MaterialCheckPanel::buildStatusRow()
{
    auto *box = new QWidget(this);
    auto *row = flatRow(box);
    const QStringList texts {tr("Received  R"), tr("Missing  M"), tr("Waived  W"), tr("Data sharing  D")};
    const QStringList tones {QStringLiteral("success"), QStringLiteral("danger"), QStringLiteral("warning"),
        QStringLiteral("accent")};
    for (int i = 0; i < 4; ++i) {
        auto *button = new QPushButton(texts.at(i), box);
        button->setObjectName(QStringLiteral("statusButton"));
        button->setProperty("tone", tones.at(i));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // the keys R M W D do it; Tab stays on the content
        const Status status = kStatusOrder[i];
        connect(button, &QPushButton::clicked, this, [this, status] { applyStatus(status); });
        m_statusButtons.append(button);
        row->addWidget(button);
    }
    row->addStretch();
    return box;
}

QWidget *MaterialCheckPanel::buildHandlingRow()
{
    auto *box = new QWidget(this);
    auto *row = flatRow(box);
    m_originalSeen = new QCheckBox(tr("Original seen"), box);
    m_originalSeen->setObjectName(QStringLiteral("originalSeen"));
    m_copyKept = new QCheckBox(tr("Copy kept"), box);
    m_copyKept->setObjectName(QStringLiteral("copyKept"));
    m_copies = new QSpinBox(box);
    m_copies->setObjectName(QStringLiteral("copies"));
    m_copies->setRange(0, 99);
    connect(m_originalSeen, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing && m_index >= 0) {
            m_list->setOriginalSeen(m_index, on);
            Q_EMIT changed(m_index);
        }
    });
    connect(m_copyKept, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing && m_index >= 0) {
            m_list->setCopyKept(m_index, on);
            Q_EMIT changed(m_index);
        }
    });
    connect(m_copies, &QSpinBox::valueChanged, this, [this](int copies) {
        if (!m_refreshing && m_index >= 0) {
            m_list->setCopies(m_index, copies);
            Q_EMIT changed(m_index);
        }
    });
    row->addWidget(m_originalSeen);
    row->addSpacing(8);
    row->addWidget(m_copyKept);
    row->addSpacing(16);
    row->addWidget(label(QStringLiteral("fieldLabel"), box, tr("Copies received")));
    row->addWidget(m_copies);
    row->addStretch();
    return box;
}

QWidget *MaterialCheckPanel::buildReasonRow()
{
    m_reasonRow = new QWidget(this);
    auto *column = new QVBoxLayout(m_reasonRow);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    m_reasonLabel = label(QStringLiteral("fieldLabel"), m_reasonRow);
    m_reason = new QComboBox(m_reasonRow);
    m_reason->setObjectName(QStringLiteral("failureReason"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->lineEdit()->setPlaceholderText(tr("Type the reason, or ↓ for a common error of this material"));
    m_reason->installEventFilter(this);
    column->addWidget(m_reasonLabel);
    column->addWidget(m_reason);
    m_reasonRow->hide();
    return m_reasonRow;
}

QPushButton *MaterialCheckPanel::statusButton(Status status) const
{
    for (int i = 0; i < 4; ++i)
        if (kStatusOrder[i] == status)
            return m_statusButtons.at(i);
    return nullptr;
}

QListWidget *MaterialCheckPanel::attachmentList() const
{
    return m_attachments->list();
}

QString MaterialCheckPanel::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void MaterialCheckPanel::setList(MaterialCheckList *list)
{
    m_list = list;
    showLine(-1);
}

void MaterialCheckPanel::showLine(int index)
{
    m_index = index >= 0 && index < m_list->size() ? index : -1;
    m_reasonRow->hide();
    m_message->hide();
    m_points->setCurrentRow(-1);
    refresh();
    if (m_points->count() > 0)
        m_points->setCurrentRow(0);
}

void MaterialCheckPanel::setAttachments(
    const QList<cases::CaseAttachment> &attachments, const QStringList &online)
{
    m_attachments->setAttachments(attachments, online);
}

void MaterialCheckPanel::refresh()
{
    m_refreshing = true;
    const bool shown = m_index >= 0;
    for (QWidget *w : std::initializer_list<QWidget *> {m_originalSeen, m_copyKept, m_copies, m_note})
        w->setEnabled(shown);
    if (!shown) {
        m_title->setText(tr("No material selected"));
        m_meta->clear();
        m_pointsTitle->setText(tr("Review points"));
        m_points->clear();
        for (QPushButton *button : std::as_const(m_statusButtons))
            button->setEnabled(false);
        m_deadlineRow->hide();
        m_attachments->showMaterial({});
        m_shared->showMaterial(nullptr, nullptr);
        m_refreshing = false;
        return;
    }
    const ChecklistLine &line = m_list->line(m_index);
    const MaterialCheck &check = m_list->check(m_index);
    m_title->setText(tr("%1. %2").arg(m_index + 1).arg(line.name));
    // Nothing of a data-shared material is handed in: no form, copies or medium to ask for.
    QStringList meta = line.dataShared
        ? QStringList {tr("not handed in (data sharing)")}
        : QStringList {displayName(line.form), tr("copies: %1").arg(line.copies), displayName(line.medium)};
    if (!line.source.isEmpty())
        meta.append(tr("issued by %1").arg(line.source));
    if (line.waivable)
        meta.append(tr("waivable"));
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    for (int i = 0; i < 4; ++i) {
        QPushButton *button = m_statusButtons.at(i);
        const Status status = kStatusOrder[i];
        button->setEnabled(
            (status != Status::Waived || line.waivable) && (status != Status::DataShared || line.dataShared));
        button->setChecked(
            check.status == status || (status == Status::Received && check.status == Status::Supplemented));
    }

    const bool waived = check.status == Status::Waived;
    if (waived) {
        m_deadline->setDate(check.supplementDeadline);
        m_deadlineHint->setText(tr("the acceptance receipt names this date"));
    }
    m_deadlineRow->setVisible(waived);

    const bool handedIn = check.status == Status::Received || check.status == Status::Supplemented;
    m_originalSeen->setChecked(check.originalSeen);
    m_copyKept->setChecked(check.copyKept);
    m_copies->setValue(check.copies);
    for (QWidget *w : std::initializer_list<QWidget *> {m_originalSeen, m_copyKept, m_copies})
        w->setEnabled(handedIn);
    if (m_note->text() != check.note)
        m_note->setText(check.note);
    refreshPoints();
    m_attachments->showMaterial(line.materialId);
    m_shared->showMaterial(&line, &check);
    m_refreshing = false;
}

void MaterialCheckPanel::refreshPoints()
{
    const int current = m_points->currentRow();
    m_points->clear();
    if (m_index < 0)
        return;
    const ChecklistLine &line = m_list->line(m_index);
    const Status status = m_list->check(m_index).status;
    const bool checkable = status != Status::Missing && status != Status::Waived;
    int met = 0;
    int failed = 0;
    for (const catalogue::ReviewPoint &point : line.reviewPoints) {
        auto *item = new QListWidgetItem(point.text, m_points);
        const QString reason = m_list->failureReason(m_index, point.id);
        auto state = PointCheckDelegate::State::Open;
        if (!reason.isEmpty()) {
            state = PointCheckDelegate::State::Failed;
            ++failed;
        } else if (m_list->isPointMet(m_index, point.id)) {
            state = PointCheckDelegate::State::Met;
            ++met;
        }
        item->setData(PointCheckDelegate::StateRole, int(state));
        item->setData(PointCheckDelegate::ReasonRole, reason);
        item->setData(PointCheckDelegate::PointIdRole, point.id);
        const QString kind = displayName(point.kind);
        item->setData(PointCheckDelegate::KindRole,
            point.matterCode.isEmpty() ? kind : tr("%1 · %2").arg(kind, point.matterCode));
        if (!checkable)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    m_points->setCurrentRow(std::min(current, int(m_points->count()) - 1));
    QString title = tr("Review points");
    if (line.reviewPoints.isEmpty())
        title = tr("Review points: none listed for this material");
    else if (!checkable)
        title = tr("Review points: not checked, the material was not handed in");
    else
        title = tr("Review points · %1 of %2 met").arg(met).arg(line.reviewPoints.size());
    if (failed > 0)
        title += tr(" · %n not met", nullptr, failed);
    m_pointsTitle->setText(title);
}

void MaterialCheckPanel::report(const Result<void> &result)
{
    m_message->setText(result ? QString() : result.error().message());
    m_message->setVisible(!result);
}

void MaterialCheckPanel::commit(const Result<void> &result)
{
    report(result);
    if (!result)
        return;
    refresh();
    Q_EMIT changed(m_index);
}

void MaterialCheckPanel::applyStatus(Status status)
{
    if (m_index < 0)
        return;
    if (status == Status::Waived && m_list->line(m_index).waivable) {
        askDeadline();
        return;
    }
    m_reasonRow->hide();
    commit(m_list->setStatus(m_index, status));
}

void MaterialCheckPanel::receiveAllMet()
{
    if (m_index >= 0)
        commit(m_list->receiveAllMet(m_index));
}

void MaterialCheckPanel::askDeadline()
{
    const MaterialCheck &check = m_list->check(m_index);
    m_refreshing = true;
    m_deadline->setDate(check.supplementDeadline.isValid() ? check.supplementDeadline : m_defaultDeadline);
    m_refreshing = false;
    m_deadlineHint->setText(tr("Enter: waive with this deadline · Esc: cancel"));
    m_deadlineRow->show();
    report({});
    m_deadline->setFocus();
    m_deadline->selectAll();
}

void MaterialCheckPanel::confirmDeadline()
{
    const Result<void> waived = m_list->setStatus(m_index, Status::Waived, m_deadline->date());
    commit(waived);
    if (waived)
        Q_EMIT leaveRequested();
}

void MaterialCheckPanel::cancelDeadline()
{
    refresh();
    Q_EMIT leaveRequested();
}

QString MaterialCheckPanel::currentPointId() const
{
    const QListWidgetItem *item = m_points->currentItem();
    return item ? item->data(PointCheckDelegate::PointIdRole).toString() : QString();
}

bool MaterialCheckPanel::focusPoints()
{
    if (m_points->count() == 0)
        return false;
    if (m_points->currentRow() < 0)
        m_points->setCurrentRow(0);
    m_points->setFocus();
    return true;
}

void MaterialCheckPanel::toggleCurrentPoint()
{
    const QString pointId = currentPointId();
    if (m_index < 0 || pointId.isEmpty())
        return;
    if (m_list->isPointMet(m_index, pointId)) {
        m_list->clearPoint(m_index, pointId);
        commit({});
        return;
    }
    const int row = m_points->currentRow();
    commit(m_list->setPointMet(m_index, pointId, true));
    // Checking goes down the list, so the next Space checks the next point.
    if (row + 1 < m_points->count())
        m_points->setCurrentRow(row + 1);
}

void MaterialCheckPanel::clearCurrentPoint()
{
    const QString pointId = currentPointId();
    if (m_index < 0 || pointId.isEmpty())
        return;
    m_list->clearPoint(m_index, pointId);
    commit({});
}

void MaterialCheckPanel::askFailure()
{
    const QString pointId = currentPointId();
    if (m_index < 0 || pointId.isEmpty())
        return;
    const Status status = m_list->check(m_index).status;
    if (status == Status::Missing || status == Status::Waived) {
        report(fail(Error::Code::Invalid, tr("The material was not handed in: there is nothing to check.")));
        return;
    }
    m_reasonLabel->setText(
        tr("Why is “%1” not met? The applicant is told this reason.").arg(m_points->currentItem()->text()));
    m_reason->clear();
    m_reason->addItems(m_list->line(m_index).commonErrors);
    m_reason->setCurrentIndex(-1);
    m_reason->setEditText(m_list->failureReason(m_index, pointId));
    m_reasonRow->show();
    report({});
    m_reason->setFocus();
}

void MaterialCheckPanel::confirmFailure()
{
    const int row = m_points->currentRow();
    const Result<void> failed = m_list->failPoint(m_index, currentPointId(), m_reason->currentText());
    if (!failed) {
        report(failed);
        return;
    }
    m_reasonRow->hide();
    commit(failed);
    m_points->setCurrentRow(std::min(row + 1, int(m_points->count()) - 1));
    m_points->setFocus();
}

void MaterialCheckPanel::cancelFailure()
{
    m_reasonRow->hide();
    report({});
    m_points->setFocus();
}

void MaterialCheckPanel::importFiles()
{
    if (m_index < 0)
        return;
    const ChecklistLine &line = m_list->line(m_index);
    const QStringList files = FileDialog::getOpenFileNames(this, tr("Import files for %1").arg(line.name),
        QDir::homePath(), tr("Scans and documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
    if (!files.isEmpty())
        Q_EMIT importRequested(line.materialId, files);
}

void MaterialCheckPanel::requestScan()
{
    if (m_index >= 0)
        Q_EMIT scanRequested(m_list->line(m_index).materialId);
}

bool MaterialCheckPanel::pointKey(int key)
{
    switch (key) {
    case Qt::Key_Space:
        toggleCurrentPoint();
        return true;
    case Qt::Key_F:
        askFailure();
        return true;
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        clearCurrentPoint();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Escape:
        Q_EMIT leaveRequested();
        return true;
    default:
        return false;
    }
}

bool MaterialCheckPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))
        return QWidget::eventFilter(watched, event);
    if (watched == m_points)
        return pointKey(key->key()) || QWidget::eventFilter(watched, event);
    if (watched == m_deadline) {
        if (isEnter(key->key())) {
            confirmDeadline();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelDeadline();
            return true;
        }
    }
    if (watched == m_reason) {
        if (isEnter(key->key())) {
            confirmFailure();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelFailure();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
