#include "catalogue/FaqFilter.h"

#include <QSet>

namespace ow::catalogue {

QList<const Faq *> FaqFilter::shown(const QList<Faq> &faqs, const Answers &answers)
{
    QList<const Faq *> result;
    for (const Faq &faq : faqs)
        if (!faq.when || faq.when->evaluate(answers) == Truth::True)
            result.append(&faq);
    return result;
}

Answers FaqFilter::bundleAnswers(
    const Bundle &bundle, const Catalogue &catalogue, const QMap<QString, Answers> &answersByMatter)
{
    Answers merged;
    QSet<QString> taken;
    for (const BundleMember &member : bundle.members) {
        const Matter *matter = catalogue.matter(member.matterCode);
        if (!matter)
            continue;
        const Answers answers = answersByMatter.value(member.matterCode);
        for (const Question &question : matter->questions) {
            if (taken.contains(question.id))
                continue;
            taken.insert(question.id);
            if (const Answer *answer = answers.find(question.id))
                merged.set(question.id, *answer);
            else if (answers.isNotApplicable(question.id))
                merged.setNotApplicable(question.id);
        }
    }
    return merged;
}

} // namespace ow::catalogue
