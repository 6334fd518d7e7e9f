#include "editorui/SignInDialog.h"

#include "sync/SyncSettings.h"
#include "ui/HallServerRequest.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace ow::editorui {

using namespace Qt::StringLiterals;

namespace {

const QString kServerKey = u"editor/server"_s;

QLabel *problemLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b00020;"_s);
    label->hide();
    return label;
}

} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to the review server"));
    m_server = new QLineEdit(rememberedServer(), this);
    m_server->setObjectName(u"server"_s);
    m_server->setPlaceholderText(u"https://onewindow.example:8443"_s);
    m_staffNumber = new QLineEdit(this);
    m_staffNumber->setObjectName(u"staffNumber"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_hall = new QLineEdit(this);
    m_hall->setObjectName(u"hall"_s);
    m_hall->setPlaceholderText(tr("only when your staff number is used in several halls"));
    m_serverProblem = problemLabel(this, u"serverProblem"_s);
    m_staffProblem = problemLabel(this, u"staffNumberProblem"_s);
    m_passwordProblem = problemLabel(this, u"passwordProblem"_s);
    m_hallProblem = problemLabel(this, u"hallProblem"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Ser&ver address:"), m_server);
    form->addRow(QString(), m_serverProblem);
    form->addRow(tr("&Staff number:"), m_staffNumber);
    form->addRow(QString(), m_staffProblem);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordProblem);
    form->addRow(tr("&Hall code:"), m_hall);
    form->addRow(QString(), m_hallProblem);
    auto *note = new QLabel(
        tr("Your own hall account with the catalogue editor role. Without signing in you can still "
           "edit and save folders here, but not lock matters or submit them for review."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("Sign &in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(u"signIn"_s);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    (m_server->text().isEmpty() ? m_server : m_staffNumber)->setFocus();
    resize(520, sizeHint().height());
}

QString SignInDialog::rememberedServer()
{
    return QSettings().value(kServerKey).toString();
}

QString SignInDialog::server() const
{
    return m_server->text().trimmed();
}

void SignInDialog::showRefusal(const QString &field, const QString &message)
{
    QLabel *label = field == u"server"_s ? m_serverProblem
        : field == u"staffNumber"_s      ? m_staffProblem
        : field == u"hall"_s             ? m_hallProblem
                                         : m_passwordProblem;
    QLineEdit *edit = field == u"server"_s ? m_server
        : field == u"staffNumber"_s        ? m_staffNumber
        : field == u"hall"_s               ? m_hall
                                           : m_password;
    label->setText(message);
    label->show();
    edit->setFocus();
    edit->selectAll();
}

void SignInDialog::signIn()
{
    for (QLabel *label : {m_serverProblem, m_staffProblem, m_passwordProblem, m_hallProblem})
        label->hide();
    const QUrl url(server());
    if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(u"http"_s)) {
        showRefusal(u"server"_s, tr("Write the server's address, e.g. https://onewindow.example:8443."));
        return;
    }
    if (m_staffNumber->text().trimmed().isEmpty()) {
        showRefusal(u"staffNumber"_s, tr("Write your staff number."));
        return;
    }
    if (m_password->text().isEmpty()) {
        showRefusal(u"password"_s, tr("Write your password."));
        return;
    }
    sync::SyncSettings hall;
    hall.server = server();
    const QString staffNumber = m_staffNumber->text().trimmed();
    const QString password = m_password->text();
    const QString hallCode = m_hall->text().trimmed();
    Result<sync::CatalogueEditorSession> session = fail(Error::Code::Io, QString());
    sync::HttpFailure failure;
    ui::runHallServerRequest(this, hall, [&](sync::SyncClient &client) {
        session = sync::CatalogueEditorClient(client).signIn(staffNumber, password, hallCode);
        failure = client.lastFailure();
    });
    m_password->clear();
    if (!session) {
        if (failure.status == 0)
            showRefusal(u"server"_s,
                tr("The server at this address does not answer: %1").arg(session.error().message()));
        else if (failure.status == 404)
            showRefusal(u"server"_s, tr("This address is not a OneWindow server with catalogue review."));
        else
            showRefusal(failure.body.value(u"field"_s).toString(u"password"_s), failure.message);
        return;
    }
    m_session = *session;
    QSettings().setValue(kServerKey, server());
    accept();
}

} // namespace ow::editorui
