#include "catalogue/PracticeScore.h"

#include <QJsonArray>
#include <algorithm>

namespace ow::catalogue {

using namespace Qt::StringLiterals;

namespace {

bool reaches(int score, int maxScore, int passMarkPercent)
{
    return maxScore > 0 && qint64(score) * 100 >= qint64(passMarkPercent) * maxScore;
}

} // namespace

QJsonObject QuestionScore::detail(const PracticeQuestion &question) const
{
    QJsonArray path;
    for (const PracticeFact &fact : question.facts)
        path.append(QString(fact.question + u' ' + fact.answer));
    QJsonObject object {{u"situation"_s, question.situationKey}, {u"path"_s, path}, {u"score"_s, score},
        {u"maxScore"_s, maxScore}, {u"passed"_s, passed}, {u"missed"_s, QJsonArray::fromStringList(missed)},
        {u"wrong"_s, QJsonArray::fromStringList(wrong)}};
    if (!question.bundleId.isEmpty()) {
        object.insert(u"bundle"_s, question.bundleId);
        object.insert(u"matters"_s, QJsonArray::fromStringList(question.matterCodes));
    }
    return object;
}

PracticeScore::PracticeScore(int passMarkPercent)
    : m_passMark(std::clamp(passMarkPercent, 0, 100))
{
}

bool PracticeScore::isDataShared(const PracticeQuestion &question, const QString &materialId)
{
    const ChecklistLine *line = question.checklist.find(materialId);
    return line && line->dataShared;
}

QuestionScore PracticeScore::mark(
    const PracticeQuestion &question, const QStringList &picked, int passMarkPercent)
{
    QuestionScore result;
    const QStringList required = question.required();
    for (const QString &id : picked) {
        if (result.right.contains(id) || result.wrong.contains(id))
            continue;
        (required.contains(id) ? result.right : result.wrong).append(id);
    }
    for (const QString &id : required)
        if (!result.right.contains(id))
            result.missed.append(id);
    result.maxScore = int(required.size());
    result.score = std::max(0, int(result.right.size() - result.wrong.size()));
    result.passed = reaches(result.score, result.maxScore, passMarkPercent);
    return result;
}

const QuestionScore &PracticeScore::add(const PracticeQuestion &question, const QStringList &picked)
{
    m_questions.append(mark(question, picked, m_passMark));
    return m_questions.last();
}

int PracticeScore::score() const
{
    int sum = 0;
    for (const QuestionScore &question : m_questions)
        sum += question.score;
    return sum;
}

int PracticeScore::maxScore() const
{
    int sum = 0;
    for (const QuestionScore &question : m_questions)
        sum += question.maxScore;
    return sum;
}

int PracticeScore::percent() const
{
    const int most = maxScore();
    return most > 0 ? int(qint64(score()) * 100 / most) : 0;
}

bool PracticeScore::passed() const
{
    return reaches(score(), maxScore(), m_passMark);
}

QList<SubjectScore> PracticeScore::bySubject(const QList<PracticeQuestion> &questions) const
{
    QList<SubjectScore> subjects;
    QList<QJsonArray> details;
    for (qsizetype i = 0; i < m_questions.size() && i < questions.size(); ++i) {
        const PracticeQuestion &question = questions.at(i);
        const QuestionScore &mark = m_questions.at(i);
        auto found = std::find_if(subjects.begin(), subjects.end(),
            [&](const SubjectScore &s) { return s.subject == question.subject(); });
        if (found == subjects.end()) {
            SubjectScore subject;
            subject.subject = question.subject();
            if (!question.bundleId.isEmpty()) {
                subject.detail.insert(u"bundle"_s, question.bundleId);
                subject.detail.insert(u"matters"_s, QJsonArray::fromStringList(question.matterCodes));
            }
            subjects.append(subject);
            details.append(QJsonArray());
            found = subjects.end() - 1;
        }
        SubjectScore &subject = *found;
        subject.situations.append(question.situationKey);
        for (const QString &id : mark.missed)
            if (!subject.missed.contains(id))
                subject.missed.append(id);
        for (const QString &id : mark.wrong)
            if (!subject.wrong.contains(id))
                subject.wrong.append(id);
        subject.score += mark.score;
        subject.maxScore += mark.maxScore;
        details[found - subjects.begin()].append(mark.detail(question));
    }
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        SubjectScore &subject = subjects[i];
        subject.passed = reaches(subject.score, subject.maxScore, m_passMark);
        subject.detail.insert(u"situation"_s, subject.situations.join(u" / "_s));
        subject.detail.insert(u"score"_s, subject.score);
        subject.detail.insert(u"maxScore"_s, subject.maxScore);
        subject.detail.insert(u"passed"_s, subject.passed);
        subject.detail.insert(u"missed"_s, QJsonArray::fromStringList(subject.missed));
        subject.detail.insert(u"wrong"_s, QJsonArray::fromStringList(subject.wrong));
        subject.detail.insert(u"questions"_s, details.at(i));
    }
    return subjects;
}

} // namespace ow::catalogue
