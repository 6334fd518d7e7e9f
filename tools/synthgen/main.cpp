// ow-synthgen: writes a synthetic catalogue for scale tests and benchmarks.
#include "SyntheticCatalogue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ow-synthgen"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OW_VERSION));

    const auto tr = [](const char *text) { return QCoreApplication::translate("ow::synthgen", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a synthetic catalogue (docs/catalogue-format.md) for scale tests and benchmarks. "
           "The same seed always gives byte-identical files."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("OUTDIR"), tr("The folder to write the catalogue into."));
    const QCommandLineOption matters(QStringLiteral("matters"),
        tr("Number of matters (default 1060, Lucheng's count)."), tr("N"), QStringLiteral("1060"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), tr("Random seed (default 1)."), tr("N"), QStringLiteral("1"));
    const QCommandLineOption overwrite(
        QStringLiteral("overwrite"), tr("Replace a catalogue already in OUTDIR (its other files are kept)."));
    parser.addOptions({matters, seed, overwrite});
    parser.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (parser.positionalArguments().size() != 1) {
        err << tr("Give exactly one output folder.") << '\n';
        parser.showHelp(2);
    }
    bool mattersOk = false;
    bool seedOk = false;
    ow::synthgen::SyntheticCatalogue::Options options;
    options.matters = parser.value(matters).toInt(&mattersOk);
    options.seed = parser.value(seed).toULongLong(&seedOk);
    options.overwrite = parser.isSet(overwrite);
    if (!mattersOk || !seedOk || options.matters < 1) {
        err << tr("--matters must be a positive whole number and --seed a non-negative whole number.")
            << '\n';
        return 2;
    }

    const auto summary
        = ow::synthgen::SyntheticCatalogue::write(parser.positionalArguments().first(), options);
    if (!summary) {
        err << summary.error().toString() << '\n';
        return 1;
    }
    out << tr("%1 matters (%2 questions, %3 situations, at most %4 in one matter), %5 materials, %6 bundles, "
              "%7 departments written to %8")
               .arg(summary->matters)
               .arg(summary->questions)
               .arg(summary->situations)
               .arg(summary->maxSituations)
               .arg(summary->materials)
               .arg(summary->bundles)
               .arg(summary->departments)
               .arg(parser.positionalArguments().first())
        << '\n';
    return 0;
}
