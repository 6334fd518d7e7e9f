#include "cli/CameraCommand.h"

#include "camera/CameraFormatChoice.h"
#include "camera/PageProcessor.h"
#include "camera/PhotoReader.h"
#include "camera/QtDocumentCamera.h"
#include "cli/SubcommandParser.h"

#include <QCameraDevice>
#include <QCameraFormat>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>
#include <QMediaDevices>
#include <cmath>

namespace ow::cli {

using namespace ow::drivers::camera;

namespace {

QString sizeText(const QSizeF &size)
{
    return QStringLiteral("%1×%2").arg(qRound(size.width())).arg(qRound(size.height()));
}

} // namespace

int CameraCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli camera list [--all] [--json]\n"
        "       onewindow-cli camera process IN OUT [--no-crop] [--no-deskew] [--rotate N] [--quality Q] "
        "[--max-edge PX] [--json]\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown camera command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("list"))
                return list(rest);
            if (sub == QStringLiteral("process"))
                return process(rest);
            return std::nullopt;
        });
}

int CameraCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "List the cameras Qt Multimedia sees, each with the format OneWindow would run it at (the largest, "
        "MJPEG when large). The id goes into the setting camera/device. Exit 1 when there is none."));
    const QCommandLineOption all(QStringLiteral("all"),
        QCoreApplication::translate("ow::cli", "Also list every format each camera offers."));
    parser.addOptions({all, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli camera list"), arguments, 0))
        return *stop;

    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    QJsonArray json;
    for (const QCameraDevice &input : inputs) {
        const std::optional<QCameraFormat> best = QtDocumentCamera::bestFormat(input);
        const QString bestText
            = best ? CameraFormatChoice::describe(QtDocumentCamera::toOption(*best)) : QString();
        QJsonArray formats;
        QStringList formatLines;
        for (const QCameraFormat &format : input.videoFormats()) {
            const QString text = CameraFormatChoice::describe(QtDocumentCamera::toOption(format));
            formats.append(text);
            formatLines.append(QStringLiteral("      ") + text);
        }
        QJsonObject entry {{QStringLiteral("id"), QString::fromUtf8(input.id())},
            {QStringLiteral("description"), input.description()},
            {QStringLiteral("default"), input.isDefault()}, {QStringLiteral("bestFormat"), bestText}};
        if (parser.isSet(all))
            entry.insert(QStringLiteral("formats"), formats);
        json.append(entry);
        if (parser.isSet(jsonOption()))
            continue;
        m_console.out()
            << input.description()
            << (input.isDefault() ? QCoreApplication::translate("ow::cli", " (default)") : QString()) << '\n'
            << QCoreApplication::translate("ow::cli", "  id: %1").arg(QString::fromUtf8(input.id())) << '\n'
            << QCoreApplication::translate("ow::cli", "  runs at: %1")
                   .arg(bestText.isEmpty() ? QCoreApplication::translate("ow::cli", "no format listed")
                                           : bestText)
            << '\n';
        if (parser.isSet(all))
            m_console.out() << QCoreApplication::translate("ow::cli", "  offers:") << '\n'
                            << formatLines.join(QLatin1Char('\n')) << '\n';
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(json));
    else if (inputs.isEmpty())
        m_console.out() << QCoreApplication::translate("ow::cli", "No camera found.") << '\n';
    return inputs.isEmpty() ? 1 : 0;
}

int CameraCommand::process(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Process a document camera photo as the workstation does: find the page against the desk, crop and "
        "level it, turn it, limit its size, and write OUT (JPEG for .jpg/.jpeg, else by suffix, e.g. .png). "
        "Exit 1 when cropping was asked for but no page was found (OUT is then the whole photo)."));
    parser.addPositionalArgument(
        QStringLiteral("IN"), QCoreApplication::translate("ow::cli", "the photo (JPEG, PNG, …)"));
    parser.addPositionalArgument(
        QStringLiteral("OUT"), QCoreApplication::translate("ow::cli", "the page to write"));
    const QCommandLineOption noCrop(QStringLiteral("no-crop"),
        QCoreApplication::translate("ow::cli", "Keep the whole photo (the setting camera/autoCrop=false)."));
    const QCommandLineOption noDeskew(QStringLiteral("no-deskew"),
        QCoreApplication::translate("ow::cli", "Crop without turning the page level."));
    const QCommandLineOption rotate(QStringLiteral("rotate"),
        QCoreApplication::translate("ow::cli", "Quarter turns clockwise after cropping (-3 to 3)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption quality(QStringLiteral("quality"),
        QCoreApplication::translate("ow::cli", "JPEG quality, 1 to 100 (default 85)."), QStringLiteral("Q"),
        QStringLiteral("85"));
    const QCommandLineOption maxEdge(QStringLiteral("max-edge"),
        QCoreApplication::translate(
            "ow::cli", "Longest edge in pixels, 0 to 20000; 0 keeps the photo's size (default 2480)."),
        QStringLiteral("PX"), QStringLiteral("2480"));
    parser.addOptions({noCrop, noDeskew, rotate, quality, maxEdge, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli camera process"), arguments, 2))
        return *stop;

    PageOptions options;
    options.autoCrop = !parser.isSet(noCrop);
    options.deskew = !parser.isSet(noDeskew);
    bool turnsOk = false, qualityOk = false, edgeOk = false;
    const int turns = parser.value(rotate).toInt(&turnsOk);
    options.jpegQuality = parser.value(quality).toInt(&qualityOk);
    options.maxLongEdge = parser.value(maxEdge).toInt(&edgeOk);
    if (!turnsOk || turns < -3 || turns > 3 || !qualityOk || options.jpegQuality < 1
        || options.jpegQuality > 100 || !edgeOk || options.maxLongEdge < 0
        || options.maxLongEdge > PageOptions::kMaxLongEdge) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "--rotate takes -3 to 3, --quality 1 to 100, --max-edge 0 to %1; see --help")
                               .arg(PageOptions::kMaxLongEdge)
                        << '\n';
        return 2;
    }

    const QString in = parser.positionalArguments().at(0);
    const QString out = parser.positionalArguments().at(1);
    const Result<QImage> read = PhotoReader::read(in);
    if (!read) {
        m_console.err() << read.error().message() << '\n';
        return 2;
    }
    const QImage &photo = *read;
    const ProcessedPage page = PageProcessor::process(photo, options);
    const QImage turned = PageProcessor::rotateQuarterTurns(page.image, turns);

    const QString suffix = QFileInfo(out).suffix().toLower();
    QByteArray bytes;
    if (suffix == QStringLiteral("jpg") || suffix == QStringLiteral("jpeg") || suffix.isEmpty()) {
        const Result<QByteArray> jpeg
            = PageProcessor::encodeJpeg(turned, options.jpegQuality, options.maxLongEdge);
        if (!jpeg) {
            m_console.err() << jpeg.error().message() << '\n';
            return 2;
        }
        bytes = *jpeg;
    }
    const QImage written = PageProcessor::limitLongEdge(turned, options.maxLongEdge);
    QFile file(out);
    const bool saved = bytes.isEmpty()
        ? written.save(out)
        : file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
    if (!saved) {
        m_console.err() << QCoreApplication::translate("ow::cli", "%1 could not be written: %2")
                               .arg(out,
                                   bytes.isEmpty() ? QCoreApplication::translate(
                                       "ow::cli", "unknown image type or no access")
                                                   : file.errorString())
                        << '\n';
        return 2;
    }

    const bool missed = options.autoCrop && !page.page;
    if (parser.isSet(jsonOption())) {
        QJsonObject json {{QStringLiteral("photo"), sizeText(photo.size())},
            {QStringLiteral("pageFound"), page.page.has_value()},
            {QStringLiteral("turnedDegrees"), std::round(page.turnedDegrees * 100) / 100},
            {QStringLiteral("written"), sizeText(written.size())}};
        if (page.page) {
            json.insert(QStringLiteral("pageSize"), sizeText(page.page->size));
            json.insert(QStringLiteral("pageCentre"),
                QJsonArray {std::round(page.page->centre.x() * 10) / 10,
                    std::round(page.page->centre.y() * 10) / 10});
            json.insert(QStringLiteral("pageAngle"), std::round(page.page->angle * 100) / 100);
        }
        if (!page.note.isEmpty())
            json.insert(QStringLiteral("note"), page.note);
        m_console.printJson(QJsonDocument(json));
        return missed ? 1 : 0;
    }
    if (page.page)
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "Page found: %1 px around (%2, %3), tilted %4°.")
                               .arg(sizeText(page.page->size))
                               .arg(qRound(page.page->centre.x()))
                               .arg(qRound(page.page->centre.y()))
                               .arg(page.page->angle, 0, 'f', 2)
                        << '\n';
    else if (!page.note.isEmpty())
        m_console.out() << page.note << '\n';
    m_console.out() << QCoreApplication::translate("ow::cli", "Wrote %1: %2 px, %3 kB.")
                           .arg(out, sizeText(written.size()))
                           .arg((QFileInfo(out).size() + 512) / 1024)
                    << '\n';
    return missed ? 1 : 0;
}

} // namespace ow::cli
