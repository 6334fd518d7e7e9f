#include "tableimport/SituationMapper.h"

#include "catalogue/Condition.h"
#include "tableimport/CellValues.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

/// The label without a bracketed annotation at its end: 住宿场所（宾馆、饭店） → 住宿场所.
QString withoutAnnotation(const QString &comparable)
{
    if (!comparable.endsWith(QLatin1Char(')')))
        return comparable;
    const qsizetype open = comparable.indexOf(QLatin1Char('('));
    return open > 0 ? comparable.left(open) : comparable;
}

/// Splits at any of `separators` outside brackets.
QStringList splitOutsideBrackets(const QString &text, QStringView separators)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('(') || c == QChar(0xFF08))
            ++depth;
        else if ((c == QLatin1Char(')') || c == QChar(0xFF09)) && depth > 0)
            --depth;
        if (depth == 0 && separators.contains(c)) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current);
    return parts;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
}

} // namespace

SituationMapper::SituationMapper(const Matter &matter)
    : m_matter(matter)
{
    for (qsizetype q = 0; q < matter.questions.size(); ++q) {
        const Question &question = matter.questions.at(q);
        for (const Option &option : question.options) {
            const QString label = CellValues::comparableName(option.label);
            index(label, q, option.id);
            index(withoutAnnotation(label), q, option.id);
            index(question.id + QLatin1Char('=') + option.id, q, option.id);
        }
    }
}

void SituationMapper::index(const QString &key, qsizetype question, const QString &option)
{
    QList<Choice> &choices = m_byKey[key];
    for (const Choice &choice : std::as_const(choices))
        if (choice.question == question)
            return; // the same question twice (label and its short form): the first option stands
    choices.append({question, option});
}

bool SituationMapper::meansAlways(const QString &cell)
{
    const QString text = CellValues::comparableName(cell).toLower();
    static const QStringList always = {QStringLiteral("基本材料"), QStringLiteral("全部"),
        QStringLiteral("通用"), QStringLiteral("所有情形"), QStringLiteral("全部情形"), QStringLiteral("all"),
        QStringLiteral("basic")};
    return CellValues::isBlank(text) || always.contains(text);
}

QList<SituationMapper::Choice> SituationMapper::lookup(const QString &word) const
{
    QString key = CellValues::comparableName(word);
    // "委托他人办理的", "住宿场所情形": the trailing words say nothing of their own.
    for (const QStringView suffix : {QStringView(u"的情形"), QStringView(u"情形"), QStringView(u"的")}) {
        if (const auto found = m_byKey.constFind(key); found != m_byKey.cend())
            return *found;
        if (key.endsWith(suffix))
            key.chop(suffix.size());
    }
    return m_byKey.value(key);
}

QString SituationMapper::checkFormatCondition(const QString &text) const
{
    Result<ConditionPtr> parsed = parseCondition(text);
    if (!parsed)
        return parsed.error().message();
    std::vector<const Condition *> pending {parsed->get()};
    while (!pending.empty()) {
        const Condition *node = pending.back();
        pending.pop_back();
        for (const auto &operand : node->operands)
            pending.push_back(operand.get());
        if (node->questionId.isEmpty())
            continue;
        const Question *question = m_matter.findQuestion(node->questionId);
        if (!question)
            return QCoreApplication::translate("ow::tableimport", "the matter has no question %1")
                .arg(node->questionId);
        for (const QString &option : node->optionIds)
            if (!question->findOption(option))
                return QCoreApplication::translate("ow::tableimport", "question %1 has no option %2")
                    .arg(node->questionId, option);
    }
    return {};
}

QString SituationMapper::combine(const QList<Choice> &choices) const
{
    // Grouped by question, in the order the words came: one comparison per question, joined by `or`.
    QList<qsizetype> order;
    QHash<qsizetype, QStringList> options;
    for (const Choice &choice : choices) {
        if (!options.contains(choice.question))
            order.append(choice.question);
        QStringList &list = options[choice.question];
        if (!list.contains(choice.option))
            list.append(choice.option);
    }
    QStringList terms;
    for (const qsizetype q : std::as_const(order)) {
        const Question &question = m_matter.questions.at(q);
        const QStringList &list = options.value(q);
        const bool multi = question.type == QuestionType::Multi;
        if (list.size() == 1)
            terms.append(
                question.id + (multi ? QStringLiteral(" has ") : QStringLiteral(" = ")) + list.constFirst());
        else
            terms.append(question.id + (multi ? QStringLiteral(" has any (") : QStringLiteral(" in ("))
                + list.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    return terms.join(QStringLiteral(" or "));
}

SituationMapper::Mapping SituationMapper::map(const QString &cell) const
{
    Mapping mapping;
    const QString text = CellValues::oneLine(cell);
    if (meansAlways(text))
        return mapping;
    // Written in the format's own language, e.g. for a number question: `bath-area >= 150`.
    if (isAscii(text) && lookup(text).isEmpty()
        && text.contains(QRegularExpression(QStringLiteral("[=<>!]|\\b(?:has|in|answered)\\b")))) {
        mapping.invalid = checkFormatCondition(text);
        if (mapping.invalid.isEmpty())
            mapping.condition = text;
        return mapping;
    }
    QStringList parts;
    if (!lookup(text).isEmpty())
        parts.append(text);
    else
        parts = splitOutsideBrackets(text, u"；;＋+");
    QStringList conditions;
    for (const QString &part : std::as_const(parts)) {
        if (part.trimmed().isEmpty())
            continue;
        QList<Choice> choices;
        QStringList words;
        if (!lookup(part).isEmpty()) {
            words.append(part.trimmed());
        } else {
            for (const QString &word : splitOutsideBrackets(part, u"、，,/／|或"))
                if (!word.trimmed().isEmpty())
                    words.append(word.trimmed());
        }
        for (const QString &word : std::as_const(words)) {
            const QList<Choice> found = lookup(word);
            if (found.isEmpty()) {
                mapping.unmatched.append(word);
            } else if (found.size() > 1) {
                QStringList named;
                for (const Choice &choice : found)
                    named.append(
                        m_matter.questions.at(choice.question).id + QLatin1Char('=') + choice.option);
                mapping.ambiguous.append(
                    QCoreApplication::translate("ow::tableimport", "%1 (write one of %2)")
                        .arg(word, named.join(QStringLiteral(", "))));
            } else {
                choices.append(found.constFirst());
            }
        }
        if (!choices.isEmpty())
            conditions.append(combine(choices));
    }
    if (!mapping.ok())
        return mapping;
    if (conditions.size() == 1) {
        mapping.condition = conditions.constFirst();
    } else {
        for (QString &condition : conditions)
            if (condition.contains(QStringLiteral(" or ")))
                condition = QLatin1Char('(') + condition + QLatin1Char(')');
        mapping.condition = conditions.join(QStringLiteral(" and "));
    }
    return mapping;
}

} // namespace ow::tableimport
