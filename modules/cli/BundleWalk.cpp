#include "cli/BundleWalk.h"

#include "catalogue/PathsReport.h"
#include "cli/WalkReport.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace ow::cli {

using namespace ow::catalogue;

BundleWalk::BundleWalk(const SituationEngine &engine, const Bundle &bundle)
    : m_engine(engine)
    , m_bundle(bundle)
    , m_session(engine, bundle)
{
    m_given.resize(m_session.parts().size());
}

Result<QPair<int, QString>> BundleWalk::route(const QString &text) const
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QList<intake::InterviewSession::Part> &parts = m_session.parts();
    if (colon > 0 && (equals < 0 || colon < equals)) {
        const QString code = text.left(colon).trimmed();
        const int part = m_session.partIndex(code);
        if (part < 0)
            return fail(Error::Code::NotFound,
                QCoreApplication::translate("ow::cli", "bundle '%1' has no matter '%2'")
                    .arg(m_bundle.id, InputExcerpt::excerpt(code)));
        return qMakePair(part, text.mid(colon + 1));
    }
    const QString questionId = text.left(std::max<qsizetype>(0, equals)).trimmed();
    QList<int> asking;
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (parts.at(i).matter->findQuestion(questionId))
            asking.append(int(i));
    if (asking.isEmpty())
        return qMakePair(0, text); // the first matter's parser says what is wrong with it
    // Matters that share the question ask it once, where the workstation asks it.
    QSet<int> places;
    for (int part : std::as_const(asking))
        places.insert(m_session.askedIn(part, questionId));
    if (places.size() > 1) {
        QStringList codes;
        for (int part : std::as_const(asking))
            codes.append(parts.at(part).matter->code);
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cli",
                "question '%1' is asked by several matters of the bundle (%2); write MATTER:%1=VALUE")
                .arg(InputExcerpt::excerpt(questionId), codes.join(QStringLiteral(", "))));
    }
    return qMakePair(*places.cbegin(), text);
}

Result<void> BundleWalk::answer(const QStringList &texts)
{
    for (const QString &text : texts) {
        const auto routed = route(text);
        if (!routed)
            return fail(routed.error().code(), routed.error().message());
        const int part = routed->first;
        const Matter &matter = *m_session.parts().at(part).matter;
        const auto parsed = m_engine.parseAnswer(matter, routed->second);
        if (!parsed)
            return fail(parsed.error().code(), parsed.error().message());
        const QString &questionId = parsed->first;
        if (m_session.isPreset(part, questionId))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::cli", "question '%1' of matter %2 is answered by the bundle itself; leave it out")
                    .arg(questionId, matter.code));
        if (m_given.at(part).contains(questionId))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::cli", "question '%1' of matter %2 is answered twice; give one --answer per question")
                    .arg(questionId, matter.code));
        m_given[part].set(questionId, parsed->second);
    }
    // In the order written in the catalogue, as a clerk answers them, so each reveals the next.
    for (qsizetype part = 0; part < m_session.parts().size(); ++part) {
        const Matter &matter = *m_session.parts().at(part).matter;
        for (const Question &question : matter.questions)
            if (const Answer *given = m_given.at(part).find(question.id))
                m_session.setAnswer(int(part), question.id, *given);
    }
    return {};
}

QString BundleWalk::text() const
{
    QString out = QCoreApplication::translate("ow::cli", "bundle %1 %2").arg(m_bundle.id, m_bundle.name)
        + QLatin1Char('\n');
    for (qsizetype part = 0; part < m_session.parts().size(); ++part) {
        const intake::InterviewSession::Part &p = m_session.parts().at(part);
        WalkReport report(*p.matter, m_given.at(part), p.evaluation);
        report.setCatalogue(&m_engine.catalogue());
        report.setChecklistShown(false);
        out += report.text();
        for (const QString &preset : p.presetQuestions)
            if (const Answer *answer = p.evaluation.effectiveAnswers.find(preset))
                out += QStringLiteral("  ")
                    + QCoreApplication::translate("ow::cli", "answered by the bundle: %1=%2")
                          .arg(preset, answer->toText())
                    + QLatin1Char('\n');
    }
    out += m_session.isComplete()
        ? QCoreApplication::translate("ow::cli", "every matter of the bundle reached its situation")
        : QCoreApplication::translate("ow::cli", "questions are still open");
    out += QLatin1Char('\n');
    out += WalkReport::checklistText(m_session.checklist(), true);
    return out;
}

QJsonObject BundleWalk::json() const
{
    QJsonArray matters;
    for (qsizetype part = 0; part < m_session.parts().size(); ++part) {
        const intake::InterviewSession::Part &p = m_session.parts().at(part);
        WalkReport report(*p.matter, m_given.at(part), p.evaluation);
        report.setCatalogue(&m_engine.catalogue());
        QJsonObject matter = report.json();
        matter.insert(QStringLiteral("presets"), QJsonArray::fromStringList(p.presetQuestions));
        matters.append(matter);
    }
    QJsonArray lines;
    for (const ChecklistLine &line : m_session.checklist().lines)
        lines.append(PathsReport::lineJson(line));
    return QJsonObject {{QStringLiteral("bundle"), m_bundle.id}, {QStringLiteral("name"), m_bundle.name},
        {QStringLiteral("matters"), matters}, {QStringLiteral("complete"), m_session.isComplete()},
        {QStringLiteral("checklist"), lines}};
}

} // namespace ow::cli
