#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace ow::drivers::idcard {

/// Splits a byte stream from (or to) the reader into whole SAM frames. Bytes before a preamble are
/// skipped; a frame with an impossible length or a wrong checksum is reported and the search for the
/// next preamble starts one byte after the bad one's, so a good frame behind garbage is still found.
class FrameDecoder
{
public:
    /// What was wrong with the stream, for callers that answer differently (the simulator does).
    enum class Problem
    {
        None,
        BadLength,
        BadChecksum,
        CutOff
    };

    /// Appends bytes and splits off every frame (or error) they complete.
    void feed(QByteArrayView bytes);
    bool hasNext() const { return !m_items.isEmpty(); }
    /// The next whole frame (its bytes from preamble to checksum) or the error that replaced one.
    Result<QByteArray> next();
    /// The kind of error the last next() or finish() gave (None after a frame).
    Problem lastProblem() const { return m_lastProblem; }
    /// The stream has stopped (timeout, end of file): a frame begun but not finished is reported as
    /// cut off, and the decoder is empty again. Returns nothing when no frame was under way.
    std::optional<Error> finish();
    /// Forgets everything: buffered bytes, pending items and counters.
    void clear();

    /// Bytes held for a frame not yet complete (0 between frames).
    qsizetype pendingBytes() const;
    /// Bytes skipped because no frame began there.
    qsizetype discardedBytes() const { return m_discarded; }

private:
    void split();
    void discard(qsizetype count);

    QByteArray m_buffer;
    struct Item
    {
        Result<QByteArray> frame;
        Problem problem = Problem::None;
    };

    QList<Item> m_items;
    Problem m_lastProblem = Problem::None;
    qsizetype m_discarded = 0;
};

} // namespace ow::drivers::idcard
