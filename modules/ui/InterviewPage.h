#pragma once

#include "intake/IntakeSession.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QVBoxLayout;

namespace ow::ui {

class ChecklistPanel;
class FaqPanel;
class MaterialDetailPanel;
class OutcomePanel;
class QuestionWidget;
class SampleViewer;

/// The interview for one matter or bundle on one keyboard-driven screen: the questions on the left
/// (answering reveals what comes next), the live checklist in the middle, the selected material's
/// sample and review points on the right. It renders the intake's interview and sends it the
/// clerk's answers; the intake evaluates them once for the questions, the checklist and the case.
class InterviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit InterviewPage(QWidget *parent = nullptr);
    ~InterviewPage() override;

    /// Shows the interview of `intake` (not owned; it must have one open), replacing any earlier
    /// one, and focuses its first question.
    void start(intake::IntakeSession *intake);
    bool hasSession() const { return session() != nullptr; }
    /// Forgets the interview (a new case begins at the search).
    void endSession();
    const intake::InterviewSession *session() const { return m_intake ? m_intake->liveInterview() : nullptr; }
    /// Forgets every answer (after asking when there are any) and goes back to the first question.
    void startOver();
    /// Puts the keyboard on the first unanswered question, or on the checklist when none is left.
    void focusNextOpenQuestion();
    /// Shows the interview again after the intake changed it from elsewhere (the registration
    /// form's agent tick); the keyboard stays where it is.
    void refresh();

    /// Gives the whole page to the selected material's sample and review points, or gives it back.
    void setSampleEnlarged(bool enlarged);
    bool isSampleEnlarged() const { return m_sampleEnlarged; }

    QuestionWidget *questionWidget(int part, const QString &questionId) const;
    ChecklistPanel *checklistPanel() const { return m_checklist; }
    MaterialDetailPanel *detailPanel() const { return m_detail; }
    /// Shown instead of the checklist when the answers reached a screening outcome.
    OutcomePanel *outcomePanel() const { return m_outcome; }
    SampleViewer *sampleViewer() const;
    QString situationText() const;
    /// The frequently asked questions that apply to the answers so far, in place of the checklist (F12).
    FaqPanel *faqPanel() const { return m_faqs; }
    bool isFaqShown() const { return m_faqShown; }
    void setFaqShown(bool shown);

Q_SIGNALS:
    void backRequested();
    void sampleEnlargedChanged(bool enlarged);
    /// The clerk opens the matter a referral outcome names (F7).
    void referralRequested();
    /// The clerk prints the one-time notice of the outcome.
    void outcomeNoticeRequested();
    /// The interview was shown anew after a change (an answer, a referral, start over): what the
    /// window allows may have changed with it.
    void interviewChanged();

private:
    struct Entry
    {
        int part = 0;
        QuestionWidget *widget = nullptr;
    };

    void buildQuestions();
    void clearQuestions();
    void updateHeader();
    void updateSituation();
    void onAnswerChosen(const Entry &entry, const catalogue::Answer &answer);
    void move(QuestionWidget *from, int delta);
    /// The visible, unlocked question widgets in screen order.
    QList<QuestionWidget *> navigableQuestions() const;
    void onFocusChanged(QWidget *now);
    const catalogue::Matter *referredMatter(const catalogue::ScreeningOutcome &outcome) const;
    /// Lists the faqs whose condition holds now: the bundle's, then each matter's.
    void updateFaqs();
    void showMiddle();

    intake::IntakeSession *m_intake = nullptr;
    QList<Entry> m_entries;
    QList<QLabel *> m_sectionPaths; ///< per matter of a bundle: its situation, under its name
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_situation = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_questionsHost = nullptr;
    QVBoxLayout *m_questionsLayout = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_middle = nullptr;
    ChecklistPanel *m_checklist = nullptr;
    OutcomePanel *m_outcome = nullptr;
    MaterialDetailPanel *m_detail = nullptr;
    FaqPanel *m_faqs = nullptr;
    QPushButton *m_faqButton = nullptr;
    bool m_faqShown = false;
    QuestionWidget *m_active = nullptr;
    QMetaObject::Connection m_focusConnection;
    bool m_sampleEnlarged = false;
};

} // namespace ow::ui
