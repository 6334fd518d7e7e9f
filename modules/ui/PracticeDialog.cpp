#include "ui/PracticeDialog.h"

#include "ui/PracticeRecorder.h"
#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QUuid>
#include <QVBoxLayout>

namespace ow::ui {

using namespace catalogue;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSubjectRole = Qt::UserRole + 1;
constexpr int kMaterialRole = Qt::UserRole + 2;

QLabel *captionFor(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setBuddy(buddy);
    caption->setWordWrap(true);
    return caption;
}

} // namespace

PracticeDialog::PracticeDialog(CataloguePtr catalogue, PracticeSettings settings,
    std::shared_ptr<PracticeRecorder> recorder, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(std::move(catalogue))
    , m_engine(std::make_unique<SituationEngine>(m_catalogue))
    , m_settings(settings)
    , m_recorder(std::move(recorder))
    , m_report(*m_catalogue)
    , m_seed(QRandomGenerator::global()->generate())
    , m_score(settings.passMarkPercent)
{
    setObjectName(u"practiceDialog"_s);
    setWindowTitle(tr("Practice"));
    resize(1120, 660); // within a 1366×768 counter screen, with room for the window frame

    m_pages = new QStackedWidget(this);
    m_choosePage = buildChoosePage();
    m_askPage = buildAskPage();
    m_summaryPage = buildSummaryPage();
    m_pages->addWidget(m_choosePage);
    m_pages->addWidget(m_askPage);
    m_pages->addWidget(m_summaryPage);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *close = new QPushButton(tr("&Close"), this);
    close->setObjectName(u"closeButton"_s);
    close->setAutoDefault(false);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);
    again();
}

PracticeDialog::~PracticeDialog() = default;

QWidget *PracticeDialog::buildChoosePage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("Each question is a real situation of a matter, drawn from the catalogue the "
                                "counter works with: tick the materials the applicant must bring, and "
                                "the counter's own checklist marks the answer. The pass mark is %1%.")
                                 .arg(m_settings.passMarkPercent),
        page);
    intro->setWordWrap(true);
    m_filter = new QLineEdit(page);
    m_filter->setObjectName(u"filterField"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("name or code"));
    connect(m_filter, &QLineEdit::textChanged, this, &PracticeDialog::filterSubjects);
    m_subjects = new QListWidget(page);
    m_subjects->setObjectName(u"subjectList"_s);
    for (const Matter &matter : m_catalogue->matters) {
        auto *item = new QListWidgetItem(
            tr("%1  %2 · %3").arg(matter.name, matter.code, displayName(matter.frequency)), m_subjects);
        item->setData(kSubjectRole, matter.code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    for (const Bundle &bundle : m_catalogue->bundles) {
        auto *item = new QListWidgetItem(tr("%1  %2 · bundle").arg(bundle.name, bundle.id), m_subjects);
        item->setData(kSubjectRole, bundle.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_count = new QSpinBox(page);
    m_count->setObjectName(u"countField"_s);
    m_count->setRange(1, 50);
    m_count->setValue(std::clamp(m_settings.questionCount, 1, 50));
    m_start = new QPushButton(tr("&Start"), page);
    m_start->setObjectName(u"startButton"_s);
    connect(m_start, &QPushButton::clicked, this, &PracticeDialog::start);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(captionFor(tr("&Find"), m_filter, page));
    filterRow->addWidget(m_filter, 1);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(captionFor(tr("&Questions"), m_count, page));
    countRow->addWidget(m_count);
    countRow->addStretch(1);
    countRow->addWidget(m_start);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addLayout(filterRow);
    layout->addWidget(captionFor(tr("&Matters to practise (Space ticks; none ticked: the whole catalogue, "
                                    "high-frequency matters most often)"),
        m_subjects, page));
    layout->addWidget(m_subjects, 1);
    layout->addLayout(countRow);
    return page;
}

QWidget *PracticeDialog::buildAskPage()
{
    auto *page = new QWidget(this);
    m_heading = new QLabel(page);
    m_heading->setObjectName(u"headingLabel"_s);
    m_heading->setWordWrap(true);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);
    m_situation = new QLabel(page);
    m_situation->setTextFormat(Qt::RichText);
    m_situation->setWordWrap(true);
    m_situation->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_situation->setStyleSheet(u"QLabel { background: %1; padding: 6px; }"_s.arg(Theme::accentSoft().name()));
    m_choices = new QListWidget(page);
    m_choices->setObjectName(u"choiceList"_s);
    m_feedback = new QTextBrowser(page);
    m_feedback->setObjectName(u"feedback"_s);
    m_feedback->setFocusPolicy(Qt::NoFocus); // the keys stay with the materials and Enter
    m_next = new QPushButton(page);
    m_next->setObjectName(u"nextButton"_s);
    // Wide enough for each of its texts, so the button does not jump or cut a text as it changes.
    int widest = 0;
    for (const QString &text : {tr("Mark the &answer"), tr("&Next question"), tr("See the &results")})
        widest = std::max(widest, m_next->fontMetrics().horizontalAdvance(text));
    m_next->setMinimumWidth(widest + 40);
    connect(m_next, &QPushButton::clicked, this, &PracticeDialog::next);

    auto *left = new QWidget(page);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("The applicant's situation:"), left));
    leftLayout->addWidget(m_situation);
    leftLayout->addWidget(captionFor(
        tr("&Materials the applicant must bring (Space ticks, Enter marks the answer):"), m_choices, left));
    leftLayout->addWidget(m_choices, 1);
    auto *splitter = new QSplitter(page);
    splitter->addWidget(left);
    splitter->addWidget(m_feedback);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_heading);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *PracticeDialog::buildSummaryPage()
{
    auto *page = new QWidget(this);
    m_total = new QLabel(page);
    m_total->setObjectName(u"totalLabel"_s);
    QFont big = m_total->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_total->setFont(big);
    m_summary = new QTextBrowser(page);
    m_summary->setObjectName(u"summary"_s);
    m_again = new QPushButton(tr("&Practise again"), page);
    m_again->setObjectName(u"againButton"_s);
    connect(m_again, &QPushButton::clicked, this, &PracticeDialog::again);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_again);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_total);
    layout->addWidget(m_summary, 1);
    layout->addLayout(buttons);
    return page;
}

bool PracticeDialog::isChoosing() const
{
    return m_pages->currentWidget() == m_choosePage;
}

bool PracticeDialog::isAsking() const
{
    return m_pages->currentWidget() == m_askPage;
}

bool PracticeDialog::isShowingSummary() const
{
    return m_pages->currentWidget() == m_summaryPage;
}

const PracticeQuestion *PracticeDialog::currentQuestion() const
{
    return isAsking() && m_index >= 0 && m_index < m_questions.size() ? &m_questions.at(m_index) : nullptr;
}

void PracticeDialog::filterSubjects(const QString &text)
{
    const QString wanted = text.trimmed();
    for (int row = 0; row < m_subjects->count(); ++row) {
        QListWidgetItem *item = m_subjects->item(row);
        item->setHidden(!wanted.isEmpty() && !item->text().contains(wanted, Qt::CaseInsensitive));
    }
    // Space ticks the current row: keep it on one the clerk can see.
    QListWidgetItem *current = m_subjects->currentItem();
    if (!current || current->isHidden())
        for (int row = 0; row < m_subjects->count(); ++row)
            if (!m_subjects->item(row)->isHidden()) {
                m_subjects->setCurrentRow(row);
                break;
            }
}

void PracticeDialog::again()
{
    m_pages->setCurrentWidget(m_choosePage);
    m_start->setDefault(true);
    m_message->setText(m_recorder ? QString()
                                  : tr("This workstation keeps no practice record: the scores count toward "
                                       "no points or grade."));
    m_subjects->setFocus();
    if (m_subjects->currentRow() < 0 && m_subjects->count() > 0)
        m_subjects->setCurrentRow(0);
}

void PracticeDialog::start()
{
    QStringList subjects;
    for (int row = 0; row < m_subjects->count(); ++row)
        if (m_subjects->item(row)->checkState() == Qt::Checked)
            subjects.append(m_subjects->item(row)->data(kSubjectRole).toString());
    PracticeSettings settings = m_settings;
    settings.questionCount = m_count->value();
    Result<QList<PracticeQuestion>> drawn = PracticeQuiz(*m_engine, settings).generate(subjects, m_seed);
    m_seed = QRandomGenerator(m_seed).generate(); // another quiz next time
    if (!drawn) {
        m_message->setText(drawn.error().message());
        return;
    }
    m_questions = *drawn;
    m_score = PracticeScore(m_settings.passMarkPercent);
    m_quizId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_recorded = false;
    m_recordProblem.clear();
    m_index = 0;
    m_pages->setCurrentWidget(m_askPage);
    m_next->setDefault(true);
    showQuestion();
}

void PracticeDialog::showQuestion()
{
    const PracticeQuestion &question = m_questions.at(m_index);
    m_answered = false;
    m_heading->setText(m_report.heading(m_index, int(m_questions.size()), question));
    m_situation->setText(m_report.situationHtml(question));
    m_choices->clear();
    for (const QString &id : question.choices) {
        auto *item = new QListWidgetItem(m_report.materialName(id), m_choices);
        item->setData(kMaterialRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_choices->setCurrentRow(0);
    m_feedback->setHtml(u"<p style=\"color:%1\">%2</p>"_s.arg(Theme::secondaryText().name(),
        tr("Tick every material the applicant must bring in this situation, then press Enter. The "
           "answer is marked against the counter's checklist; the review points of what you missed "
           "show here.")
            .toHtmlEscaped()));
    m_next->setText(tr("Mark the &answer"));
    m_choices->setFocus();
}

void PracticeDialog::next()
{
    if (!isAsking())
        return;
    if (!m_answered) {
        markAnswer();
        return;
    }
    if (m_index + 1 < m_questions.size()) {
        ++m_index;
        showQuestion();
    } else {
        showSummary();
    }
}

void PracticeDialog::markAnswer()
{
    const PracticeQuestion &question = m_questions.at(m_index);
    QStringList picked;
    for (int row = 0; row < m_choices->count(); ++row)
        if (m_choices->item(row)->checkState() == Qt::Checked)
            picked.append(m_choices->item(row)->data(kMaterialRole).toString());
    const QuestionScore &score = m_score.add(question, picked);
    m_answered = true;
    // The answer stays as ticked, each material marked; no tick changes it any more.
    for (int row = 0; row < m_choices->count(); ++row) {
        QListWidgetItem *item = m_choices->item(row);
        const QString id = item->data(kMaterialRole).toString();
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (score.right.contains(id)) {
            item->setForeground(Theme::success());
            item->setText(tr("%1 — right").arg(m_report.materialName(id)));
        } else if (score.wrong.contains(id)) {
            item->setForeground(Theme::danger());
            item->setText(tr("%1 — not to be brought").arg(m_report.materialName(id)));
        } else if (score.missed.contains(id)) {
            item->setForeground(Theme::warning());
            item->setText(tr("%1 — missed").arg(m_report.materialName(id)));
        }
    }
    m_feedback->setHtml(m_report.feedbackHtml(question, score, m_score.passMarkPercent()));
    m_next->setText(m_index + 1 < m_questions.size() ? tr("&Next question") : tr("See the &results"));
}

void PracticeDialog::recordQuiz()
{
    if (!m_recorder || m_recorded || m_score.questions().isEmpty())
        return;
    m_recorded = true;
    Result<void> recorded
        = m_recorder->record(m_quizId, m_questions.mid(0, m_score.questions().size()), m_score);
    if (!recorded) {
        m_recordProblem = recorded.error().message();
        Q_EMIT recordFailed(tr("The practice could not be recorded: %1").arg(m_recordProblem));
    }
}

void PracticeDialog::done(int result)
{
    recordQuiz(); // a quiz left early counts with the questions answered
    QDialog::done(result);
}

void PracticeDialog::showSummary()
{
    m_pages->setCurrentWidget(m_summaryPage);
    m_again->setDefault(true);
    m_total->setText(m_report.totalLine(m_score));
    m_total->setStyleSheet(
        u"QLabel { color: %1; }"_s.arg((m_score.passed() ? Theme::success() : Theme::danger()).name()));
    m_summary->setHtml(m_report.summaryHtml(m_questions, m_score));
    recordQuiz();
    if (!m_recorder)
        m_message->setText(tr("This workstation keeps no practice record: the scores count toward no points "
                              "or grade."));
    else if (!m_recordProblem.isEmpty())
        m_message->setText(tr("The practice could not be recorded: %1").arg(m_recordProblem));
    else
        m_message->setText(tr("The practice is recorded; it counts toward your points and grade once this "
                              "workstation has synced."));
    m_again->setFocus();
}

} // namespace ow::ui
