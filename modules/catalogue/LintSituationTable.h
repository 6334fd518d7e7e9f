#pragma once

#include "catalogue/SituationEngine.h"

#include <QHash>
#include <QList>
#include <QString>
#include <cstdint>
#include <vector>

namespace ow::catalogue {

/// The situations of one matter encoded as small integers, so the linter can pair situations that differ
/// in one answer by hashing instead of comparing every pair.
class LintSituationTable
{
public:
    static constexpr int NotAsked = -1;

    /// `situations` must outlive the table.
    LintSituationTable(const Matter &matter, const QList<Situation> &situations);

    const Matter &matter() const { return *m_matter; }
    int situationCount() const { return int(m_situations->size()); }
    int questionCount() const { return m_questionCount; }
    const Situation &situation(int s) const { return m_situations->at(s); }

    /// NotAsked, or the index into distinctAnswers(q) of situation `s`'s answer to question `q`.
    int code(int s, int q) const { return m_codes[size_t(s) * size_t(m_questionCount) + size_t(q)]; }
    /// The answers question `q` receives across all situations, in order of first appearance.
    const QList<Answer> &distinctAnswers(int q) const { return m_distinctAnswers.at(q); }
    bool isAsked(int q) const { return !m_distinctAnswers.at(q).isEmpty(); }

    /// Equal for two situations exactly when their checklists list the same materials with the same
    /// attributes (the reasons, which name the answers, are left out).
    int checklistKey(int s) const { return m_checklistKeys[size_t(s)]; }
    /// One situation for each distinct checklist, for callers that only need the materials.
    const QList<int> &checklistRepresentatives() const { return m_checklistRepresentatives; }

    /// The situations where question `q` is asked, grouped so that the members of a group give the
    /// same answer to every other question (and leave the same questions unasked): a group holds the
    /// situations that differ only in the answer to `q`.
    std::vector<std::vector<int>> groupsVaryingOnly(int q) const;

private:
    bool sameExcept(int a, int b, int q) const;
    static std::uint64_t mix(int q, int code);

    const Matter *m_matter;
    const QList<Situation> *m_situations;
    int m_questionCount = 0;
    std::vector<int> m_codes; ///< situation-major: situationCount × questionCount
    std::vector<std::uint64_t> m_hashes; ///< per situation: sum of mix(q, code) over every question
    std::vector<int> m_checklistKeys;
    QList<int> m_checklistRepresentatives;
    QList<QList<Answer>> m_distinctAnswers;
};

} // namespace ow::catalogue
