#pragma once

#include <QList>
#include <QtGlobal>

namespace ow::synthgen {

/// A deterministic random source (SplitMix64) with its own range arithmetic, so a seed gives the
/// same catalogue on every platform and standard library (std:: distributions do not promise that).
class SyntheticRandom
{
public:
    explicit SyntheticRandom(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// 0 … n-1 (0 when n <= 1).
    int below(qsizetype n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    /// lo … hi inclusive.
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    /// [0, 1)
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double probability) { return unit() < probability; }

    template<typename T> const T &pick(const QList<T> &list) { return list.at(below(list.size())); }
    template<typename T> void shuffle(QList<T> &list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, below(i + 1));
    }

private:
    quint64 m_state;
};

} // namespace ow::synthgen
