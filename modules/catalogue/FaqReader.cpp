#include "catalogue/FaqReader.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QSet>

namespace ow::catalogue {

namespace {
constexpr QStringView kFaqAllowed = u"answer, when";
} // namespace

FaqReader::FaqReader(LoadContext &context, ConditionReader readCondition)
    : m_context(context)
    , m_readCondition(std::move(readCondition))
{
}

bool FaqReader::checkLength(const TextNode &node, const QString &text, int maximum)
{
    // Characters as a reader counts them: a character outside the BMP is one, not two.
    const qsizetype length = text.toUcs4().size();
    if (length <= maximum)
        return true;
    m_context.error(Rule::Parse, node.valueWhere(),
        QCoreApplication::translate(
            "ow::catalogue", "the text of '%1' is %2 characters long; at most %3 are allowed, so shorten it")
            .arg(node.keyword)
            .arg(length)
            .arg(maximum));
    return false;
}

void FaqReader::read(const TextNode &node, QList<Faq> &faqs, const QString &owner)
{
    if (!m_context.idAndValue(node, true))
        return;
    Faq faq;
    faq.id = node.id;
    faq.question = node.value;
    faq.where = node.where;
    bool usable = checkLength(node, node.value, kMaxQuestionLength);
    SeenFields seen;
    for (const TextNode &child : node.children) {
        if (child.keyword == u"answer") {
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                faq.answer = child.value;
                usable = checkLength(child, child.value, kMaxAnswerLength) && usable;
            }
        } else if (child.keyword == u"when") {
            if (m_context.once(seen, child) && m_context.plainField(child))
                faq.when = m_readCondition(child);
        } else {
            m_context.unknownKeyword(child, QStringLiteral("faq"), kFaqAllowed);
        }
    }
    // An applicant asked and no answer to give is worse than no entry: the clerk would read it out.
    if (!seen.contains(u"answer")) {
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "faq '%1' has no 'answer'; add 'answer: TEXT' indented under it, as the counter tells it")
                .arg(InputExcerpt::excerpt(faq.id)));
        usable = false;
    }
    for (const Faq &earlier : std::as_const(faqs))
        if (earlier.id == faq.id) {
            m_context.error(Rule::DuplicateId, node.where,
                QCoreApplication::translate("ow::catalogue",
                    "faq '%1' is defined twice in '%2'; the first definition is at line %3 (give each "
                    "faq its own id)")
                    .arg(InputExcerpt::excerpt(faq.id), owner)
                    .arg(earlier.where.line));
            return;
        }
    if (usable && !faq.answer.isEmpty())
        faqs.append(std::move(faq));
}

Matter FaqReader::bundleQuestions(const Bundle &bundle, const Lookups &lookups)
{
    Matter merged;
    merged.code = bundle.id;
    merged.name = bundle.name;
    merged.where = bundle.where;
    QSet<QString> seen;
    for (const BundleMember &member : bundle.members) {
        const Matter *matter = lookups.matters.value(member.matterCode);
        if (!matter)
            continue;
        for (const Question &question : matter->questions)
            if (!seen.contains(question.id)) {
                seen.insert(question.id);
                merged.questions.append(question);
            }
    }
    return merged;
}

} // namespace ow::catalogue
