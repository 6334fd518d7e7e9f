// libFuzzer target for what an ID card reader sends (docs/hardware.md, ID card reader): any bytes, fed in any
// split, must give frames or errors with a message, and every frame must survive reply and card decoding.

#include "idcard/FrameDecoder.h"
#include "idcard/IdCardSimulator.h"
#include "idcard/IdCardTextDecoder.h"
#include "idcard/SamFrame.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>

using namespace ow::drivers::idcard;

namespace {

void checkFrames(FrameDecoder &decoder)
{
    while (decoder.hasNext()) {
        const ow::Result<QByteArray> frame = decoder.next();
        if (!frame) {
            if (frame.error().message().isEmpty())
                std::abort();
            continue;
        }
        // A frame the decoder let through is whole and checked.
        if (!SamFrame::decode(*frame))
            std::abort();
        const ow::Result<SamResponse> reply = SamResponse::parse(*frame);
        if (reply && !reply->data.isEmpty()) {
            const auto card = IdCardTextDecoder::decodeReadData(reply->data);
            if (!card && card.error().message().isEmpty())
                std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // All at once, then split where the first byte says, as a serial port would deliver it.
    FrameDecoder whole;
    whole.feed(bytes);
    checkFrames(whole);
    if (const auto cutOff = whole.finish(); cutOff && cutOff->message().isEmpty())
        std::abort();

    FrameDecoder split;
    const qsizetype step = size > 0 ? 1 + data[0] % 64 : 1;
    for (qsizetype at = 0; at < bytes.size(); at += step)
        split.feed(QByteArrayView(bytes).sliced(at, std::min(step, bytes.size() - at)));
    checkFrames(split);
    split.finish();

    // The same bytes as a request to the simulator: it must answer, never crash.
    IdCardSimulator simulator;
    simulator.placeCard(IdCardSimulator::sampleCard());
    (void)simulator.receive(bytes);

    // And as a bare text block.
    (void)IdCardTextDecoder::decodeText(bytes);
    return 0;
}
