#include "intake/AgentQuestion.h"

#include <algorithm>

namespace ow::intake {

using namespace ow::catalogue;

namespace {

const QString kAgent = QStringLiteral("agent");

bool offers(const Question &question, const QString &optionId)
{
    return std::any_of(question.options.cbegin(), question.options.cend(),
        [&](const Option &option) { return option.id == optionId; });
}

} // namespace

std::optional<AgentQuestion::Change> AgentQuestion::answerFor(
    const Matter &matter, const Answers &current, bool agent)
{
    for (const Question &question : matter.questions) {
        if (!offers(question, kAgent))
            continue;
        const Answer *answer = current.find(question.id);
        if (question.type == QuestionType::Single) {
            // The other option is the applicant in person ("self", or the first one that is not agent).
            QString self;
            for (const Option &option : question.options)
                if (option.id != kAgent && (self.isEmpty() || option.id == QStringLiteral("self")))
                    self = option.id;
            const QString wanted = agent ? kAgent : self;
            if (wanted.isEmpty() || (answer && answer->option == wanted))
                return std::nullopt;
            if (!agent && !answer)
                return std::nullopt; // not asked yet: leave it to the interview
            return Change {question.id, Answer::single(wanted)};
        }
        if (question.type == QuestionType::Multi) {
            QStringList options = answer ? answer->options : QStringList();
            if (options.contains(kAgent) == agent)
                return std::nullopt;
            if (agent)
                options.append(kAgent);
            else
                options.removeAll(kAgent);
            return Change {question.id, Answer::multi(options)};
        }
    }
    return std::nullopt;
}

} // namespace ow::intake
