#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"

#include <QList>
#include <QMap>

namespace ow::catalogue {

/// Which of a matter's or bundle's FAQs (常见问题) the counter shows for the answers given so far.
class FaqFilter
{
public:
    /// The faqs whose `when` holds, in written order. A condition still waiting for an answer does
    /// not hold yet: the entry appears once the interview has said it applies. Pass the evaluation's
    /// effective answers, so a question not asked counts as such.
    static QList<const Faq *> shown(const QList<Faq> &faqs, const Answers &answers);

    /// A bundle's answers as its faqs' conditions read them: each question id answered as the first
    /// member matter asking it answered it (FaqReader::bundleQuestions).
    static Answers bundleAnswers(
        const Bundle &bundle, const Catalogue &catalogue, const QMap<QString, Answers> &answersByMatter);
};

} // namespace ow::catalogue
