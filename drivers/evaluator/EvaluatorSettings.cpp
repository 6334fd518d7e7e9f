#include "evaluator/EvaluatorSettings.h"

#include "core/SettingsReader.h"
#include "evaluator/EvaluatorSimulator.h"
#include "evaluator/OnScreenEvaluator.h"
#include "evaluator/SerialEvaluator.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace ow::drivers::evaluator {

Result<EvaluatorSettings> EvaluatorSettings::load(const QSettings &settings)
{
    EvaluatorSettings result;
    const auto text
        = [&settings](const char *key) { return settings.value(QLatin1String(key)).toString().trimmed(); };

    if (const QString backend = text("evaluator/backend").toLower(); !backend.isEmpty()) {
        if (backend == QStringLiteral("none"))
            result.backend = Backend::None;
        else if (backend == QStringLiteral("serial"))
            result.backend = Backend::Serial;
        else if (backend == QStringLiteral("screen"))
            result.backend = Backend::Screen;
        else if (backend == QStringLiteral("simulator"))
            result.backend = Backend::Simulator;
        else
            return SettingsReader::invalid(QStringLiteral("evaluator/backend"), backend,
                QCoreApplication::translate(
                    "ow::drivers::evaluator", "use none, serial, screen or simulator."));
    }

    result.port.portName = text("evaluator/port");
    if (const QString baud = text("evaluator/baudRate"); !baud.isEmpty()) {
        bool ok = false;
        result.port.baudRate = baud.toInt(&ok);
        if (!ok || result.port.baudRate <= 0)
            return SettingsReader::invalid(QStringLiteral("evaluator/baudRate"), baud,
                QCoreApplication::translate(
                    "ow::drivers::evaluator", "use a positive whole number such as 9600."));
    }
    if (const QString frame = text("evaluator/frame"); !frame.isEmpty()) {
        if (Result<void> set = result.port.setFrame(frame); !set)
            return failWith(set.error());
    }

    const QString keys = text("evaluator/keys");
    if (keys.compare(QStringLiteral("custom"), Qt::CaseInsensitive) == 0) {
        Result<KeyMapping> custom = KeyMapping::parse(text("evaluator/keyMap"));
        if (!custom)
            return SettingsReader::invalid(
                QStringLiteral("evaluator/keyMap"), text("evaluator/keyMap"), custom.error().message());
        result.mapping = *custom;
    } else if (!keys.isEmpty()) {
        const std::optional<KeyMapping::Preset> preset = KeyMapping::presetFromName(keys);
        if (!preset)
            return SettingsReader::invalid(QStringLiteral("evaluator/keys"), keys,
                QCoreApplication::translate("ow::drivers::evaluator", "use a, b or custom."));
        result.mapping = KeyMapping::preset(*preset);
    }

    if (const QString timeout = text("evaluator/timeoutSeconds"); !timeout.isEmpty()) {
        bool ok = false;
        const int seconds = timeout.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return SettingsReader::invalid(QStringLiteral("evaluator/timeoutSeconds"), timeout,
                QCoreApplication::translate(
                    "ow::drivers::evaluator", "use a number of seconds from 1 to 3600."));
        result.serial.timeoutMs = seconds * 1000;
    }
    if (const QString prompt = text("evaluator/prompt"); !prompt.isEmpty()) {
        static const QRegularExpression hex(QStringLiteral("^([0-9A-Fa-f]{2}\\s*)+$"));
        if (!hex.match(prompt).hasMatch())
            return SettingsReader::invalid(QStringLiteral("evaluator/prompt"), prompt,
                QCoreApplication::translate(
                    "ow::drivers::evaluator", "use hexadecimal bytes such as 02 31 03."));
        result.serial.prompt = QByteArray::fromHex(prompt.toLatin1());
    }

    if (result.backend == Backend::Serial && result.port.portName.isEmpty())
        return SettingsReader::invalid(QStringLiteral("evaluator/port"), QString(),
            QCoreApplication::translate(
                "ow::drivers::evaluator", "a serial evaluator needs a port, such as /dev/ttyUSB0 or COM3."));
    return result;
}

std::unique_ptr<Evaluator> EvaluatorSettings::create(QObject *parent) const
{
    switch (backend) {
    case Backend::Serial:
        return std::make_unique<SerialEvaluator>(serial::SerialPort::factory(port), mapping, serial, parent);
    case Backend::Screen:
        return std::make_unique<OnScreenEvaluator>(serial.timeoutMs, parent);
    case Backend::Simulator:
        return std::make_unique<EvaluatorSimulator>(RatingLevel::VerySatisfied, 1500, parent);
    case Backend::None:
        break;
    }
    return nullptr;
}

} // namespace ow::drivers::evaluator
