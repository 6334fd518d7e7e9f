#include "ui/CaseListPage.h"

#include "cases/CaseLifecycle.h"
#include "cases/DraftStore.h"
#include "cases/PersonalDataAudit.h"
#include "cases/SupplementWatch.h"
#include "cases/Supplements.h"
#include "intake/CaseReprint.h"
#include "ui/CaseAttentionPanel.h"
#include "ui/CaseDetailPanel.h"
#include "ui/CaseListDelegate.h"
#include "ui/CaseListModel.h"
#include "ui/ConfirmDialog.h"
#include "ui/DocumentPreview.h"
#include "ui/RoleScreens.h"
#include "ui/SupplementPage.h"
#include "ui/WithdrawalDialog.h"

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

    // Intake clerks start on their own work; the hall's cases are one choice away.
    if (RoleScreens::mayOpen(context.role, RoleScreens::Screen::Intake)) {
        m_scope = new QComboBox(header);
        m_scope->setMinimumHeight(34);
        m_scope->addItem(tr("My cases and drafts"), context.clerk);
        m_scope->addItem(tr("The whole hall"), QString());
        m_scope->setCurrentIndex(context.role == accounts::Role::IntakeClerk ? 0 : 1);
    }

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
    if (m_scope)
        filters->addWidget(m_scope, 1);
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
    const std::pair<int, int> widths[] = {{CaseListModel::NumberColumn, 190},
        {CaseListModel::ApplicantColumn, 184}, {CaseListModel::StateColumn, 170},
        {CaseListModel::CounterColumn, 76}, {CaseListModel::HandlerColumn, 112},
        {CaseListModel::CreatedColumn, 128}, {CaseListModel::DeadlineColumn, 104},
        {CaseListModel::DaysLeftColumn, 150}, {CaseListModel::SupplementColumn, 110}};
    for (const auto &[column, width] : widths)
        columns->resizeSection(column, width);
    connect(m_table, &QTableView::activated, this, [this] { openCurrent(); });

    auto *listLayout = new QVBoxLayout(m_listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(header);
    m_attention = new CaseAttentionPanel(m_listPage);
    m_attention->hide();
    connect(m_attention, &CaseAttentionPanel::resumeRequested, this, &CaseListPage::resumeDraft);
    connect(m_attention, &CaseAttentionPanel::discardRequested, this, &CaseListPage::discardDraft);
    connect(m_attention, &CaseAttentionPanel::caseRequested, this, &CaseListPage::openCase);
    listLayout->addWidget(m_attention);
    auto *tableMargin = new QVBoxLayout;
    tableMargin->setContentsMargins(24, 14, 24, 16);
    tableMargin->addWidget(m_table);
    listLayout->addLayout(tableMargin, 1);

    m_detail = new CaseDetailPanel(this);
    m_detail->setClerkName([this](const QString &login) { return m_context.nameOfClerk(login); });
    if (!RoleScreens::seesPersonalData(context.role))
        m_detail->setRevealHandler([this](const QString &number) { return recordReveal(number); });
    connect(m_detail, &CaseDetailPanel::backRequested, this, &CaseListPage::showList);
    connect(m_detail, &CaseDetailPanel::reprintRequested, this, &CaseListPage::reprint);
    connect(m_detail, &CaseDetailPanel::supplementRequested, this, &CaseListPage::openSupplement);
    connect(m_detail, &CaseDetailPanel::withdrawRequested, this, &CaseListPage::withdraw);
    connect(m_detail, &CaseDetailPanel::resumeRequested, this, [this] {
        const Result<std::optional<qint64>> draft = m_context.store
            ? DraftStore(*m_context.store).findByCase(m_detail->caseNumber())
            : Result<std::optional<qint64>>(std::nullopt);
        if (draft && *draft)
            resumeDraft(**draft);
    });

    m_supplement = new SupplementPage(this);
    connect(m_supplement, &SupplementPage::backRequested, this, [this] {
        m_supplement->close();
        openCase(m_detail->caseNumber());
    });
    connect(m_supplement, &SupplementPage::scanRequested, this, &CaseListPage::scanRequested);
    connect(m_supplement, &SupplementPage::recorded, this,
        [this](const QString &caseNumber, const documents::Document &receipt) {
            m_supplement->close();
            Q_EMIT caseChanged(caseNumber);
            refresh(); // the list and the supplements awaited follow at once
            showDocument(receipt, tr("Hand the applicant the supplement receipt"), false);
            say(m_supplement->message(), false);
        });

    // The documents given again (补打) or for a supplement, with Print, PDF and the receipt printer.
    m_documentPage = new QWidget(this);
    auto *documentBack = new QPushButton(tr("← Case"), m_documentPage);
    documentBack->setObjectName(QStringLiteral("flatButton"));
    documentBack->setToolTip(tr("Back to the case (Esc)"));
    connect(documentBack, &QPushButton::clicked, this, [this] { openCase(m_detail->caseNumber()); });
    m_preview = new DocumentPreview(m_documentPage);
    m_preview->setPrintWithoutDialog(context.printWithoutDialog);
    connect(m_preview, &DocumentPreview::output, this, [this](intake::IntakeSession::Output output) {
        const Result<void> audited = intake::CaseReprint::recordOutput(m_context.intakeEnvironment(),
            m_detail->caseNumber(), m_preview->document(), output, m_previewIsReprint);
        if (!audited)
            say(audited.error().message(), true);
    });
    auto *documentLayout = new QVBoxLayout(m_documentPage);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    auto *documentHeader = new QHBoxLayout;
    documentHeader->setContentsMargins(24, 8, 24, 0);
    documentHeader->addWidget(documentBack);
    documentHeader->addStretch(1);
    documentLayout->addLayout(documentHeader);
    documentLayout->addWidget(m_preview, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("panelSubtitle"));
    m_status->setContentsMargins(24, 0, 24, 6);
    m_status->setWordWrap(true);
    m_status->hide();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_listPage);
    m_stack->addWidget(m_detail);
    m_stack->addWidget(m_supplement);
    m_stack->addWidget(m_documentPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

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
    if (m_scope)
        connect(m_scope, &QComboBox::currentIndexChanged, this, &CaseListPage::refresh);
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
    if (m_scope)
        filter.firstHandler = m_scope->currentData().toString();
    m_model->setFilter(filter, CaseListModel::DeadlineWatch(m_deadline->currentData().toInt()));
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    refreshAttention();
}

void CaseListPage::refreshAttention()
{
    QList<DraftSummary> drafts;
    // Drafts are intake work: only roles that take cases in see them.
    if (m_scope && m_context.store) {
        Result<QList<DraftSummary>> listed
            = DraftStore(*m_context.store).list(m_scope->currentData().toString());
        if (listed)
            drafts = *listed;
        else
            say(listed.error().message(), true);
    }
    m_attention->setItems(drafts, m_model->pendingSupplements(), m_model->today(), m_context.clerk);
}

bool CaseListPage::isShowingSupplement() const
{
    return m_stack->currentWidget() == m_supplement;
}

bool CaseListPage::isShowingDocument() const
{
    return m_stack->currentWidget() == m_documentPage;
}

QString CaseListPage::message() const
{
    return m_status->text();
}

void CaseListPage::say(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("tone", problem ? QStringLiteral("danger") : QString());
    m_status->setVisible(!text.isEmpty());
}

void CaseListPage::setDraftActions(DraftAction resume, DraftAction discard)
{
    m_resumeDraft = std::move(resume);
    m_discardDraft = std::move(discard);
}

bool CaseListPage::resumeDraft(qint64 draftId)
{
    if (!m_resumeDraft) {
        say(tr("Drafts are resumed in the intake, which this window does not have."), true);
        return false;
    }
    return m_resumeDraft(draftId);
}

bool CaseListPage::discardDraft(qint64 draftId)
{
    if (!m_context.store)
        return false;
    DraftStore drafts(*m_context.store);
    const Result<Draft> draft = drafts.load(draftId);
    if (!draft) {
        say(draft.error().message(), true);
        refresh();
        return false;
    }
    const DraftSummary &d = draft->summary;
    const QString who = d.applicantMasked.isEmpty() ? QString() : tr(" for %1").arg(d.applicantMasked);
    if (ConfirmDialog::ask(this, tr("Discard the draft"), tr("Discard this intake draft?"),
            tr("<p><b>%1</b>%2, last changed %3.</p><p>Its answers, applicant and checks are lost and its "
               "%n scan(s) are removed. This cannot be undone.</p>",
                nullptr, int(draft->scans.size()))
                .arg(d.title.toHtmlEscaped(), who.toHtmlEscaped(),
                    d.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            tr("Discard the draft"))
        != ConfirmDialog::Choice::Confirm)
        return false;
    bool discarded = false;
    if (m_discardDraft) {
        discarded = m_discardDraft(draftId);
    } else {
        const Result<QStringList> removed = drafts.discard(draftId);
        if (!removed)
            say(removed.error().message(), true);
        discarded = bool(removed);
    }
    if (discarded)
        say(tr("The draft of %1 was discarded with its scans.").arg(d.title), false);
    refresh();
    return discarded;
}

bool CaseListPage::reprint(documents::DocumentKind kind)
{
    if (!m_context.store)
        return false;
    const QString number = m_detail->caseNumber();
    const Result<Case> c = m_context.store->findByNumber(number);
    if (!c) {
        say(c.error().message(), true);
        return false;
    }
    const Result<QList<CaseEvent>> events = m_context.store->events(number);
    if (!events) {
        say(events.error().message(), true);
        return false;
    }
    const Result<documents::Document> document = intake::CaseReprint::make(
        kind, *c, *events, m_context.intakeEnvironment(), m_context.catalogue.get());
    if (!document) {
        say(document.error().message(), true);
        return false;
    }
    showDocument(*document, tr("Reprint (补打): %1").arg(CaseDetailPanel::documentName(kind)), true);
    return true;
}

void CaseListPage::showDocument(const documents::Document &document, const QString &heading, bool reprint)
{
    m_previewIsReprint = reprint;
    m_preview->setDocument(document, heading);
    m_stack->setCurrentWidget(m_documentPage);
    m_preview->setFocus(Qt::OtherFocusReason);
    const Result<void> audited = intake::CaseReprint::recordOutput(m_context.intakeEnvironment(),
        m_detail->caseNumber(), document, intake::IntakeSession::Output::Previewed, reprint);
    if (!audited)
        say(audited.error().message(), true);
}

bool CaseListPage::openSupplement()
{
    if (!m_supplement->open(m_context.intakeEnvironment(), m_detail->caseNumber())) {
        say(m_supplement->message(), true);
        return false;
    }
    m_stack->setCurrentWidget(m_supplement);
    m_supplement->focusFirstLine();
    return true;
}

bool CaseListPage::withdraw()
{
    const QString number = m_detail->caseNumber();
    const Result<Case> c = m_context.store
        ? m_context.store->findByNumber(number)
        : Result<Case>(fail(Error::Code::Invalid, tr("No case store is open.")));
    if (!c) {
        say(c.error().message(), true);
        return false;
    }
    // The applicant's name is offered only to a clerk who sees it; a masked one is typed.
    const std::optional<Withdrawal> withdrawal = WithdrawalDialog::ask(
        this, number, RoleScreens::seesPersonalData(m_context.role) ? c->applicant.name : QString());
    if (!withdrawal)
        return false;
    CaseEvent event;
    event.kind = EventKind::Withdrawn;
    event.clerk = m_context.clerk;
    event.payload = withdrawal->toPayload();
    const Result<CaseEvent> recorded = m_context.store->appendEvent(number, event);
    if (!recorded) {
        say(recorded.error().message(), true);
        return false;
    }
    Q_EMIT caseChanged(number);
    refresh();
    openCase(number);
    say(tr("Case %1 was withdrawn at the applicant's request; its department will be told.").arg(number),
        false);
    return true;
}

void CaseListPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isShowingDocument()) {
        openCase(m_detail->caseNumber());
        return;
    }
    QWidget::keyPressEvent(event);
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
    // The counter's clerks give documents again and take supplements; supervisors only read. A
    // numbered draft of the clerk's own goes back to the intake.
    const bool counterWork = RoleScreens::mayRecordEvents(m_context.role);
    const bool takesIn = RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::Intake);
    bool resumable = false;
    if (takesIn && m_resumeDraft && found->state == CaseState::Draft) {
        DraftStore drafts(*m_context.store);
        const Result<std::optional<qint64>> draft = drafts.findByCase(caseNumber);
        const Result<Draft> loaded = draft && *draft ? drafts.load(**draft) : Result<Draft>(Draft {});
        resumable = loaded && loaded->summary.id != 0 && loaded->summary.clerk == m_context.clerk;
    }
    m_detail->setActions(
        counterWork ? intake::CaseReprint::available(*found, *events) : QList<documents::DocumentKind>(),
        SupplementWatch::isOpen(found->state) ? Supplements::awaited(*found, *events)
                                              : QList<AwaitedMaterial>(),
        m_context.today(), counterWork && takesIn, resumable,
        counterWork && takesIn && CaseLifecycle::canMove(found->state, CaseState::Withdrawn));
    m_stack->setCurrentWidget(m_detail);
    m_detail->backButton()->setFocus(Qt::OtherFocusReason);
    Q_EMIT caseOpened(caseNumber);
    return true;
}

void CaseListPage::showList()
{
    if (isShowingSupplement())
        m_supplement->close();
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
