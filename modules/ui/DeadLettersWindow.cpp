#include "ui/DeadLettersWindow.h"

#include "cases/CaseState.h"
#include "ui/ConfirmDialog.h"
#include "ui/HallServerRequest.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

// What was pushed, in words: the event kind's name ("accepted", "withdrawn by the applicant").
QString kindText(const QString &keyword)
{
    const std::optional<cases::EventKind> kind = cases::eventKindFromKeyword(keyword);
    return kind ? cases::displayName(*kind) : keyword;
}

} // namespace

DeadLettersWindow::DeadLettersWindow(Context context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
{
    setObjectName(u"deadLettersWindow"_s);
    setWindowTitle(tr("Undelivered pushes"));

    auto *heading = new QLabel(tr("Pushes to department systems that were given up"), this);
    heading->setObjectName(u"dialogHeading"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"panelSubtitle"_s);
    m_status->setWordWrap(true);
    m_passwordLabel = new QLabel(tr("Sign-&in password:"), this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(220);
    m_passwordLabel->setBuddy(m_password);
    connect(m_password, &QLineEdit::returnPressed, this, &DeadLettersWindow::reload);
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_passwordLabel);
    top->addWidget(m_password);

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("Department"), tr("Case number"), tr("Pushed"), tr("Attempts"),
        tr("Last error"), tr("Given up")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->installEventFilter(this);

    auto *buttons = new QDialogButtonBox(this);
    m_resend = buttons->addButton(tr("Re&send"), QDialogButtonBox::ActionRole);
    m_resend->setToolTip(tr("Put the selected push back in line for its department (重新推送, Enter)"));
    m_refresh = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    // Enter belongs to the field or the table it is pressed in (sign in, resend), never to a button.
    for (QAbstractButton *button : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    connect(m_resend, &QPushButton::clicked, this, &DeadLettersWindow::resendCurrent);
    connect(m_refresh, &QPushButton::clicked, this, &DeadLettersWindow::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1100, 560); // within the counter's 1366×768
    updateSignIn();
    showLetters();
}

bool DeadLettersWindow::reload()
{
    QList<sync::DeadLetter> letters;
    if (!ask([&letters](sync::DeadLetterClient &client) -> Result<void> {
            Result<QList<sync::DeadLetter>> listed = client.list();
            if (!listed)
                return failWith(listed.error());
            letters = *listed;
            return {};
        }))
        return false;
    m_letters = letters;
    showLetters();
    say(m_letters.isEmpty() ? tr("Every push was delivered or is still being tried: nothing was given up.")
                            : tr("%n push(es) given up. Select one and press Enter to send it again.",
                                nullptr, int(m_letters.size())),
        false);
    return true;
}

bool DeadLettersWindow::resendCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_letters.size()) {
        say(tr("Select the push to send again."), true);
        return false;
    }
    const sync::DeadLetter letter = m_letters.at(row);
    const QString department = departmentOf(letter);
    if (ConfirmDialog::ask(this, tr("Resend the push"), tr("Send this push again?"),
            tr("<p>Case <b>%1</b>, %2, to <b>%3</b>.</p><p>It goes back in line for the department and is "
               "tried again from now, for as long as a new push.</p>")
                .arg(letter.caseNumber.toHtmlEscaped(), kindText(letter.kind).toHtmlEscaped(),
                    department.toHtmlEscaped()),
            tr("Resend"))
        != ConfirmDialog::Choice::Confirm)
        return false;
    if (!ask([&letter](sync::DeadLetterClient &client) { return client.resend(letter.id); }))
        return false;
    const bool listed = reload();
    say(tr("The push of case %1 to %2 is back in line.").arg(letter.caseNumber, department), false);
    return listed;
}

bool DeadLettersWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            resendCurrent();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

bool DeadLettersWindow::ask(const std::function<Result<void>(sync::DeadLetterClient &)> &call)
{
    std::optional<sync::SupervisorSession> session = m_context.session ? m_context.session() : std::nullopt;
    if (!session) {
        const QString password = m_password->text();
        m_password->clear();
        const Result<void> signedIn = password.isEmpty() || !m_context.signIn
            ? Result<void>(fail(Error::Code::Invalid, tr("type your password and press Enter.")))
            : m_context.signIn(password);
        session = m_context.session ? m_context.session() : std::nullopt;
        updateSignIn();
        if (!signedIn || !session) {
            say(tr("Not signed in: %1").arg(signedIn ? tr("no session") : signedIn.error().message()), true);
            m_password->setFocus();
            return false;
        }
    }
    Result<void> done;
    const Clock clock = m_context.clock;
    runHallServerRequest(this, m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        sync::DeadLetterClient letters(client, *session);
        done = call(letters);
    });
    if (!done)
        say(done.error().message(), true);
    return bool(done);
}

void DeadLettersWindow::showLetters()
{
    m_table->setRowCount(int(m_letters.size()));
    for (int row = 0; row < m_letters.size(); ++row) {
        const sync::DeadLetter &letter = m_letters.at(row);
        const QStringList cells {departmentOf(letter), letter.caseNumber, kindText(letter.kind),
            QString::number(letter.attempts), letter.lastError,
            letter.died.isValid() ? letter.died.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 4)
                item->setToolTip(letter.lastError);
            m_table->setItem(row, column, item);
        }
    }
    if (!m_letters.isEmpty() && m_table->currentRow() < 0)
        m_table->setCurrentCell(0, 0);
    m_resend->setEnabled(!m_letters.isEmpty());
}

QString DeadLettersWindow::departmentOf(const sync::DeadLetter &letter) const
{
    if (!letter.departmentName.isEmpty())
        return letter.departmentName;
    return m_context.departmentName ? m_context.departmentName(letter.department) : letter.department;
}

void DeadLettersWindow::updateSignIn()
{
    const bool needed = !m_context.session || !m_context.session();
    m_passwordLabel->setVisible(needed);
    m_password->setVisible(needed);
}

void DeadLettersWindow::say(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("tone", problem ? u"danger"_s : QString());
}

} // namespace ow::ui
