#include "cli/DocumentCommand.h"

#include "cases/CaseStore.h"
#include "catalogue/CatalogueLoader.h"
#include "cli/CaseNumberArgument.h"
#include "cli/SubcommandParser.h"
#include "documents/CaseDocuments.h"
#include "documents/DocumentRenderer.h"
#include "documents/DocumentSamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

namespace ow::cli {

using namespace ow::documents;

namespace {

const QCommandLineOption &settingsOption()
{
    static const QCommandLineOption option(QStringLiteral("settings"),
        QCoreApplication::translate("ow::cli", "The hall's settings file (INI) over the built-in defaults."),
        QStringLiteral("FILE"));
    return option;
}

const QCommandLineOption &catalogueOption()
{
    static const QCommandLineOption option(QStringLiteral("catalogue"),
        QCoreApplication::translate(
            "ow::cli", "The catalogue folder (default: $OW_CATALOGUE, else the demo catalogue)."),
        QStringLiteral("DIR"));
    return option;
}

const QCommandLineOption &receiptOption()
{
    static const QCommandLineOption option(QStringLiteral("receipt"),
        QCoreApplication::translate(
            "ow::cli", "Paper width of PNG receipts: 80 (576 dots, default) or 58 (384 dots)."),
        QStringLiteral("MM"), QStringLiteral("80"));
    return option;
}

QStringList kindKeywords()
{
    QStringList keywords;
    for (DocumentKind kind : kDocumentKinds)
        keywords.append(keyword(kind));
    return keywords;
}

/// The decision event a document reports on: the latest of the kind that issues it.
std::optional<cases::EventKind> decisionEvent(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::AcceptanceReceipt:
        return cases::EventKind::Accepted;
    case DocumentKind::WaiverNotice:
        return cases::EventKind::AcceptedWithWaiver;
    case DocumentKind::CorrectionNotice:
        return cases::EventKind::CorrectionNotice;
    case DocumentKind::RefusalNotice:
        return cases::EventKind::Refused;
    case DocumentKind::SupplementReceipt:
        return cases::EventKind::SupplementReceived;
    case DocumentKind::Checklist:
    case DocumentKind::TransferList:
    case DocumentKind::FolderLabels:
    case DocumentKind::PickupSlip:
    case DocumentKind::EmsLabel:
    case DocumentKind::SupervisionNotice:
        break;
    }
    return std::nullopt;
}

} // namespace

int DocumentCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate(
        "ow::cli", "Usage: onewindow-cli document sample|render|check-settings ... (--help for each)\n");
    if (arguments.isEmpty()) {
        m_console.err() << usage;
        return 2;
    }
    const QString sub = arguments.takeFirst();
    if (sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        m_console.out() << usage;
        return 0;
    }
    if (sub == QStringLiteral("check-settings"))
        return checkSettings(arguments);
    if (sub != QStringLiteral("sample") && sub != QStringLiteral("render")) {
        m_console.err() << QCoreApplication::translate("ow::cli", "unknown document command '%1'").arg(sub)
                        << '\n'
                        << usage;
        return 2;
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "Documents are drawn with fonts, which need a QGuiApplication.")
                        << '\n';
        return 2;
    }
    return sub == QStringLiteral("sample") ? sample(arguments) : render(arguments);
}

bool DocumentCommand::parse(
    QCommandLineParser &parser, const QString &name, const QStringList &arguments, int *exitCode)
{
    parser.addOption(settingsOption());
    parser.addOption(receiptOption());
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli ") + name, arguments, -1)) {
        *exitCode = *stop;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_console.err() << QCoreApplication::translate("ow::cli", "unexpected argument '%1'; see --help")
                               .arg(parser.positionalArguments().first())
                        << '\n';
        *exitCode = 2;
        return false;
    }
    const QString width = parser.value(receiptOption());
    if (width != QStringLiteral("80") && width != QStringLiteral("58")) {
        m_console.err() << QCoreApplication::translate("ow::cli", "--receipt must be 80 or 58") << '\n';
        *exitCode = 2;
        return false;
    }
    return true;
}

int DocumentCommand::checkSettings(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Check a hall's settings file as the workstation and the documents load it: every key known, "
        "every wording with exactly the placeholders of its default, no control characters, every value "
        "within its length. Exits 1 with file:line and what is wrong when the file would be refused."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QCoreApplication::translate("ow::cli", "The hall's settings file (INI)."));
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli document check-settings"), arguments, 1))
        return *stop;
    const QString path = parser.positionalArguments().constFirst();
    const Result<HallSettings> loaded = HallSettings::load(path);
    if (!loaded) {
        m_console.err() << loaded.error().toString() << '\n';
        return 1;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "%1: the hall settings are valid.")
                           .arg(QDir::toNativeSeparators(path))
                    << '\n';
    return 0;
}

std::optional<HallSettings> DocumentCommand::settings(const QCommandLineParser &parser)
{
    Result<HallSettings> loaded = parser.isSet(settingsOption())
        ? HallSettings::load(parser.value(settingsOption()))
        : HallSettings::builtIn();
    if (!loaded) {
        m_console.err() << loaded.error().toString() << '\n';
        return std::nullopt;
    }
    return *loaded;
}

QString DocumentCommand::catalogueDirectory(const QCommandLineParser &parser)
{
    if (parser.isSet(catalogueOption()))
        return parser.value(catalogueOption());
    const QString environment = qEnvironmentVariable("OW_CATALOGUE");
    if (!environment.isEmpty())
        return environment;
    const QDir exe(QCoreApplication::applicationDirPath());
    const QString installed
        = QDir::cleanPath(exe.filePath(QStringLiteral("../share/onewindow/catalogue/demo")));
    if (QFileInfo(installed).isDir())
        return installed;
    return QDir::cleanPath(exe.filePath(QStringLiteral("../../resources/catalogue/demo")));
}

bool DocumentCommand::write(const Document &document, const QString &path, const QString &receiptWidth)
{
    if (path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        Result<QImage> image = DocumentRenderer::receipt(document,
            receiptWidth == QStringLiteral("58") ? ReceiptWidth::Paper58mm : ReceiptWidth::Paper80mm);
        if (!image) {
            m_console.err() << image.error().toString() << '\n';
            return false;
        }
        if (!image->save(path, "PNG")) {
            m_console.err() << QCoreApplication::translate("ow::cli", "cannot write %1")
                                   .arg(QDir::toNativeSeparators(path))
                            << '\n';
            return false;
        }
    } else {
        Result<void> written = DocumentRenderer::writePdf(document, path);
        if (!written) {
            m_console.err() << written.error().toString() << '\n';
            return false;
        }
    }
    m_console.out() << QDir::toNativeSeparators(path) << '\n';
    return true;
}

int DocumentCommand::sample(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Print every document for the demo case (hotel hygiene permit "
        "330302-WJ-001, applicant 张三): KIND.pdf and KIND-receipt.png each."));
    const QCommandLineOption out(QStringLiteral("out"),
        QCoreApplication::translate("ow::cli", "The folder to write to (created if needed)."),
        QStringLiteral("DIR"));
    parser.addOption(out);
    parser.addOption(catalogueOption());
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("document sample"), arguments, &exitCode))
        return exitCode;
    if (!parser.isSet(out)) {
        m_console.err() << QCoreApplication::translate("ow::cli", "--out DIR is required; see --help")
                        << '\n';
        return 2;
    }
    const std::optional<HallSettings> hall = settings(parser);
    if (!hall)
        return 2;
    Result<DocumentSamples> samples = DocumentSamples::make(catalogueDirectory(parser));
    if (!samples) {
        m_console.err() << samples.error().toString() << '\n';
        return 2;
    }
    const QDir directory(parser.value(out));
    if (!QDir().mkpath(directory.path())) {
        m_console.err() << QCoreApplication::translate("ow::cli", "cannot create %1")
                               .arg(QDir::toNativeSeparators(directory.path()))
                        << '\n';
        return 2;
    }
    const DocumentContext context = DocumentSamples::context(*hall);
    for (DocumentKind kind : kDocumentKinds) {
        Result<Document> document = samples->document(kind, context);
        if (!document) {
            m_console.err() << document.error().toString() << '\n';
            return 2;
        }
        const QString name = keyword(kind);
        if (!write(
                *document, directory.filePath(name + QStringLiteral(".pdf")), parser.value(receiptOption()))
            || !write(*document, directory.filePath(name + QStringLiteral("-receipt.png")),
                parser.value(receiptOption())))
            return 2;
    }
    return 0;
}

int DocumentCommand::render(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Print one document of a case in the local database: a PDF, or a "
        "thermal receipt image when FILE ends in .png."));
    const QCommandLineOption number(QStringLiteral("case"),
        QCoreApplication::translate("ow::cli", "The case number."), QStringLiteral("NUMBER"));
    const QCommandLineOption kind(QStringLiteral("kind"),
        QCoreApplication::translate("ow::cli", "The document: %1.")
            .arg(kindKeywords().join(QStringLiteral(", "))),
        QStringLiteral("KIND"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QCoreApplication::translate("ow::cli", "The workstation's data folder (default: %1).")
            .arg(QDir::toNativeSeparators(cases::CaseStore::defaultDataDirectory())),
        QStringLiteral("DIR"));
    const QCommandLineOption out(QStringLiteral("out"),
        QCoreApplication::translate("ow::cli", "The file to write (.pdf or .png)."), QStringLiteral("FILE"));
    parser.addOptions({number, kind, dataDir, out, catalogueOption()});
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("document render"), arguments, &exitCode))
        return exitCode;
    if (!parser.isSet(number) || !parser.isSet(kind) || !parser.isSet(out)) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "--case, --kind and --out are required; see --help")
                        << '\n';
        return 2;
    }
    const std::optional<DocumentKind> documentKind = documentKindFromKeyword(parser.value(kind));
    if (!documentKind) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "unknown document kind '%1'; use one of: %2")
                               .arg(Console::quote(parser.value(kind)),
                                   kindKeywords().join(QStringLiteral(", ")))
                        << '\n';
        return 2;
    }
    const std::optional<HallSettings> hall = settings(parser);
    if (!hall)
        return 2;
    const QString directory
        = parser.isSet(dataDir) ? parser.value(dataDir) : cases::CaseStore::defaultDataDirectory();
    Result<std::unique_ptr<cases::CaseStore>> store
        = cases::CaseStore::open(directory, cases::Workstation(), cases::CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 2;
    }
    const Result<cases::CaseNumber> caseNumber = parseCaseNumberArgument({parser.value(number)});
    if (!caseNumber) {
        m_console.err() << caseNumber.error().message() << '\n';
        return 1;
    }
    Result<cases::Case> found = (*store)->findByNumber(caseNumber->toString());
    Result<QList<cases::CaseEvent>> events
        = found ? (*store)->events(found->number) : Result<QList<cases::CaseEvent>>(failWith(found.error()));
    if (!events) {
        m_console.err() << events.error().toString() << '\n';
        return 1;
    }

    // The document reports the decision event: its time, clerk, counter and payload.
    const cases::CaseEvent *decision = nullptr;
    const std::optional<cases::EventKind> wanted = decisionEvent(*documentKind);
    for (const cases::CaseEvent &event : std::as_const(*events))
        if (wanted ? event.kind == *wanted : event.kind == cases::EventKind::Created)
            decision = &event;
    if (!decision) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "The case %1 has no decision that issues a %2.")
                               .arg(found->number, parser.value(kind))
                        << '\n';
        return 1;
    }
    std::shared_ptr<const catalogue::Catalogue> catalogue;
    if (*documentKind == DocumentKind::Checklist) {
        // Only for the answers' labels; the materials come from the case's own snapshot.
        Result<catalogue::CataloguePtr> loaded
            = catalogue::CatalogueLoader::loadOrError(catalogueDirectory(parser));
        if (loaded)
            catalogue = *loaded;
    }
    const DocumentContext context(*hall, decision->time.toLocalTime(), decision->clerk, decision->counter);
    Result<Document> document = CaseDocuments::make(
        *documentKind, *found, DecisionDetails::fromPayload(decision->payload), context, catalogue.get());
    if (!document) {
        m_console.err() << document.error().toString() << '\n';
        return 1;
    }
    return write(*document, parser.value(out), parser.value(receiptOption())) ? 0 : 2;
}

} // namespace ow::cli
