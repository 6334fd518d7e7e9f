#include "ui/PracticeReport.h"

#include "ui/Theme.h"

namespace ow::ui {

using namespace catalogue;
using namespace Qt::StringLiterals;

QString PracticeReport::materialName(const QString &materialId) const
{
    const Material *material = m_catalogue.material(materialId);
    return material ? material->name : materialId;
}

QString PracticeReport::heading(int index, int count, const PracticeQuestion &question) const
{
    const QString kind = question.bundleId.isEmpty() ? displayName(question.frequency) : tr("bundle");
    return tr("Question %1 of %2: %3 · %4").arg(index + 1).arg(count).arg(question.title, kind);
}

QString PracticeReport::situationHtml(const PracticeQuestion &question) const
{
    if (question.facts.isEmpty())
        return tr("This matter has one situation: no question splits it.").toHtmlEscaped();
    // Plain paragraphs, not a table: a word-wrapped label measures them for its height.
    QString html;
    QString matter;
    for (const PracticeFact &fact : question.facts) {
        if (!question.bundleId.isEmpty() && fact.matterCode != matter) {
            matter = fact.matterCode;
            const Matter *named = m_catalogue.matter(matter);
            html += u"<p style=\"margin:4px 0 0 0\"><i>%1</i></p>"_s.arg(
                (named ? named->name : matter).toHtmlEscaped());
        }
        html += u"<p style=\"margin:2px 0\">%1　<b>%2</b></p>"_s.arg(
            fact.question.toHtmlEscaped(), fact.answer.toHtmlEscaped());
    }
    return html;
}

QString PracticeReport::scoreLine(const QuestionScore &score, int passMarkPercent) const
{
    return score.passed ? tr("Score %1 / %2: passed").arg(score.score).arg(score.maxScore)
                        : tr("Score %1 / %2: below the pass mark of %3%")
                              .arg(score.score)
                              .arg(score.maxScore)
                              .arg(passMarkPercent);
}

QString PracticeReport::missedHtml(const PracticeQuestion &question, const QuestionScore &score) const
{
    if (score.missed.isEmpty())
        return {};
    QString html = u"<p style=\"color:%1\"><b>%2</b></p><ul>"_s.arg(Theme::warning().name(),
        tr("Missed — the applicant must bring these (review points):").toHtmlEscaped());
    for (const QString &id : score.missed) {
        html += u"<li><b>%1</b>"_s.arg(materialName(id).toHtmlEscaped());
        const ChecklistLine *line = question.checklist.find(id);
        if (line && !line->reviewPoints.isEmpty()) {
            html += u"<ul>"_s;
            for (const ReviewPoint &point : line->reviewPoints)
                html += u"<li>%1：%2</li>"_s.arg(
                    displayName(point.kind).toHtmlEscaped(), point.text.toHtmlEscaped());
            html += u"</ul>"_s;
        }
        html += u"</li>"_s;
    }
    return html + u"</ul>"_s;
}

QString PracticeReport::wrongHtml(const PracticeQuestion &question, const QuestionScore &score) const
{
    if (score.wrong.isEmpty())
        return {};
    QString html = u"<p style=\"color:%1\"><b>%2</b></p><ul>"_s.arg(
        Theme::danger().name(), tr("Picked, but not to be brought here:").toHtmlEscaped());
    for (const QString &id : score.wrong) {
        const QString why = PracticeScore::isDataShared(question, id)
            ? tr("data-shared: the hall fetches it, the applicant need not bring it")
            : tr("not required in this situation");
        html += u"<li><b>%1</b> — %2</li>"_s.arg(materialName(id).toHtmlEscaped(), why.toHtmlEscaped());
    }
    return html + u"</ul>"_s;
}

QString PracticeReport::feedbackHtml(
    const PracticeQuestion &question, const QuestionScore &score, int passMarkPercent) const
{
    const QColor colour = score.passed ? Theme::success() : Theme::danger();
    QString html = u"<p style=\"color:%1; font-size:large\"><b>%2</b></p>"_s.arg(
        colour.name(), scoreLine(score, passMarkPercent).toHtmlEscaped());
    html += missedHtml(question, score);
    html += wrongHtml(question, score);
    if (score.missed.isEmpty() && score.wrong.isEmpty())
        html
            += u"<p>%1</p>"_s.arg(tr("Every material right: nothing missed, nothing extra.").toHtmlEscaped());
    return html;
}

QString PracticeReport::totalLine(const PracticeScore &score) const
{
    return score.passed()
        ? tr("Total %1 / %2 (%3%): passed").arg(score.score()).arg(score.maxScore()).arg(score.percent())
        : tr("Total %1 / %2 (%3%): not passed, the pass mark is %4%")
              .arg(score.score())
              .arg(score.maxScore())
              .arg(score.percent())
              .arg(score.passMarkPercent());
}

QString PracticeReport::summaryHtml(
    const QList<PracticeQuestion> &questions, const PracticeScore &score) const
{
    QString html;
    const QList<QuestionScore> &marks = score.questions();
    for (qsizetype i = 0; i < marks.size() && i < questions.size(); ++i) {
        const PracticeQuestion &question = questions.at(i);
        const QuestionScore &mark = marks.at(i);
        const QColor colour = mark.passed ? Theme::success() : Theme::danger();
        html += u"<h3>%1</h3>"_s.arg(heading(int(i), int(questions.size()), question).toHtmlEscaped());
        QStringList facts;
        for (const PracticeFact &fact : question.facts)
            facts.append(fact.answer);
        if (!facts.isEmpty())
            html += u"<p>%1</p>"_s.arg(facts.join(u" › "_s).toHtmlEscaped());
        html += u"<p style=\"color:%1\"><b>%2</b></p>"_s.arg(
            colour.name(), scoreLine(mark, score.passMarkPercent()).toHtmlEscaped());
        html += missedHtml(question, mark);
        html += wrongHtml(question, mark);
    }
    return html;
}

} // namespace ow::ui
