#include "ui/ComplaintsWindow.h"

#include "cases/CaseNumber.h"
#include "ui/ChoiceDialog.h"
#include "ui/ComplaintDialog.h"
#include "ui/HallServerRequest.h"
#include "ui/Theme.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUuid>
#include <QVBoxLayout>
#include <algorithm>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

supervision::ComplaintPerson personFrom(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return {object.value("staffNumber"_L1).toString(), object.value("name"_L1).toString()};
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// The server's complaint JSON (docs/supervision.md, "Complaints") as the supervision model holds it.
supervision::Complaint complaintFrom(const QJsonObject &o)
{
    supervision::Complaint c;
    c.id = o.value("id"_L1).toString();
    c.number = o.value("number"_L1).toString();
    c.channel = supervision::complaintChannelFromKeyword(o.value("channel"_L1).toString())
                    .value_or(supervision::ComplaintChannel::Window);
    c.receivedAt = timeFrom(o.value("receivedAt"_L1));
    c.complainantName = o.value("complainant"_L1)["name"_L1].toString();
    c.complainantMobile = o.value("complainant"_L1)["mobile"_L1].toString();
    c.content = o.value("content"_L1).toString();
    c.caseNumber = o.value("case"_L1).toString();
    c.clerk = personFrom(o.value("clerk"_L1));
    c.matterCode = o.value("matter"_L1)["code"_L1].toString();
    c.matterName = o.value("matter"_L1)["name"_L1].toString();
    c.recordedBy = personFrom(o.value("recordedBy"_L1));
    c.deadline = QDate::fromString(o.value("deadline"_L1).toString().left(10), Qt::ISODate);
    c.state = supervision::complaintStateFromKeyword(o.value("state"_L1).toString())
                  .value_or(supervision::ComplaintState::Received);
    c.assignee = personFrom(o.value("assignee"_L1));
    c.reply = o.value("reply"_L1).toString();
    c.repliedAt = timeFrom(o.value("repliedAt"_L1));
    c.closedAt = timeFrom(o.value("closedAt"_L1));
    c.result = supervision::complaintResultFromKeyword(o.value("result"_L1).toString());
    for (const QJsonValue &value : o.value("history"_L1).toArray()) {
        const QJsonObject step = value.toObject();
        c.history.append({timeFrom(step.value("at"_L1)), step.value("action"_L1).toString(),
            step.value("by"_L1).isObject()
                ? personFrom(step.value("by"_L1))
                : supervision::ComplaintPerson {QString(), step.value("by"_L1).toString()},
            step.value("note"_L1).toString()});
    }
    return c;
}

QString personText(const supervision::ComplaintPerson &person)
{
    if (person.isEmpty())
        return {};
    return person.name.isEmpty() ? person.staffNumber : person.name;
}

/// A step of the history as people read it: its action's name and, for the recording, the channel.
QString stepText(const supervision::ComplaintStep &step)
{
    QString action = step.action;
    if (action == "recorded"_L1)
        action = QCoreApplication::translate("ow::ui::ComplaintsWindow", "recorded");
    else if (action == "assigned"_L1)
        action = QCoreApplication::translate("ow::ui::ComplaintsWindow", "assigned");
    else if (action == "replied"_L1)
        action = QCoreApplication::translate("ow::ui::ComplaintsWindow", "replied");
    else if (action == "closed"_L1)
        action = QCoreApplication::translate("ow::ui::ComplaintsWindow", "closed");
    QString note = step.note;
    if (const std::optional<supervision::ComplaintChannel> channel
        = supervision::complaintChannelFromKeyword(note))
        note = supervision::displayName(*channel);
    else if (const std::optional<supervision::ComplaintResult> result
        = supervision::complaintResultFromKeyword(note))
        note = supervision::displayName(*result);
    const QString by = step.by.name.isEmpty() ? step.by.staffNumber : step.by.name;
    return QCoreApplication::translate("ow::ui::ComplaintsWindow", "%1 by %2").arg(action, by)
        + (note.isEmpty() ? QString() : u": "_s + note);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

} // namespace

ComplaintsWindow::ComplaintsWindow(Context context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
{
    setObjectName(u"complaintsWindow"_s);
    setWindowTitle(tr("Complaints"));
    m_state = new QComboBox(this);
    m_state->setObjectName(u"complaintStateFilter"_s);
    m_state->addItem(tr("Open"), u"open"_s);
    m_state->addItem(tr("Overdue"), u"overdue"_s);
    m_state->addItem(tr("Closed"), u"closed"_s);
    m_state->addItem(tr("All"), u"all"_s);
    auto *stateLabel = new QLabel(tr("&Show:"), this);
    stateLabel->setBuddy(m_state);
    m_counts = new QLabel(this);
    m_counts->setObjectName(u"complaintCounts"_s);
    m_passwordLabel = new QLabel(tr("Sign-&in password:"), this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"complaintsPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(200);
    m_passwordLabel->setBuddy(m_password);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setToolTip(tr("Fetch the list again (F5)"));
    auto *top = new QHBoxLayout;
    top->addWidget(stateLabel);
    top->addWidget(m_state);
    top->addWidget(m_counts, 1);
    top->addWidget(m_passwordLabel);
    top->addWidget(m_password);
    top->addWidget(refresh);

    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(u"complaintTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Number"), tr("Received"), tr("Channel"), tr("About"),
        tr("Deadline"), tr("State"), tr("Handled by")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch); // what it is about
    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"complaintDetails"_s);
    m_reply = new QPlainTextEdit(this);
    m_reply->setObjectName(u"complaintReply"_s);
    m_reply->setTabChangesFocus(true);
    m_reply->setPlaceholderText(tr("The reply given to the complainant; Ctrl+Enter sends it"));
    m_reply->setMaximumHeight(90);
    auto *replyLabel = new QLabel(tr("Re&ply:"), this);
    replyLabel->setBuddy(m_reply);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details, 1);
    rightLayout->addWidget(replyLabel);
    rightLayout->addWidget(m_reply);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *record = new QPushButton(tr("Record &new…"), this);
    record->setObjectName(u"complaintRecord"_s);
    m_assign = new QPushButton(tr("&Assign…"), this);
    m_assign->setObjectName(u"complaintAssign"_s);
    m_send = new QPushButton(tr("Send the r&eply"), this);
    m_send->setObjectName(u"complaintSendReply"_s);
    m_close = new QPushButton(tr("&Close the complaint…"), this);
    m_close->setObjectName(u"complaintClose"_s);
    auto *done = new QPushButton(tr("Close window"), this);
    for (QPushButton *button : {record, m_assign, m_send, m_close, done, refresh})
        button->setAutoDefault(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"complaintsStatus"_s);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(record);
    buttons->addWidget(m_assign);
    buttons->addWidget(m_send);
    buttons->addWidget(m_close);
    buttons->addStretch(1);
    buttons->addWidget(done);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    const auto key = [this](const QKeySequence &keys, const std::function<void()> &slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    key(QKeySequence(Qt::Key_F5), [this] { reload(); });
    for (const QKeySequence &keys :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)})
        key(keys, [this] { replyToCurrent(); });
    connect(refresh, &QPushButton::clicked, this, &ComplaintsWindow::reload);
    connect(m_password, &QLineEdit::returnPressed, this, &ComplaintsWindow::reload);
    connect(m_state, &QComboBox::activated, this, [this] { reload(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ComplaintsWindow::showDetails);
    connect(record, &QPushButton::clicked, this, &ComplaintsWindow::recordNew);
    connect(m_assign, &QPushButton::clicked, this, &ComplaintsWindow::assignCurrent);
    connect(m_send, &QPushButton::clicked, this, &ComplaintsWindow::replyToCurrent);
    connect(m_close, &QPushButton::clicked, this, &ComplaintsWindow::closeCurrent);
    connect(done, &QPushButton::clicked, this, &QDialog::reject);

    // Within the counter's screen: 1366×768 leaves about 1300×700 to a dialog.
    QSize size(1280, 680);
    if (const QScreen *shown = parent ? parent->screen() : screen())
        size = size.boundedTo(shown->availableGeometry().size() - QSize(40, 60));
    resize(size);
    updateSignIn();
    showDetails();
}

void ComplaintsWindow::updateSignIn()
{
    const bool ask = !m_context.session || !m_context.session();
    m_passwordLabel->setVisible(ask);
    m_password->setVisible(ask);
}

std::optional<QJsonObject> ComplaintsWindow::ask(
    const std::function<Result<QJsonObject>(sync::ComplaintClient &)> &call)
{
    std::optional<sync::SupervisorSession> session = m_context.session ? m_context.session() : std::nullopt;
    if (!session) {
        const QString password = m_password->text();
        if (password.isEmpty() || !m_context.signIn) {
            showProblem(tr("Type your password and press Enter: the server signs you in with it."));
            updateSignIn();
            m_password->setFocus();
            return std::nullopt;
        }
        m_password->clear();
        const Result<void> signedIn = m_context.signIn(password);
        session = m_context.session();
        if (!signedIn || !session) {
            showProblem(tr("The server did not sign you in: %1")
                            .arg(signedIn ? tr("no session") : signedIn.error().message()));
            updateSignIn();
            m_password->setFocus();
            return std::nullopt;
        }
        updateSignIn();
    }
    Result<QJsonObject> answer = QJsonObject();
    sync::HttpFailure failure;
    const Clock clock = m_context.clock;
    runHallServerRequest(this, m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        sync::ComplaintClient complaints(client, *session);
        answer = call(complaints);
        if (!answer)
            failure = client.lastFailure();
    });
    if (!answer) {
        if (failure.status == 409)
            showProblem(tr("Not done: %1 The list shows its state now.").arg(answer.error().message()));
        else if (failure.status == 401)
            showProblem(tr("Your session has ended: sign in again (your password, Enter)."));
        else
            showProblem(answer.error().message());
        updateSignIn();
        return std::nullopt;
    }
    return *answer;
}

bool ComplaintsWindow::reload()
{
    const QString keep = current() ? current()->id : QString();
    const QString state = m_state->currentData().toString();
    const std::optional<QJsonObject> answer
        = ask([state](sync::ComplaintClient &client) { return client.list(state); });
    if (!answer)
        return false;
    showList(*answer);
    if (keep.isEmpty() || !select(keep))
        if (m_table->rowCount() > 0)
            m_table->selectRow(0);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("As of %1, from the server.").arg(timeText(m_context.clock.nowUtc())));
    m_table->setFocus();
    return true;
}

void ComplaintsWindow::showList(const QJsonObject &answer)
{
    m_complaints.clear();
    m_overdue.clear();
    for (const QJsonValue &value : answer.value("complaints"_L1).toArray()) {
        m_complaints.append(complaintFrom(value.toObject()));
        m_overdue.append(value.toObject().value("overdue"_L1).toBool());
    }
    m_countsShown = answer.value("counts"_L1).toObject();
    m_counts->setText(tr("Open %1 · overdue %2 · closed this month %3 (on time %4)")
                          .arg(m_countsShown.value("open"_L1).toInt())
                          .arg(m_countsShown.value("overdue"_L1).toInt())
                          .arg(m_countsShown.value("closedThisMonth"_L1).toInt())
                          .arg(m_countsShown.value("closedOnTime"_L1).toInt()));
    const QSignalBlocker quiet(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(m_complaints.size()));
    for (int row = 0; row < m_complaints.size(); ++row) {
        const supervision::Complaint &c = m_complaints.at(row);
        QString subject = c.subject();
        if (const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.caseNumber))
            subject.replace(c.caseNumber, number->toDisplayString());
        const QStringList cells {c.number, timeText(c.receivedAt), supervision::displayName(c.channel),
            subject, c.deadline.toString(Qt::ISODate), supervision::displayName(c.state),
            personText(c.assignee)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, c.id);
            if (column == 4 && m_overdue.at(row)) {
                item->setForeground(Theme::danger());
                item->setToolTip(tr("Past its deadline and still open"));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            if (!c.isOpen())
                item->setForeground(Theme::secondaryText());
            m_table->setItem(row, column, item);
        }
    }
    for (int column = 0; column < m_table->columnCount(); ++column)
        if (column != 3)
            m_table->resizeColumnToContents(column);
    if (m_complaints.isEmpty())
        m_details->setHtml(tr("<p>No complaint in this list.</p>"));
}

std::optional<supervision::Complaint> ComplaintsWindow::current() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_complaints.size() || !m_table->item(row, 0)
        || !m_table->item(row, 0)->isSelected())
        return std::nullopt;
    return m_complaints.at(row);
}

bool ComplaintsWindow::select(const QString &id)
{
    for (int row = 0; row < m_complaints.size(); ++row)
        if (m_complaints.at(row).id == id) {
            m_table->selectRow(row);
            return true;
        }
    return false;
}

void ComplaintsWindow::showDetails()
{
    const std::optional<supervision::Complaint> c = current();
    m_assign->setEnabled(c && supervision::Complaint::after(c->state, supervision::ComplaintAction::Assign));
    m_send->setEnabled(c && supervision::Complaint::after(c->state, supervision::ComplaintAction::Reply));
    m_reply->setEnabled(m_send->isEnabled());
    m_close->setEnabled(c && supervision::Complaint::after(c->state, supervision::ComplaintAction::Close));
    if (!c) {
        m_details->clear();
        return;
    }
    const auto line = [](const QString &label, const QString &value) {
        return value.isEmpty()
            ? QString()
            : u"<tr><td style='color:gray; padding-right:8px'>%1</td><td>%2</td></tr>"_s.arg(
                label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString caseText = c->caseNumber;
    if (const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c->caseNumber))
        caseText = number->toDisplayString();
    const int row = m_table->currentRow();
    QString html = u"<h3>%1</h3><table>"_s.arg(tr("Complaint %1").arg(c->number).toHtmlEscaped());
    html += line(tr("Received"), timeText(c->receivedAt) + u" · "_s + supervision::displayName(c->channel));
    html += line(tr("Complainant"), c->complainantName + u"  "_s + c->complainantMobile);
    html += line(tr("Case"), caseText);
    html += line(tr("Clerk"), personText(c->clerk));
    html += line(tr("Matter"), c->matterName.isEmpty() ? c->matterCode : c->matterName);
    html += line(tr("Recorded by"), personText(c->recordedBy));
    html += line(tr("Deadline"),
        c->deadline.toString(Qt::ISODate)
            + (row >= 0 && m_overdue.value(row) ? tr(" (overdue)") : QString()));
    html += line(tr("State"), supervision::displayName(c->state));
    html += line(tr("Handled by"), personText(c->assignee));
    html += line(tr("Reply"), c->reply);
    html += line(tr("Result"), c->result ? supervision::displayName(*c->result) : QString());
    html += u"</table><p>%1</p>"_s.arg(c->content.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    if (!c->history.isEmpty()) {
        html += u"<h4>%1</h4><ul>"_s.arg(tr("History").toHtmlEscaped());
        for (const supervision::ComplaintStep &step : c->history)
            html
                += u"<li>%1 %2</li>"_s.arg(timeText(step.at).toHtmlEscaped(), stepText(step).toHtmlEscaped());
        html += u"</ul>"_s;
    }
    m_details->setHtml(html);
}

void ComplaintsWindow::showProblem(const QString &message)
{
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::danger().name()));
    m_status->setText(message);
}

void ComplaintsWindow::stepDone(const QString &id, const QString &message)
{
    if (!reload())
        return;
    select(id);
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::success().name()));
    m_status->setText(message);
    m_table->setFocus();
}

bool ComplaintsWindow::assignCurrent()
{
    const std::optional<supervision::Complaint> c = current();
    if (!c || !m_assign->isEnabled())
        return false;
    QList<std::pair<QString, QString>> clerks;
    for (auto it = m_context.clerkNames.cbegin(); it != m_context.clerkNames.cend(); ++it)
        clerks.append({it.value().isEmpty() ? it.key() : it.value(), it.key()});
    std::sort(clerks.begin(), clerks.end());
    QStringList items;
    for (const auto &[name, staff] : std::as_const(clerks))
        items << tr("%1 (staff number %2)").arg(name, staff);
    const std::optional<qsizetype> chosen
        = ChoiceDialog::choose(this, tr("Assign"), tr("Who handles complaint %1?").arg(c->number), items);
    if (!chosen || *chosen < 0 || *chosen >= clerks.size())
        return false;
    const QString staff = clerks.at(*chosen).second;
    const QString id = c->id;
    if (!ask([&](sync::ComplaintClient &client) { return client.assign(id, staff); }))
        return false;
    stepDone(id, tr("Complaint %1 assigned to %2.").arg(c->number, clerks.at(*chosen).first));
    return true;
}

bool ComplaintsWindow::replyToCurrent()
{
    const std::optional<supervision::Complaint> c = current();
    if (!c || !m_send->isEnabled())
        return false;
    const QString text = m_reply->toPlainText().trimmed();
    if (text.isEmpty()) {
        showProblem(tr("Reply: write the reply given to the complainant first."));
        m_reply->setFocus();
        return false;
    }
    const QString id = c->id;
    if (!ask([&](sync::ComplaintClient &client) { return client.reply(id, text); }))
        return false;
    m_reply->clear();
    stepDone(id, tr("The reply to complaint %1 is recorded.").arg(c->number));
    return true;
}

bool ComplaintsWindow::closeCurrent()
{
    const std::optional<supervision::Complaint> c = current();
    if (!c || !m_close->isEnabled())
        return false;
    const QList<supervision::ComplaintResult> results {supervision::ComplaintResult::Satisfied,
        supervision::ComplaintResult::Unsatisfied, supervision::ComplaintResult::Unreachable};
    QStringList items;
    for (const supervision::ComplaintResult result : results)
        items << supervision::displayName(result);
    const std::optional<qsizetype> chosen = ChoiceDialog::choose(this, tr("Close the complaint"),
        tr("How did the complainant take the reply to complaint %1?").arg(c->number), items);
    if (!chosen || *chosen < 0 || *chosen >= results.size())
        return false;
    const QString result = supervision::keyword(results.at(*chosen));
    const QString id = c->id;
    if (!ask([&](sync::ComplaintClient &client) { return client.close(id, result); }))
        return false;
    stepDone(id, tr("Complaint %1 is closed.").arg(c->number));
    return true;
}

ComplaintDialog *ComplaintsWindow::recordNew()
{
    auto *dialog = new ComplaintDialog(
        m_context.catalogue, m_context.clerkNames,
        [this](const cases::ComplaintRecord &typed) -> Result<void> {
            cases::ComplaintRecord complaint = typed;
            complaint.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            std::optional<QJsonObject> answer
                = ask([&](sync::ComplaintClient &client) { return client.record(complaint); });
            if (!answer)
                return fail(Error::Code::Io, m_status->text());
            const QString number = answer->value("complaint"_L1)["number"_L1].toString();
            QMetaObject::invokeMethod(
                this,
                [this, id = complaint.id, number] { stepDone(id, tr("Complaint %1 recorded.").arg(number)); },
                Qt::QueuedConnection);
            return {};
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecorder(m_context.staffNumber, m_context.name, m_context.clock);
    // A supervisor records what the hotline passed on.
    dialog->channelField()->setCurrentIndex(
        dialog->channelField()->findData(supervision::keyword(supervision::ComplaintChannel::Hotline)));
    dialog->open();
    dialog->activateWindow();
    return dialog;
}

} // namespace ow::ui
