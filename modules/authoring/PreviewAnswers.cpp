#include "authoring/PreviewAnswers.h"

#include <algorithm>

namespace ow::authoring {

using namespace ow::catalogue;

namespace {

bool fits(const Question &question, const Answer &answer)
{
    switch (question.type) {
    case QuestionType::Single:
        return answer.type == Answer::Type::Single && question.findOption(answer.option);
    case QuestionType::Multi:
        return answer.type == Answer::Type::Multi
            && std::all_of(answer.options.cbegin(), answer.options.cend(),
                [&](const QString &option) { return question.findOption(option) != nullptr; });
    case QuestionType::Number:
        return answer.type == Answer::Type::Number
            && (!question.minimum || answer.number >= *question.minimum)
            && (!question.maximum || answer.number <= *question.maximum);
    }
    return false;
}

} // namespace

QList<QPair<QString, Answer>> PreviewAnswers::carried(const Matter &matter, const Answers &given)
{
    QList<QPair<QString, Answer>> kept;
    for (const Question &question : matter.questions)
        if (const Answer *answer = given.find(question.id); answer && fits(question, *answer))
            kept.append({question.id, *answer});
    return kept;
}

} // namespace ow::authoring
