#pragma once

#include "evaluator/Rating.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace ow::drivers::evaluator {
class OnScreenEvaluator;
}

namespace ow::ui {

/// The touch evaluator (评价器) on the screen facing the applicant: idle greeting, then the clerk,
/// the case and the five national levels; a touch (or keys 5…1) answers the OnScreenEvaluator.
class EvaluatorPadWindow : public QWidget
{
    Q_OBJECT

public:
    explicit EvaluatorPadWindow(
        drivers::evaluator::OnScreenEvaluator *evaluator, const QString &hallName, QWidget *parent = nullptr);

    /// How long the thanks page stays before the greeting comes back.
    static constexpr int kThanksMs = 4000;

    bool isAskingForRating() const;
    QString shownCaseNumber() const;
    QPushButton *buttonFor(drivers::evaluator::RatingLevel level) const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showRequest(const QString &caseNumber, const QString &clerkName, const QString &clerkNumber);
    void choose(drivers::evaluator::RatingLevel level);
    void showIdle();
    QWidget *buildIdlePage(const QString &hallName);
    QWidget *buildRatingPage();
    QWidget *buildThanksPage();

    drivers::evaluator::OnScreenEvaluator *m_evaluator;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_ratingPage = nullptr;
    QLabel *m_clerk = nullptr;
    QLabel *m_case = nullptr;
    QLabel *m_thanks = nullptr;
    QList<QPushButton *> m_buttons; ///< index = level - 1
    QTimer *m_backToIdle = nullptr;
};

} // namespace ow::ui
