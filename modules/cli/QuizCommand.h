#pragma once

#include "catalogue/PracticeScore.h"
#include "cli/Console.h"

#include <QTextStream>

namespace ow::cli {

/// `onewindow-cli catalogue quiz DIR`: a practice quiz (业务练习) in the terminal. Each question tells
/// a situation and numbers the materials to choose from; the clerk types the numbers of those the
/// applicant must bring, and the answer is marked by the counter's engine with the review points of
/// what was missed. `--json` prints the quiz with its key instead, for a paper exam. Nothing is
/// recorded: the workstation's Help → Practice… records a signed-in clerk's quiz.
class QuizCommand
{
public:
    /// Answers are read line by line from `input` (standard input in onewindow-cli).
    QuizCommand(Console &console, QTextStream &input)
        : m_console(console)
        , m_input(input)
    {
    }

    int run(const QStringList &arguments);

private:
    void printQuestion(const catalogue::Catalogue &catalogue, int index, int count,
        const catalogue::PracticeQuestion &question);
    /// Reads the numbers of the picks; false at the end of the input.
    bool readPicks(const catalogue::PracticeQuestion &question, QStringList *picks);
    void printMarks(const catalogue::Catalogue &catalogue, const catalogue::PracticeQuestion &question,
        const catalogue::QuestionScore &score, int passMark);

    Console &m_console;
    QTextStream &m_input;
};

} // namespace ow::cli
