#pragma once

#include "catalogue/PracticeScore.h"

#include <QCoreApplication>

namespace ow::ui {

/// The practice dialog's texts as HTML: a situation in words, what a clerk's answer got right and
/// wrong with the review points (审核要点) of the materials missed, and the summary of a quiz.
class PracticeReport
{
    Q_DECLARE_TR_FUNCTIONS(ow::ui::PracticeReport)

public:
    explicit PracticeReport(const catalogue::Catalogue &catalogue)
        : m_catalogue(catalogue)
    {
    }

    /// The material's standard name, or its id for one the catalogue lacks.
    QString materialName(const QString &materialId) const;
    /// "第 3 题（共 10 题）：NAME · 高频" — the question's place and subject.
    QString heading(int index, int count, const catalogue::PracticeQuestion &question) const;
    /// The answered questions of the situation, one a line.
    QString situationHtml(const catalogue::PracticeQuestion &question) const;
    /// After answering: the score, each material missed with its review points, each wrong pick with
    /// why the applicant need not bring it.
    QString feedbackHtml(const catalogue::PracticeQuestion &question, const catalogue::QuestionScore &score,
        int passMarkPercent) const;
    /// "2 / 3" with whether it passed.
    QString scoreLine(const catalogue::QuestionScore &score, int passMarkPercent) const;
    /// The quiz's total and, per question, its situation, score and the review points missed.
    QString summaryHtml(
        const QList<catalogue::PracticeQuestion> &questions, const catalogue::PracticeScore &score) const;
    QString totalLine(const catalogue::PracticeScore &score) const;

private:
    QString missedHtml(
        const catalogue::PracticeQuestion &question, const catalogue::QuestionScore &score) const;
    QString wrongHtml(
        const catalogue::PracticeQuestion &question, const catalogue::QuestionScore &score) const;

    const catalogue::Catalogue &m_catalogue;
};

} // namespace ow::ui
