#include "ui/CaseDetailPanel.h"

#include "ui/CaseListDelegate.h"
#include "ui/EventSummary.h"
#include "ui/Theme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::cases;

namespace {

QFrame *card(const QString &title, QWidget *parent, QLabel **titleLabel = nullptr)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(8);
    auto *heading = new QLabel(title, frame);
    heading->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(heading);
    if (titleLabel)
        *titleLabel = heading;
    return frame;
}

QFormLayout *formIn(QFrame *frame)
{
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(6);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(frame->layout())->addLayout(form);
    return form;
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

void addRow(QFormLayout *form, const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return;
    auto *name = new QLabel(label);
    name->setObjectName(QStringLiteral("fieldLabel"));
    auto *text = new QLabel(value);
    text->setObjectName(QStringLiteral("fieldValue"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(name, text);
}

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QStringLiteral("caseTable"));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setFocusPolicy(Qt::NoFocus);
    t->setWordWrap(true);
    t->setShowGrid(false);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return t;
}

void setCell(QTableWidget *t, int row, int column, const QString &text, const QColor &colour = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (colour.isValid())
        item->setForeground(colour);
    t->setItem(row, column, item);
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString date(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—");
}

} // namespace

CaseDetailPanel::CaseDetailPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("caseDetail"));

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    m_back = new QPushButton(tr("← Case list"), header);
    m_back->setObjectName(QStringLiteral("flatButton"));
    m_back->setToolTip(tr("Back to the case list (Esc)"));
    connect(m_back, &QPushButton::clicked, this, &CaseDetailPanel::backRequested);
    m_number = new QLabel(header);
    m_number->setObjectName(QStringLiteral("pageTitle"));
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = new QLabel(header);
    m_matter = new QLabel(header);
    m_matter->setObjectName(QStringLiteral("pageSubtitle"));
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(12);
    titleRow->addWidget(m_back);
    titleRow->addWidget(m_number);
    titleRow->addWidget(m_state);
    titleRow->addStretch(1);
    // What the counter does with a case after the decision: give a document again, take a
    // supplement, or go on with an intake left as a draft.
    m_resume = new QPushButton(tr("Resume the &intake"), header);
    m_resume->setObjectName(QStringLiteral("primaryButton"));
    m_resume->setToolTip(tr("Open this intake draft again where it was left (继续办理)"));
    connect(m_resume, &QPushButton::clicked, this, &CaseDetailPanel::resumeRequested);
    m_supplement = new QPushButton(tr("S&upplement…"), header);
    m_supplement->setObjectName(QStringLiteral("primaryButton"));
    m_supplement->setToolTip(tr("Record what the applicant hands in later and print the receipt (补齐补正)"));
    connect(m_supplement, &QPushButton::clicked, this, &CaseDetailPanel::supplementRequested);
    m_reprint = new QPushButton(tr("Re&print…"), header);
    m_reprint->setToolTip(tr("Print a document of this case again, marked 补打 with the time"));
    m_reprint->setMenu(new QMenu(m_reprint));
    m_withdraw = new QPushButton(tr("&Withdraw…"), header);
    m_withdraw->setObjectName(QStringLiteral("withdrawButton"));
    m_withdraw->setToolTip(
        tr("The applicant withdraws the application before the department decides (撤回申请, Alt+W)"));
    connect(m_withdraw, &QPushButton::clicked, this, &CaseDetailPanel::withdrawRequested);
    for (QPushButton *button : {m_resume, m_supplement, m_reprint, m_withdraw}) {
        button->setMinimumHeight(34);
        button->hide();
        titleRow->addWidget(button);
    }
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 14, 24, 12);
    headerLayout->setSpacing(4);
    headerLayout->addLayout(titleRow);
    headerLayout->addWidget(m_matter);

    QFrame *applicantCard = card(tr("Applicant"), this);
    m_applicant = formIn(applicantCard);
    m_reveal = new QPushButton(tr("Show personal data"), applicantCard);
    m_reveal->setObjectName(QStringLiteral("flatButton"));
    m_reveal->setToolTip(tr("Opening the applicant's personal data is recorded in the audit log."));
    connect(m_reveal, &QPushButton::clicked, this, [this] { revealApplicant(); });
    m_revealNote = new QLabel(applicantCard);
    m_revealNote->setObjectName(QStringLiteral("panelSubtitle"));
    m_revealNote->setWordWrap(true);
    auto *revealRow = new QHBoxLayout;
    revealRow->addWidget(m_reveal);
    revealRow->addWidget(m_revealNote, 1);
    static_cast<QVBoxLayout *>(applicantCard->layout())->addLayout(revealRow);

    QFrame *deadlineCard = card(tr("Deadline"), this);
    m_deadlineChip = new QLabel(deadlineCard);
    auto *chipRow = new QHBoxLayout;
    chipRow->addWidget(m_deadlineChip);
    chipRow->addStretch(1);
    static_cast<QVBoxLayout *>(deadlineCard->layout())->addLayout(chipRow);
    m_deadlineRows = formIn(deadlineCard);

    QFrame *materialsCard = card(tr("Materials"), this, &m_materialsTitle);
    m_materials
        = table({tr("Material"), tr("Status"), tr("Checked"), tr("Problems and notes")}, materialsCard);
    materialsCard->layout()->addWidget(m_materials);

    QFrame *timelineCard = card(tr("Timeline"), this);
    m_timeline = table({tr("Time"), tr("Event"), tr("Clerk"), tr("Counter"), tr("Details")}, timelineCard);
    timelineCard->layout()->addWidget(m_timeline);

    m_awaitedCard = card(tr("Awaited (补齐补正)"), this);
    m_awaitedRows = formIn(m_awaitedCard);
    m_awaitedCard->hide();

    auto *left = new QVBoxLayout;
    left->setSpacing(14);
    left->addWidget(applicantCard);
    left->addWidget(deadlineCard);
    left->addWidget(m_awaitedCard);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->setSpacing(14);
    right->addWidget(materialsCard, 2);
    right->addWidget(timelineCard, 3);
    auto *columns = new QHBoxLayout;
    columns->setContentsMargins(24, 16, 24, 16);
    columns->setSpacing(16);
    columns->addLayout(left, 5);
    columns->addLayout(right, 8);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addLayout(columns, 1);
}

void CaseDetailPanel::setRevealHandler(RevealHandler handler)
{
    m_revealHandler = std::move(handler);
    m_reveal->setVisible(!m_personalDataVisible && m_revealHandler);
}

void CaseDetailPanel::showCase(
    const Case &c, const QList<CaseEvent> &events, const DeadlineStatus &deadline, bool personalDataVisible)
{
    m_case = c;
    m_events = events;
    m_deadline = deadline;
    m_personalDataVisible = personalDataVisible;
    m_revealNote->clear();
    showHeader();
    showApplicant();
    showDeadline();
    showMaterials();
    showTimeline();
    setActions({}, {}, {}, false, false);
}

void CaseDetailPanel::setActions(const QList<documents::DocumentKind> &documents,
    const QList<AwaitedMaterial> &awaited, const QDate &today, bool maySupplement, bool mayResume,
    bool mayWithdraw)
{
    QMenu *menu = m_reprint->menu();
    menu->clear();
    for (const documents::DocumentKind kind : documents) {
        QAction *action = menu->addAction(documentName(kind));
        connect(action, &QAction::triggered, this, [this, kind] { Q_EMIT reprintRequested(kind); });
    }
    m_reprint->setVisible(!documents.isEmpty());
    m_supplement->setVisible(maySupplement && !awaited.isEmpty());
    m_resume->setVisible(mayResume);
    m_withdraw->setVisible(mayWithdraw);

    clearForm(m_awaitedRows);
    for (const AwaitedMaterial &a : awaited) {
        auto *name = new QLabel(a.name);
        name->setObjectName(QStringLiteral("fieldValue"));
        name->setWordWrap(true);
        QString due = a.deadline.isValid() ? tr("by %1").arg(date(a.deadline)) : tr("no date");
        if (a.source == AwaitedMaterial::Source::Request)
            due = tr("%1, asked for by the department").arg(due);
        auto *when = new QLabel(a.isOverdue(today) ? tr("overdue, was due %1").arg(date(a.deadline)) : due);
        when->setObjectName(QStringLiteral("fieldValue"));
        when->setWordWrap(true);
        if (a.isOverdue(today))
            when->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(Theme::danger().name()));
        m_awaitedRows->addRow(name, when);
    }
    m_awaitedCard->setVisible(!awaited.isEmpty());
}

QStringList CaseDetailPanel::awaitedTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_awaitedRows->rowCount(); ++row) {
        const auto *name
            = qobject_cast<QLabel *>(m_awaitedRows->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *when
            = qobject_cast<QLabel *>(m_awaitedRows->itemAt(row, QFormLayout::FieldRole)->widget());
        texts.append(
            QStringLiteral("%1 · %2").arg(name ? name->text() : QString(), when ? when->text() : QString()));
    }
    return texts;
}

QString CaseDetailPanel::documentName(documents::DocumentKind kind)
{
    switch (kind) {
    case documents::DocumentKind::Checklist:
        return tr("Checklist of materials");
    case documents::DocumentKind::AcceptanceReceipt:
        return tr("Acceptance receipt");
    case documents::DocumentKind::WaiverNotice:
        return tr("Acceptance with waiver notice");
    case documents::DocumentKind::CorrectionNotice:
        return tr("Correction notice");
    case documents::DocumentKind::RefusalNotice:
        return tr("Refusal notice");
    case documents::DocumentKind::SupplementReceipt:
        return tr("Supplement receipt");
    default:
        break;
    }
    return {};
}

bool CaseDetailPanel::revealApplicant()
{
    if (m_personalDataVisible || !m_revealHandler || m_case.number.isEmpty())
        return m_personalDataVisible;
    Result<void> recorded = m_revealHandler(m_case.number);
    if (!recorded) {
        m_revealNote->setText(tr("Not opened: %1").arg(recorded.error().message()));
        return false;
    }
    m_personalDataVisible = true;
    showApplicant();
    showTimeline(); // the collector of a picked-up result is personal data too
    m_revealNote->setText(tr("Shown in full; your access is recorded in the audit log."));
    return true;
}

void CaseDetailPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString CaseDetailPanel::shownApplicantName() const
{
    const Applicant &a = m_case.applicant;
    return m_personalDataVisible ? a.name : a.toMaskedJson().value(QStringLiteral("name")).toString();
}

QString CaseDetailPanel::materialName(const QString &materialId) const
{
    for (const QJsonValue &line : m_case.checklist) {
        const QJsonObject object = line.toObject();
        if (object.value(QStringLiteral("material")).toString() == materialId)
            return object.value(QStringLiteral("name")).toString(materialId);
    }
    return materialId;
}

void CaseDetailPanel::showHeader()
{
    m_number->setText(tr("Case %1").arg(m_case.number));
    CaseListDelegate::makeChip(m_state, displayName(m_case.state), CaseListDelegate::styleFor(m_case.state));
    QStringList facts {m_case.matterName, m_case.matterCode, m_case.departmentName};
    facts.append(m_case.caseType == catalogue::MatterKind::Immediate
            ? tr("immediate case")
            : tr("promised case, %n working day(s)", nullptr, m_case.promisedDays));
    facts.append(tr("first handler %1 at %2").arg(m_clerkName(m_case.firstHandler), m_case.counter));
    if (!m_case.ticket.isEmpty())
        facts.append(tr("queue ticket %1").arg(m_case.ticket));
    facts.removeAll(QString());
    m_matter->setText(facts.join(QStringLiteral("  ·  ")));
}

void CaseDetailPanel::showApplicant()
{
    clearForm(m_applicant);
    const Applicant &a = m_case.applicant;
    const QJsonObject shown = m_personalDataVisible ? a.toJson() : a.toMaskedJson();
    const auto value = [&shown](const char *key) { return shown.value(QLatin1StringView(key)).toString(); };
    addRow(m_applicant, tr("Kind"), displayName(a.kind));
    addRow(m_applicant, a.isOrganisation() ? tr("Organisation") : tr("Name"), value("name"));
    addRow(m_applicant, a.isOrganisation() ? tr("Credit code") : tr("ID number"), value("idNumber"));
    addRow(m_applicant, tr("Legal representative"), value("legalRepresentative"));
    addRow(m_applicant, tr("Contact"),
        QStringList {value("contactName"), value("contactMobile")}.join(u' ').trimmed());
    addRow(m_applicant, tr("Address"), value("address"));
    if (a.deliverByPost)
        addRow(m_applicant, tr("Result by post to"),
            QStringList {value("recipientName"), value("recipientMobile"),
                value("recipientProvince") + value("recipientCity") + value("recipientDistrict")
                    + value("recipientAddress")}
                .join(u' ')
                .trimmed());
    else
        addRow(m_applicant, tr("Result"), tr("collected at the pickup counter"));
    m_reveal->setVisible(!m_personalDataVisible && m_revealHandler);
}

void CaseDetailPanel::showDeadline()
{
    clearForm(m_deadlineRows);
    const DeadlineStatus &d = m_deadline;
    CaseListDelegate::makeChip(m_deadlineChip, d.text(), CaseListDelegate::styleFor(d.level));
    addRow(m_deadlineRows, tr("Accepted on"), date(d.start));
    if (m_case.caseType == catalogue::MatterKind::Promised)
        addRow(m_deadlineRows, tr("Promised"), tr("%n working day(s)", nullptr, d.promisedDays));
    addRow(m_deadlineRows, tr("Due"),
        d.due.isValid() ? d.due.toString(Qt::ISODate)
                        : (d.level == DeadlineStatus::Level::Paused ? tr("known when the clock resumes")
                                                                    : date(m_case.promisedDeadline)));
    if (d.level == DeadlineStatus::Level::Unknown)
        addRow(m_deadlineRows, tr("Problem"), d.problem);
    addRow(m_deadlineRows, tr("Holiday calendar"), m_case.calendarVersion);
    for (const Deadline::Pause &pause : d.pauses) {
        const QString span = pause.isOpen() ? tr("since %1").arg(date(pause.from))
                                            : tr("%1 to %2").arg(date(pause.from), date(pause.to));
        addRow(m_deadlineRows, tr("Clock paused"),
            pause.reason.isEmpty() ? span : QStringLiteral("%1 (%2)").arg(span, pause.reason));
    }
}

void CaseDetailPanel::showMaterials()
{
    m_materialsTitle->setText(tr("Materials (%1) · attachments: %2")
                                  .arg(m_case.materialChecks.size())
                                  .arg(m_case.attachments.size()));
    m_materials->setRowCount(int(m_case.materialChecks.size()));
    for (int row = 0; row < m_case.materialChecks.size(); ++row) {
        const MaterialCheck &check = m_case.materialChecks.at(row);
        setCell(m_materials, row, 0, materialName(check.materialId));
        QString status = displayName(check.status);
        if (check.status == MaterialCheck::Status::Waived && check.supplementDeadline.isValid())
            status = tr("%1, by %2").arg(status, date(check.supplementDeadline));
        QColor colour;
        if (check.status == MaterialCheck::Status::Missing || !check.failedPoints.isEmpty())
            colour = Theme::danger();
        else if (check.status == MaterialCheck::Status::Waived)
            colour = Theme::warning();
        setCell(m_materials, row, 1, status, colour);
        QStringList checked;
        if (check.originalSeen)
            checked.append(tr("original seen"));
        if (check.copyKept)
            checked.append(tr("copy kept"));
        if (check.copies > 0)
            checked.append(tr("%n copy(ies)", nullptr, check.copies));
        if (!check.pointsTicked.isEmpty())
            checked.append(tr("%n point(s) met", nullptr, int(check.pointsTicked.size())));
        setCell(m_materials, row, 2, checked.join(QStringLiteral(", ")));
        QStringList problems;
        for (const FailedPoint &point : check.failedPoints)
            problems.append(point.reason.isEmpty() ? point.pointId : point.reason);
        if (!check.note.isEmpty())
            problems.append(check.note);
        setCell(m_materials, row, 3, problems.join(QStringLiteral("; ")), colour);
    }
    m_materials->resizeColumnsToContents();
    m_materials->setColumnWidth(0, std::min(m_materials->columnWidth(0), 220));
    m_materials->setColumnWidth(2, std::min(m_materials->columnWidth(2), 220));
    m_materials->resizeRowsToContents();
}

void CaseDetailPanel::showTimeline()
{
    // Newest first: what a supervisor asks is "where is it now".
    m_timeline->setRowCount(int(m_events.size()));
    for (int i = 0; i < m_events.size(); ++i) {
        const CaseEvent &e = m_events.at(m_events.size() - 1 - i);
        setCell(m_timeline, i, 0, localTime(e.time));
        setCell(m_timeline, i, 1, displayName(e.kind));
        setCell(m_timeline, i, 2, m_clerkName(e.clerk));
        setCell(m_timeline, i, 3, e.counter);
        setCell(m_timeline, i, 4, EventSummary::of(e, m_personalDataVisible));
    }
    m_timeline->resizeColumnsToContents();
    m_timeline->setColumnWidth(1, std::min(m_timeline->columnWidth(1), 200));
    m_timeline->resizeRowsToContents();
}

} // namespace ow::ui
