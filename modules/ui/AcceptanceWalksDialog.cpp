#include "ui/AcceptanceWalksDialog.h"

#include "ui/AcceptanceWalkInterview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::ui {

AcceptanceWalksDialog::AcceptanceWalksDialog(Fetch fetch, Open open, Record record, QWidget *parent)
    : QDialog(parent)
    , m_fetch(std::move(fetch))
    , m_open(std::move(open))
    , m_record(std::move(record))
{
    setWindowTitle(tr("Acceptance walks"));
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("Changed situations of catalogue versions under acceptance. Walk each one "
                        "(Enter) in the counter's interview on the submitted version, as an applicant "
                        "would be served; it passes once %1 different counters walked it without "
                        "objection.")
                         .arg(3),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QTreeWidget(this);
    m_list->setHeaderLabels({tr("Matter and situation"), tr("Version"), tr("Change"), tr("Counters")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 2);
    auto *detailLabel = new QLabel(tr("What changed in this situation:"), this);
    layout->addWidget(detailLabel);
    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    layout->addWidget(m_detail, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_walk = buttons->addButton(tr("&Walk…"), QDialogButtonBox::ActionRole);
    QPushButton *reload = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(reload, &QPushButton::clicked, this, &AcceptanceWalksDialog::refresh);
    connect(m_walk, &QPushButton::clicked, this, &AcceptanceWalksDialog::walkSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &AcceptanceWalksDialog::walkSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AcceptanceWalksDialog::showSelected);
    resize(900, 560);
    refresh();
}

void AcceptanceWalksDialog::refresh()
{
    const Result<QList<sync::PendingWalk>> walks = m_fetch();
    m_list->clear();
    m_walks.clear();
    if (!walks) {
        m_status->setText(tr("The server could not be asked: %1").arg(walks.error().message()));
    } else {
        m_walks = *walks;
        m_status->setText(m_walks.isEmpty()
                ? tr("No situation is waiting for this counter's walk.")
                : tr("%n situation(s) waiting for this counter.", nullptr, int(m_walks.size())));
    }
    for (const sync::PendingWalk &walk : std::as_const(m_walks)) {
        const QString change = walk.change == QLatin1StringView("added") ? tr("new") : tr("changed");
        auto *row = new QTreeWidgetItem(m_list,
            {walk.bundle.isEmpty() ? walk.title : tr("Bundle %1").arg(walk.title), walk.version, change,
                tr("%1 of %2").arg(walk.counters).arg(walk.countersNeeded)});
        row->setToolTip(0, walk.title);
    }
    if (!m_walks.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showSelected();
}

const sync::PendingWalk *AcceptanceWalksDialog::selected() const
{
    const int index = m_list->indexOfTopLevelItem(m_list->currentItem());
    return index >= 0 && index < m_walks.size() ? &m_walks.at(index) : nullptr;
}

void AcceptanceWalksDialog::showSelected()
{
    const sync::PendingWalk *walk = selected();
    if (walk)
        m_detail->setPlainText(
            tr("Version %1, submission %2\nAnswers: %3\n\n%4")
                .arg(walk->version)
                .arg(walk->submission)
                .arg(walk->situation.isEmpty() ? tr("(no question)") : walk->situation, walk->detail));
    else
        m_detail->clear();
    m_walk->setEnabled(walk != nullptr);
}

void AcceptanceWalksDialog::walkSelected()
{
    const sync::PendingWalk *selectedWalk = selected();
    if (!selectedWalk)
        return;
    const sync::PendingWalk walk = *selectedWalk;
    const Result<catalogue::CataloguePtr> submitted = m_open(walk);
    if (!submitted) {
        m_status->setText(tr("Version %1 could not be opened for the walk: %2")
                              .arg(walk.version, submitted.error().message()));
        return;
    }
    AcceptanceWalkInterview interview(walk, *submitted, this);
    QTimer::singleShot(0, &interview, [this, &interview] { Q_EMIT walkOpened(&interview); });
    if (interview.exec() != QDialog::Accepted) {
        m_status->setText(tr("Nothing recorded for %1.").arg(walk.title));
        return;
    }
    const QString objection = interview.objection();
    const Result<void> recorded = m_record(walk, objection, interview.walkedAnswers());
    if (!recorded) {
        m_status->setText(tr("Not recorded: %1").arg(recorded.error().message()));
        return;
    }
    refresh();
    m_status->setText(
        (objection.isEmpty() ? tr("Walk recorded for %1.")
                             : tr("Objection recorded for %1; the version goes back to its editor."))
            .arg(walk.title));
}

} // namespace ow::ui
