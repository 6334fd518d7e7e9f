#include "ui/EvaluatorPadWindow.h"

#include "evaluator/OnScreenEvaluator.h"
#include "ui/Theme.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ow::ui {

using drivers::evaluator::Rating;
using drivers::evaluator::RatingLevel;

namespace {

QLabel *centredLabel(const QString &text, int pointSize, bool bold, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSize(pointSize);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

QColor levelColour(RatingLevel level)
{
    return Rating(level).isBad() ? Theme::warning() : Theme::accent();
}

} // namespace

EvaluatorPadWindow::EvaluatorPadWindow(
    drivers::evaluator::OnScreenEvaluator *evaluator, const QString &hallName, QWidget *parent)
    : QWidget(parent)
    , m_evaluator(evaluator)
{
    setWindowTitle(tr("Service rating"));
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Theme::panel());
    setPalette(palette);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildIdlePage(hallName));
    m_ratingPage = buildRatingPage();
    m_pages->addWidget(m_ratingPage);
    m_pages->addWidget(buildThanksPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addWidget(m_pages);

    m_backToIdle = new QTimer(this);
    m_backToIdle->setSingleShot(true);
    m_backToIdle->setInterval(kThanksMs);
    connect(m_backToIdle, &QTimer::timeout, this, &EvaluatorPadWindow::showIdle);

    connect(m_evaluator, &drivers::evaluator::OnScreenEvaluator::showRequested, this,
        &EvaluatorPadWindow::showRequest);
    // Answered, timed out or cancelled: the request is over; leave the thanks page up if it is showing.
    connect(m_evaluator, &drivers::evaluator::OnScreenEvaluator::hideRequested, this, [this] {
        if (m_pages->currentIndex() == 1)
            showIdle();
    });
    showIdle();
}

QWidget *EvaluatorPadWindow::buildIdlePage(const QString &hallName)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(centredLabel(hallName, 28, true, page));
    layout->addWidget(centredLabel(tr("Welcome. We are glad to serve you."), 20, false, page));
    layout->addStretch();
    return page;
}

QWidget *EvaluatorPadWindow::buildRatingPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_clerk = centredLabel(QString(), 18, false, page);
    m_case = centredLabel(QString(), 14, false, page);
    layout->addWidget(m_clerk);
    layout->addWidget(m_case);
    layout->addSpacing(24);
    layout->addWidget(centredLabel(tr("How satisfied are you with this service?"), 26, true, page));
    layout->addSpacing(24);

    auto *grid = new QGridLayout;
    grid->setSpacing(16);
    const RatingLevel order[] = {RatingLevel::VerySatisfied, RatingLevel::Satisfied,
        RatingLevel::FairlySatisfied, RatingLevel::Dissatisfied, RatingLevel::VeryDissatisfied};
    m_buttons.resize(5);
    int column = 0;
    for (RatingLevel level : order) {
        const Rating rating(level);
        auto *button = new QPushButton(rating.standardName(), page);
        button->setObjectName(QStringLiteral("rating%1").arg(rating.value()));
        button->setMinimumSize(150, 120);
        button->setFocusPolicy(Qt::NoFocus); // the applicant touches; keys 5…1 are for key pads and tests
        button->setStyleSheet(QStringLiteral("QPushButton { font-size: 24pt; font-weight: bold; color: white;"
                                             " background: %1; border-radius: 12px; }")
                                  .arg(levelColour(level).name()));
        connect(button, &QPushButton::clicked, this, [this, level] { choose(level); });
        grid->addWidget(button, 0, column++);
        m_buttons[rating.value() - 1] = button;
    }
    layout->addLayout(grid);
    layout->addStretch();
    return page;
}

QWidget *EvaluatorPadWindow::buildThanksPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    m_thanks = centredLabel(QString(), 26, true, page);
    layout->addWidget(m_thanks);
    layout->addStretch();
    return page;
}

void EvaluatorPadWindow::showRequest(
    const QString &caseNumber, const QString &clerkName, const QString &clerkNumber)
{
    m_backToIdle->stop();
    m_clerk->setText(tr("Served by %1 (staff no. %2)").arg(clerkName, clerkNumber));
    m_case->setText(tr("Case %1").arg(caseNumber));
    m_case->setProperty("caseNumber", caseNumber);
    m_pages->setCurrentWidget(m_ratingPage);
}

void EvaluatorPadWindow::choose(RatingLevel level)
{
    if (!isAskingForRating())
        return;
    m_thanks->setText(Rating(level).isBad()
            ? tr("Thank you. We are sorry we did not serve you well; we will contact you within "
                 "one working day.")
            : tr("Thank you for your rating."));
    m_pages->setCurrentIndex(2);
    m_backToIdle->start();
    m_evaluator->submit(level);
}

void EvaluatorPadWindow::showIdle()
{
    m_pages->setCurrentIndex(0);
}

bool EvaluatorPadWindow::isAskingForRating() const
{
    return m_pages->currentWidget() == m_ratingPage;
}

QString EvaluatorPadWindow::shownCaseNumber() const
{
    return isAskingForRating() ? m_case->property("caseNumber").toString() : QString();
}

QPushButton *EvaluatorPadWindow::buttonFor(RatingLevel level) const
{
    return m_buttons.value(int(level) - 1);
}

void EvaluatorPadWindow::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_5 && isAskingForRating()) {
        choose(RatingLevel(key - Qt::Key_0));
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ow::ui
