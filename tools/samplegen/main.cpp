// ow-samplegen: renders the sample images (示例) of the demo catalogue from the specs in specs/,
// and keeps the catalogue's `mark` lines equal to the regions of the rendered fields.

#include "CatalogueMarks.h"
#include "SampleLayout.h"
#include "SampleRenderer.h"
#include "SampleSpec.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QSet>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// PNGs above this are too heavy for the repository and the counter's sample viewer.
constexpr qint64 maximumPngBytes = 150 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::samplegen", text);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool writePng(const QImage &image, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImageWriter writer(path, "png");
    writer.setQuality(0); // for PNG: the strongest compression
    if (!writer.write(image)) {
        err() << tr("Cannot write %1: %2").arg(path, writer.errorString()) << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ow-samplegen"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Renders the sample images of a catalogue from their specs and prints the mark lines the catalogue "
        "needs."));
    parser.addHelpOption();
    const QCommandLineOption catalogueOption(
        u"catalogue"_s, tr("The catalogue folder."), u"dir"_s, QStringLiteral(OW_SAMPLEGEN_CATALOGUE));
    const QCommandLineOption specsOption(
        u"specs"_s, tr("The folder of sample specs."), u"dir"_s, QStringLiteral(OW_SAMPLEGEN_SPECS));
    const QCommandLineOption onlyOption(
        u"only"_s, tr("Only the spec with this file name (without .txt)."), u"name"_s);
    const QCommandLineOption checkOption(u"check"_s,
        tr("Write nothing; exit 1 when the catalogue's sample and mark lines differ from the specs or a "
           "mark does not sit on the field it names."));
    const QCommandLineOption updateOption(
        u"update"_s, tr("Also rewrite the sample and mark lines of the catalogue's materials."));
    parser.addOptions({catalogueOption, specsOption, onlyOption, checkOption, updateOption});
    parser.process(app);

    const QString catalogueDir = parser.value(catalogueOption);
    const QDir specsDir(parser.value(specsOption));
    const bool check = parser.isSet(checkOption);
    const bool update = parser.isSet(updateOption);

    QStringList specFiles = specsDir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    if (parser.isSet(onlyOption)) {
        specFiles = specFiles.filter(
            QRegularExpression(u"^%1\\.txt$"_s.arg(QRegularExpression::escape(parser.value(onlyOption)))));
    }
    if (specFiles.isEmpty()) {
        err() << tr("No specs found in %1.").arg(specsDir.path()) << Qt::endl;
        return 1;
    }

    ow::samplegen::CatalogueMarks catalogue(catalogueDir);
    if (const ow::Result<void> loaded = catalogue.load(); !loaded) {
        err() << loaded.error().toString() << Qt::endl;
        return 1;
    }

    int failures = 0;
    QSet<QString> renderedImages;
    for (const QString &fileName : specFiles) {
        const ow::Result<ow::samplegen::SampleSpec> spec
            = ow::samplegen::SampleSpecParser::parseFile(specsDir.filePath(fileName));
        if (!spec) {
            err() << spec.error().toString() << Qt::endl;
            ++failures;
            continue;
        }
        renderedImages.insert(spec->image);
        const QList<ow::samplegen::MarkRegion> marks = ow::samplegen::SampleLayout::marks(*spec);
        // Rendering also validates every element, so --check renders in memory too.
        const ow::Result<QImage> image = ow::samplegen::SampleRenderer::render(*spec);
        if (!image) {
            err() << image.error().toString() << Qt::endl;
            ++failures;
            continue;
        }
        const QString imagePath = QDir(catalogueDir).filePath(spec->image);
        // A mark must sit on the field it names, whether the catalogue is checked or rewritten.
        const QStringList misplaced = ow::samplegen::SampleLayout::placementProblems(*spec);
        for (const QString &problem : misplaced) {
            err() << problem << Qt::endl;
        }
        failures += int(misplaced.size());
        if (check) {
            const QStringList problems = catalogue.compare(*spec, marks);
            for (const QString &problem : problems) {
                err() << problem << Qt::endl;
            }
            failures += int(problems.size());
            const QStringList unmarked = catalogue.unmarkedPoints(*spec, marks);
            if (!unmarked.isEmpty()) {
                // Not every point has a place on the image (a date range, a count); say so, do not fail.
                err() << tr("%1: review points with no mark: %2").arg(fileName, unmarked.join(u", "_s))
                      << Qt::endl;
            }
            if (!QFileInfo::exists(imagePath)) {
                err() << tr("%1 is missing; run ow-samplegen without --check.").arg(imagePath) << Qt::endl;
                ++failures;
            }
            continue;
        }
        if (!writePng(*image, imagePath)) {
            ++failures;
            continue;
        }
        if (QFileInfo(imagePath).size() > maximumPngBytes) {
            err() << tr("%1 is %2 KB; keep samples under %3 KB.")
                         .arg(imagePath)
                         .arg(QFileInfo(imagePath).size() / 1024)
                         .arg(maximumPngBytes / 1024)
                  << Qt::endl;
            ++failures;
        }
        if (update) {
            if (const ow::Result<void> updated = catalogue.update(*spec, marks); !updated) {
                err() << updated.error().toString() << Qt::endl;
                ++failures;
            }
        }
        out() << u"# %1 (%2)"_s.arg(spec->image, spec->materials.join(u", "_s)) << Qt::endl;
        out() << u"  sample: %1"_s.arg(spec->image) << Qt::endl;
        for (const ow::samplegen::MarkRegion &mark : marks) {
            out() << u"    "_s << ow::samplegen::SampleLayout::markLine(mark) << Qt::endl;
        }
    }

    if (update) {
        const ow::Result<QStringList> written = catalogue.save();
        if (!written) {
            err() << written.error().toString() << Qt::endl;
            ++failures;
        } else {
            for (const QString &path : *written) {
                err() << tr("Updated %1").arg(path) << Qt::endl;
            }
        }
    }
    if (check && !parser.isSet(onlyOption)) {
        // Every sample the catalogue shows must come from a spec, or it cannot be regenerated.
        for (const auto &[materialId, image] : catalogue.sampleReferences()) {
            if (!renderedImages.contains(image)) {
                err() << tr("Material \"%1\" shows %2, which no spec renders.").arg(materialId, image)
                      << Qt::endl;
                ++failures;
            }
        }
    }
    return failures == 0 ? 0 : 1;
}
