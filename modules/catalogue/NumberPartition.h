#pragma once

#include "catalogue/Catalogue.h"

#include <QList>

namespace ow::catalogue {

/// Splits the range of a number question into the intervals its matter's conditions tell apart
/// (e.g. `area >= 150` gives "< 150" and "≥ 150"), with one representative value per interval.
/// This is how `catalogue paths` and the linter enumerate number questions finitely.
class NumberPartition
{
public:
    /// Scans every condition of the matter (questions, options, requirements) for comparisons with
    /// `question` and partitions its allowed range accordingly.
    static NumberPartition of(const Matter &matter, const Question &question);

    /// One value per interval, ascending.
    const QList<double> &representatives() const { return m_representatives; }
    /// "≥ 150 平方米", "150 ≤ x < 300 平方米", "< 150 平方米" — the interval `value` falls in.
    QString label(double value, const QString &unit) const;

private:
    struct Threshold
    {
        Condition::Op op;
        double number;
    };
    /// Which comparisons `value` satisfies, as a small number: equal for two values exactly when they
    /// satisfy the same comparisons. Values between two cuts (or equal to one) compare alike, so the
    /// signatures are worked out once per cut and per gap, not once per value.
    int signature(double value) const;
    QByteArray signatureBytes(double value) const;

    QList<Threshold> m_thresholds;
    QList<double> m_representatives;
    QList<double> m_cuts; ///< the distinct threshold numbers, ascending
    QList<int> m_cutSignatures; ///< per cut: the signature of the cut itself
    QList<int> m_gapSignatures; ///< per gap: below the first cut, between cuts, above the last (cuts + 1)
};

} // namespace ow::catalogue
