#include "idcard/SamFrame.h"

#include <QCoreApplication>

namespace ow::drivers::idcard {

namespace {
constexpr char kPreamble[SamFrame::kPreambleSize]
    = {char(0xAA), char(0xAA), char(0xAA), char(0x96), char(0x69)};
}

QByteArray SamFrame::preamble()
{
    return QByteArray(kPreamble, kPreambleSize);
}

quint8 SamFrame::checksum(QByteArrayView lengthAndBody)
{
    quint8 sum = 0;
    for (const char byte : lengthAndBody)
        sum ^= quint8(byte);
    return sum;
}

QByteArray SamFrame::encode(QByteArrayView body)
{
    const qsizetype length = body.size() + 1;
    QByteArray frame = preamble();
    frame.reserve(kHeaderSize + length);
    frame.append(char((length >> 8) & 0xFF));
    frame.append(char(length & 0xFF));
    frame.append(body);
    frame.append(char(checksum(QByteArrayView(frame).sliced(kPreambleSize))));
    return frame;
}

QByteArray SamFrame::request(const SamCommand &command)
{
    QByteArray body;
    body.append(char(command.command));
    body.append(char(command.parameter));
    body.append(command.data);
    return encode(body);
}

QByteArray SamFrame::response(quint8 sw3, QByteArrayView data, quint8 sw1, quint8 sw2)
{
    QByteArray body;
    body.append(char(sw1));
    body.append(char(sw2));
    body.append(char(sw3));
    body.append(data);
    return encode(body);
}

Result<QByteArray> SamFrame::decode(QByteArrayView frame)
{
    if (frame.size() < kHeaderSize + kMinLength)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The frame is too short: %1 bytes, but a frame of the ID card reader has at least %2.")
                .arg(frame.size())
                .arg(kHeaderSize + kMinLength));
    if (!frame.startsWith(QByteArrayView(kPreamble, kPreambleSize)))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The frame does not start with the ID card reader's preamble AA AA AA 96 69 (it starts with "
                "%1).")
                .arg(toHex(frame.first(kPreambleSize))));
    const int length = (quint8(frame[5]) << 8) | quint8(frame[6]);
    if (length != frame.size() - kHeaderSize)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The frame's length field says %1 bytes follow, but %2 bytes do.")
                .arg(length)
                .arg(frame.size() - kHeaderSize));
    const quint8 expected = checksum(frame.sliced(kPreambleSize, frame.size() - kPreambleSize - 1));
    const quint8 actual = quint8(frame.back());
    if (expected != actual)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The frame's checksum is %1, but its bytes give %2: the frame is damaged or its length is "
                "wrong.")
                .arg(toHex(QByteArrayView(reinterpret_cast<const char *>(&actual), 1)),
                    toHex(QByteArrayView(reinterpret_cast<const char *>(&expected), 1))));
    return frame.sliced(kHeaderSize, length - 1).toByteArray();
}

Result<SamCommand> SamFrame::parseRequest(QByteArrayView body)
{
    if (body.size() < 2)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The request is too short to carry a command and its parameter."));
    return SamCommand {quint8(body[0]), quint8(body[1]), body.sliced(2).toByteArray()};
}

Result<SamResponse> SamResponse::fromBody(QByteArrayView body)
{
    if (body.size() < 3)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::drivers::idcard",
                "The reply is too short to carry the three status bytes SW1 SW2 SW3."));
    return SamResponse {quint8(body[0]), quint8(body[1]), quint8(body[2]), body.sliced(3).toByteArray()};
}

Result<SamResponse> SamResponse::parse(QByteArrayView frame)
{
    const Result<QByteArray> body = SamFrame::decode(frame);
    if (!body)
        return failWith(body.error());
    return fromBody(*body);
}

QString toHex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex(' ').toUpper());
}

} // namespace ow::drivers::idcard
