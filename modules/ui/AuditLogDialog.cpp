#include "ui/AuditLogDialog.h"

#include "ui/FileDialog.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using cases::AuditFilter;
using cases::AuditReview;

AuditLogDialog::AuditLogDialog(const CaseScreenContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_review(context.store->auditLog(), context.store->database())
{
    setWindowTitle(tr("Audit log"));
    resize(1280, 660);

    const QDate today = m_context.today();
    m_from = new QDateEdit(today.addDays(-6), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit *field : {m_from, m_to}) {
        field->setCalendarPopup(true);
        field->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_clerk = new QComboBox(this);
    m_clerk->addItem(tr("All clerks"), QString());
    m_kind = new QComboBox(this);
    for (AuditFilter::Kind kind : {AuditFilter::Kind::All, AuditFilter::Kind::PersonalData,
             AuditFilter::Kind::Cases, AuditFilter::Kind::Accounts, AuditFilter::Kind::AuditLog})
        m_kind->addItem(AuditReview::kindName(kind), int(kind));
    m_case = new QLineEdit(this);
    m_case->setPlaceholderText(tr("any part of the number"));
    m_case->setClearButtonEnabled(true);

    auto *filters = new QHBoxLayout;
    const auto addField = [this, filters](const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        filters->addWidget(caption);
        filters->addWidget(field);
    };
    addField(tr("&From"), m_from);
    addField(tr("&To"), m_to);
    addField(tr("C&lerk"), m_clerk);
    addField(tr("&Kind"), m_kind);
    addField(tr("Case &number"), m_case);
    filters->setStretchFactor(m_case, 1);

    m_chain = new QLabel(this);
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 8, this);
    m_table->setHorizontalHeaderLabels({tr("Row"), tr("Time"), tr("Clerk"), tr("Counter"), tr("Kind"),
        tr("Action"), tr("Case number"), tr("Chain")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_export = new QPushButton(tr("&Export period to CSV…"), this);
    m_more = new QPushButton(tr("&More"), this);
    m_more->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_more, QDialogButtonBox::ActionRole);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(m_more, &QPushButton::clicked, this, &AuditLogDialog::loadMore);
    m_table->installEventFilter(this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &AuditLogDialog::exportCsv);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_chain);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // The look is recorded before anything shows: a window that failed to audit shows nothing.
    Result<void> viewed
        = m_review.recordViewed(m_context.clerk, m_context.store->workstation().counter, filter());
    if (!viewed) {
        showError(viewed.error().toString());
        return;
    }
    Result<cases::AuditLog::Verification> verified = m_review.verify();
    if (!verified) {
        showError(verified.error().toString());
        return;
    }
    Result<QStringList> clerks = m_review.clerks();
    if (clerks) {
        for (const QString &login : std::as_const(*clerks))
            m_clerk->addItem(m_context.nameOfClerk(login), login);
    }
    m_ready = true;
    showChain();
    refresh();

    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogDialog::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogDialog::refresh);
    connect(m_clerk, &QComboBox::currentIndexChanged, this, &AuditLogDialog::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AuditLogDialog::refresh);
    connect(m_case, &QLineEdit::textChanged, this, &AuditLogDialog::refresh);
    m_from->setFocus();
}

AuditFilter AuditLogDialog::filter() const
{
    AuditFilter filter;
    filter.from = m_from->date();
    filter.to = m_to->date();
    filter.clerk = m_clerk->currentData().toString();
    filter.kind = AuditFilter::Kind(m_kind->currentData().toInt());
    filter.caseNumber = m_case->text();
    return filter;
}

void AuditLogDialog::showChain()
{
    const cases::AuditLog::Verification &result = m_review.verification();
    const QColor colour = result.intact ? Theme::success() : Theme::danger();
    const QColor background = result.intact ? Theme::successSoft() : Theme::dangerSoft();
    m_chain->setStyleSheet(
        QStringLiteral("QLabel { color: %1; background: %2; padding: 6px; font-weight: bold; }")
            .arg(colour.name(), background.name()));
    if (result.intact)
        m_chain->setText(
            tr("Chain verified: all %n row(s) are as they were written.", nullptr, int(result.rowsChecked)));
    else
        m_chain->setText(
            tr("Chain BROKEN at row %1: %2 Rows before it verify; rows after it cannot be trusted.")
                .arg(result.brokenSeq)
                .arg(result.reason));
}

void AuditLogDialog::refresh()
{
    if (!m_ready)
        return;
    const AuditFilter current = filter();
    Result<qint64> total = m_review.count(current);
    if (!total) {
        showError(total.error().toString());
        return;
    }
    Result<QList<cases::AuditEntry>> rows = m_review.find(current, kPage);
    if (!rows) {
        showError(rows.error().toString());
        return;
    }
    m_total = *total;
    m_table->setRowCount(0);
    appendRows(*rows);
    m_table->resizeColumnsToContents();
    showCount();
}

bool AuditLogDialog::loadMore()
{
    const int shown = m_table->rowCount();
    if (!m_ready || shown == 0 || shown >= m_total)
        return false;
    // The next page starts below the oldest row shown, whatever was written since.
    const qint64 oldest = m_table->item(shown - 1, 0)->text().toLongLong();
    Result<QList<cases::AuditEntry>> rows = m_review.find(filter(), kPage, oldest);
    if (!rows) {
        showError(rows.error().toString());
        return false;
    }
    appendRows(*rows);
    showCount();
    return !rows->isEmpty();
}

void AuditLogDialog::appendRows(const QList<cases::AuditEntry> &rows)
{
    const int first = m_table->rowCount();
    m_table->setRowCount(first + int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const cases::AuditEntry &entry = rows.at(r);
        const AuditReview::Mark mark = m_review.markOf(entry.seq);
        const QStringList cells {QString::number(entry.seq),
            entry.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            m_context.nameOfClerk(entry.clerk), entry.counter,
            AuditReview::kindName(AuditReview::kindOf(entry.action)), entry.action, entry.target,
            AuditReview::markName(mark)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 5 && !entry.detail.isEmpty())
                item->setToolTip(entry.detail);
            if (mark == AuditReview::Mark::Broken) {
                item->setBackground(Theme::dangerSoft());
                item->setForeground(Theme::danger());
            } else if (mark == AuditReview::Mark::Unverified) {
                item->setForeground(Theme::warning());
            }
            m_table->setItem(first + r, c, item);
        }
    }
}

void AuditLogDialog::showCount()
{
    const int shown = m_table->rowCount();
    m_more->setEnabled(shown < m_total);
    const QLocale locale;
    m_status->setStyleSheet(QString());
    m_status->setText(shown < m_total
            ? tr("Showing %1 of %2 rows, newest first; More (or PageDown at the last row) shows the next "
                 "%3. The export takes them all.")
                  .arg(locale.toString(shown), locale.toString(m_total), locale.toString(kPage))
            : tr("%n row(s).", nullptr, shown));
}

bool AuditLogDialog::eventFilter(QObject *watched, QEvent *event)
{
    // PageDown past the last row shown reads the next page, so paging through reads like one list.
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_PageDown
        && m_table->currentRow() == m_table->rowCount() - 1 && m_more->isEnabled()) {
        const int next = m_table->rowCount();
        if (loadMore())
            m_table->setCurrentCell(next, m_table->currentColumn() < 0 ? 0 : m_table->currentColumn());
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

bool AuditLogDialog::exportCsv()
{
    if (!m_ready)
        return false;
    const AuditFilter current = filter();
    const QString suggested = QDir::home().filePath(
        tr("audit-log-%1-%2.csv").arg(current.from.toString(Qt::ISODate), current.to.toString(Qt::ISODate)));
    const QString path
        = FileDialog::getSaveFileName(this, tr("Export the audit log"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    Result<QList<cases::AuditEntry>> rows = m_review.find(current);
    if (!rows) {
        showError(rows.error().toString());
        return false;
    }
    // Audited before the file is written: an export that was not recorded must not exist.
    Result<void> recorded = m_review.recordExported(
        m_context.clerk, m_context.store->workstation().counter, current, rows->size());
    if (!recorded) {
        showError(recorded.error().toString());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(
               m_review.csv(*rows, [this](const QString &login) { return m_context.nameOfClerk(login); }))
            < 0
        || !file.commit()) {
        showError(tr("The file %1 could not be written: %2")
                      .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_status->setText(
        tr("%n row(s) exported to %1.", nullptr, int(rows->size())).arg(QDir::toNativeSeparators(path)));
    refresh(); // the export's own row
    return true;
}

void AuditLogDialog::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(Theme::danger().name()));
    m_status->setText(message);
}

} // namespace ow::ui
