#include "catalogue/PracticeQuiz.h"

#include "catalogue/BundleSituations.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>

namespace ow::catalogue {

using namespace Qt::StringLiterals;

namespace {

/// More situations than a quiz question needs to choose among; a matter split further is asked
/// about its first ones only, as `catalogue paths` lists them.
constexpr int kSituationLimit = 2000;

/// The parts "q=a" of a situation key, with `prefix` (a bundle member's "CODE:") before each.
QStringList keyParts(const QString &key, const QString &prefix = {})
{
    QStringList parts = key.split(u';', Qt::SkipEmptyParts);
    if (!prefix.isEmpty())
        for (QString &part : parts)
            part.prepend(prefix);
    return parts;
}

/// The situation in words: each answered question of `matter` with the label of its answer.
void appendFacts(
    QList<PracticeFact> &facts, const Matter &matter, const QString &key, const QStringList &path)
{
    const QStringList parts = keyParts(key);
    for (qsizetype i = 0; i < parts.size() && i < path.size(); ++i) {
        const Question *question = matter.findQuestion(parts.at(i).section(u'=', 0, 0));
        if (!question)
            continue;
        const bool shared = std::any_of(facts.cbegin(), facts.cend(), [&](const PracticeFact &fact) {
            return fact.question == question->text && fact.answer == path.at(i);
        });
        if (!shared) // a question a bundle's matters share is asked once
            facts.append(PracticeFact {matter.code, question->text, path.at(i)});
    }
}

template<typename T> void shuffle(QList<T> &list, QRandomGenerator &random)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
}

} // namespace

int PracticeSettings::weightOf(FrequencyClass frequency) const
{
    switch (frequency) {
    case FrequencyClass::High:
        return std::max(0, highWeight);
    case FrequencyClass::Middle:
        return std::max(0, middleWeight);
    case FrequencyClass::Low:
        break;
    }
    return std::max(0, lowWeight);
}

PracticeSettings PracticeSettings::fromConfig(const QString &questions, const QString &passMark)
{
    PracticeSettings settings;
    bool ok = false;
    const int count = questions.trimmed().toInt(&ok);
    if (ok && count >= 1 && count <= 50)
        settings.questionCount = count;
    const int mark = passMark.trimmed().toInt(&ok);
    if (ok && mark >= 1 && mark <= 100)
        settings.passMarkPercent = mark;
    return settings;
}

QStringList PracticeQuestion::required() const
{
    QStringList ids;
    for (const ChecklistLine &line : checklist.lines)
        if (!line.dataShared)
            ids.append(line.materialId);
    return ids;
}

struct PracticeQuiz::Subject
{
    QString id;
    int weight = 0;
    bool enumerated = false;
    QList<QPair<PracticeQuestion, double>> situations;
    QSet<int> asked; ///< indexes into situations already in the quiz
};

PracticeQuiz::PracticeQuiz(const SituationEngine &engine, PracticeSettings settings)
    : m_engine(engine)
    , m_settings(settings)
{
}

QList<double> PracticeQuiz::walkWeights(const QStringList &keys)
{
    // Which different answers follow each prefix of answers ("" for the first question).
    QHash<QString, QSet<QString>> next;
    QList<QStringList> split;
    split.reserve(keys.size());
    for (const QString &key : keys) {
        split.append(keyParts(key));
        QString prefix;
        for (const QString &part : std::as_const(split.last())) {
            next[prefix].insert(part);
            prefix += part + u';';
        }
    }
    QList<double> weights;
    weights.reserve(keys.size());
    for (const QStringList &parts : std::as_const(split)) {
        double weight = 1.0;
        QString prefix;
        for (const QString &part : parts) {
            weight /= double(std::max<qsizetype>(1, next.value(prefix).size()));
            prefix += part + u';';
        }
        weights.append(weight);
    }
    return weights;
}

FrequencyClass PracticeQuiz::bundleFrequency(const Bundle &bundle) const
{
    FrequencyClass most = FrequencyClass::Low;
    for (const BundleMember &member : bundle.members)
        if (const Matter *matter = m_engine.catalogue().matter(member.matterCode))
            most = std::min(most, matter->frequency); // High < Middle < Low
    return most;
}

QList<QPair<PracticeQuestion, double>> PracticeQuiz::situationsOf(const QString &subject) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QList<PracticeQuestion> questions;
    QList<double> weights;
    if (const Matter *matter = catalogue.matter(subject)) {
        const QList<Situation> situations = m_engine.situations(*matter, kSituationLimit);
        QStringList keys;
        for (const Situation &situation : situations)
            keys.append(situation.key);
        const QList<double> walk = walkWeights(keys); // outcomes count in the walk, then drop out
        for (qsizetype i = 0; i < situations.size(); ++i) {
            const Situation &situation = situations.at(i);
            if (situation.outcome)
                continue;
            PracticeQuestion question;
            question.matterCode = matter->code;
            question.title = matter->name;
            question.matterCodes = {matter->code};
            question.frequency = matter->frequency;
            question.situationKey = situation.key;
            appendFacts(question.facts, *matter, situation.key, situation.path);
            question.checklist = situation.checklist;
            questions.append(std::move(question));
            weights.append(walk.at(i));
        }
    } else if (const Bundle *bundle = catalogue.bundle(subject)) {
        bool truncated = false;
        const QList<BundleSituation> situations
            = BundleSituations(m_engine).of(*bundle, kSituationLimit, &truncated);
        QStringList walkKeys;
        for (const BundleSituation &situation : situations) {
            PracticeQuestion question;
            question.bundleId = bundle->id;
            question.title = bundle->name;
            question.frequency = bundleFrequency(*bundle);
            QStringList memberKeys;
            QStringList parts;
            for (qsizetype m = 0; m < bundle->members.size() && m < situation.keys.size(); ++m) {
                const QString &code = bundle->members.at(m).matterCode;
                question.matterCodes.append(code);
                memberKeys.append(code + u':' + situation.keys.at(m));
                parts += keyParts(situation.keys.at(m), code + u':');
                if (const Matter *matter = catalogue.matter(code))
                    appendFacts(question.facts, *matter, situation.keys.at(m), situation.paths.value(m));
            }
            question.situationKey = memberKeys.join(u" | "_s);
            question.checklist = situation.checklist;
            walkKeys.append(parts.join(u';'));
            questions.append(std::move(question));
        }
        weights = walkWeights(walkKeys);
    }

    QList<QPair<PracticeQuestion, double>> result;
    double sum = 0;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        if (questions.at(i).required().isEmpty())
            continue; // nothing to pick: the applicant brings nothing here
        sum += weights.at(i);
        result.append({std::move(questions[i]), weights.at(i)});
    }
    for (auto &entry : result)
        entry.second /= sum;
    return result;
}

QList<PracticeQuiz::Subject> PracticeQuiz::subjectsFor(const QStringList &ids, QString *unknown) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QList<Subject> subjects;
    auto add = [&](const QString &id, FrequencyClass frequency) {
        Subject subject;
        subject.id = id;
        subject.weight = m_settings.weightOf(frequency);
        if (subject.weight > 0)
            subjects.append(std::move(subject));
    };
    if (ids.isEmpty()) {
        for (const Matter &matter : catalogue.matters)
            add(matter.code, matter.frequency);
        for (const Bundle &bundle : catalogue.bundles)
            add(bundle.id, bundleFrequency(bundle));
        return subjects;
    }
    for (const QString &id : ids) {
        if (const Matter *matter = catalogue.matter(id)) {
            add(id, matter->frequency);
        } else if (const Bundle *bundle = catalogue.bundle(id)) {
            add(id, bundleFrequency(*bundle));
        } else {
            *unknown = id;
            return {};
        }
    }
    // Chosen by hand, a subject is asked even when its class weighs nothing.
    for (Subject &subject : subjects)
        subject.weight = std::max(1, subject.weight);
    return subjects;
}

Result<QList<PracticeQuestion>> PracticeQuiz::generate(const QStringList &ids, quint32 seed) const
{
    QString unknown;
    QList<Subject> subjects = subjectsFor(ids, &unknown);
    if (!unknown.isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::catalogue", "The catalogue has no matter or bundle “%1”.")
                .arg(unknown.left(80)));
    QRandomGenerator random(seed);
    QList<PracticeQuestion> quiz;
    const int count = std::max(1, m_settings.questionCount);
    while (quiz.size() < count) {
        // Subjects with a situation not yet asked; when every one is used up, they start again.
        qint64 total = 0;
        for (const Subject &subject : std::as_const(subjects))
            if (!subject.enumerated || subject.asked.size() < subject.situations.size())
                total += subject.weight;
        if (total == 0) {
            if (subjects.isEmpty() || quiz.isEmpty())
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate("ow::catalogue",
                        "None of the chosen matters has a situation in which the applicant brings "
                        "materials: there is nothing to ask."));
            for (Subject &subject : subjects)
                subject.asked.clear();
            continue;
        }
        qint64 ticket = random.bounded(total);
        qsizetype at = 0;
        for (; at < subjects.size(); ++at) {
            const Subject &subject = subjects.at(at);
            if (subject.enumerated && subject.asked.size() >= subject.situations.size())
                continue;
            if (ticket < subject.weight)
                break;
            ticket -= subject.weight;
        }
        Subject &subject = subjects[std::min(at, subjects.size() - 1)];
        if (!subject.enumerated) {
            subject.situations = situationsOf(subject.id);
            subject.enumerated = true;
            if (subject.situations.isEmpty()) {
                subjects.removeAt(std::min(at, subjects.size() - 1));
                continue;
            }
        }
        double left = 0;
        for (qsizetype i = 0; i < subject.situations.size(); ++i)
            if (!subject.asked.contains(int(i)))
                left += subject.situations.at(i).second;
        double point = random.generateDouble() * left;
        int chosen = -1;
        for (qsizetype i = 0; i < subject.situations.size(); ++i) {
            if (subject.asked.contains(int(i)))
                continue;
            chosen = int(i);
            point -= subject.situations.at(i).second;
            if (point < 0)
                break;
        }
        subject.asked.insert(chosen);
        PracticeQuestion question = subject.situations.at(chosen).first;
        addChoices(question, random);
        quiz.append(std::move(question));
    }
    return quiz;
}

QStringList PracticeQuiz::relatedMaterials(const PracticeQuestion &question) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QSet<QString> own(question.matterCodes.cbegin(), question.matterCodes.cend());
    QSet<QString> departments;
    for (const QString &code : question.matterCodes)
        if (const Matter *matter = catalogue.matter(code))
            departments.insert(matter->departmentId);
    QSet<QString> related;
    for (const Bundle &bundle : catalogue.bundles) {
        const bool member = std::any_of(bundle.members.cbegin(), bundle.members.cend(),
            [&](const BundleMember &m) { return own.contains(m.matterCode); });
        if (member)
            for (const BundleMember &m : bundle.members)
                related.insert(m.matterCode);
    }
    QStringList materials;
    for (const Matter &matter : catalogue.matters) {
        if (own.contains(matter.code)
            || (!related.contains(matter.code) && !departments.contains(matter.departmentId)))
            continue;
        for (const Requirement &requirement : matter.requirements)
            if (!materials.contains(requirement.materialId))
                materials.append(requirement.materialId);
    }
    return materials;
}

void PracticeQuiz::addChoices(PracticeQuestion &question, QRandomGenerator &random) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QStringList choices = question.required();
    // The same matter's materials this situation does not ask for (data-shared ones included: the
    // applicant need not bring them), then a few from related matters, else from the catalogue.
    for (const QString &code : std::as_const(question.matterCodes))
        if (const Matter *matter = catalogue.matter(code))
            for (const Requirement &requirement : matter->requirements)
                if (!choices.contains(requirement.materialId))
                    choices.append(requirement.materialId);
    for (const ChecklistLine &line : question.checklist.lines)
        if (!choices.contains(line.materialId))
            choices.append(line.materialId);
    auto pickFrom = [&](QStringList pool, int wanted) {
        pool.removeIf([&](const QString &id) { return choices.contains(id); });
        for (int added = 0; added < wanted && !pool.isEmpty(); ++added)
            choices.append(pool.takeAt(qsizetype(random.bounded(quint32(pool.size())))));
    };
    const qsizetype before = choices.size();
    pickFrom(relatedMaterials(question), m_settings.relatedDistractors);
    const int stillWanted = m_settings.relatedDistractors - int(choices.size() - before);
    if (stillWanted > 0) {
        QStringList used;
        for (const Matter &matter : catalogue.matters)
            for (const Requirement &requirement : matter.requirements)
                if (!used.contains(requirement.materialId))
                    used.append(requirement.materialId);
        pickFrom(used, stillWanted);
    }
    shuffle(choices, random);
    question.choices = choices;
}

} // namespace ow::catalogue
