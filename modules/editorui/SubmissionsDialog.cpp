#include "editorui/SubmissionsDialog.h"

#include "editorui/ReviewLabels.h"
#include "sync/CatalogueEditorClient.h"
#include "ui/ConfirmDialog.h"
#include "ui/HallServerRequest.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using namespace Qt::StringLiterals;

SubmissionsDialog::SubmissionsDialog(
    QWidget *parent, const sync::SyncSettings &server, const QString &staffNumber)
    : QDialog(parent)
    , m_server(server)
    , m_staffNumber(staffNumber)
{
    setWindowTitle(tr("My submissions"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"submissions"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("No."), tr("Version"), tr("Reason"), tr("Effective"), tr("State")});
    m_list->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_items = new QTreeWidget(this);
    m_items->setObjectName(u"items"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_items);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_withdraw = buttons->addButton(tr("&Withdraw…"), QDialogButtonBox::ActionRole);
    m_withdraw->setObjectName(u"withdraw"_s);
    m_withdraw->setEnabled(false);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_withdraw, &QPushButton::clicked, this, &SubmissionsDialog::withdrawChosen);
    connect(refresh, &QPushButton::clicked, this, &SubmissionsDialog::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SubmissionsDialog::showChosen);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(900, 600);
}

bool SubmissionsDialog::reload()
{
    Result<QJsonArray> list = fail(Error::Code::Io, QString());
    const QString staffNumber = m_staffNumber;
    ui::runHallServerRequest(this, m_server, [&](sync::SyncClient &client) {
        list = sync::CatalogueEditorClient(client).submissions(staffNumber);
    });
    if (!list) {
        m_message->setText(tr("The submissions could not be read: %1").arg(list.error().message()));
        return false;
    }
    m_submissions = *list;
    m_list->clear();
    for (const QJsonValue &value : std::as_const(m_submissions)) {
        const QJsonObject s = value.toObject();
        auto *row = new QTreeWidgetItem(m_list,
            {QString::number(s.value(u"id"_s).toInteger()), s.value(u"version"_s).toString(),
                ReviewLabels::reason(s.value(u"reason"_s).toString()), s.value(u"effective"_s).toString(),
                ReviewLabels::state(s.value(u"state"_s).toString())});
        row->setData(0, Qt::UserRole, s.value(u"id"_s).toInteger());
    }
    m_message->setText(m_submissions.isEmpty() ? tr("You have submitted nothing yet.") : QString());
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    else
        showChosen();
    Q_EMIT loaded(m_submissions);
    return true;
}

void SubmissionsDialog::showChosen()
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    const QJsonObject chosen = m_submissions.at(row).toObject();
    ReviewLabels::fillItems(m_items, chosen);
    m_withdraw->setEnabled(row >= 0 && ReviewLabels::isWithdrawable(chosen.value(u"state"_s).toString()));
}

void SubmissionsDialog::withdrawChosen()
{
    const QTreeWidgetItem *row = m_list->currentItem();
    if (!row)
        return;
    const qint64 id = row->data(0, Qt::UserRole).toLongLong();
    if (ui::ConfirmDialog::ask(this, tr("Withdraw the submission"),
            tr("Withdraw submission %1 (version %2)?").arg(id).arg(row->text(1)),
            tr("<p>Nothing more is reviewed, walked or signed off for it, and it is never published. "
               "Your locks on its matters are released. The version may be submitted again.</p>"),
            tr("&Withdraw"))
        != ui::ConfirmDialog::Choice::Confirm)
        return;
    Result<QJsonObject> answer = fail(Error::Code::Io, QString());
    ui::runHallServerRequest(this, m_server,
        [&](sync::SyncClient &client) { answer = sync::CatalogueEditorClient(client).withdraw(id); });
    if (!answer) {
        m_message->setText(tr("The submission was not withdrawn: %1").arg(answer.error().message()));
        return;
    }
    reload();
    m_message->setText(tr("Submission %1 is withdrawn.").arg(id));
}

} // namespace ow::editorui
