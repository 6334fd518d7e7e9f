#include "idcard/FrameDecoder.h"

#include "idcard/SamFrame.h"

#include <QCoreApplication>

namespace ow::drivers::idcard {

namespace {

int lengthField(const QByteArray &buffer)
{
    return (quint8(buffer[5]) << 8) | quint8(buffer[6]);
}

/// How many bytes at the end of `buffer` could be the start of a preamble still arriving.
qsizetype partialPreambleTail(const QByteArray &buffer)
{
    const QByteArray preamble = SamFrame::preamble();
    for (qsizetype keep = std::min<qsizetype>(buffer.size(), SamFrame::kPreambleSize - 1); keep > 0; --keep)
        if (buffer.endsWith(preamble.first(keep)))
            return keep;
    return 0;
}

} // namespace

void FrameDecoder::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes);
    split();
}

Result<QByteArray> FrameDecoder::next()
{
    if (m_items.isEmpty())
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::drivers::idcard", "No frame has arrived from the reader."));
    Item item = m_items.takeFirst();
    m_lastProblem = item.problem;
    return std::move(item.frame);
}

std::optional<Error> FrameDecoder::finish()
{
    const qsizetype pending = pendingBytes();
    std::optional<Error> error;
    m_lastProblem = pending > 0 ? Problem::CutOff : Problem::None;
    if (pending > 0) {
        if (m_buffer.size() < SamFrame::kHeaderSize)
            error = Error(Error::Code::Parse,
                QCoreApplication::translate("ow::drivers::idcard",
                    "The reader's reply was cut off after %n byte(s), before its length arrived.", nullptr,
                    int(pending)));
        else
            error = Error(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::drivers::idcard", "The reader's reply was cut off: %1 of its %2 bytes arrived.")
                    .arg(pending)
                    .arg(SamFrame::kHeaderSize + lengthField(m_buffer)));
    }
    m_discarded += m_buffer.size() - pending;
    m_buffer.clear();
    return error;
}

void FrameDecoder::clear()
{
    m_buffer.clear();
    m_items.clear();
    m_discarded = 0;
    m_lastProblem = Problem::None;
}

qsizetype FrameDecoder::pendingBytes() const
{
    // split() leaves the buffer either starting with a preamble or holding only a partial one;
    // a lone partial preamble is not yet a frame.
    if (m_buffer.size() >= SamFrame::kPreambleSize && m_buffer.startsWith(SamFrame::preamble()))
        return m_buffer.size();
    return 0;
}

void FrameDecoder::discard(qsizetype count)
{
    m_buffer.remove(0, count);
    m_discarded += count;
}

void FrameDecoder::split()
{
    const QByteArray preamble = SamFrame::preamble();
    for (;;) {
        const qsizetype start = m_buffer.indexOf(preamble);
        if (start < 0) {
            discard(m_buffer.size() - partialPreambleTail(m_buffer));
            return;
        }
        discard(start);
        if (m_buffer.size() < SamFrame::kHeaderSize)
            return;
        const int length = lengthField(m_buffer);
        if (length < SamFrame::kMinLength || length > SamFrame::kMaxLength) {
            m_items.append(
                {fail(Error::Code::Parse,
                     QCoreApplication::translate("ow::drivers::idcard",
                         "The reader sent a frame with an impossible length of %1 bytes (allowed: %2 to %3).")
                         .arg(length)
                         .arg(SamFrame::kMinLength)
                         .arg(SamFrame::kMaxLength)),
                    Problem::BadLength});
            discard(1);
            continue;
        }
        const qsizetype total = SamFrame::kHeaderSize + length;
        if (m_buffer.size() < total)
            return;
        Result<QByteArray> body = SamFrame::decode(QByteArrayView(m_buffer).first(total));
        if (body) {
            m_items.append({m_buffer.first(total), Problem::None});
            m_buffer.remove(0, total);
        } else {
            m_items.append({failWith(body.error()), Problem::BadChecksum});
            discard(1);
        }
    }
}

} // namespace ow::drivers::idcard
