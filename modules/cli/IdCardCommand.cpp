#include "cli/IdCardCommand.h"

#include "cli/SubcommandParser.h"
#include "idcard/FrameDecoder.h"
#include "idcard/IdCardTextDecoder.h"
#include "idcard/SamClient.h"
#include "idcard/SamFrame.h"
#include "idcard/SamStatus.h"
#include "idcard/SerialTransport.h"
#include "idcard/UsbBulkTransport.h"
#include "idcard/WltPhotoDecoder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

namespace ow::cli {

using namespace ow::drivers::idcard;

namespace {

constexpr int kPollIntervalMs = 300;

/// Hex text ("AA AA AA 96 69 …"; spaces, line breaks, commas, 0x prefixes and '#' comment lines
/// allowed) or, failing that, the raw bytes of the frame.
QByteArray frameBytes(const QByteArray &content)
{
    static const QRegularExpression comment(QStringLiteral("#[^\n]*"));
    static const QRegularExpression separators(QStringLiteral("0[xX]|[\\s,]"));
    static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]*$"));
    QString digits = QString::fromLatin1(content);
    digits.remove(comment);
    digits.remove(separators);
    if (content.isEmpty() || digits.isEmpty() || digits.size() % 2 != 0
        || !hexDigits.match(digits).hasMatch())
        return content;
    return QByteArray::fromHex(digits.toLatin1());
}

QString hexByte(quint8 byte)
{
    return QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0')).toUpper();
}

} // namespace

int IdCardCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli idcard decode FILE\n"
        "       onewindow-cli idcard read --port PORT | --usb [--timeout S]\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown idcard command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("decode"))
                return decode(rest);
            if (sub == QStringLiteral("read"))
                return read(rest);
            return std::nullopt;
        });
}

bool IdCardCommand::parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
    int positionalCount, int *exitCode)
{
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli idcard ") + name, arguments, positionalCount)) {
        *exitCode = *stop;
        return false;
    }
    return true;
}

int IdCardCommand::decode(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Decode one reply frame of an ID card reader (hex text or binary) and print its fields as JSON. "
        "Exit 1 when the frame is damaged."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QCoreApplication::translate("ow::cli", "the recorded frame"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("decode"), arguments, 1, &exitCode))
        return exitCode;

    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_console.err() << QCoreApplication::translate("ow::cli", "%1 could not be read: %2")
                               .arg(path, file.errorString())
                        << '\n';
        return 2;
    }
    FrameDecoder decoder;
    decoder.feed(frameBytes(file.readAll()));
    Result<QByteArray> frame = fail(Error::Code::NotFound,
        QCoreApplication::translate("ow::cli", "%1 holds no frame of an ID card reader (no AA AA AA 96 69).")
            .arg(path));
    if (decoder.hasNext())
        frame = decoder.next();
    else if (std::optional<Error> cutOff = decoder.finish())
        frame = failWith(*cutOff);
    const Result<SamResponse> reply
        = frame ? SamResponse::parse(*frame) : Result<SamResponse>(failWith(frame.error()));
    if (!reply) {
        m_console.err() << QCoreApplication::translate("ow::cli", "%1: %2").arg(path, reply.error().message())
                        << '\n';
        return 1;
    }
    if (decoder.hasNext() || decoder.pendingBytes() > 0)
        m_console.err()
            << QCoreApplication::translate("ow::cli", "%1: only the first frame was decoded").arg(path)
            << '\n';

    QJsonObject out {{QStringLiteral("status"), hexByte(reply->sw3)},
        {QStringLiteral("statusMessage"), SamStatus::message(reply->sw3)}};
    // Only a successful read carries card data; other replies (find, select, SAM) are shown by status.
    if (reply->isSuccess() && reply->data.size() > 256) {
        const Result<IdCardData> card = IdCardTextDecoder::decodeReadData(reply->data);
        if (!card) {
            m_console.err()
                << QCoreApplication::translate("ow::cli", "%1: %2").arg(path, card.error().message()) << '\n';
            return 1;
        }
        out = card->toJson();
    } else if (!reply->data.isEmpty()) {
        out.insert(QStringLiteral("data"), toHex(reply->data));
    }
    m_console.printJson(QJsonDocument(out));
    return 0;
}

int IdCardCommand::read(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Wait for one ID card on a reader and print its fields as JSON. "
        "Exit 1 when no card is read in time, 2 when the reader cannot be used."));
    const QCommandLineOption port(QStringLiteral("port"),
        QCoreApplication::translate("ow::cli", "The serial port of the reader (COM3, /dev/ttyUSB0)."),
        QStringLiteral("PORT"));
    const QCommandLineOption usb(QStringLiteral("usb"),
        QCoreApplication::translate("ow::cli", "Use a USB reader (0400:C35A, 0316:5020)."));
    const QCommandLineOption device(QStringLiteral("device"),
        QCoreApplication::translate("ow::cli", "With --usb: the reader's VID:PID instead of the known ones."),
        QStringLiteral("VID:PID"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QCoreApplication::translate("ow::cli", "Seconds to wait for a card (default 10)."),
        QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption fingerprint(QStringLiteral("fingerprint"),
        QCoreApplication::translate("ow::cli", "Also read the fingerprint data."));
    const QCommandLineOption bmp(QStringLiteral("bmp"),
        QCoreApplication::translate(
            "ow::cli", "Write the photo to FILE as BMP; needs the reader vendor's decoding library."),
        QStringLiteral("FILE"));
    parser.addOptions({port, usb, device, timeout, fingerprint, bmp});
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("read"), arguments, 0, &exitCode))
        return exitCode;
    bool secondsOk = false;
    const double seconds = parser.value(timeout).toDouble(&secondsOk);
    if (parser.isSet(port) == parser.isSet(usb) || !secondsOk || seconds <= 0) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "give either --port PORT or --usb, and a positive --timeout; see --help")
                        << '\n';
        return 2;
    }

    std::unique_ptr<IdCardTransport> transport;
    if (parser.isSet(port)) {
        transport = SerialTransport::factory(parser.value(port))();
    } else {
        QList<UsbDeviceId> ids;
        for (const QString &text : parser.values(device)) {
            const std::optional<UsbDeviceId> id = UsbDeviceId::parse(text);
            if (!id) {
                m_console.err() << QCoreApplication::translate(
                    "ow::cli", "'%1' is not a USB id like 0400:C35A")
                                       .arg(Console::quote(text))
                                << '\n';
                return 2;
            }
            ids.append(*id);
        }
        transport
            = UsbBulkTransport::libUsbFactory(ids.isEmpty() ? UsbBulkTransport::defaultDeviceIds() : ids)();
    }
    if (Result<void> opened = transport->open(); !opened) {
        m_console.err() << opened.error().message() << '\n';
        return 2;
    }
    SamClient client(*transport);
    if (Result<void> sam = client.checkSam(); !sam) {
        m_console.err() << sam.error().message() << '\n';
        return 2;
    }
    const QDeadlineTimer deadline(qint64(seconds * 1000));
    for (;;) {
        Result<std::optional<IdCardData>> card = client.readCard(parser.isSet(fingerprint));
        if (!card) {
            m_console.err() << card.error().message() << '\n';
            return card.error().code() == Error::Code::Io ? 2 : 1;
        }
        if (*card) {
            const IdCardData &data = **card;
            if (parser.isSet(bmp)) {
                WltPhotoDecoder photo;
                const Result<QByteArray> image = photo.decodeToBmp(data.photoWlt);
                QFile out(parser.value(bmp));
                if (!image)
                    m_console.err() << image.error().message() << '\n';
                else if (!out.open(QIODevice::WriteOnly) || out.write(*image) != image->size())
                    m_console.err() << QCoreApplication::translate("ow::cli", "%1 could not be written: %2")
                                           .arg(out.fileName(), out.errorString())
                                    << '\n';
            }
            m_console.printJson(QJsonDocument(data.toJson()));
            return 0;
        }
        if (deadline.hasExpired())
            break;
        QThread::msleep(std::min<qint64>(kPollIntervalMs, std::max<qint64>(1, deadline.remainingTime())));
    }
    m_console.err() << QCoreApplication::translate(
        "ow::cli", "No ID card was placed on the reader within %1 seconds.")
                           .arg(seconds)
                    << '\n';
    return 1;
}

} // namespace ow::cli
