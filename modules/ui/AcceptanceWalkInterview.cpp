#include "ui/AcceptanceWalkInterview.h"

#include "intake/IntakeSession.h"
#include "ui/InterviewPage.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace ow::ui {

AcceptanceWalkInterview::AcceptanceWalkInterview(
    const sync::PendingWalk &walk, catalogue::CataloguePtr submitted, QWidget *parent)
    : QDialog(parent)
    , m_walk(walk)
    , m_catalogue(std::move(submitted))
{
    setWindowTitle(tr("Acceptance walk: %1").arg(walk.title));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(
        tr("Catalogue version %1 under acceptance (submission %2): walk this situation as an applicant "
           "would be served. What changed: %3")
            .arg(walk.version)
            .arg(walk.submission)
            .arg(walk.detail.isEmpty() ? tr("(not listed)")
                                       : QString(walk.detail).replace(u'\n', QStringLiteral("; "))),
        this);
    header->setWordWrap(true);
    header->setTextFormat(Qt::PlainText);
    layout->addWidget(header);

    // An intake of its own on the submitted version: no store, so nothing is numbered or kept, and
    // the intake on the catalogue in use stays as it is.
    intake::IntakeEnvironment environment;
    m_session = std::make_unique<intake::IntakeSession>(environment, m_catalogue);
    if (const catalogue::Bundle *bundle = walk.bundle.isEmpty() ? nullptr : m_catalogue->bundle(walk.bundle))
        m_session->openBundle(*bundle);
    else if (const catalogue::Matter *matter = m_catalogue->matter(walk.matter))
        m_session->openMatter(*matter);
    m_page = new InterviewPage(this);
    layout->addWidget(m_page, 1);
    if (m_session->liveInterview()) {
        answerSituation();
        m_page->start(m_session.get());
    } else {
        m_page->setEnabled(false);
    }

    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto *objectionRow = new QHBoxLayout;
    auto *objectionLabel = new QLabel(tr("&Objection (what is wrong, if anything):"), this);
    m_objectionEdit = new QLineEdit(this);
    objectionLabel->setBuddy(m_objectionEdit);
    objectionRow->addWidget(objectionLabel);
    objectionRow->addWidget(m_objectionEdit, 1);
    layout->addLayout(objectionRow);
    auto *buttons = new QDialogButtonBox(this);
    m_done = buttons->addButton(tr("&Walked, no objection"), QDialogButtonBox::ActionRole);
    m_object = buttons->addButton(tr("Record ob&jection"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_done, &QPushButton::clicked, this, [this] { finish(false); });
    connect(m_object, &QPushButton::clicked, this, [this] { finish(true); });
    connect(m_objectionEdit, &QLineEdit::textChanged, this, &AcceptanceWalkInterview::updateButtons);
    connect(m_page, &InterviewPage::interviewChanged, this, &AcceptanceWalkInterview::updateButtons);
    // The interview's "back" leaves the walk.
    connect(m_page, &InterviewPage::backRequested, this, &QDialog::reject);

    // The counter's screen (1366×768) with room for the window's frame.
    QSize size(1340, 720);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() - QSize(20, 40));
    resize(size);
    updateButtons();
}

AcceptanceWalkInterview::~AcceptanceWalkInterview() = default;

void AcceptanceWalkInterview::answerSituation()
{
    const intake::InterviewSession *interview = m_session->liveInterview();
    const QStringList keys = m_walk.bundle.isEmpty()
        ? QStringList {m_walk.situation}
        : m_walk.situation.split(sync::AcceptanceWalks::bundleSeparator());
    for (int part = 0; part < interview->parts().size() && part < keys.size(); ++part) {
        const catalogue::Matter &matter = *interview->parts().at(part).matter;
        for (const QString &text : keys.at(part).split(u';', Qt::SkipEmptyParts)) {
            if (text == u"-")
                continue;
            // An answer the version does not know is left open: the clerk sees the question asked.
            const auto parsed = interview->engine().parseAnswer(matter, text);
            if (parsed && !m_session->liveInterview()->isPreset(part, parsed->first))
                m_session->setAnswer(part, parsed->first, parsed->second);
        }
    }
}

QString AcceptanceWalkInterview::walkedAnswers() const
{
    const intake::InterviewSession *interview = m_session ? m_session->liveInterview() : nullptr;
    if (!interview)
        return {};
    QStringList keys;
    for (const intake::InterviewSession::Part &part : interview->parts())
        keys.append(part.evaluation.situationKey.isEmpty() && !m_walk.bundle.isEmpty()
                ? QStringLiteral("-")
                : part.evaluation.situationKey);
    return keys.join(sync::AcceptanceWalks::bundleSeparator());
}

void AcceptanceWalkInterview::updateButtons()
{
    const intake::InterviewSession *interview = m_session ? m_session->liveInterview() : nullptr;
    const bool objecting = !m_objectionEdit->text().trimmed().isEmpty();
    const bool onSituation = interview && interview->isComplete() && walkedAnswers() == m_walk.situation;
    if (!interview)
        m_state->setText(tr("Version %1 has no %2: record an objection.")
                             .arg(m_walk.version, m_walk.bundle + m_walk.matter));
    else if (!interview->isComplete())
        m_state->setText(tr("Answer the open questions to reach the situation under acceptance."));
    else if (!onSituation)
        m_state->setText(tr("These answers are not the situation under acceptance (%1): go back to it to "
                            "record the walk, or record an objection.")
                             .arg(m_walk.situation));
    else
        m_state->setText(tr("This is the situation under acceptance. Check the checklist, the samples and "
                            "the review points as at the counter."));
    m_done->setEnabled(onSituation && !objecting);
    m_object->setEnabled(objecting);
}

void AcceptanceWalkInterview::finish(bool withObjection)
{
    m_objection = withObjection ? m_objectionEdit->text().trimmed() : QString();
    accept();
}

} // namespace ow::ui
