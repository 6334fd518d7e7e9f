#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace ow::queue {

/// Expected service time per matter, learned from the hall's own history: the median of the
/// matter's recent services once there are enough of them, the hall's default before.
class ServiceTimes
{
public:
    explicit ServiceTimes(double defaultMinutes = 10, int minimumSamples = 3);

    /// Adds one finished service of `matter` (empty: a visitor who was not sure) in minutes.
    void addSample(const QString &matter, double minutes);
    /// Recomputes the medians after samples were added; expectedMinutes() uses the last computation.
    void update();
    double expectedMinutes(const QString &matter) const;
    double defaultMinutes() const { return m_default; }
    /// The matters with a learned median.
    QHash<QString, double> medians() const { return m_medians; }

    static double median(QList<double> values);

private:
    double m_default;
    int m_minimumSamples;
    QHash<QString, QList<double>> m_samples;
    QHash<QString, double> m_medians;
};

} // namespace ow::queue
