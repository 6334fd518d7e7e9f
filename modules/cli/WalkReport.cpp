#include "cli/WalkReport.h"

#include "catalogue/ChecklistBuilder.h"
#include "catalogue/PathsReport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::cli {

using namespace ow::catalogue;

QStringList WalkReport::ignoredAnswers() const
{
    QStringList ignored;
    for (const QString &id : m_given.questionIds())
        if (!m_evaluation.effectiveAnswers.contains(id))
            ignored.append(id);
    return ignored;
}

QStringList WalkReport::carriedAnswers() const
{
    QStringList carried;
    const ScreeningOutcome *outcome = m_evaluation.outcome;
    const Matter *target = outcome && m_catalogue ? m_catalogue->matter(outcome->targetCode) : nullptr;
    if (!target)
        return carried;
    const Answers shared = SituationEngine::sharedAnswers(m_matter, m_evaluation.effectiveAnswers, *target);
    for (const QString &id : shared.questionIds())
        carried.append(id + QLatin1Char('=') + shared.find(id)->toText());
    return carried;
}

QString WalkReport::text() const
{
    QString out;
    QTextStream s(&out);
    s << QCoreApplication::translate("ow::cli", "matter %1 %2").arg(m_matter.code, m_matter.name) << '\n';
    for (const Question *question : m_evaluation.visibleQuestions) {
        const Answer *answer = m_evaluation.effectiveAnswers.find(question->id);
        s << (answer ? "  [x] " : "  [ ] ") << question->id << "  " << question->text;
        if (answer)
            s << "  = " << answer->toText() << "  " << ChecklistBuilder::answerLabel(*question, *answer);
        s << '\n';
        if (question == m_evaluation.nextQuestion) {
            if (question->type == QuestionType::Number) {
                s << "      "
                  << QCoreApplication::translate("ow::cli", "(a number%1)")
                         .arg(question->unit.isEmpty() ? QString() : QStringLiteral(", ") + question->unit)
                  << '\n';
            } else {
                int n = 0;
                for (const QString &optionId : m_evaluation.offeredOptions.value(question->id))
                    s << "      " << ++n << ". " << optionId << "  " << question->findOption(optionId)->label
                      << '\n';
            }
        }
    }
    for (const QString &id : ignoredAnswers())
        s << QCoreApplication::translate(
            "ow::cli", "ignored answer %1: not asked in this situation, or not a valid option")
                 .arg(id)
          << '\n';
    if (const ScreeningOutcome *outcome = m_evaluation.outcome) {
        s << QCoreApplication::translate("ow::cli", "outcome reached: %1")
                 .arg(m_evaluation.situationPath.join(QStringLiteral(" › ")))
          << '\n';
        if (outcome->kind == OutcomeKind::NotRequired) {
            s << QCoreApplication::translate("ow::cli", "no application needed: %1").arg(outcome->reason)
              << '\n';
        } else {
            const Matter *target = m_catalogue ? m_catalogue->matter(outcome->targetCode) : nullptr;
            s << QCoreApplication::translate("ow::cli", "apply instead for: %1 %2")
                     .arg(outcome->targetCode, target ? target->name : QString())
                     .trimmed()
              << '\n';
            s << QCoreApplication::translate("ow::cli", "why: %1").arg(outcome->reason) << '\n';
            QStringList next {QStringLiteral("--matter"), outcome->targetCode};
            for (const QString &answer : carriedAnswers())
                next << QStringLiteral("--answer") << answer;
            s << QCoreApplication::translate("ow::cli", "continue with: %1").arg(next.join(QLatin1Char(' ')))
              << '\n';
        }
        s << QCoreApplication::translate("ow::cli", "no checklist: a case cannot be accepted on an outcome")
          << '\n';
        s.flush();
        return out;
    }
    if (m_evaluation.complete)
        s << QCoreApplication::translate("ow::cli", "situation reached: %1")
                 .arg(m_evaluation.situationPath.join(QStringLiteral(" › ")))
          << '\n';
    else
        s << QCoreApplication::translate("ow::cli", "next question: %1").arg(m_evaluation.nextQuestion->id)
          << '\n';
    if (m_checklistShown)
        s << checklistText(m_evaluation.checklist, false);
    s.flush();
    return out;
}

QString WalkReport::checklistText(const Checklist &checklist, bool withMatters)
{
    QString out;
    QTextStream s(&out);
    s << QCoreApplication::translate("ow::cli", "checklist (%1 materials):").arg(checklist.lines.size())
      << '\n';
    int n = 0;
    for (const ChecklistLine &line : checklist.lines) {
        s << "  " << ++n << ". " << PathsReport::lineText(line) << '\n';
        if (withMatters)
            s << "     "
              << QCoreApplication::translate("ow::cli", "for: %1")
                     .arg(line.matterCodes.join(QStringLiteral(", ")))
              << '\n';
        QStringList reasons;
        for (const Reason &reason : line.reasons)
            reasons.append(reason.toString());
        s << "     "
          << QCoreApplication::translate("ow::cli", "why: %1").arg(reasons.join(QStringLiteral("; ")))
          << '\n';
        for (const QString &note : line.notes)
            s << "     " << QCoreApplication::translate("ow::cli", "note: %1").arg(note) << '\n';
        for (const ReviewPoint &point : line.reviewPoints)
            s << "     [" << displayName(point.kind) << "] " << point.text << '\n';
    }
    s.flush();
    return out;
}

QJsonObject WalkReport::json() const
{
    QJsonArray questions;
    for (const Question *question : m_evaluation.visibleQuestions) {
        QJsonObject q {{QStringLiteral("id"), question->id}, {QStringLiteral("text"), question->text}};
        if (const Answer *answer = m_evaluation.effectiveAnswers.find(question->id))
            q.insert(QStringLiteral("answer"), answer->toText());
        if (question->type != QuestionType::Number)
            q.insert(QStringLiteral("offered"),
                QJsonArray::fromStringList(m_evaluation.offeredOptions.value(question->id)));
        questions.append(q);
    }
    QJsonArray lines;
    for (const ChecklistLine &line : m_evaluation.checklist.lines)
        lines.append(PathsReport::lineJson(line));
    QJsonObject json {{QStringLiteral("matter"), m_matter.code}, {QStringLiteral("questions"), questions},
        {QStringLiteral("next"), m_evaluation.nextQuestion ? m_evaluation.nextQuestion->id : QString()},
        {QStringLiteral("complete"), m_evaluation.complete},
        {QStringLiteral("situation"), m_evaluation.situationKey},
        {QStringLiteral("path"), QJsonArray::fromStringList(m_evaluation.situationPath)},
        {QStringLiteral("ignored"), QJsonArray::fromStringList(ignoredAnswers())},
        {QStringLiteral("checklist"), lines}};
    if (const ScreeningOutcome *outcome = m_evaluation.outcome) {
        static const Catalogue empty;
        QJsonObject o = PathsReport::outcomeJson(*outcome, m_catalogue ? *m_catalogue : empty);
        if (outcome->kind == OutcomeKind::Refer)
            o.insert(QStringLiteral("carriedAnswers"), QJsonArray::fromStringList(carriedAnswers()));
        json.insert(QStringLiteral("outcome"), o);
    }
    return json;
}

} // namespace ow::cli
