#include "queue/ServiceTimes.h"

#include <algorithm>

namespace ow::queue {

ServiceTimes::ServiceTimes(double defaultMinutes, int minimumSamples)
    : m_default(defaultMinutes)
    , m_minimumSamples(std::max(1, minimumSamples))
{
}

void ServiceTimes::addSample(const QString &matter, double minutes)
{
    // A negative or absurd time (a clock set back, a ticket left open overnight) would drag the
    // median; it is not a service time.
    if (minutes < 0 || minutes > 8 * 60)
        return;
    m_samples[matter].append(minutes);
}

void ServiceTimes::update()
{
    m_medians.clear();
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it)
        if (it.value().size() >= m_minimumSamples)
            m_medians.insert(it.key(), median(it.value()));
}

double ServiceTimes::expectedMinutes(const QString &matter) const
{
    return m_medians.value(matter, m_default);
}

double ServiceTimes::median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

} // namespace ow::queue
