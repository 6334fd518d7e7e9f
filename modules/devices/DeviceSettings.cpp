#include "devices/DeviceSettings.h"

#include <QSettings>

namespace ow::devices {

using drivers::evaluator::EvaluatorSettings;
using drivers::evaluator::KeyMapping;
using drivers::receipt::Alignment;
using drivers::receipt::CutMode;
using drivers::receipt::Dithering;
using drivers::receipt::PaperWidth;
using drivers::receipt::ReceiptSettings;
using drivers::scanner::ScannerSettings;

namespace {

QString number(int value)
{
    return QString::number(value);
}

QString receiptConnectionName(ReceiptSettings::Connection connection)
{
    switch (connection) {
    case ReceiptSettings::Connection::Device:
        return QStringLiteral("device");
    case ReceiptSettings::Connection::Cups:
        return QStringLiteral("cups");
    case ReceiptSettings::Connection::Spooler:
        return QStringLiteral("spooler");
    case ReceiptSettings::Connection::Simulator:
        return QStringLiteral("simulator");
    case ReceiptSettings::Connection::None:
        break;
    }
    return QStringLiteral("none");
}

QString alignmentName(Alignment alignment)
{
    switch (alignment) {
    case Alignment::Left:
        return QStringLiteral("left");
    case Alignment::Right:
        return QStringLiteral("right");
    case Alignment::Centre:
        break;
    }
    return QStringLiteral("centre");
}

QString cutName(CutMode cut)
{
    switch (cut) {
    case CutMode::Full:
        return QStringLiteral("full");
    case CutMode::None:
        return QStringLiteral("none");
    case CutMode::Partial:
        break;
    }
    return QStringLiteral("partial");
}

QString evaluatorBackendName(EvaluatorSettings::Backend backend)
{
    switch (backend) {
    case EvaluatorSettings::Backend::Serial:
        return QStringLiteral("serial");
    case EvaluatorSettings::Backend::Screen:
        return QStringLiteral("screen");
    case EvaluatorSettings::Backend::Simulator:
        return QStringLiteral("simulator");
    case EvaluatorSettings::Backend::None:
        break;
    }
    return QStringLiteral("none");
}

QString scannerModeName(ScannerSettings::Mode mode)
{
    switch (mode) {
    case ScannerSettings::Mode::Serial:
        return QStringLiteral("serial");
    case ScannerSettings::Mode::None:
        return QStringLiteral("none");
    case ScannerSettings::Mode::Keyboard:
        break;
    }
    return QStringLiteral("keyboard");
}

} // namespace

DeviceSettings DeviceSettings::none()
{
    DeviceSettings settings;
    settings.idCard.connection = IdCardSettings::Connection::None;
    settings.receipt.connection = ReceiptSettings::Connection::None;
    settings.evaluator.backend = EvaluatorSettings::Backend::None;
    settings.scanner.mode = ScannerSettings::Mode::None;
    settings.camera.backend = drivers::camera::CameraSettings::Backend::None;
    return settings;
}

Result<DeviceSettings> DeviceSettings::load(const QSettings &settings)
{
    DeviceSettings result;
    Result<IdCardSettings> idCard = IdCardSettings::load(settings);
    if (!idCard)
        return failWith(idCard.error());
    result.idCard = *idCard;
    Result<ReceiptSettings> receipt = ReceiptSettings::load(settings);
    if (!receipt)
        return failWith(receipt.error());
    result.receipt = *receipt;
    Result<EvaluatorSettings> evaluator = EvaluatorSettings::load(settings);
    if (!evaluator)
        return failWith(evaluator.error());
    result.evaluator = *evaluator;
    Result<ScannerSettings> scanner = ScannerSettings::load(settings);
    if (!scanner)
        return failWith(scanner.error());
    result.scanner = *scanner;
    Result<drivers::camera::CameraSettings> camera = drivers::camera::CameraSettings::load(settings);
    if (!camera)
        return failWith(camera.error());
    result.camera = *camera;
    return result;
}

void DeviceSettings::save(QSettings &settings) const
{
    idCard.save(settings);
    saveReceipt(receipt, settings);
    saveEvaluator(evaluator, settings);
    saveScanner(scanner, settings);
    saveCamera(camera, settings);
}

void DeviceSettings::saveReceipt(const ReceiptSettings &receipt, QSettings &settings)
{
    settings.setValue(QStringLiteral("receipt/connection"), receiptConnectionName(receipt.connection));
    settings.setValue(QStringLiteral("receipt/device"), receipt.device);
    settings.setValue(QStringLiteral("receipt/queue"), receipt.queue);
    settings.setValue(QStringLiteral("receipt/printer"), receipt.printer);
    settings.setValue(QStringLiteral("receipt/paperWidthMm"),
        receipt.options.paper == PaperWidth::Mm58 ? QStringLiteral("58") : QStringLiteral("80"));
    settings.setValue(QStringLiteral("receipt/alignment"), alignmentName(receipt.options.alignment));
    settings.setValue(QStringLiteral("receipt/dithering"),
        receipt.options.dithering == Dithering::FloydSteinberg ? QStringLiteral("floyd-steinberg")
                                                               : QStringLiteral("threshold"));
    settings.setValue(QStringLiteral("receipt/threshold"), number(receipt.options.threshold));
    settings.setValue(QStringLiteral("receipt/feedLines"), number(receipt.options.feedLines));
    settings.setValue(QStringLiteral("receipt/cut"), cutName(receipt.options.cut));
    settings.setValue(QStringLiteral("receipt/bandRows"), number(receipt.options.bandRows));
}

void DeviceSettings::saveEvaluator(const EvaluatorSettings &evaluator, QSettings &settings)
{
    settings.setValue(QStringLiteral("evaluator/backend"), evaluatorBackendName(evaluator.backend));
    settings.setValue(QStringLiteral("evaluator/port"), evaluator.port.portName);
    settings.setValue(QStringLiteral("evaluator/baudRate"), number(evaluator.port.baudRate));
    settings.setValue(QStringLiteral("evaluator/frame"), evaluator.port.frame());
    if (evaluator.mapping == KeyMapping::preset(KeyMapping::Preset::GenerationA)) {
        settings.setValue(QStringLiteral("evaluator/keys"), QStringLiteral("a"));
        settings.remove(QStringLiteral("evaluator/keyMap"));
    } else if (evaluator.mapping == KeyMapping::preset(KeyMapping::Preset::GenerationB)) {
        settings.setValue(QStringLiteral("evaluator/keys"), QStringLiteral("b"));
        settings.remove(QStringLiteral("evaluator/keyMap"));
    } else {
        settings.setValue(QStringLiteral("evaluator/keys"), QStringLiteral("custom"));
        settings.setValue(QStringLiteral("evaluator/keyMap"), evaluator.mapping.toString());
    }
    // The setting is in whole seconds; a request shorter than one is not a real configuration.
    settings.setValue(
        QStringLiteral("evaluator/timeoutSeconds"), number(std::max(1, evaluator.serial.timeoutMs / 1000)));
    if (evaluator.serial.prompt.isEmpty())
        settings.remove(QStringLiteral("evaluator/prompt"));
    else
        settings.setValue(QStringLiteral("evaluator/prompt"),
            QString::fromLatin1(evaluator.serial.prompt.toHex(' ').toUpper()));
}

void DeviceSettings::saveScanner(const ScannerSettings &scanner, QSettings &settings)
{
    settings.setValue(QStringLiteral("scanner/mode"), scannerModeName(scanner.mode));
    settings.setValue(QStringLiteral("scanner/minLength"), number(scanner.wedge.minLength));
    settings.setValue(QStringLiteral("scanner/maxIntervalMs"), number(scanner.wedge.maxIntervalMs));
    settings.setValue(QStringLiteral("scanner/port"), scanner.port.portName);
    settings.setValue(QStringLiteral("scanner/baudRate"), number(scanner.port.baudRate));
}

void DeviceSettings::saveCamera(const drivers::camera::CameraSettings &camera, QSettings &settings)
{
    using Backend = drivers::camera::CameraSettings::Backend;
    const auto onOff = [](bool on) { return on ? QStringLiteral("true") : QStringLiteral("false"); };
    settings.setValue(QStringLiteral("camera/backend"),
        camera.backend == Backend::Folder     ? QStringLiteral("folder")
            : camera.backend == Backend::None ? QStringLiteral("none")
                                              : QStringLiteral("qt"));
    settings.setValue(QStringLiteral("camera/device"), camera.deviceId);
    settings.setValue(QStringLiteral("camera/folder"), camera.folder);
    settings.setValue(QStringLiteral("camera/jpegQuality"), number(camera.page.jpegQuality));
    settings.setValue(QStringLiteral("camera/maxEdge"), number(camera.page.maxLongEdge));
    settings.setValue(QStringLiteral("camera/autoCrop"), onOff(camera.page.autoCrop));
    settings.setValue(QStringLiteral("camera/deskew"), onOff(camera.page.deskew));
}

} // namespace ow::devices
