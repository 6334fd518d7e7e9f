#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace ow::ui {

/// One situation question on the interview screen, driven from the keyboard. Subclasses render the
/// single-choice, multi-choice and number questions; create() picks the right one.
class QuestionWidget : public QFrame
{
    Q_OBJECT

public:
    static QuestionWidget *create(const catalogue::Question &question, QWidget *parent = nullptr);

    const catalogue::Question &question() const { return m_question; }
    /// The number shown before the question text (1-based among the questions on screen).
    void setOrdinal(int ordinal);
    /// The options offered in the current situation; digits 1–9 pick among these, in order.
    virtual void setOffered(const QStringList &optionIds);
    /// Shows the answer in force (null = not answered yet). Also undoes a change the clerk cancelled.
    virtual void showAnswer(const catalogue::Answer *answer) = 0;
    /// A question a bundle answers in advance: shown, not changeable, skipped by the keyboard.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    /// Marks the question the keyboard is on (drawn highlighted by the style sheet).
    void setActive(bool active);

Q_SIGNALS:
    /// The clerk picked or confirmed an answer; the page decides whether it applies.
    void answerChosen(const catalogue::Answer &answer);
    /// Up/Down pressed: move to the previous (-1) or next (+1) question.
    void moveRequested(int delta);
    /// Enter on a question already answered: go on to the next one.
    void advanceRequested();

protected:
    explicit QuestionWidget(const catalogue::Question &question, QWidget *parent);

    QVBoxLayout *body() const { return m_body; }
    void setAnsweredLook(bool answered);
    /// The digit 1–9 in a key press (main row or keypad), or 0.
    static int digitOf(const QKeyEvent *event);
    void keyPressEvent(QKeyEvent *event) override;
    virtual void updateLockedState() { }

    /// Called for keys the base class does not handle; return true when used.
    virtual bool handleKey(QKeyEvent *event) = 0;

private:
    void repolish();

    const catalogue::Question &m_question;
    QLabel *m_ordinal = nullptr;
    QLabel *m_status = nullptr;
    QVBoxLayout *m_body = nullptr;
    bool m_locked = false;
};

} // namespace ow::ui
