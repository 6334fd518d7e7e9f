#include "ui/TransferPage.h"

#include "cases/CaseNumber.h"
#include "documents/DocumentContext.h"
#include "documents/TransferDocuments.h"
#include "ui/DocumentPreview.h"
#include "ui/RoleScreens.h"
#include "ui/Theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedLayout>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::cases;

namespace {

QFrame *card(const QString &title, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(6);
    auto *label = new QLabel(title, frame);
    label->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(label);
    return frame;
}

QListWidget *sideList(const QString &name, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setWordWrap(true);
    return list;
}

void setTone(QLabel *label, const char *tone)
{
    label->setProperty("tone", QString::fromLatin1(tone));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// A folder's materials in one line (how many, originals and copies); each one in the tooltip.
QString materialsText(const TransferItem &item)
{
    int originals = 0;
    int copies = 0;
    for (const TransferMaterial &m : item.materials) {
        originals += m.original ? 1 : 0;
        copies += m.copy ? 1 : 0;
    }
    return TransferPage::tr("%n material(s): %1 original, %2 copy", nullptr, int(item.materials.size()))
        .arg(originals)
        .arg(copies);
}

QString materialsTip(const TransferItem &item)
{
    QStringList lines;
    for (const TransferMaterial &m : item.materials) {
        QStringList form;
        if (m.original)
            form.append(TransferPage::tr("original"));
        if (m.copy)
            form.append(TransferPage::tr("copy"));
        lines.append(form.isEmpty() ? m.name : QStringLiteral("%1 (%2)").arg(m.name, form.join(u'/')));
    }
    return lines.join(u'\n');
}

// A case number as printed on the receipt and the label (with dashes).
QString shown(const QString &caseNumber)
{
    const Result<CaseNumber> parsed = CaseNumber::parse(caseNumber);
    return parsed ? parsed->toDisplayString() : caseNumber;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, const QColor &statusColour)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(column == 0 ? shown(cells.at(0)) : cells.at(column));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (column == 0)
            item->setData(Qt::UserRole, cells.at(0));
        if (column == TransferPage::kStatusColumn)
            item->setForeground(statusColour);
        table->setItem(row, column, item);
    }
}

} // namespace

TransferPage::TransferPage(const CaseScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_desk(*context.store, context.clerk, context.clock, context.settings.transferSlots())
{
    setObjectName(QStringLiteral("casePage"));
    const bool handsOver = RoleScreens::mayHandOver(context.role);
    const bool receives = RoleScreens::mayReceive(context.role);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *title = new QLabel(tr("Transfer lists"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(receives
            ? tr("Scan the transfer list's QR code, then the label of each folder handed over.")
            : handsOver
            ? tr("The paper of the cases accepted here goes to each department at its handover slot.")
            : tr("Transfer lists of the hall; lists not confirmed after their day are in red."),
        header);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 16, 24, 14);
    headerLayout->setSpacing(8);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(12);
    titleRow->addWidget(subtitle, 1, Qt::AlignBottom);
    headerLayout->addLayout(titleRow);
    m_scan = new QLineEdit(header);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setPlaceholderText(receives ? tr("Scan or type the list's code, then each folder label")
                                        : tr("Scan or type a transfer list's code to open it"));
    m_scan->setClearButtonEnabled(true);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        scan(m_scan->text());
        m_scan->clear(); // ready for the next label
    });
    headerLayout->addWidget(m_scan);

    // Left: what waits, the day's lists, the lists left unconfirmed.
    auto *left = new QVBoxLayout;
    left->setSpacing(12);
    if (handsOver) {
        QFrame *waitingCard = card(tr("Paper waiting"), this);
        m_waiting = sideList(QStringLiteral("waitingDepartments"), waitingCard);
        connect(m_waiting, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { selectDepartment(item->data(Qt::UserRole).toString()); });
        waitingCard->layout()->addWidget(m_waiting);
        left->addWidget(waitingCard, 1);
    }
    QFrame *dayCard = card(tr("Today's lists"), this);
    m_day = sideList(QStringLiteral("dayLists"), dayCard);
    connect(m_day, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { openList(item->data(Qt::UserRole).toString()); });
    dayCard->layout()->addWidget(m_day);
    left->addWidget(dayCard, 1);
    if (context.role == accounts::Role::Supervisor || context.role == accounts::Role::Admin) {
        QFrame *overdueCard = card(tr("Not confirmed by the end of their day"), this);
        m_overdue = sideList(QStringLiteral("overdueLists"), overdueCard);
        connect(m_overdue, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openList(item->data(Qt::UserRole).toString()); });
        overdueCard->layout()->addWidget(m_overdue);
        left->addWidget(overdueCard, 1);
    }
    auto *leftHost = new QWidget(this);
    leftHost->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    leftHost->setMaximumWidth(340);

    // Right: the message, the list with its folders, the actions.
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pickupMessage"));
    m_message->setWordWrap(true);
    QFrame *listCard = card(tr("Transfer list"), this);
    m_listTitle = static_cast<QLabel *>(listCard->layout()->itemAt(0)->widget());
    m_listFacts = new QLabel(listCard);
    m_listFacts->setObjectName(QStringLiteral("fieldHint"));
    m_listFacts->setWordWrap(true);
    m_folders = new QTableWidget(0, 6, listCard);
    m_folders->setObjectName(QStringLiteral("folderTable"));
    m_folders->setHorizontalHeaderLabels(
        {tr("Case number"), tr("Matter"), tr("Applicant"), tr("Materials"), tr("Pages"), tr("Folder")});
    m_folders->verticalHeader()->hide();
    m_folders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_folders->setWordWrap(true);
    m_folders->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_folders->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_make = new QPushButton(tr("&Make the list"), listCard);
    m_make->setObjectName(QStringLiteral("primaryButton"));
    m_make->setToolTip(tr("Put the waiting folders on the list of this handover slot and print it"));
    m_print = new QPushButton(tr("Print the &list"), listCard);
    m_labels = new QPushButton(tr("Folder la&bels"), listCard);
    m_confirm = new QPushButton(tr("&Confirm the handover"), listCard);
    m_confirm->setObjectName(QStringLiteral("primaryButton"));
    m_confirm->setToolTip(tr("Folders not scanned are recorded as missing"));
    connect(m_make, &QPushButton::clicked, this, [this] { makeList(); });
    connect(m_print, &QPushButton::clicked, this, [this] { showListDocument(); });
    connect(m_labels, &QPushButton::clicked, this, [this] { showLabels(); });
    connect(m_confirm, &QPushButton::clicked, this, [this] { confirm(); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *button : {m_print, m_labels, m_make, m_confirm})
        buttons->addWidget(button);
    m_make->setVisible(handsOver);
    m_print->setVisible(handsOver || receives);
    m_labels->setVisible(handsOver);
    m_confirm->setVisible(receives);
    auto *listLayout = static_cast<QVBoxLayout *>(listCard->layout());
    listLayout->addWidget(m_listFacts);
    listLayout->addWidget(m_folders, 1);
    listLayout->addLayout(buttons);
    auto *right = new QVBoxLayout;
    right->setSpacing(12);
    right->addWidget(m_message);
    right->addWidget(listCard, 1);

    auto *columns = new QHBoxLayout;
    columns->setContentsMargins(24, 14, 24, 14);
    columns->setSpacing(16);
    columns->addWidget(leftHost, 4);
    columns->addLayout(right, 9);
    m_deskPage = new QWidget(this);
    auto *deskLayout = new QVBoxLayout(m_deskPage);
    deskLayout->setContentsMargins(0, 0, 0, 0);
    deskLayout->setSpacing(0);
    deskLayout->addWidget(header);
    deskLayout->addLayout(columns, 1);

    m_documentPage = new QWidget(this);
    auto *back = new QPushButton(tr("← Transfer lists"), m_documentPage);
    back->setObjectName(QStringLiteral("flatButton"));
    back->setToolTip(tr("Back to the transfer lists (Esc)"));
    connect(back, &QPushButton::clicked, this, &TransferPage::showDesk);
    m_preview = new DocumentPreview(m_documentPage);
    m_preview->setPrintWithoutDialog(context.printWithoutDialog);
    auto *documentLayout = new QVBoxLayout(m_documentPage);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    auto *documentHeader = new QHBoxLayout;
    documentHeader->setContentsMargins(24, 8, 24, 0);
    documentHeader->addWidget(back);
    documentHeader->addStretch(1);
    documentLayout->addLayout(documentHeader);
    documentLayout->addWidget(m_preview, 1);

    m_pages = new QStackedLayout(this);
    m_pages->addWidget(m_deskPage);
    m_pages->addWidget(m_documentPage);

    showMessage(receives ? tr("Waiting for a transfer list's QR code.")
            : handsOver  ? tr("Choose a department with paper waiting.")
                         : tr("Open a list to see its folders; scan its code or choose it on the left."),
        Tone::Neutral);
    showList();
    refresh();
}

QString TransferPage::message() const
{
    return m_message->text();
}

void TransferPage::showMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    setTone(m_message, tone == Tone::Success ? "success" : tone == Tone::Danger ? "danger" : "neutral");
}

QString TransferPage::listLine(const TransferList &list) const
{
    const QString state = list.isConfirmed()
        ? (list.confirmation->missing.isEmpty() && list.confirmation->extra.isEmpty()
                ? tr("confirmed")
                : tr("confirmed, flagged"))
        : tr("not confirmed");
    return tr("%1 %2 · %3\n%n folder(s), %4", nullptr, int(list.items.size()))
        .arg(list.day.toString(QStringLiteral("MM-dd")), list.slot.toString(QStringLiteral("HH:mm")),
            list.departmentName, state);
}

void TransferPage::refresh()
{
    if (m_waiting) {
        m_waiting->clear();
        Result<QList<TransferDesk::Waiting>> waiting = m_desk.waiting();
        if (!waiting)
            showMessage(waiting.error().message(), Tone::Danger);
        else
            for (const TransferDesk::Waiting &w : std::as_const(*waiting)) {
                auto *item = new QListWidgetItem(
                    w.departmentName + QLatin1Char('\n') + tr("%n folder(s) waiting", nullptr, w.folders),
                    m_waiting);
                item->setData(Qt::UserRole, w.departmentId);
            }
        if (m_waiting->count() == 0)
            (new QListWidgetItem(tr("No paper is waiting."), m_waiting))->setFlags(Qt::NoItemFlags);
    }
    m_day->clear();
    if (Result<QList<TransferList>> lists = m_desk.listsOn(m_context.clock.nowLocal().date()); !lists) {
        showMessage(lists.error().message(), Tone::Danger);
    } else {
        for (const TransferList &list : std::as_const(*lists)) {
            auto *item = new QListWidgetItem(listLine(list), m_day);
            item->setData(Qt::UserRole, list.id);
            if (list.isConfirmed())
                item->setForeground(Theme::success());
        }
    }
    if (m_day->count() == 0)
        (new QListWidgetItem(tr("No list today yet."), m_day))->setFlags(Qt::NoItemFlags);
    if (m_overdue) {
        m_overdue->clear();
        if (Result<QList<TransferList>> late = m_desk.overdue(); !late) {
            showMessage(late.error().message(), Tone::Danger);
        } else {
            for (const TransferList &list : std::as_const(*late)) {
                auto *item = new QListWidgetItem(listLine(list), m_overdue);
                item->setData(Qt::UserRole, list.id);
                item->setForeground(Theme::danger());
                item->setToolTip(tr("Made by %1; the department has not confirmed it.")
                                     .arg(m_context.nameOfClerk(list.clerk)));
            }
        }
        if (m_overdue->count() == 0)
            (new QListWidgetItem(tr("Every list is confirmed."), m_overdue))->setFlags(Qt::NoItemFlags);
    }
}

bool TransferPage::selectDepartment(const QString &departmentId)
{
    Result<TransferList> planned = m_desk.prepare(departmentId);
    if (!planned) {
        showMessage(planned.error().message(), Tone::Danger);
        return false;
    }
    m_check.reset();
    m_list = std::move(*planned);
    m_prepared = true;
    showList();
    showMessage(tr("Check the folders, then make the list for the %1 handover.")
                    .arg(m_list->slot.toString(QStringLiteral("HH:mm"))),
        Tone::Neutral);
    return !m_list->items.isEmpty();
}

bool TransferPage::makeList()
{
    if (!m_list || !m_prepared || !RoleScreens::mayHandOver(m_context.role))
        return false;
    Result<TransferList> made = m_desk.make(m_list->departmentId);
    if (!made) {
        showMessage(made.error().message(), Tone::Danger);
        return false;
    }
    m_list = std::move(*made);
    m_prepared = false;
    for (const TransferItem &item : std::as_const(m_list->items))
        Q_EMIT caseChanged(item.caseNumber);
    refresh();
    showList();
    showMessage(tr("Transfer list made: %n folder(s) for %1. Print it and the folder labels.", nullptr,
                    int(m_list->items.size()))
                    .arg(m_list->departmentName),
        Tone::Success);
    return showListDocument();
}

documents::DocumentContext TransferPage::documentContext() const
{
    return documents::DocumentContext(m_context.settings, m_context.clock.nowLocal(),
        m_context.clerkName.isEmpty() ? m_context.clerk : m_context.clerkName,
        m_context.store->workstation().counter);
}

void TransferPage::showDocument(const Result<documents::Document> &document, const QString &heading)
{
    if (!document) {
        showMessage(tr("The document cannot be made: %1").arg(document.error().message()), Tone::Danger);
        return;
    }
    m_preview->setDocument(*document, heading);
    m_pages->setCurrentWidget(m_documentPage);
    m_preview->setFocus(Qt::OtherFocusReason);
}

bool TransferPage::showListDocument()
{
    if (!m_list || m_prepared)
        return false;
    const Result<documents::Document> document
        = documents::TransferDocuments::list(*m_list, documentContext());
    showDocument(
        document, tr("Transfer list for %1: print it; the receiver signs it.").arg(m_list->departmentName));
    return bool(document);
}

bool TransferPage::showLabels()
{
    if (!m_list || m_prepared)
        return false;
    QHash<QString, QString> tokens;
    for (const TransferItem &item : std::as_const(m_list->items))
        if (Result<Case> c = m_context.store->findByNumber(item.caseNumber))
            tokens.insert(item.caseNumber, c->qrToken);
    const Result<documents::Document> document
        = documents::TransferDocuments::folderLabels(*m_list, tokens, documentContext());
    showDocument(document, tr("Folder labels: cut them apart and stick one on each folder."));
    return bool(document);
}

bool TransferPage::openList(const QString &idOrScan)
{
    Result<TransferList> found = m_desk.find(idOrScan);
    if (!found) {
        showMessage(found.error().message(), Tone::Danger);
        return false;
    }
    m_list = std::move(*found);
    m_prepared = false;
    m_check.reset();
    if (RoleScreens::mayReceive(m_context.role) && !m_list->isConfirmed()) {
        m_check.emplace(*m_list);
        showMessage(tr("List for %1: scan the label of each folder handed over (%n folder(s) on it).",
                        nullptr, int(m_list->items.size()))
                        .arg(m_list->departmentName),
            Tone::Neutral);
    } else {
        showMessage(m_list->isConfirmed() ? tr("This list was confirmed by %1 on %2.")
                                                .arg(m_context.nameOfClerk(m_list->confirmation->receiver),
                                                    m_list->confirmation->time.toLocalTime().toString(
                                                        QStringLiteral("yyyy-MM-dd HH:mm")))
                                          : tr("This list is waiting for the department's confirmation."),
            Tone::Neutral);
    }
    showList();
    return true;
}

bool TransferPage::scan(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    // A list's own code opens it; while a list is being checked only its "OWTL:" code does, so a
    // folder label is never taken for a list.
    const bool listCode = trimmed.startsWith(QStringLiteral("OWTL:"), Qt::CaseInsensitive)
        || (!m_check && TransferList::idFromScan(trimmed));
    if (listCode)
        return openList(trimmed);
    if (!m_check) {
        showMessage(RoleScreens::mayReceive(m_context.role)
                ? tr("Scan the transfer list's QR code first, then the folder labels.")
                : tr("“%1” is not the code of a transfer list.").arg(trimmed.left(80)),
            Tone::Danger);
        return false;
    }
    const QString folder = m_desk.folderOf(trimmed);
    const TransferCheck::Outcome outcome = m_check->scan(folder);
    showList();
    switch (outcome) {
    case TransferCheck::Outcome::Received:
        showMessage(tr("Folder %1 received; %n still to scan.", nullptr, int(m_check->missing().size()))
                        .arg(shown(folder)),
            Tone::Success);
        return true;
    case TransferCheck::Outcome::Repeated:
        showMessage(tr("Folder %1 was scanned already.").arg(shown(folder)), Tone::Neutral);
        return true;
    case TransferCheck::Outcome::Extra:
        showMessage(
            tr("Folder %1 is not on this list: it is recorded as extra.").arg(shown(folder)), Tone::Danger);
        return true;
    }
    return false;
}

bool TransferPage::confirm()
{
    if (!m_check || !RoleScreens::mayReceive(m_context.role))
        return false;
    Result<TransferConfirmation> done
        = m_desk.confirm(m_check->list().id, m_check->received() + m_check->extra());
    if (!done) {
        showMessage(done.error().message(), Tone::Danger);
        return false;
    }
    for (const QString &number : done->received + done->missing + done->extra)
        Q_EMIT caseChanged(number);
    const QString id = m_check->list().id;
    m_check.reset();
    openList(id);
    refresh();
    if (done->missing.isEmpty() && done->extra.isEmpty()) {
        showMessage(tr("Handover confirmed: %n folder(s) received.", nullptr, int(done->received.size())),
            Tone::Success);
    } else {
        const auto numbers = [](const QStringList &list) {
            QStringList texts;
            for (const QString &number : list)
                texts.append(shown(number));
            return texts.join(QStringLiteral(", "));
        };
        QStringList problems;
        if (!done->missing.isEmpty())
            problems.append(tr("missing: %1").arg(numbers(done->missing)));
        if (!done->extra.isEmpty())
            problems.append(tr("extra: %1").arg(numbers(done->extra)));
        showMessage(tr("Handover confirmed with %n folder(s) received and flagged — %1.", nullptr,
                        int(done->received.size()))
                        .arg(problems.join(QStringLiteral("; "))),
            Tone::Danger);
    }
    return true;
}

void TransferPage::showList()
{
    m_folders->setRowCount(0);
    if (!m_list) {
        m_listTitle->setText(tr("Transfer list"));
        m_listFacts->setText(tr("No list is open."));
        updateActions();
        return;
    }
    const TransferList &list = *m_list;
    m_listTitle->setText(
        tr("Transfer list · %1 · %2").arg(list.departmentName, list.slot.toString(QStringLiteral("HH:mm"))));
    m_listFacts->setText(m_prepared
            ? tr("Not made yet: these folders wait for the list of %1.")
                  .arg(list.slot.toString(QStringLiteral("HH:mm")))
            : tr("List %1, made by %2; %n folder(s), %3 pages.", nullptr, int(list.items.size()))
                  .arg(list.id, m_context.nameOfClerk(list.clerk))
                  .arg(list.pageCount()));
    const QStringList missingNow = m_check ? m_check->missing() : QStringList();
    for (const TransferItem &item : list.items) {
        QString status;
        QColor colour = Theme::secondaryText();
        if (m_check) {
            const bool received = m_check->received().contains(item.caseNumber);
            status = received ? tr("received") : tr("not scanned yet");
            colour = received ? Theme::success() : Theme::warning();
        } else if (list.confirmation) {
            const bool missing = list.confirmation->missing.contains(item.caseNumber);
            status = missing ? tr("missing") : tr("received");
            colour = missing ? Theme::danger() : Theme::success();
        } else if (!m_prepared) {
            status = tr("on the list");
        } else {
            status = tr("waiting");
        }
        const int row = m_folders->rowCount();
        m_folders->insertRow(row);
        setRow(m_folders, row,
            {item.caseNumber, item.matterName, item.applicantMasked, materialsText(item),
                QString::number(item.pageCount()), status},
            colour);
        m_folders->item(row, 3)->setToolTip(materialsTip(item));
    }
    const QStringList extra
        = m_check ? m_check->extra() : (list.confirmation ? list.confirmation->extra : QStringList());
    for (const QString &number : extra) {
        const int row = m_folders->rowCount();
        m_folders->insertRow(row);
        setRow(m_folders, row,
            {number, QString(), QString(), QString(), QString(), tr("extra, not on the list")},
            Theme::danger());
    }
    m_folders->resizeRowsToContents();
    updateActions();
}

void TransferPage::updateActions()
{
    m_make->setEnabled(m_list && m_prepared && !m_list->items.isEmpty());
    m_print->setEnabled(m_list && !m_prepared);
    m_labels->setEnabled(m_list && !m_prepared);
    m_confirm->setEnabled(m_check.has_value());
}

bool TransferPage::isShowingDocument() const
{
    return m_pages->currentWidget() == m_documentPage;
}

void TransferPage::showDesk()
{
    m_pages->setCurrentWidget(m_deskPage);
    m_scan->setFocus(Qt::OtherFocusReason);
}

void TransferPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isShowingDocument()) {
        showDesk();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ow::ui
