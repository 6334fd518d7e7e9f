#include "receipt/ReceiptSettings.h"

#include "receipt/CupsRawSink.h"
#include "receipt/DeviceFileSink.h"
#include "receipt/ReceiptSimulator.h"
#include "receipt/SpoolerSink.h"

#include <QCoreApplication>
#include <QSettings>
#include <tuple>

namespace ow::drivers::receipt {

namespace {

Failure badValue(const QString &key, const QString &value, const QString &allowed)
{
    return fail(Error::Code::Invalid,
        QCoreApplication::translate(
            "ow::drivers::receipt", "The setting %1 is '%2', but it must be one of: %3.")
            .arg(key, value, allowed));
}

/// The value of `key` as one of `names` (case-insensitive); `fallback` when the key is absent.
template<typename T>
Result<T> choice(
    const QSettings &settings, const QString &key, const QList<std::pair<QString, T>> &names, T fallback)
{
    if (!settings.contains(key))
        return fallback;
    const QString value = settings.value(key).toString().trimmed();
    QStringList allowed;
    for (const auto &[name, item] : names) {
        if (value.compare(name, Qt::CaseInsensitive) == 0)
            return item;
        allowed.append(name);
    }
    return badValue(key, value, allowed.join(QStringLiteral(", ")));
}

Result<int> number(const QSettings &settings, const QString &key, int low, int high, int fallback)
{
    if (!settings.contains(key))
        return fallback;
    bool ok = false;
    const int value = settings.value(key).toString().trimmed().toInt(&ok);
    if (!ok || value < low || value > high)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::receipt",
                "The setting %1 is '%2', but it must be a whole number from %3 to %4.")
                .arg(key, settings.value(key).toString())
                .arg(low)
                .arg(high));
    return value;
}

} // namespace

Result<ReceiptSettings> ReceiptSettings::load(const QSettings &settings)
{
    ReceiptSettings result;
    using C = Connection;
    const Result<C> connection = choice<C>(settings, QStringLiteral("receipt/connection"),
        {{QStringLiteral("none"), C::None}, {QStringLiteral("device"), C::Device},
            {QStringLiteral("cups"), C::Cups}, {QStringLiteral("spooler"), C::Spooler},
            {QStringLiteral("simulator"), C::Simulator}},
        C::None);
    if (!connection)
        return failWith(connection.error());
    result.connection = *connection;

    const Result<PaperWidth> paper = choice<PaperWidth>(settings, QStringLiteral("receipt/paperWidthMm"),
        {{QStringLiteral("80"), PaperWidth::Mm80}, {QStringLiteral("58"), PaperWidth::Mm58}},
        PaperWidth::Mm80);
    if (!paper)
        return failWith(paper.error());
    result.options.paper = *paper;

    const Result<Alignment> alignment = choice<Alignment>(settings, QStringLiteral("receipt/alignment"),
        {{QStringLiteral("left"), Alignment::Left}, {QStringLiteral("centre"), Alignment::Centre},
            {QStringLiteral("center"), Alignment::Centre}, {QStringLiteral("right"), Alignment::Right}},
        Alignment::Centre);
    if (!alignment)
        return failWith(alignment.error());
    result.options.alignment = *alignment;

    const Result<CutMode> cut = choice<CutMode>(settings, QStringLiteral("receipt/cut"),
        {{QStringLiteral("partial"), CutMode::Partial}, {QStringLiteral("full"), CutMode::Full},
            {QStringLiteral("none"), CutMode::None}},
        CutMode::Partial);
    if (!cut)
        return failWith(cut.error());
    result.options.cut = *cut;

    const Result<Dithering> dithering = choice<Dithering>(settings, QStringLiteral("receipt/dithering"),
        {{QStringLiteral("threshold"), Dithering::Threshold},
            {QStringLiteral("floyd-steinberg"), Dithering::FloydSteinberg}},
        Dithering::Threshold);
    if (!dithering)
        return failWith(dithering.error());
    result.options.dithering = *dithering;

    for (auto [key, low, high, target] :
        {std::tuple {QStringLiteral("receipt/threshold"), 1, 255, &result.options.threshold},
            std::tuple {QStringLiteral("receipt/feedLines"), 0, 255, &result.options.feedLines},
            std::tuple {QStringLiteral("receipt/bandRows"), 1, 4095, &result.options.bandRows}}) {
        const Result<int> value = number(settings, key, low, high, *target);
        if (!value)
            return failWith(value.error());
        *target = *value;
    }

    result.device = settings.value(QStringLiteral("receipt/device"), result.device).toString();
    result.queue = settings.value(QStringLiteral("receipt/queue")).toString();
    result.printer = settings.value(QStringLiteral("receipt/printer")).toString();
    return result;
}

ReceiptSinkFactory ReceiptSettings::sinkFactory(ReceiptSimulator *simulator) const
{
    switch (connection) {
    case Connection::Device:
        return DeviceFileSink::factory(device);
    case Connection::Cups:
        return CupsRawSink::factory(queue);
    case Connection::Spooler:
        return SpoolerSink::factory(printer);
    case Connection::Simulator:
        if (simulator)
            return simulator->factory();
        break;
    case Connection::None:
        break;
    }
    return [] { return std::unique_ptr<ReceiptSink>(); };
}

} // namespace ow::drivers::receipt
