#include "ui/SharedMaterialBox.h"

#include "intake/SharedMaterialFetch.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

using Status = cases::MaterialCheck::Status;

SharedMaterialBox::SharedMaterialBox(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sharedMaterialBox"));
    m_title = new QLabel(tr("Data sharing"), this);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    // The key answers on the page; Tab stays on the content.
    m_fetchButton = new QPushButton(this);
    m_fetchButton->setObjectName(QStringLiteral("flatButton"));
    m_fetchButton->setFocusPolicy(Qt::NoFocus);
    connect(m_fetchButton, &QPushButton::clicked, this, &SharedMaterialBox::requestFetch);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sharedFetchProgress"));
    m_progress->setRange(0, 0); // how long the platform takes is unknown
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("keyHint"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("inputError"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_paperRow = new QWidget(this);
    m_paperReason = new QLineEdit(m_paperRow);
    m_paperReason->setObjectName(QStringLiteral("formField"));
    m_paperReason->setPlaceholderText(tr("Why the paper is taken instead (required)"));
    connect(m_paperReason, &QLineEdit::returnPressed, this, &SharedMaterialBox::takePaper);
    m_paperButton = new QPushButton(tr("Take the paper"), m_paperRow);
    m_paperButton->setObjectName(QStringLiteral("flatButton"));
    m_paperButton->setEnabled(false);
    connect(m_paperButton, &QPushButton::clicked, this, &SharedMaterialBox::takePaper);
    connect(m_paperReason, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_paperButton->setEnabled(!text.trimmed().isEmpty()); });
    auto *paper = new QHBoxLayout(m_paperRow);
    paper->setContentsMargins(0, 0, 0, 0);
    paper->setSpacing(8);
    paper->addWidget(m_paperReason, 1);
    paper->addWidget(m_paperButton);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_title);
    header->addWidget(m_state, 1);
    header->addWidget(m_fetchButton);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 4, 0, 0);
    column->setSpacing(6);
    column->addLayout(header);
    column->addWidget(m_progress);
    column->addWidget(m_problem);
    column->addWidget(m_paperRow);
    hide();
}

void SharedMaterialBox::showMaterial(const catalogue::ChecklistLine *line, const cases::MaterialCheck *check)
{
    if (!line || !check || !line->dataShared) {
        m_materialId.clear();
        hide();
        return;
    }
    if (m_materialId != line->materialId)
        m_paperReason->clear();
    m_materialId = line->materialId;
    const bool configured = m_fetch && m_fetch->isConfigured();
    const bool fetching = m_fetch && m_fetch->fetchingMaterial() == line->materialId;
    const QString failure = m_fetch ? m_fetch->failure(line->materialId) : QString();
    m_fetchButton->setText(configured ? tr("Fetch  F7") : tr("Not configured  F7"));
    m_fetchButton->setToolTip(configured
            ? tr("F7: fetch %1 from the data-sharing platform by the applicant's credit code or ID number, "
                 "attached to the case as its scan")
                  .arg(line->name)
            : tr("F7: no data-sharing platform is configured on this workstation (sharing-endpoint); take "
                 "the paper instead"));
    m_fetchButton->setEnabled(!fetching && !(m_fetch && m_fetch->isFetching()));
    m_progress->setVisible(fetching);

    QString state;
    bool problem = false;
    if (fetching) {
        state = tr("Fetching %1 from the data-sharing platform…").arg(line->name);
    } else if (check->shared.isFetched() && check->status == Status::DataShared) {
        state = tr("Fetched from %1 at %2 · reference %3")
                    .arg(check->shared.source,
                        check->shared.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        check->shared.reference);
    } else if (!check->shared.paperReason.isEmpty()) {
        state = tr("Taken on paper: %1").arg(check->shared.paperReason);
    } else if (!failure.isEmpty()) {
        state = failure;
        problem = true;
    } else if (!configured) {
        state = tr("No data-sharing platform is configured here: take the paper, with the reason.");
    } else {
        state = tr("The applicant need not bring it: F7 fetches it.");
    }
    m_state->setText(problem ? QString() : state);
    m_problem->setText(problem ? state : QString());
    m_problem->setVisible(problem);
    // The paper is offered once fetching failed or cannot be done here.
    const bool offerPaper = !fetching && check->shared.paperReason.isEmpty()
        && !(check->shared.isFetched() && check->status == Status::DataShared) && (problem || !configured);
    m_paperRow->setVisible(offerPaper);
    show();
}

void SharedMaterialBox::requestFetch()
{
    if (!m_materialId.isEmpty())
        Q_EMIT fetchRequested(m_materialId);
}

QString SharedMaterialBox::stateText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : m_state->text();
}

void SharedMaterialBox::takePaper()
{
    const QString reason = m_paperReason->text().trimmed();
    if (m_materialId.isEmpty() || reason.isEmpty())
        return;
    Q_EMIT paperRequested(m_materialId, reason);
}

} // namespace ow::ui
