// libFuzzer target for what the applicant's side reads from outside: the query of a /guide/ link or
// form (answers, multi choices, numbers), the rating form of the status page and the guide code the
// counter scans (OWG1:…). Any input
// must give bounded answers, and a code that parses must write itself back to the same code.

#include "catalogue/GuideCode.h"
#include "server/GuideApi.h"
#include "server/OnlineRating.h"

#include <QString>
#include <QUrlQuery>
#include <cstdint>
#include <cstdlib>

using namespace ow::catalogue;
using namespace ow::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const QStringList answers = GuideApi::answersFromQuery(QUrlQuery(text));
    if (answers.size() > GuideApi::kMaxAnswers + 2)
        std::abort();
    for (const QString &answer : answers)
        if (answer.size() > 2 * GuideApi::kMaxAnswerLength + 40)
            std::abort();

    if (const std::optional<int> level = OnlineRating::parseForm(QByteArrayView(data, qsizetype(size))))
        if (*level < 1 || *level > 5)
            std::abort();

    const ow::Result<GuideCode> code = GuideCode::parse(text);
    if (code) {
        if (code->matterCode.isEmpty() || code->answers.size() > GuideCode::kMaxAnswers)
            std::abort();
        const ow::Result<GuideCode> again = GuideCode::parse(code->toText());
        if (!again || again->matterCode != code->matterCode || again->answers != code->answers)
            std::abort();
    }
    return 0;
}
