#include "catalogue/LintSituationTable.h"

#include <unordered_map>

namespace ow::catalogue {

namespace {

// One question only ever receives answers of its own type, so the text of the answer identifies it.
QString answerKey(const Answer &answer)
{
    switch (answer.type) {
    case Answer::Type::Single:
        return answer.option; // shared, not copied
    case Answer::Type::Multi:
        return answer.options.join(QLatin1Char('+'));
    case Answer::Type::Number:
        return QString::number(answer.number, 'g', 17);
    }
    return {};
}

// What makes two checklist lines the same to the applicant: the reasons, which name the answers, are
// deliberately left out.
bool sameLine(const ChecklistLine &a, const ChecklistLine &b)
{
    if (a.materialId != b.materialId || a.form != b.form || a.copies != b.copies || a.medium != b.medium
        || a.waivable != b.waivable || a.dataShared != b.dataShared || a.notes != b.notes
        || a.reviewPoints.size() != b.reviewPoints.size())
        return false;
    for (qsizetype i = 0; i < a.reviewPoints.size(); ++i)
        if (a.reviewPoints.at(i).id != b.reviewPoints.at(i).id
            || a.reviewPoints.at(i).matterCode != b.reviewPoints.at(i).matterCode)
            return false;
    return true;
}

bool sameChecklist(const Checklist &a, const Checklist &b)
{
    if (a.lines.size() != b.lines.size())
        return false;
    for (qsizetype i = 0; i < a.lines.size(); ++i)
        if (!sameLine(a.lines.at(i), b.lines.at(i)))
            return false;
    return true;
}

size_t checklistHash(const Checklist &checklist)
{
    size_t seed = 0;
    for (const ChecklistLine &l : checklist.lines) {
        seed = qHashMulti(seed, l.materialId, int(l.form), l.copies, int(l.medium), l.waivable, l.dataShared,
            l.notes.size(), l.reviewPoints.size());
        for (const QString &note : l.notes)
            seed = qHash(note, seed);
        for (const ReviewPoint &point : l.reviewPoints)
            seed = qHashMulti(seed, point.id, point.matterCode);
    }
    return seed;
}

} // namespace

LintSituationTable::LintSituationTable(const Matter &matter, const QList<Situation> &situations)
    : m_matter(&matter)
    , m_situations(&situations)
    , m_questionCount(int(matter.questions.size()))
{
    const size_t count = size_t(situations.size());
    m_codes.assign(count * size_t(m_questionCount), NotAsked);
    m_hashes.assign(count, 0);
    m_checklistKeys.assign(count, 0);
    m_distinctAnswers.resize(m_questionCount);

    std::vector<QHash<QString, int>> answerCodes(static_cast<size_t>(m_questionCount));
    // Checklists hash to candidates; comparing the lines settles it, so a collision cannot merge two.
    QHash<size_t, QList<int>> checklistsByHash;
    for (size_t s = 0; s < count; ++s) {
        const Situation &situation = situations.at(qsizetype(s));
        for (int q = 0; q < m_questionCount; ++q) {
            const Answer *answer = situation.answers.find(matter.questions.at(q).id);
            int code = NotAsked;
            if (answer) {
                QHash<QString, int> &codes = answerCodes[size_t(q)];
                const QString key = answerKey(*answer);
                auto it = codes.constFind(key);
                if (it == codes.constEnd()) {
                    code = int(m_distinctAnswers[q].size());
                    codes.insert(key, code);
                    m_distinctAnswers[q].append(*answer);
                } else {
                    code = it.value();
                }
            }
            m_codes[s * size_t(m_questionCount) + size_t(q)] = code;
            m_hashes[s] += mix(q, code);
        }
        // A situation ending in an outcome differs from every other, though its checklist is empty.
        QList<int> &candidates
            = checklistsByHash[qHash(quintptr(situation.outcome), checklistHash(situation.checklist))];
        int key = -1;
        for (int representative : std::as_const(candidates)) {
            const int r = m_checklistRepresentatives.at(representative);
            if (situations.at(r).outcome == situation.outcome
                && sameChecklist(situations.at(r).checklist, situation.checklist)) {
                key = representative;
                break;
            }
        }
        if (key < 0) {
            key = int(m_checklistRepresentatives.size());
            m_checklistRepresentatives.append(int(s));
            candidates.append(key);
        }
        m_checklistKeys[s] = key;
    }
}

std::uint64_t LintSituationTable::mix(int q, int code)
{
    // splitmix64 finaliser over (question, answer): sums of these identify the answers of a situation,
    // and subtracting one term gives the identity of "everything but this question".
    std::uint64_t x = (std::uint64_t(std::uint32_t(q)) << 32) | std::uint32_t(code + 1);
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool LintSituationTable::sameExcept(int a, int b, int q) const
{
    const int *ca = &m_codes[size_t(a) * size_t(m_questionCount)];
    const int *cb = &m_codes[size_t(b) * size_t(m_questionCount)];
    for (int i = 0; i < m_questionCount; ++i)
        if (i != q && ca[i] != cb[i])
            return false;
    return true;
}

std::vector<std::vector<int>> LintSituationTable::groupsVaryingOnly(int q) const
{
    std::unordered_map<std::uint64_t, std::vector<size_t>> groupsByHash; // hash → indices into `groups`
    std::vector<std::vector<int>> groups;
    for (int s = 0; s < situationCount(); ++s) {
        const int c = code(s, q);
        if (c == NotAsked)
            continue;
        const std::uint64_t hash = m_hashes[size_t(s)] - mix(q, c);
        std::vector<size_t> &candidates = groupsByHash[hash];
        bool placed = false;
        for (size_t g : candidates) {
            // Equal hashes almost always mean equal answers; checking keeps a collision from merging groups.
            if (sameExcept(groups[g].front(), s, q)) {
                groups[g].push_back(s);
                placed = true;
                break;
            }
        }
        if (!placed) {
            candidates.push_back(groups.size());
            groups.push_back({s});
        }
    }
    return groups;
}

} // namespace ow::catalogue
