#include "ui/DepartmentLogDialog.h"

#include "cases/CaseJson.h"
#include "cases/CaseState.h"
#include "core/CsvText.h"
#include "ui/FileDialog.h"
#include "ui/HallServerRequest.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
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

/// What a row's keyword says, in the reader's words.
QString actionText(const QString &keyword)
{
    if (const std::optional<cases::EventKind> kind = cases::eventKindFromKeyword(keyword))
        return cases::displayName(*kind);
    if (keyword == "accept"_L1)
        return DepartmentLogDialog::tr("Accepted for the counter");
    if (keyword == "return"_L1)
        return DepartmentLogDialog::tr("Returned with reasons");
    if (keyword == "signed-off"_L1)
        return DepartmentLogDialog::tr("Signed off");
    if (keyword == "uploaded"_L1)
        return DepartmentLogDialog::tr("Uploaded");
    if (keyword == "objected"_L1)
        return DepartmentLogDialog::tr("Objected");
    return keyword;
}

/// The kinds of action the log holds, as the server names them, with their names for the reader.
QList<std::pair<QString, QString>> kindsOfAction()
{
    return {{u"status-report"_s, DepartmentLogDialog::tr("Status report")},
        {u"transfer-confirmation"_s, DepartmentLogDialog::tr("Transfer confirmation")},
        {u"pre-application-review"_s, DepartmentLogDialog::tr("Pre-application review")},
        {u"catalogue-sign-off"_s, DepartmentLogDialog::tr("Catalogue sign-off")},
        {u"result-document"_s, DepartmentLogDialog::tr("Result document")}};
}

QString kindOfActionText(const QString &keyword)
{
    for (const auto &[kind, name] : kindsOfAction())
        if (kind == keyword)
            return name;
    return keyword;
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
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("All kinds"), QString());
    for (const auto &[kind, name] : kindsOfAction())
        m_kind->addItem(name, kind);
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
    addField(tr("&Kind"), m_kind);
    addField(tr("Case &number"), m_case);
    m_show = new QPushButton(tr("&Show"), this);
    m_show->setDefault(true);
    filters->addWidget(m_show);

    m_chain = new QLabel(this);
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chain->hide(); // until the server has checked the chain

    const auto makeTable = [this](const QStringList &columns) {
        auto *table = new QTableWidget(0, int(columns.size()), this);
        table->setHorizontalHeaderLabels(columns);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        return table;
    };
    m_table = makeTable(header());
    m_looks = makeTable({tr("Time"), tr("Who"), tr("What"), tr("Filter")});
    m_pages = new QTabWidget(this);
    m_pages->addTab(m_table, tr("&Actions"));
    m_pages->addTab(m_looks, tr("&Looks at the log"));
    m_status
        = new QLabel(tr("Sign in with your password to read what departments did through the server."), this);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("E&xport CSV…"), QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_chain);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_show, &QPushButton::clicked, this, [this] {
        if (m_pages->currentWidget() == m_looks)
            loadLooks();
        else
            load();
    });
    // Reading who looked is itself recorded, so it is read when the page is opened, not before.
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_pages->widget(index) == m_looks)
            loadLooks();
    });
    connect(m_export, &QPushButton::clicked, this, &DepartmentLogDialog::exportCsv);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_password->setFocus();
}

QStringList DepartmentLogDialog::header() const
{
    return {tr("Row"), tr("Time"), tr("Department"), tr("Kind"), tr("Action"), tr("Case or item"),
        tr("Department clerk"), tr("Key"), tr("Detail")};
}

bool DepartmentLogDialog::withSession(const std::function<Result<void>(sync::SyncClient &)> &work)
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
    std::optional<sync::SupervisorSession> session = signedIn ? m_session : std::nullopt;
    const QString staffNumber = m_context.clerk;
    const Clock clock = m_context.clock;
    Result<void> done;
    int failed = 0;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        client.setClock(clock);
        if (!session) {
            Result<sync::SupervisorSession> opened
                = sync::SupervisionClient(client).signIn(staffNumber, password);
            if (!opened) {
                done = failWith(opened.error());
                failed = client.lastFailure().status;
                return;
            }
            session = *opened;
        }
        client.setToken(session->token);
        done = work(client);
        if (!done)
            failed = client.lastFailure().status;
    });
    if (!done) {
        if (failed == 401 || failed == 403)
            session.reset();
        m_session = session;
        m_status->setText(tr("The server did not answer the log: %1").arg(done.error().message()));
        if (!m_session)
            m_password->setFocus();
        return false;
    }
    m_session = session;
    return true;
}

bool DepartmentLogDialog::load(bool forExport)
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, m_from->date().toString(Qt::ISODate));
    query.addQueryItem(u"to"_s, m_to->date().toString(Qt::ISODate));
    if (!m_department->text().trimmed().isEmpty())
        query.addQueryItem(u"department"_s, m_department->text().trimmed());
    if (!m_kind->currentData().toString().isEmpty())
        query.addQueryItem(u"kind"_s, m_kind->currentData().toString());
    if (!m_case->text().trimmed().isEmpty())
        query.addQueryItem(u"case"_s, m_case->text().trimmed());
    if (forExport)
        query.addQueryItem(u"purpose"_s, u"export"_s);
    query.addQueryItem(u"limit"_s, QString::number(kPage));

    QJsonArray rows;
    QJsonObject chain;
    qint64 total = 0;
    const bool answered = withSession([&](sync::SyncClient &client) -> Result<void> {
        // A look shows the first page; an export reads every page of the filter.
        for (int offset = 0;; offset += kPage) {
            QUrlQuery paged = query;
            paged.addQueryItem(u"offset"_s, QString::number(offset));
            const Result<QJsonObject> answer = client.call("GET", u"/supervision/department-log"_s, paged);
            if (!answer)
                return failWith(answer.error());
            if (offset == 0)
                chain = answer->value("chain"_L1).toObject();
            total = answer->value("total"_L1).toInteger();
            const QJsonArray got = answer->value("rows"_L1).toArray();
            for (const QJsonValue &v : got)
                rows.append(v);
            if (!forExport || got.isEmpty() || rows.size() >= total)
                return {};
        }
    });
    if (!answered)
        return false;
    showChain(chain);
    fill(rows, total);
    return true;
}

void DepartmentLogDialog::showChain(const QJsonObject &chain)
{
    const bool intact = chain.value("intact"_L1).toBool();
    m_brokenRow = intact ? 0 : chain.value("brokenRow"_L1).toInteger();
    m_chain->setStyleSheet(u"QLabel { color: %1; background: %2; padding: 6px; font-weight: bold; }"_s.arg(
        (intact ? Theme::success() : Theme::danger()).name(),
        (intact ? Theme::successSoft() : Theme::dangerSoft()).name()));
    if (intact)
        m_chain->setText(tr("Chain verified: all %n row(s) of the server's log are as they were written.",
            nullptr, int(chain.value("rows"_L1).toInteger())));
    else
        m_chain->setText(tr("Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.")
                             .arg(m_brokenRow)
                             .arg(chain.value("reason"_L1).toString()));
    m_chain->show();
}

void DepartmentLogDialog::fill(const QJsonArray &rows, qint64 total)
{
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QString department = row.value("departmentName"_L1).toString().isEmpty()
            ? row.value("department"_L1).toString()
            : row.value("departmentName"_L1).toString();
        const QString key = row.value("keyName"_L1).toString().isEmpty() ? row.value("keyId"_L1).toString()
                                                                         : row.value("keyName"_L1).toString();
        const QString action = row.value("action"_L1).toString();
        const QString subject = action == "catalogue-sign-off"_L1
            ? tr("Catalogue submission %1").arg(row.value("subject"_L1).toString())
            : row.value("subject"_L1).toString();
        const qint64 seq = row.value("seq"_L1).toInteger();
        const QStringList cells {QString::number(seq), localTime(row.value("at"_L1).toString()), department,
            kindOfActionText(action), actionText(row.value("kind"_L1).toString()), subject,
            row.value("clerk"_L1).toString(), key, row.value("detail"_L1).toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            // As in the workstation's audit log: the broken row red, the rows after it unverified.
            if (m_brokenRow > 0 && seq == m_brokenRow) {
                item->setBackground(Theme::dangerSoft());
                item->setForeground(Theme::danger());
            } else if (m_brokenRow > 0 && seq > m_brokenRow) {
                item->setForeground(Theme::warning());
            }
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->setText(
        total > rows.size() ? tr(
            "%1 of %2 actions shown; narrow the filter or export them all. The server recorded this look.")
                                  .arg(rows.size())
                                  .arg(total)
                            : tr("%1 actions. The server recorded this look.").arg(rows.size()));
}

bool DepartmentLogDialog::loadLooks()
{
    QJsonArray looks;
    const bool answered = withSession([&looks](sync::SyncClient &client) -> Result<void> {
        QUrlQuery query;
        query.addQueryItem(u"limit"_s, QString::number(kPage));
        const Result<QJsonObject> answer = client.call("GET", u"/supervision/department-log/looks"_s, query);
        if (!answer)
            return failWith(answer.error());
        looks = answer->value("looks"_L1).toArray();
        return {};
    });
    if (!answered)
        return false;
    fillLooks(looks);
    return true;
}

QString DepartmentLogDialog::filterText(const QJsonObject &filter) const
{
    QStringList parts;
    if (filter.contains("from"_L1) || filter.contains("to"_L1))
        parts.append(
            tr("%1 to %2")
                .arg(filter.value("from"_L1).toString(u"…"_s), filter.value("to"_L1).toString(u"…"_s)));
    if (filter.contains("department"_L1))
        parts.append(tr("department %1").arg(filter.value("department"_L1).toString()));
    if (filter.contains("kind"_L1))
        parts.append(kindOfActionText(filter.value("kind"_L1).toString()));
    if (filter.contains("case"_L1))
        parts.append(tr("case %1").arg(filter.value("case"_L1).toString()));
    return parts.isEmpty() ? tr("everything") : parts.join(tr("; ", "between the parts of a filter"));
}

void DepartmentLogDialog::fillLooks(const QJsonArray &looks)
{
    m_looks->setRowCount(int(looks.size()));
    for (int i = 0; i < looks.size(); ++i) {
        const QJsonObject look = looks.at(i).toObject();
        const QString action = look.value("action"_L1).toString();
        const QString what = action == "department-log-export"_L1 ? tr("Export")
            : action == "department-log-looks"_L1                 ? tr("Read the looks")
                                                                  : tr("Look");
        const QStringList cells {localTime(look.value("at"_L1).toString()), look.value("who"_L1).toString(),
            what,
            action == "department-log-looks"_L1 ? QString() : filterText(look.value("filter"_L1).toObject())};
        for (int c = 0; c < cells.size(); ++c)
            m_looks->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_looks->resizeColumnsToContents();
    m_status->setText(
        tr("%1 looks at the log, newest first; the server recorded this reading too.").arg(looks.size()));
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
