#include "catalogue/BundleSituations.h"

#include "catalogue/ChecklistBuilder.h"
#include "catalogue/MatterLimits.h"

#include <QSet>

namespace ow::catalogue {

namespace {

/// A member matter and its reachable situations, with the bundle's presets applied.
struct Member
{
    const Matter *matter = nullptr;
    QList<Evaluation> situations;
};

} // namespace

bool BundleSituations::sameQuestion(const Question &a, const Question &b)
{
    if (a.id != b.id || a.text != b.text || a.type != b.type || a.unit != b.unit
        || a.options.size() != b.options.size())
        return false;
    for (qsizetype i = 0; i < a.options.size(); ++i)
        if (a.options.at(i).id != b.options.at(i).id)
            return false;
    return true;
}

QList<BundleSituation> BundleSituations::of(const Bundle &bundle, int limit, bool *truncated) const
{
    *truncated = false;
    QList<Member> members;
    for (const BundleMember &bundleMember : bundle.members) {
        const Matter *matter = m_engine.catalogue().matter(bundleMember.matterCode);
        if (!matter || MatterLimits::check(*matter))
            return {};
        Answers presets;
        for (const auto &[questionId, text] : bundleMember.presets)
            if (const auto parsed = m_engine.parseAnswer(*matter, questionId + QLatin1Char('=') + text))
                presets.set(parsed->first, parsed->second);
        Member member;
        member.matter = matter;
        QSet<QString> seen;
        bool memberTruncated = false;
        const int situationLimit = MatterLimits::situationLimit(*matter, limit);
        for (const Situation &situation : m_engine.situations(*matter, situationLimit, &memberTruncated)) {
            Answers answers = situation.answers;
            for (const QString &questionId : presets.questionIds())
                answers.set(questionId, *presets.find(questionId));
            Evaluation evaluation = m_engine.evaluate(*matter, answers);
            // A preset that changes what is asked leaves the situation incomplete: another situation of
            // the enumeration is the one the preset leads to.
            if (!evaluation.complete || evaluation.outcome || seen.contains(evaluation.situationKey))
                continue;
            seen.insert(evaluation.situationKey);
            member.situations.append(std::move(evaluation));
        }
        *truncated = *truncated || memberTruncated;
        if (member.situations.isEmpty())
            return {};
        members.append(std::move(member));
    }

    // The questions two members share, as pairs of (member, question index) answered once.
    struct Shared
    {
        int a, b;
        QString questionId;
    };
    QList<Shared> shared;
    for (int a = 0; a < members.size(); ++a)
        for (int b = a + 1; b < members.size(); ++b)
            for (const Question &question : members.at(a).matter->questions)
                if (const Question *twin = members.at(b).matter->findQuestion(question.id))
                    if (sameQuestion(question, *twin))
                        shared.append({a, b, question.id});

    QList<BundleSituation> result;
    QList<int> at(members.size(), 0); // the situation of each member in the current combination
    // Combinations skipped for answering a shared question differently count too, so a bundle of two
    // large matters cannot loop through hundreds of millions of them.
    qint64 steps = 0;
    while (true) {
        if (++steps > qint64(limit) * 100) {
            *truncated = true;
            break;
        }
        bool consistent = true;
        for (const Shared &s : std::as_const(shared)) {
            const Answer *left
                = members.at(s.a).situations.at(at.at(s.a)).effectiveAnswers.find(s.questionId);
            const Answer *right
                = members.at(s.b).situations.at(at.at(s.b)).effectiveAnswers.find(s.questionId);
            if (left && right && !(*left == *right)) {
                consistent = false;
                break;
            }
        }
        if (consistent) {
            if (result.size() >= limit) {
                *truncated = true;
                break;
            }
            BundleSituation situation;
            QList<Checklist> checklists;
            for (int m = 0; m < members.size(); ++m) {
                const Evaluation &evaluation = members.at(m).situations.at(at.at(m));
                situation.keys.append(evaluation.situationKey);
                situation.paths.append(evaluation.situationPath);
                checklists.append(evaluation.checklist);
            }
            situation.checklist = ChecklistBuilder::merge(checklists);
            result.append(std::move(situation));
        }
        // Next combination, the last member counting fastest.
        int m = int(members.size()) - 1;
        while (m >= 0 && ++at[m] == members.at(m).situations.size())
            at[m--] = 0;
        if (m < 0)
            break;
    }
    return result;
}

} // namespace ow::catalogue
