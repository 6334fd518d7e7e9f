#include "ui/InterviewPage.h"

#include "catalogue/FaqFilter.h"
#include "ui/ChangeSummary.h"
#include "ui/ChecklistPanel.h"
#include "ui/ConfirmDialog.h"
#include "ui/FaqPanel.h"
#include "ui/MaterialDetailPanel.h"
#include "ui/OutcomePanel.h"
#include "ui/QuestionWidget.h"
#include "ui/SampleViewer.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace ow::ui {

using intake::InterviewSession;

using namespace ow::catalogue;

InterviewPage::InterviewPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("interviewPage"));

    // Header: what is being applied for, and the way back.
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setWordWrap(true);
    m_meta = new QLabel(this);
    m_meta->setObjectName(QStringLiteral("pageSubtitle"));
    auto *back = new QPushButton(tr("← Back to search (Esc)"), this);
    back->setObjectName(QStringLiteral("flatButton"));
    back->setFocusPolicy(Qt::NoFocus);
    connect(back, &QPushButton::clicked, this, &InterviewPage::backRequested);
    auto *restart = new QPushButton(tr("Start over (Ctrl+R)"), this);
    restart->setObjectName(QStringLiteral("flatButton"));
    restart->setFocusPolicy(Qt::NoFocus);
    connect(restart, &QPushButton::clicked, this, &InterviewPage::startOver);

    // The applicant's frequent questions, in place of the checklist, by one key from anywhere in the
    // interview: the clerk answers them as the catalogue words them.
    m_faqButton = new QPushButton(this);
    m_faqButton->setObjectName(QStringLiteral("flatButton"));
    m_faqButton->setFocusPolicy(Qt::NoFocus);
    connect(m_faqButton, &QPushButton::clicked, this, [this] { setFaqShown(!m_faqShown); });
    auto *faqKey = new QShortcut(QKeySequence(Qt::Key_F12), this);
    faqKey->setContext(Qt::WindowShortcut);
    connect(faqKey, &QShortcut::activated, this, [this] {
        if (session())
            setFaqShown(!m_faqShown);
    });

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    titles->addWidget(m_meta);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(20, 14, 20, 12);
    header->addLayout(titles, 1);
    header->addWidget(m_faqButton, 0, Qt::AlignTop);
    header->addWidget(restart, 0, Qt::AlignTop);
    header->addWidget(back, 0, Qt::AlignTop);
    auto *headerWidget = new QWidget(this);
    headerWidget->setObjectName(QStringLiteral("pageHeader"));
    headerWidget->setAttribute(Qt::WA_StyledBackground);
    headerWidget->setLayout(header);

    // Left: the questions, then where the answers lead.
    auto *questionsTitle = new QLabel(tr("Situation questions"), this);
    questionsTitle->setObjectName(QStringLiteral("panelTitle"));
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("panelSubtitle"));
    m_progress->setWordWrap(true);
    m_questionsHost = new QWidget;
    m_questionsHost->setObjectName(QStringLiteral("questionsHost"));
    m_questionsLayout = new QVBoxLayout(m_questionsHost);
    m_questionsLayout->setContentsMargins(12, 4, 12, 12);
    m_questionsLayout->setSpacing(8);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("questionsScroll"));
    m_scroll->setWidget(m_questionsHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_situation = new QLabel(this);
    m_situation->setObjectName(QStringLiteral("situationBanner"));
    m_situation->setWordWrap(true);
    m_situation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("questionsPanel"));
    left->setAttribute(Qt::WA_StyledBackground);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    auto *leftHeader = new QVBoxLayout;
    leftHeader->setContentsMargins(16, 14, 16, 8);
    leftHeader->setSpacing(4);
    leftHeader->addWidget(questionsTitle);
    leftHeader->addWidget(m_progress);
    leftLayout->addLayout(leftHeader);
    leftLayout->addWidget(m_scroll, 1);
    leftLayout->addWidget(m_situation);

    m_checklist = new ChecklistPanel(this);
    m_detail = new MaterialDetailPanel(this);
    connect(m_checklist, &ChecklistPanel::currentLineChanged, this, [this](const ChecklistLine *line) {
        if (m_intake)
            m_detail->showLine(line, m_intake->catalogue());
    });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("interviewSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(left);
    // The middle shows the checklist, or the screening outcome that ended the walk instead of one.
    m_outcome = new OutcomePanel(this);
    connect(m_outcome, &OutcomePanel::referralRequested, this, &InterviewPage::referralRequested);
    connect(m_outcome, &OutcomePanel::noticeRequested, this, &InterviewPage::outcomeNoticeRequested);
    m_middle = new QStackedWidget(this);
    m_middle->addWidget(m_checklist);
    m_middle->addWidget(m_outcome);
    m_faqs = new FaqPanel(this);
    m_middle->addWidget(m_faqs);
    m_splitter->addWidget(m_middle);
    m_splitter->addWidget(m_detail);
    // Questions, checklist, detail: the sample gets the most room, it is what the clerk compares with.
    m_splitter->setStretchFactor(0, 26);
    m_splitter->setStretchFactor(1, 30);
    m_splitter->setStretchFactor(2, 44);
    m_splitter->setSizes({2600, 3000, 4400});
    left->setMinimumWidth(320);
    m_checklist->setMinimumWidth(320);
    m_detail->setMinimumWidth(340);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(headerWidget);
    layout->addWidget(m_splitter, 1);

    m_focusConnection = connect(
        qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

InterviewPage::~InterviewPage()
{
    // Focus moves while child widgets are destroyed; this page must not hear of it half destroyed.
    disconnect(m_focusConnection);
    clearQuestions();
}

SampleViewer *InterviewPage::sampleViewer() const
{
    return m_detail->sampleViewer();
}

void InterviewPage::start(intake::IntakeSession *intake)
{
    setSampleEnlarged(false);
    m_faqShown = false;
    clearQuestions();
    m_intake = intake;
    QHash<QString, QString> names;
    for (const InterviewSession::Part &part : session()->parts())
        names.insert(part.matter->code, part.matter->name);
    m_checklist->setMatterNames(names);
    buildQuestions();
    updateHeader();
    refresh();
    m_scroll->verticalScrollBar()->setValue(0);
    focusNextOpenQuestion();
}

void InterviewPage::endSession()
{
    setSampleEnlarged(false);
    m_faqShown = false;
    clearQuestions();
    m_checklist->setChecklist({}, false);
    m_intake = nullptr;
}

void InterviewPage::clearQuestions()
{
    m_active = nullptr;
    m_entries.clear(); // the widgets go with the layout items below
    m_sectionPaths.clear();
    while (QLayoutItem *item = m_questionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void InterviewPage::buildQuestions()
{
    const QList<InterviewSession::Part> &parts = session()->parts();
    for (qsizetype p = 0; p < parts.size(); ++p) {
        const Matter &matter = *parts.at(p).matter;
        if (parts.size() > 1) {
            auto *section = new QLabel(tr("%1  %2").arg(matter.name, matter.code), m_questionsHost);
            section->setObjectName(QStringLiteral("sectionTitle"));
            section->setWordWrap(true);
            section->setContentsMargins(4, p == 0 ? 2 : 12, 0, 0);
            m_questionsLayout->addWidget(section);
            // Each matter of a bundle shows its own situation under its name.
            auto *path = new QLabel(m_questionsHost);
            path->setObjectName(QStringLiteral("sectionPath"));
            path->setWordWrap(true);
            path->setContentsMargins(4, 0, 0, 0);
            m_questionsLayout->addWidget(path);
            m_sectionPaths.append(path);
        }
        for (const Question &question : matter.questions) {
            QuestionWidget *widget = QuestionWidget::create(question, m_questionsHost);
            const Entry entry {int(p), widget};
            widget->setLocked(session()->isPreset(int(p), question.id));
            connect(widget, &QuestionWidget::answerChosen, this,
                [this, entry](const Answer &answer) { onAnswerChosen(entry, answer); });
            connect(widget, &QuestionWidget::moveRequested, this,
                [this, widget](int delta) { move(widget, delta); });
            connect(widget, &QuestionWidget::advanceRequested, this, [this, widget] { move(widget, 1); });
            m_questionsLayout->addWidget(widget);
            m_entries.append(entry);
        }
    }
    m_questionsLayout->addStretch(1);

    // Tab walks the questions in screen order, then the checklist and the review points.
    QWidget *previous = nullptr;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (previous)
            setTabOrder(previous, entry.widget);
        previous = entry.widget;
    }
    if (previous)
        setTabOrder(previous, m_checklist->view());
}

void InterviewPage::updateHeader()
{
    const Catalogue &catalogue = m_intake->catalogue();
    if (const Bundle *bundle = session()->bundle()) {
        m_title->setText(bundle->name);
        const Department *lead = catalogue.department(bundle->leadDepartmentId);
        m_meta->setText(tr("One-thing bundle of %1 matters · lead department: %2")
                            .arg(session()->parts().size())
                            .arg(lead ? lead->name : bundle->leadDepartmentId));
        return;
    }
    const Matter &matter = *session()->parts().constFirst().matter;
    m_title->setText(matter.name);
    const Department *department = catalogue.department(matter.departmentId);
    const QString kind = matter.kind == MatterKind::Promised
        ? tr("promised case, %1 working days").arg(matter.promisedDays)
        : tr("immediate case");
    m_meta->setText(QStringList {
        matter.code, department ? department->name : matter.departmentId, kind, displayName(matter.frequency)}
                        .join(QStringLiteral("  ·  ")));
}

void InterviewPage::refresh()
{
    const InterviewSession *interview = session();
    if (!interview)
        return;
    const QList<InterviewSession::Part> &parts = interview->parts();
    int ordinal = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        const Evaluation &evaluation = parts.at(entry.part).evaluation;
        const Question &question = entry.widget->question();
        // A question several matters of a bundle ask is shown once, where it is asked first.
        const bool visible = evaluation.visibleQuestions.contains(&question)
            && interview->askedIn(entry.part, question.id) == entry.part;
        entry.widget->setVisible(visible);
        if (!visible)
            continue;
        entry.widget->setOrdinal(++ordinal);
        entry.widget->setOffered(evaluation.offeredOptions.value(question.id));
        entry.widget->showAnswer(interview->answer(entry.part, question.id));
    }
    m_checklist->setChecklist(interview->checklist(), interview->isComplete());
    int part = 0;
    const ScreeningOutcome *outcome = interview->outcome(&part);
    // An outcome has no material to show: the outcome takes the room of the checklist and the sample.
    if (outcome)
        setSampleEnlarged(false);
    m_detail->setVisible(!outcome);
    if (outcome)
        m_outcome->showOutcome(*outcome, referredMatter(*outcome), parts.at(part).evaluation.situationPath);
    updateFaqs();
    showMiddle();
    updateSituation();
    Q_EMIT interviewChanged();
}

void InterviewPage::showMiddle()
{
    if (m_faqShown)
        m_middle->setCurrentWidget(m_faqs);
    else if (session() && session()->outcome())
        m_middle->setCurrentWidget(m_outcome);
    else
        m_middle->setCurrentWidget(m_checklist);
}

void InterviewPage::updateFaqs()
{
    const InterviewSession *interview = session();
    QList<FaqPanel::Section> sections;
    auto add = [&](const QString &title, const QList<const Faq *> &faqs) {
        FaqPanel::Section section {title, {}};
        for (const Faq *faq : faqs)
            section.faqs.append(*faq);
        if (!section.faqs.isEmpty())
            sections.append(section);
    };
    const QList<InterviewSession::Part> &parts = interview->parts();
    if (const Bundle *bundle = interview->bundle()) {
        QMap<QString, Answers> answers;
        for (const InterviewSession::Part &part : parts)
            answers.insert(part.matter->code, part.evaluation.effectiveAnswers);
        add(bundle->name,
            FaqFilter::shown(
                bundle->faqs, FaqFilter::bundleAnswers(*bundle, m_intake->catalogue(), answers)));
    }
    for (const InterviewSession::Part &part : parts)
        add(parts.size() > 1 ? part.matter->name : QString(),
            FaqFilter::shown(part.matter->faqs, part.evaluation.effectiveAnswers));
    m_faqs->showSections(sections);
    m_faqButton->setText(
        m_faqShown ? tr("Back to the checklist (F12)") : tr("FAQ: %1 (F12)").arg(m_faqs->applicableCount()));
}

void InterviewPage::setFaqShown(bool shown)
{
    if (!session() || shown == m_faqShown)
        return;
    m_faqShown = shown;
    if (shown)
        setSampleEnlarged(false);
    updateFaqs();
    showMiddle();
    if (shown)
        m_faqs->searchField()->setFocus(Qt::OtherFocusReason);
    else
        focusNextOpenQuestion();
}

const Matter *InterviewPage::referredMatter(const ScreeningOutcome &outcome) const
{
    return outcome.kind == OutcomeKind::Refer ? m_intake->catalogue().matter(outcome.targetCode) : nullptr;
}

void InterviewPage::updateSituation()
{
    int shown = 0;
    int answered = 0;
    const QList<InterviewSession::Part> &parts = session()->parts();
    for (qsizetype p = 0; p < parts.size(); ++p) {
        const InterviewSession::Part &part = parts.at(p);
        for (const Question *question : part.evaluation.visibleQuestions) {
            if (session()->askedIn(int(p), question->id) != p)
                continue; // counted where it is asked
            ++shown;
            if (part.evaluation.effectiveAnswers.contains(question->id))
                ++answered;
        }
    }
    m_progress->setText(tr("%1 of %2 questions answered.").arg(answered).arg(shown));

    const QString separator = QStringLiteral(" › ");
    for (qsizetype p = 0; p < m_sectionPaths.size() && p < parts.size(); ++p) {
        const Evaluation &evaluation = parts.at(p).evaluation;
        m_sectionPaths.at(p)->setText(evaluation.complete
                ? tr("Situation: %1").arg(evaluation.situationPath.join(separator))
                : QString());
        m_sectionPaths.at(p)->setVisible(evaluation.complete);
    }
    const ScreeningOutcome *outcome = session()->outcome();
    if (outcome) {
        m_progress->setText(tr("%1 questions answered: the answers ended the interview.").arg(answered));
        m_situation->setText(OutcomePanel::headline(*outcome, referredMatter(*outcome)));
    } else if (session()->isComplete()) {
        m_progress->setText(tr("All %1 questions answered.").arg(shown));
        if (parts.size() > 1)
            m_situation->setText(tr("Every matter of the bundle has reached its situation."));
        else
            m_situation->setText(
                tr("Situation: %1").arg(parts.constFirst().evaluation.situationPath.join(separator)));
    } else {
        m_situation->setText(tr("Answer the highlighted question to continue. Digits 1–9 choose an option."));
    }
    m_situation->setProperty("complete", session()->isComplete());
    m_situation->setProperty("outcome", outcome != nullptr);
    m_situation->style()->unpolish(m_situation);
    m_situation->style()->polish(m_situation);
}

QString InterviewPage::situationText() const
{
    return session() && session()->isComplete() ? m_situation->text() : QString();
}

void InterviewPage::onAnswerChosen(const Entry &entry, const Answer &answer)
{
    const QString questionId = entry.widget->question().id;
    const Answer *current = session()->answer(entry.part, questionId);
    if (current && *current == answer) {
        move(entry.widget, 1);
        return;
    }
    if (current) {
        // Changing an earlier answer can drop later answers and materials: show what, and ask first.
        const ChangePreview preview = m_intake->previewAnswer(entry.part, questionId, answer);
        if (preview.changesAnything()) {
            const InterviewSession::Part &part = session()->parts().at(entry.part);
            const ChangeSummary summary(
                *part.matter, part.evaluation.effectiveAnswers, questionId, answer, preview);
            const auto choice = ConfirmDialog::ask(
                window(), tr("Change an answer"), summary.heading(), summary.detailsHtml(), tr("Change"));
            if (choice != ConfirmDialog::Choice::Confirm) {
                entry.widget->showAnswer(session()->answer(entry.part, questionId));
                entry.widget->setFocus(Qt::OtherFocusReason);
                return;
            }
        }
    }
    m_intake->setAnswer(entry.part, questionId, answer);
    refresh();
    focusNextOpenQuestion();
}

void InterviewPage::focusNextOpenQuestion()
{
    const InterviewSession *interview = session();
    if (!interview)
        return;
    if (interview->outcome()) {
        m_outcome->primaryButton()->setFocus(Qt::OtherFocusReason);
        return;
    }
    for (const Entry &entry : std::as_const(m_entries)) {
        const Question *next = interview->parts().at(entry.part).evaluation.nextQuestion;
        if (next == &entry.widget->question() && !entry.widget->isLocked() && !entry.widget->isHidden()) {
            entry.widget->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_checklist->view()->setFocus(Qt::OtherFocusReason);
}

QList<QuestionWidget *> InterviewPage::navigableQuestions() const
{
    QList<QuestionWidget *> widgets;
    for (const Entry &entry : m_entries)
        if (!entry.widget->isHidden() && !entry.widget->isLocked())
            widgets.append(entry.widget);
    return widgets;
}

void InterviewPage::move(QuestionWidget *from, int delta)
{
    const QList<QuestionWidget *> widgets = navigableQuestions();
    const qsizetype index = widgets.indexOf(from);
    const qsizetype target = index + delta;
    if (index >= 0 && target >= widgets.size()) {
        m_checklist->view()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (index < 0 || target < 0)
        return;
    widgets.at(target)->setFocus(delta > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
}

void InterviewPage::onFocusChanged(QWidget *now)
{
    QuestionWidget *question = nullptr;
    for (QWidget *w = now; w; w = w->parentWidget()) {
        if (auto *candidate = qobject_cast<QuestionWidget *>(w)) {
            question = candidate;
            break;
        }
    }
    if (question == m_active || (!question && now && !isAncestorOf(now)))
        return; // focus left the window (a dialog): keep the highlight where the clerk was
    if (m_active)
        m_active->setActive(false);
    m_active = question;
    if (m_active) {
        m_active->setActive(true);
        // A question just revealed has no geometry until the layout runs: scroll once it has.
        QTimer::singleShot(0, this, [this, target = QPointer<QuestionWidget>(m_active)] {
            if (target && target == m_active)
                m_scroll->ensureWidgetVisible(target, 0, 24);
        });
    }
}

void InterviewPage::startOver()
{
    if (!session())
        return;
    bool anyAnswer = false;
    for (const InterviewSession::Part &part : session()->parts())
        anyAnswer = anyAnswer || part.evaluation.effectiveAnswers.size() > part.presetQuestions.size();
    if (anyAnswer
        && ConfirmDialog::ask(window(), tr("Start over"),
               tr("Clear every answer and start this interview again?"), QString(), tr("Start over"))
            != ConfirmDialog::Choice::Confirm)
        return;
    m_intake->clearAnswers();
    refresh();
    m_scroll->verticalScrollBar()->setValue(0);
    focusNextOpenQuestion();
}

void InterviewPage::setSampleEnlarged(bool enlarged)
{
    if (enlarged == m_sampleEnlarged)
        return;
    m_sampleEnlarged = enlarged;
    m_splitter->widget(0)->setVisible(!enlarged);
    m_splitter->widget(1)->setVisible(!enlarged);
    if (enlarged)
        m_detail->sampleViewer()->points()->setFocus(Qt::OtherFocusReason);
    else
        m_checklist->view()->setFocus(Qt::OtherFocusReason);
    Q_EMIT sampleEnlargedChanged(enlarged);
}

QuestionWidget *InterviewPage::questionWidget(int part, const QString &questionId) const
{
    for (const Entry &entry : m_entries)
        if (entry.part == part && entry.widget->question().id == questionId)
            return entry.widget;
    return nullptr;
}

} // namespace ow::ui
