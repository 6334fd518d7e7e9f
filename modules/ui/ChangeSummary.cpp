#include "ui/ChangeSummary.h"

#include "catalogue/ChecklistBuilder.h"

namespace ow::ui {

using namespace ow::catalogue;

namespace {

QString section(const QString &title, const QStringList &items, const QString &colour)
{
    if (items.isEmpty())
        return {};
    QString html = QStringLiteral("<p style='margin:8px 0 2px 0; font-weight:600; color:%1'>%2</p><ul "
                                  "style='margin:0 0 0 -20px'>")
                       .arg(colour, title.toHtmlEscaped());
    for (const QString &item : items)
        html += QStringLiteral("<li>") + item.toHtmlEscaped() + QStringLiteral("</li>");
    return html + QStringLiteral("</ul>");
}

QStringList namesOf(const QList<ChecklistLine> &lines)
{
    QStringList names;
    for (const ChecklistLine &line : lines)
        names.append(line.name);
    return names;
}

} // namespace

ChangeSummary::ChangeSummary(const Matter &matter, const Answers &before, const QString &questionId,
    const Answer &answer, const ChangePreview &preview)
    : m_matter(matter)
    , m_before(before)
    , m_questionId(questionId)
    , m_answer(answer)
    , m_preview(preview)
{
}

QString ChangeSummary::answerLabel(const QString &questionId, const Answer &answer) const
{
    const Question *question = m_matter.findQuestion(questionId);
    return question ? ChecklistBuilder::answerLabel(*question, answer) : answer.toText();
}

QString ChangeSummary::heading() const
{
    const Question *question = m_matter.findQuestion(m_questionId);
    const QString text = question ? question->text : m_questionId;
    const Answer *old = m_before.find(m_questionId);
    const QString oldLabel = old ? answerLabel(m_questionId, *old) : QString();
    return tr("Change the answer to \"%1\" from \"%2\" to \"%3\"?")
        .arg(text, oldLabel, answerLabel(m_questionId, m_answer));
}

QString ChangeSummary::detailsHtml() const
{
    QStringList dropped;
    for (const QString &questionId : m_preview.droppedQuestions) {
        const Question *question = m_matter.findQuestion(questionId);
        const Answer *old = m_before.find(questionId);
        const QString text = question ? question->text : questionId;
        dropped.append(old ? tr("%1 (was: %2)").arg(text, answerLabel(questionId, *old)) : text);
    }
    QString html = section(
        tr("These answers no longer apply and will be cleared:"), dropped, QStringLiteral("#8a5a00"));
    html += section(
        tr("Materials that become required:"), namesOf(m_preview.gained), QStringLiteral("#1d6b37"));
    html += section(tr("Materials no longer required:"), namesOf(m_preview.lost), QStringLiteral("#a3322a"));
    if (html.isEmpty())
        html = QStringLiteral("<p>") + tr("The checklist stays the same.").toHtmlEscaped()
            + QStringLiteral("</p>");
    return html;
}

} // namespace ow::ui
