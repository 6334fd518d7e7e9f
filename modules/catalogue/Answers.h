#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

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

/// A clerk's answers for one matter, keyed by question id. Ordered, so output is deterministic.
class Answers
{
public:
    void set(const QString &questionId, const Answer &answer)
    {
        m_notApplicable.removeAll(questionId);
        m_answers.insert(questionId, answer);
    }
    void remove(const QString &questionId)
    {
        m_answers.remove(questionId);
        m_notApplicable.removeAll(questionId);
    }
    /// Marks a question as not asked in this situation (its `when:` is false). Every comparison
    /// with it is then False rather than Unknown.
    void setNotApplicable(const QString &questionId)
    {
        m_answers.remove(questionId);
        if (!m_notApplicable.contains(questionId))
            m_notApplicable.append(questionId);
    }
    bool isNotApplicable(const QString &questionId) const { return m_notApplicable.contains(questionId); }
    /// The questions marked not applicable, in the order they were marked (to store and restore answers).
    const QStringList &notApplicableIds() const { return m_notApplicable; }
    bool contains(const QString &questionId) const { return m_answers.contains(questionId); }
    const Answer *find(const QString &questionId) const;
    QStringList questionIds() const { return m_answers.keys(); }
    int size() const { return int(m_answers.size()); }
    bool isEmpty() const { return m_answers.isEmpty(); }
    friend bool operator==(const Answers &, const Answers &) = default;

private:
    QMap<QString, Answer> m_answers;
    QStringList m_notApplicable;
};

} // namespace ow::catalogue
