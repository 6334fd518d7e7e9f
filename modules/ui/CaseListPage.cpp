#include "ui/CaseListPage.h"

#include "cases/PersonalDataAudit.h"
#include "ui/CaseDetailPanel.h"
#include "ui/CaseListDelegate.h"
#include "ui/CaseListModel.h"
#include "ui/RoleScreens.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <climits>

namespace ow::ui {

using namespace ow::cases;

namespace {

/// The date edits show "any" at their minimum: no bound.
const QDate kNoDate(2000, 1, 1);

QDateEdit *dateFilter(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setMinimumHeight(34);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(QCoreApplication::translate("ow::ui", "any"));
    edit->setDate(kNoDate);
    return edit;
}

QDate boundOf(const QDateEdit *edit)
{
    return edit->date() == kNoDate ? QDate() : edit->date();
}

} // namespace

CaseListPage::CaseListPage(const CaseScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new CaseListModel(context, this))
{
    setObjectName(QStringLiteral("casePage"));

    m_listPage = new QWidget(this);
    auto *header = new QWidget(m_listPage);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *title = new QLabel(tr("Cases"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(RoleScreens::mayRecordEvents(context.role)
            ? tr("Every case of this workstation, newest first, with its deadline.")
            : tr("Supervision: every case against its promised deadline. Reading only."),
        header);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));

    m_text = new QLineEdit(header);
    m_text->setObjectName(QStringLiteral("filterSearch"));
    m_text->setPlaceholderText(tr("Case number, matter or applicant (masked), e.g. 运输 or 张*"));
    m_text->setClearButtonEnabled(true);
    m_text->installEventFilter(this);

    m_state = new QComboBox(header);
    m_state->setMinimumHeight(34);
    m_state->addItem(tr("All states"));
    for (int s = 0; s < kCaseStateCount; ++s)
        m_state->addItem(displayName(CaseState(s)), s);

    m_deadline = new QComboBox(header);
    m_deadline->setMinimumHeight(34);
    m_deadline->addItem(tr("Any deadline"), int(CaseListModel::DeadlineWatch::All));
    m_deadline->addItem(tr("Overdue only"), int(CaseListModel::DeadlineWatch::Overdue));
    m_deadline->addItem(tr("Due within %n working day(s)", nullptr, CaseDeadline::kDueSoonDays),
        int(CaseListModel::DeadlineWatch::DueSoon));

    m_from = dateFilter(header);
    m_to = dateFilter(header);
    m_count = new QLabel(header);
    m_count->setObjectName(QStringLiteral("panelSubtitle"));

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_text, 3);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_deadline, 1);
    auto *fromLabel = new QLabel(tr("Created from"), header);
    fromLabel->setObjectName(QStringLiteral("fieldLabel"));
    auto *toLabel = new QLabel(tr("to"), header);
    toLabel->setObjectName(QStringLiteral("fieldLabel"));
    filters->addSpacing(8);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(12);
    titleRow->addWidget(subtitle, 1, Qt::AlignBottom);
    titleRow->addWidget(m_count, 0, Qt::AlignBottom);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 16, 24, 14);
    headerLayout->setSpacing(12);
    headerLayout->addLayout(titleRow);
    headerLayout->addLayout(filters);

    m_table = new QTableView(m_listPage);
    m_table->setObjectName(QStringLiteral("caseTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CaseListDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(38);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    columns->setSectionResizeMode(CaseListModel::MatterColumn, QHeaderView::Stretch);
    const std::pair<int, int> widths[]
        = {{CaseListModel::NumberColumn, 190}, {CaseListModel::ApplicantColumn, 184},
            {CaseListModel::StateColumn, 170}, {CaseListModel::CounterColumn, 76},
            {CaseListModel::HandlerColumn, 112}, {CaseListModel::CreatedColumn, 128},
            {CaseListModel::DeadlineColumn, 104}, {CaseListModel::DaysLeftColumn, 150}};
    for (const auto &[column, width] : widths)
        columns->resizeSection(column, width);
    connect(m_table, &QTableView::activated, this, [this] { openCurrent(); });

    auto *listLayout = new QVBoxLayout(m_listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(header);
    auto *tableMargin = new QVBoxLayout;
    tableMargin->setContentsMargins(24, 14, 24, 16);
    tableMargin->addWidget(m_table);
    listLayout->addLayout(tableMargin, 1);

    m_detail = new CaseDetailPanel(this);
    if (!RoleScreens::seesPersonalData(context.role))
        m_detail->setRevealHandler([this](const QString &number) { return recordReveal(number); });
    connect(m_detail, &CaseDetailPanel::backRequested, this, &CaseListPage::showList);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_listPage);
    m_stack->addWidget(m_detail);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // Typing waits for a pause; the other filters apply at once.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingDelay);
    connect(m_typing, &QTimer::timeout, this, &CaseListPage::refresh);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_state, &QComboBox::currentIndexChanged, this, &CaseListPage::refresh);
    connect(m_deadline, &QComboBox::currentIndexChanged, this, &CaseListPage::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &CaseListPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &CaseListPage::refresh);
    connect(m_model, &CaseListModel::reloaded, this, &CaseListPage::updateCount);

    refresh();
}

bool CaseListPage::isShowingDetail() const
{
    return m_stack->currentWidget() == m_detail;
}

void CaseListPage::refresh()
{
    m_typing->stop();
    CaseFilter filter;
    filter.text = m_text->text();
    if (m_state->currentIndex() > 0)
        filter.state = CaseState(m_state->currentData().toInt());
    filter.from = boundOf(m_from);
    filter.to = boundOf(m_to);
    m_model->setFilter(filter, CaseListModel::DeadlineWatch(m_deadline->currentData().toInt()));
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
}

void CaseListPage::updateCount(qint64 total, const QString &error)
{
    if (!error.isEmpty())
        m_count->setText(tr("The cases cannot be listed: %1").arg(error));
    else if (total == 0)
        m_count->setText(tr("No case matches."));
    else
        m_count->setText(tr("%n case(s)", nullptr, int(std::min<qint64>(total, INT_MAX))));
}

void CaseListPage::openCurrent()
{
    const CaseSummary *summary = m_model->summary(m_table->currentIndex().row());
    if (summary)
        openCase(summary->number);
}

bool CaseListPage::openCase(const QString &caseNumber)
{
    if (!m_context.store)
        return false;
    Result<Case> found = m_context.store->findByNumber(caseNumber);
    if (!found) {
        m_count->setText(found.error().message());
        return false;
    }
    Result<QList<CaseEvent>> events = m_context.store->events(caseNumber);
    if (!events) {
        m_count->setText(events.error().message());
        return false;
    }
    m_detail->showCase(*found, *events,
        CaseDeadline::ofCase(*found, *events, m_context.calendar, m_context.today()),
        RoleScreens::seesPersonalData(m_context.role));
    m_stack->setCurrentWidget(m_detail);
    m_detail->backButton()->setFocus(Qt::OtherFocusReason);
    Q_EMIT caseOpened(caseNumber);
    return true;
}

void CaseListPage::showList()
{
    m_stack->setCurrentWidget(m_listPage);
    m_table->setFocus(Qt::OtherFocusReason);
}

Result<void> CaseListPage::recordReveal(const QString &caseNumber)
{
    if (!m_context.store)
        return fail(Error::Code::Invalid, tr("No case store is open."));
    return PersonalDataAudit::recordApplicantViewed(
        *m_context.store, m_context.clerk, accounts::roleKey(m_context.role), caseNumber);
}

bool CaseListPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Enter right after typing: apply the text first, then open what it found.
            if (m_typing->isActive())
                refresh();
            openCurrent();
            return true;
        case Qt::Key_Down:
            m_table->setFocus(Qt::TabFocusReason);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
