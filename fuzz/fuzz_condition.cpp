// libFuzzer target for the condition language (docs/catalogue-format.md §9): any text must either
// fail with a located error or parse to a tree whose canonical text parses back to the same text.

#include "catalogue/Answers.h"
#include "catalogue/Condition.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace ow::catalogue;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = parseCondition(text, {u"fuzz.txt"_s, 1, 1});
    if (!result) {
        const int column = result.error().where().column;
        if (result.error().message().isEmpty() || column < 1 || column > text.size() + 1)
            std::abort();
        return 0;
    }

    const QString canonical = (*result)->toString();
    const auto again = parseCondition(canonical);
    if (!again || (*again)->toString() != canonical)
        std::abort();

    // Answer the referenced questions in every way, including the wrong types and "not asked",
    // so evaluation visits each branch.
    Answers answers;
    const QStringList questions = (*result)->referencedQuestions();
    for (qsizetype i = 0; i < questions.size(); ++i) {
        switch ((i + qsizetype(size)) % 5) {
        case 0:
            answers.set(questions[i], Answer::single(questions[i]));
            break;
        case 1:
            answers.set(questions[i], Answer::multi({questions[i], u"a"_s}));
            break;
        case 2:
            answers.set(questions[i], Answer::numeric(double(i)));
            break;
        case 3:
            answers.setNotApplicable(questions[i]);
            break;
        default:
            break; // unanswered
        }
    }
    const Truth first = (*result)->evaluate(answers);
    if ((*again)->evaluate(answers) != first)
        std::abort();
    return 0;
}
