#pragma once

#include "catalogue/PracticeScore.h"
#include "ui/PracticeReport.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;

namespace ow::ui {

class PracticeRecorder;

/// A practice quiz for clerks (业务练习, the monthly exam), by keyboard: choose matters (or none for
/// the whole catalogue) and the number of questions; for each question read the situation, tick the
/// materials the applicant must bring (space) and press Enter to have it marked by the counter's own
/// engine, with the review points of what was missed; Enter again for the next. The end shows the
/// total and each question's missed review points. The quiz goes to the recorder at its end, or with
/// the questions answered so far when the dialog is closed before it.
class PracticeDialog : public QDialog
{
    Q_OBJECT

public:
    /// `recorder` may be null (a workstation without a case store): nothing is recorded, and the
    /// dialog says so.
    PracticeDialog(catalogue::CataloguePtr catalogue, catalogue::PracticeSettings settings,
        std::shared_ptr<PracticeRecorder> recorder, QWidget *parent = nullptr);
    ~PracticeDialog() override;

    /// The seed of the next quiz (a random one unless set), so a test knows what it will be asked.
    void setSeed(quint32 seed) { m_seed = seed; }

    QListWidget *subjectList() const { return m_subjects; }
    QLineEdit *filterField() const { return m_filter; }
    QSpinBox *countField() const { return m_count; }
    QListWidget *choiceList() const { return m_choices; }
    QLabel *headingLabel() const { return m_heading; }
    QTextBrowser *feedback() const { return m_feedback; }
    QTextBrowser *summary() const { return m_summary; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *nextButton() const { return m_next; }

    bool isChoosing() const;
    bool isAsking() const;
    bool isShowingSummary() const;
    /// The question shown now (asking), and whether its answer was marked yet.
    const catalogue::PracticeQuestion *currentQuestion() const;
    bool isAnswered() const { return m_answered; }
    const catalogue::PracticeScore &score() const { return m_score; }
    const QList<catalogue::PracticeQuestion> &questions() const { return m_questions; }

public Q_SLOTS:
    /// Draws the quiz from the ticked matters (none: the whole catalogue) and asks the first question.
    void start();
    /// Enter: marks the ticked materials, or goes on to the next question or the summary.
    void next();
    /// Back to choosing matters for another quiz.
    void again();
    /// Closing records the questions answered so far, if the quiz has not ended.
    void done(int result) override;

Q_SIGNALS:
    /// A quiz could not be recorded (the reason): shown in the window, and passed on for the
    /// workstation's status bar when the dialog closes.
    void recordFailed(const QString &message);

private:
    QWidget *buildChoosePage();
    QWidget *buildAskPage();
    QWidget *buildSummaryPage();
    void filterSubjects(const QString &text);
    void showQuestion();
    void markAnswer();
    void showSummary();
    void recordQuiz();

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<catalogue::SituationEngine> m_engine;
    catalogue::PracticeSettings m_settings;
    std::shared_ptr<PracticeRecorder> m_recorder;
    PracticeReport m_report;
    quint32 m_seed = 0;
    QString m_quizId;
    QList<catalogue::PracticeQuestion> m_questions;
    catalogue::PracticeScore m_score;
    int m_index = -1;
    bool m_answered = false;
    bool m_recorded = false;
    QString m_recordProblem;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_choosePage = nullptr;
    QWidget *m_askPage = nullptr;
    QWidget *m_summaryPage = nullptr;
    QLineEdit *m_filter = nullptr;
    QListWidget *m_subjects = nullptr;
    QSpinBox *m_count = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_situation = nullptr;
    QListWidget *m_choices = nullptr;
    QTextBrowser *m_feedback = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_total = nullptr;
    QTextBrowser *m_summary = nullptr;
    QPushButton *m_again = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ow::ui
