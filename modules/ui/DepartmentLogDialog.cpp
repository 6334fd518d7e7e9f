#include "ui/DepartmentLogDialog.h"

#include "cases/CaseJson.h"
#include "cases/CaseState.h"
#include "core/CsvText.h"
#include "ui/FileDialog.h"
#include "ui/HallServerRequest.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimeZone>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kPage = 5000;

/// Local time of a stored UTC time text, minutes shown.
QString localTime(const QString &text)
{
    const QDateTime time = cases::CaseJson::timeFrom(text);
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : text;
}

QString kindText(const QString &keyword)
{
    const std::optional<cases::EventKind> kind = cases::eventKindFromKeyword(keyword);
    return kind ? cases::displayName(*kind) : keyword;
}

} // namespace

DepartmentLogDialog::DepartmentLogDialog(const CaseScreenContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setWindowTitle(tr("Departments' log"));
    resize(1280, 660);

    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("your password, to sign in to the server"));
    const QDate today = m_context.today();
    m_from = new QDateEdit(today.addDays(-6), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit *field : {m_from, m_to}) {
        field->setCalendarPopup(true);
        field->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_department = new QLineEdit(this);
    m_department->setPlaceholderText(tr("all, or a department id"));
    m_case = new QLineEdit(this);
    m_case->setPlaceholderText(tr("all, or a case number"));

    auto *filters = new QHBoxLayout;
    const auto addField = [this, filters](const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        filters->addWidget(caption);
        filters->addWidget(field);
    };
    addField(tr("&Password"), m_password);
    addField(tr("&From"), m_from);
    addField(tr("&To"), m_to);
    addField(tr("&Department"), m_department);
    addField(tr("Case &number"), m_case);
    m_show = new QPushButton(tr("&Show"), this);
    m_show->setDefault(true);
    filters->addWidget(m_show);

    m_table = new QTableWidget(0, 7, this);
    m_table->setHorizontalHeaderLabels(header());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status
        = new QLabel(tr("Sign in with your password to read what departments did through the server."), this);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("E&xport CSV…"), QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_show, &QPushButton::clicked, this, [this] { load(); });
    connect(m_export, &QPushButton::clicked, this, &DepartmentLogDialog::exportCsv);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_password->setFocus();
}

QStringList DepartmentLogDialog::header() const
{
    return {tr("Time"), tr("Department"), tr("Action"), tr("Case number"), tr("Department clerk"), tr("Key"),
        tr("Detail")};
}

bool DepartmentLogDialog::load(bool forExport)
{
    if (!m_context.hall || !m_context.hall->isEnrolled()) {
        m_status->setText(tr("This workstation is not enrolled with a hall's server."));
        return false;
    }
    const QString password = m_password->text();
    const bool signedIn = m_session && m_session->isValidAt(m_context.clock.nowUtc());
    if (!signedIn && password.isEmpty()) {
        m_status->setText(tr("Type your password first: the server signs you in with it."));
        m_password->setFocus();
        return false;
    }
    m_password->clear(); // not kept: the session token stands for it from here
    QUrlQuery query;
    query.addQueryItem(u"from"_s, m_from->date().toString(Qt::ISODate));
    query.addQueryItem(u"to"_s, m_to->date().toString(Qt::ISODate));
    if (!m_department->text().trimmed().isEmpty())
        query.addQueryItem(u"department"_s, m_department->text().trimmed());
    if (!m_case->text().trimmed().isEmpty())
        query.addQueryItem(u"case"_s, m_case->text().trimmed());
    if (forExport)
        query.addQueryItem(u"purpose"_s, u"export"_s);
    query.addQueryItem(u"limit"_s, QString::number(kPage));

    std::optional<sync::SupervisorSession> session = signedIn ? m_session : std::nullopt;
    const QString staffNumber = m_context.clerk;
    const Clock clock = m_context.clock;
    Result<QJsonObject> answer = QJsonObject();
    QJsonArray rows;
    int failed = 0;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        if (!session) {
            Result<sync::SupervisorSession> opened
                = sync::SupervisionClient(client).signIn(staffNumber, password);
            if (!opened) {
                answer = failWith(opened.error());
                failed = client.lastFailure().status;
                return;
            }
            session = *opened;
        }
        client.setToken(session->token);
        // A look shows the first page; an export reads every page of the filter.
        for (int offset = 0;; offset += kPage) {
            QUrlQuery paged = query;
            paged.addQueryItem(u"offset"_s, QString::number(offset));
            answer = client.call("GET", u"/supervision/department-log"_s, paged);
            if (!answer) {
                failed = client.lastFailure().status;
                return;
            }
            const QJsonArray got = answer->value("rows"_L1).toArray();
            for (const QJsonValue &v : got)
                rows.append(v);
            if (!forExport || got.isEmpty() || rows.size() >= answer->value("total"_L1).toInteger())
                return;
        }
    });
    if (!answer) {
        if (failed == 401 || failed == 403)
            m_session.reset();
        m_status->setText(tr("The server did not answer the log: %1").arg(answer.error().message()));
        if (!m_session)
            m_password->setFocus();
        return false;
    }
    m_session = session;
    fill(rows, answer->value("total"_L1).toInteger());
    return true;
}

void DepartmentLogDialog::fill(const QJsonArray &rows, qint64 total)
{
    m_rows = rows;
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QString department = row.value("departmentName"_L1).toString().isEmpty()
            ? row.value("department"_L1).toString()
            : row.value("departmentName"_L1).toString();
        const QString key = row.value("keyName"_L1).toString().isEmpty() ? row.value("keyId"_L1).toString()
                                                                         : row.value("keyName"_L1).toString();
        const QStringList cells {localTime(row.value("at"_L1).toString()), department,
            kindText(row.value("kind"_L1).toString()), row.value("case"_L1).toString(),
            row.value("clerk"_L1).toString(), key, row.value("detail"_L1).toString()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_status->setText(
        total > rows.size() ? tr(
            "%1 of %2 actions shown; narrow the filter or export them all. The server recorded this look.")
                                  .arg(rows.size())
                                  .arg(total)
                            : tr("%1 actions. The server recorded this look.").arg(rows.size()));
}

bool DepartmentLogDialog::exportCsv()
{
    const QString path = FileDialog::getSaveFileName(this, tr("Export the departments' log"),
        u"department-log-%1.csv"_s.arg(m_context.today().toString(u"yyyyMMdd"_s)), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    if (!load(true))
        return false;
    QList<QStringList> lines;
    for (int i = 0; i < m_table->rowCount(); ++i) {
        QStringList cells;
        for (int c = 0; c < m_table->columnCount(); ++c)
            cells.append(m_table->item(i, c) ? m_table->item(i, c)->text() : QString());
        lines.append(cells);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(CsvText::document(header(), lines)) < 0
        || !file.commit()) {
        m_status->setText(tr("The file could not be written: %1").arg(file.errorString()));
        return false;
    }
    m_status->setText(
        tr("%1 actions exported to %2. The server recorded the export.").arg(lines.size()).arg(path));
    return true;
}

} // namespace ow::ui
