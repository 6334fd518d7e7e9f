#include "authoring/EntryCondition.h"

#include "authoring/CatalogueDocument.h"

#include <QHash>
#include <QSet>

namespace ow::authoring {

using catalogue::TextNode;

namespace {

const TextNode *childOf(const TextNode &node, QStringView keyword)
{
    for (const TextNode &child : node.children)
        if (child.keyword == keyword)
            return &child;
    return nullptr;
}

std::optional<double> numberOf(const TextNode &question, QStringView keyword)
{
    const TextNode *line = childOf(question, keyword);
    bool ok = false;
    const double value = line ? line->value.toDouble(&ok) : 0;
    return ok ? std::optional<double>(value) : std::nullopt;
}

ConditionQuestion questionOf(const TextNode &node)
{
    ConditionQuestion question;
    question.id = node.id;
    question.text = node.value;
    const TextNode *type = childOf(node, u"type");
    if (type && type->value == u"multi")
        question.kind = ConditionQuestion::Kind::Multi;
    else if (type && type->value == u"number")
        question.kind = ConditionQuestion::Kind::Number;
    for (const TextNode &child : node.children)
        if (child.keyword == u"option")
            question.options.append({child.id, child.value});
    question.min = numberOf(node, u"min");
    question.max = numberOf(node, u"max");
    if (const TextNode *unit = childOf(node, u"unit"))
        question.unit = unit->value;
    return question;
}

} // namespace

EntryCondition::EntryCondition(const CatalogueDocument &document, const NodeRef &entry)
    : m_entry(entry)
{
    const TextNode *node = document.node(entry);
    if (!node)
        return;
    // The entry's question (itself, or the question an option is written under) bounds what its
    // condition may mention; requirements, outcomes and faqs may mention any question (a bundle's faq
    // any question of its matters).
    NodeRef matterRef = document.parentOf(entry);
    QString ownQuestion;
    if (node->keyword == u"question") {
        ownQuestion = node->id;
    } else if (node->keyword == u"option") {
        const TextNode *question = document.node(matterRef);
        if (!question || question->keyword != u"question")
            return;
        ownQuestion = question->id;
        matterRef = document.parentOf(matterRef);
    } else if (node->keyword != u"require" && node->keyword != u"faq"
        && !(node->keyword == u"outcome" && !node->id.isEmpty())) {
        return;
    }
    const TextNode *matter = document.node(matterRef);
    if (matter && matter->keyword == u"bundle" && node->keyword == u"faq") {
        readBundleQuestions(document, *matter);
        readLine(entry, *node);
        return;
    }
    if (!matter || matter->keyword != u"matter")
        return;
    m_valid = true;
    bool before = true;
    for (const TextNode &child : matter->children) {
        if (child.keyword != u"question")
            continue;
        if (!ownQuestion.isEmpty() && child.id == ownQuestion)
            before = false;
        m_questions.append(questionOf(child));
        if (before)
            m_allowed.append(child.id);
    }
    readLine(entry, *node);
}

void EntryCondition::readLine(const NodeRef &entry, const TextNode &node)
{
    if (const TextNode *when = childOf(node, u"when")) {
        m_line = {entry.file, when->where.line};
        m_text = when->value;
    }
}

void EntryCondition::readBundleQuestions(const CatalogueDocument &document, const TextNode &bundle)
{
    // A bundle's faq reads its matters' questions, a question id several of them ask standing for the
    // first one's (catalogue::FaqReader::bundleQuestions): found in whichever file holds each matter.
    QHash<QString, const TextNode *> matters;
    for (const QString &file : document.files())
        for (const TextNode &top : document.nodes(file))
            if (top.keyword == u"matter" && !matters.contains(top.id))
                matters.insert(top.id, &top);
    QSet<QString> seen;
    for (const TextNode &member : bundle.children) {
        const TextNode *matter = member.keyword == u"matter" ? matters.value(member.id) : nullptr;
        if (!matter)
            continue;
        for (const TextNode &child : matter->children)
            if (child.keyword == u"question" && !seen.contains(child.id)) {
                seen.insert(child.id);
                m_questions.append(questionOf(child));
                m_allowed.append(child.id);
            }
    }
    m_valid = true;
}

Result<Edit> EntryCondition::edit(const CatalogueDocument &document, const QString &text) const
{
    if (!m_valid)
        return fail(Error::Code::Invalid, tr("this entry takes no condition"), {m_entry.file, m_entry.line});
    const QString condition = text.trimmed();
    Result<Edit> edit = fail(Error::Code::Invalid, QString());
    if (m_line.isValid())
        edit = condition.isEmpty() ? document.remove(m_line) : document.setValue(m_line, condition);
    else if (condition.isEmpty())
        return Edit {m_entry.file, 0, {}, {}, m_entry, m_entry}; // nothing written, nothing to remove
    else
        edit = document.addBlock(m_entry.file, m_entry, {}, {QStringLiteral("when: ") + condition});
    if (!edit)
        return edit;
    const TextNode *node = document.node(m_entry);
    if (!m_line.isValid() && node && !node->children.isEmpty()) {
        // A condition reads first under its entry (before the options of a question, the review
        // points of a requirement): the new line goes right under the entry's own, indented as
        // addBlock worked out for the entry's other lines.
        edit = Edit {m_entry.file, m_entry.line, {}, {edit->inserted.last()}, m_entry, m_entry};
    }
    // The entry's own line does not move: it stays the one shown.
    edit->focus = m_entry;
    edit->focusBefore = m_entry;
    return edit;
}

} // namespace ow::authoring
