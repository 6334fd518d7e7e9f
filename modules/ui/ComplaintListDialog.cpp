#include "ui/ComplaintListDialog.h"

#include "cases/CaseNumber.h"
#include "core/Masking.h"
#include "supervision/Complaint.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

/// What the complaint is about, as the supervisors' list words it.
QString subjectOf(const cases::ComplaintRecord &c)
{
    QStringList parts;
    if (!c.caseNumber.isEmpty()) {
        const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.caseNumber);
        parts << (number ? number->toDisplayString() : c.caseNumber);
    }
    if (!c.clerkStaffNumber.isEmpty())
        parts << (c.clerkName.isEmpty() ? c.clerkStaffNumber : c.clerkName);
    if (!c.matterName.isEmpty())
        parts << c.matterName;
    return parts.join(u" / "_s);
}

} // namespace

ComplaintListDialog::ComplaintListDialog(
    const cases::CaseStore &store, const QString &staffNumber, QWidget *parent)
    : QDialog(parent)
    , m_log(store)
    , m_staffNumber(staffNumber)
{
    setObjectName(u"complaintListDialog"_s);
    setWindowTitle(tr("Complaints I recorded"));
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"complaintListTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Received"), tr("Number"), tr("Channel"), tr("Complainant"), tr("About"), tr("Content")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1000, 480);
    refresh();
    m_table->setFocus();
}

void ComplaintListDialog::refresh()
{
    const Result<QList<cases::ComplaintLogEntry>> entries = m_log.list(m_staffNumber);
    if (!entries) {
        m_status->setText(entries.error().message());
        return;
    }
    m_table->setRowCount(int(entries->size()));
    int waiting = 0;
    int refused = 0;
    for (int row = 0; row < entries->size(); ++row) {
        const cases::ComplaintLogEntry &entry = entries->at(row);
        const cases::ComplaintRecord &c = entry.complaint;
        QString number = c.number;
        QColor colour;
        switch (entry.sending) {
        case cases::ComplaintLogEntry::Sending::Sent:
            break;
        case cases::ComplaintLogEntry::Sending::Waiting:
            number = tr("waiting to be sent");
            colour = Theme::warning();
            ++waiting;
            break;
        case cases::ComplaintLogEntry::Sending::Refused:
            number = tr("refused: %1").arg(entry.refusal);
            colour = Theme::danger();
            ++refused;
            break;
        }
        const std::optional<supervision::ComplaintChannel> channel
            = supervision::complaintChannelFromKeyword(c.channel);
        const QStringList cells {c.receivedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), number,
            channel ? supervision::displayName(*channel) : c.channel,
            c.complainantName + u' ' + Masking::phone(c.complainantMobile), subjectOf(c),
            c.content.simplified()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 1 && colour.isValid())
                item->setForeground(colour);
            if (column == 1 || column == 5)
                item->setToolTip(column == 1 ? number : c.content);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(5, std::min(m_table->columnWidth(5), 320));
    if (entries->isEmpty())
        m_status->setText(tr("You have recorded no complaint at this workstation."));
    else
        m_status->setText(tr("%1 recorded; %2 waiting to be sent; %3 refused by the server.")
                              .arg(entries->size())
                              .arg(waiting)
                              .arg(refused));
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

} // namespace ow::ui
