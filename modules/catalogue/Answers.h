#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace ow::catalogue {

/// The answer to one question: one option (single choice), a set of options (multi choice), or a number.
struct Answer
{
    enum class Type
    {
        Single,
        Multi,
        Number
    };
    Type type = Type::Single;
    QString option; ///< Single
    QStringList options; ///< Multi: kept sorted and unique, so equal sets compare equal
    double number = 0; ///< Number

    static Answer single(const QString &optionId);
    static Answer multi(QStringList optionIds);
    static Answer numeric(double value);

    /// "hotel", "a+b", "150" — the form `catalogue walk --answer Q=…` accepts and paths print.
    QString toText() const;
    friend bool operator==(const Answer &, const Answer &) = default;
};

/// A clerk's answers for one matter, keyed by question id. Ordered by id, so output is
/// deterministic. Kept as one sorted array: a matter has a handful of questions, and the situation
/// engine copies, searches and drops answers on every click.
class Answers
{
public:
    void set(const QString &questionId, const Answer &answer);
    /// Makes room for the answers of `questions` questions, so filling them allocates once.
    void reserve(qsizetype questions)
    {
        m_answers.reserve(questions);
        m_notApplicable.reserve(questions);
    }
    void remove(const QString &questionId);
    /// Marks a question as not asked in this situation (its `when:` is false). Every comparison
    /// with it is then False rather than Unknown.
    void setNotApplicable(const QString &questionId);
    bool isNotApplicable(const QString &questionId) const;
    /// The questions marked not applicable, in the order they were marked (to store and restore answers).
    const QStringList &notApplicableIds() const { return m_notApplicable; }
    bool contains(const QString &questionId) const { return find(questionId) != nullptr; }
    const Answer *find(const QString &questionId) const;
    QStringList questionIds() const;
    int size() const { return int(m_answers.size()); }
    bool isEmpty() const { return m_answers.isEmpty(); }
    friend bool operator==(const Answers &, const Answers &) = default;

private:
    using Entry = std::pair<QString, Answer>;
    /// Where questionId is, or would be inserted to keep the order.
    QList<Entry>::const_iterator lowerBound(const QString &questionId) const;
    void forgetNotApplicable(const QString &questionId);

    QList<Entry> m_answers; ///< sorted by question id, one entry per id
    QStringList m_notApplicable; ///< in the order marked
    /// The same ids sorted, so a matter of hundreds of questions looks one up in log time: the
    /// situation engine asks for every question of every situation.
    QStringList m_notApplicableSorted;
};

} // namespace ow::catalogue
