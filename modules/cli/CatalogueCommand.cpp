#include "cli/CatalogueCommand.h"

#include "catalogue/CatalogueDiff.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "catalogue/MatterLimits.h"
#include "catalogue/MatterSearch.h"
#include "catalogue/PathsReport.h"
#include "cli/BundleWalk.h"
#include "cli/QuizCommand.h"
#include "cli/SubcommandParser.h"
#include "cli/WalkReport.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::catalogue;

namespace {

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return QJsonObject {
        {QStringLiteral("severity"),
            d.severity == Diagnostic::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning")},
        {QStringLiteral("rule"), d.rule},
        {QStringLiteral("message"), InputExcerpt::bounded(d.message, Diagnostic::kMaxMessageLength)},
        {QStringLiteral("file"), d.where.file}, {QStringLiteral("line"), d.where.line},
        {QStringLiteral("column"), d.where.column}};
}

QString matchName(SearchMatch match)
{
    switch (match) {
    case SearchMatch::ExactCode:
        return QStringLiteral("code");
    case SearchMatch::CodePrefix:
        return QStringLiteral("code-prefix");
    case SearchMatch::NamePrefix:
        return QStringLiteral("name-prefix");
    case SearchMatch::NameSubstring:
        return QStringLiteral("name");
    case SearchMatch::Keyword:
        return QStringLiteral("keyword");
    case SearchMatch::PinyinPrefix:
        return QStringLiteral("pinyin-prefix");
    case SearchMatch::PinyinInside:
        return QStringLiteral("pinyin");
    case SearchMatch::KeywordPinyin:
        return QStringLiteral("keyword-pinyin");
    }
    return {};
}

} // namespace

int CatalogueCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate(
        "ow::cli", "Usage: onewindow-cli catalogue lint|paths|diff|walk|search|quiz ... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown catalogue command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("lint"))
                return lint(rest);
            if (sub == QStringLiteral("paths"))
                return paths(rest);
            if (sub == QStringLiteral("diff"))
                return diff(rest);
            if (sub == QStringLiteral("walk"))
                return walk(rest);
            if (sub == QStringLiteral("search"))
                return search(rest);
            if (sub == QStringLiteral("quiz")) {
                QTextStream input(stdin);
                return QuizCommand(m_console, input).run(rest);
            }
            return std::nullopt;
        });
}

bool CatalogueCommand::parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
    int positionalCount, int *exitCode)
{
    parser.addOption(jsonOption());
    if (const std::optional<int> stop = parseSubcommand(m_console, parser,
            QStringLiteral("onewindow-cli catalogue ") + name, arguments, positionalCount)) {
        *exitCode = *stop;
        return false;
    }
    return true;
}

CataloguePtr CatalogueCommand::load(const QString &directory)
{
    CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory);
    if (!outcome.catalogue) {
        for (const Diagnostic &d : outcome.diagnostics)
            if (d.severity == Diagnostic::Severity::Error)
                m_console.err() << InputExcerpt::bounded(d.toString(), Console::kMaxMessageLine) << '\n';
        m_console.err() << QCoreApplication::translate("ow::cli", "the catalogue in %1 could not be loaded")
                               .arg(Console::quote(directory))
                        << '\n';
    }
    return outcome.catalogue;
}

int CatalogueCommand::lint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Check a catalogue folder: every problem with file and line. "
        "Exit 1 when there are errors, 0 with warnings only."));
    parser.addPositionalArgument(
        QStringLiteral("DIR"), QCoreApplication::translate("ow::cli", "the catalogue folder"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("lint"), arguments, 1, &exitCode))
        return exitCode;

    CatalogueLoader::Outcome outcome = CatalogueLoader::load(parser.positionalArguments().constFirst());
    Diagnostics diagnostics = outcome.diagnostics;
    LintReport report;
    // With loader errors too: what could be read is checked and counted, so one error hides nothing.
    if (outcome.partial) {
        report = Linter(outcome.partial, outcome.diagnostics).run();
        diagnostics += report.diagnostics;
    }
    const qsizetype errors = std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    const qsizetype warnings = diagnostics.size() - errors;

    if (parser.isSet(jsonOption())) {
        QJsonArray list;
        for (const Diagnostic &d : std::as_const(diagnostics))
            list.append(diagnosticJson(d));
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("diagnostics"), list},
            {QStringLiteral("errors"), errors}, {QStringLiteral("warnings"), warnings},
            {QStringLiteral("counts"),
                QJsonObject {{QStringLiteral("matters"), report.matters},
                    {QStringLiteral("questions"), report.questions},
                    {QStringLiteral("situations"), report.situations},
                    {QStringLiteral("materials"), report.materials},
                    {QStringLiteral("bundles"), report.bundles}}}}));
    } else {
        for (const Diagnostic &d : std::as_const(diagnostics))
            m_console.out() << InputExcerpt::bounded(d.toString(), Console::kMaxMessageLine) << '\n';
        if (outcome.partial)
            m_console.out() << QCoreApplication::translate(
                "ow::cli", "%1 matters, %2 questions, %3 situations, %4 materials, %5 bundles")
                                   .arg(report.matters)
                                   .arg(report.questions)
                                   .arg(report.situations)
                                   .arg(report.materials)
                                   .arg(report.bundles)
                            << '\n';
        m_console.out()
            << QCoreApplication::translate("ow::cli", "%1 errors, %2 warnings").arg(errors).arg(warnings)
            << '\n';
    }
    return errors > 0 ? 1 : 0;
}

int CatalogueCommand::paths(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "List every situation of every matter with its checklist, or the "
        "screening outcome it ends in, in a fixed order (the golden output of a release)."));
    parser.addPositionalArgument(
        QStringLiteral("DIR"), QCoreApplication::translate("ow::cli", "the catalogue folder"));
    const QCommandLineOption matter(QStringLiteral("matter"),
        QCoreApplication::translate("ow::cli", "Only this matter."), QStringLiteral("CODE"));
    const QCommandLineOption bundle(QStringLiteral("bundle"),
        QCoreApplication::translate("ow::cli",
            "This bundle instead of the matters: every combination of its matters' situations, with the "
            "merged checklist and the matters each line serves."),
        QStringLiteral("ID"));
    const QCommandLineOption bundles(QStringLiteral("bundles"),
        QCoreApplication::translate("ow::cli", "Every bundle instead of the matters."));
    parser.addOption(matter);
    parser.addOption(bundle);
    parser.addOption(bundles);
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("paths"), arguments, 1, &exitCode))
        return exitCode;
    const QString code = parser.value(matter);
    const QString bundleId = parser.value(bundle);
    const bool wantBundles = parser.isSet(bundle) || parser.isSet(bundles);
    if (int(parser.isSet(matter)) + int(parser.isSet(bundle)) + int(parser.isSet(bundles)) > 1) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "give one of --matter, --bundle and --bundles")
                        << '\n';
        return 2;
    }
    const CataloguePtr catalogue = load(parser.positionalArguments().constFirst());
    if (!catalogue)
        return 2;
    if (!code.isEmpty() && !catalogue->matter(code)) {
        m_console.err()
            << QCoreApplication::translate("ow::cli", "no matter with code %1").arg(Console::quote(code))
            << '\n';
        return 2;
    }
    const Bundle *chosen = bundleId.isEmpty() ? nullptr : catalogue->bundle(bundleId);
    if (!bundleId.isEmpty() && !chosen) {
        m_console.err()
            << QCoreApplication::translate("ow::cli", "no bundle with id %1").arg(Console::quote(bundleId))
            << '\n';
        return 2;
    }
    // A matter past the documented limits would run for minutes: refuse it, naming file and line.
    bool refused = false;
    for (const Matter &m : catalogue->matters) {
        const bool listed = chosen ? std::any_of(chosen->members.cbegin(), chosen->members.cend(),
                                [&](const BundleMember &member) { return member.matterCode == m.code; })
                                   : code.isEmpty() || m.code == code;
        if (!listed)
            continue;
        if (const std::optional<Diagnostic> tooLarge = MatterLimits::check(m)) {
            m_console.err() << InputExcerpt::bounded(tooLarge->toString(), Console::kMaxMessageLine) << '\n';
            refused = true;
        }
    }
    if (refused)
        return 1;
    const SituationEngine engine(catalogue);
    const PathsReport report(engine);
    if (wantBundles && parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(report.bundlesJson(bundleId)));
    else if (wantBundles)
        m_console.out() << report.bundlesText(bundleId);
    else if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(report.json(code)));
    else
        m_console.out() << report.text(code);
    return 0;
}

int CatalogueCommand::diff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Compare two catalogues: which situations gained or lost which "
        "materials. Exit 0 when equal, 1 when they differ."));
    parser.addPositionalArgument(
        QStringLiteral("OLD"), QCoreApplication::translate("ow::cli", "the older catalogue folder"));
    parser.addPositionalArgument(
        QStringLiteral("NEW"), QCoreApplication::translate("ow::cli", "the newer catalogue folder"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("diff"), arguments, 2, &exitCode))
        return exitCode;
    const CataloguePtr before = load(parser.positionalArguments().at(0));
    const CataloguePtr after = load(parser.positionalArguments().at(1));
    if (!before || !after)
        return 2;
    const SituationEngine oldEngine(before);
    const SituationEngine newEngine(after);
    const CatalogueDiff diff(oldEngine, newEngine);
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(diff.json()));
    else
        m_console.out() << diff.text();
    return diff.isEmpty() ? 0 : 1;
}

int CatalogueCommand::walk(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Answer a matter's questions and show what the clerk sees: the "
        "questions asked, the next one, and the checklist with reasons, or the screening "
        "outcome (no application needed, or another matter to apply for) that ends the walk."));
    parser.addPositionalArgument(
        QStringLiteral("DIR"), QCoreApplication::translate("ow::cli", "the catalogue folder"));
    const QCommandLineOption matter(QStringLiteral("matter"),
        QCoreApplication::translate("ow::cli", "The matter's code (this or --bundle)."),
        QStringLiteral("CODE"));
    const QCommandLineOption bundle(QStringLiteral("bundle"),
        QCoreApplication::translate(
            "ow::cli", "A bundle's id: its matters as the workstation asks them, and the merged checklist."),
        QStringLiteral("ID"));
    const QCommandLineOption answer(QStringLiteral("answer"),
        QCoreApplication::translate("ow::cli",
            "An answer: QUESTION=OPTION, QUESTION=a+b (multi choice; none for "
            "no option), QUESTION=150 (number, within its min and max). One per question; repeat for "
            "more. In a bundle, MATTER:QUESTION=... names the matter."),
        QStringLiteral("Q=A"));
    parser.addOption(matter);
    parser.addOption(bundle);
    parser.addOption(answer);
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("walk"), arguments, 1, &exitCode))
        return exitCode;
    if (parser.isSet(matter) == parser.isSet(bundle)) {
        m_console.err() << QCoreApplication::translate("ow::cli", "give either --matter CODE or --bundle ID")
                        << '\n';
        return 2;
    }
    const CataloguePtr catalogue = load(parser.positionalArguments().constFirst());
    if (!catalogue)
        return 2;
    if (parser.isSet(bundle)) {
        const Bundle *chosen = catalogue->bundle(parser.value(bundle));
        if (!chosen) {
            m_console.err() << QCoreApplication::translate("ow::cli", "no bundle with id %1")
                                   .arg(Console::quote(parser.value(bundle)))
                            << '\n';
            return 2;
        }
        const SituationEngine engine(catalogue);
        BundleWalk walk(engine, *chosen);
        if (const Result<void> answered = walk.answer(parser.values(answer)); !answered) {
            m_console.err() << answered.error().toString() << '\n';
            return 2;
        }
        if (parser.isSet(jsonOption()))
            m_console.printJson(QJsonDocument(walk.json()));
        else
            m_console.out() << walk.text();
        return 0;
    }
    const Matter *chosen = catalogue->matter(parser.value(matter));
    if (!chosen) {
        m_console.err() << QCoreApplication::translate("ow::cli", "no matter with code %1")
                               .arg(Console::quote(parser.value(matter)))
                        << '\n';
        return 2;
    }
    const SituationEngine engine(catalogue);
    Answers answers;
    for (const QString &text : parser.values(answer)) {
        auto parsed = engine.parseAnswer(*chosen, text);
        if (!parsed) {
            m_console.err() << parsed.error().toString() << '\n';
            return 2;
        }
        // A second answer would silently replace the first: say which question was answered twice.
        if (answers.contains(parsed->first)) {
            m_console.err() << QCoreApplication::translate(
                "ow::cli", "question '%1' is answered twice; give one --answer per question")
                                   .arg(parsed->first)
                            << '\n';
            return 2;
        }
        answers.set(parsed->first, parsed->second);
    }
    const Evaluation evaluation = engine.evaluate(*chosen, answers);
    WalkReport report(*chosen, answers, evaluation);
    report.setCatalogue(catalogue.get());
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(report.json()));
    else
        m_console.out() << report.text();
    return 0;
}

int CatalogueCommand::search(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Find matters and bundles by name, keyword, code, full pinyin or "
        "pinyin initials (e.g. ggcswsxk)."));
    parser.addPositionalArgument(
        QStringLiteral("DIR"), QCoreApplication::translate("ow::cli", "the catalogue folder"));
    parser.addPositionalArgument(
        QStringLiteral("QUERY"), QCoreApplication::translate("ow::cli", "what to look for"));
    const QCommandLineOption limit(QStringLiteral("limit"),
        QCoreApplication::translate("ow::cli", "At most this many results (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOption(limit);
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("search"), arguments, 2, &exitCode))
        return exitCode;
    const CataloguePtr catalogue = load(parser.positionalArguments().at(0));
    if (!catalogue)
        return 2;
    const MatterSearch index(catalogue);
    const QList<SearchHit> hits
        = index.search(parser.positionalArguments().at(1), parser.value(limit).toInt());
    if (parser.isSet(jsonOption())) {
        QJsonArray list;
        for (const SearchHit &hit : hits)
            list.append(
                QJsonObject {{QStringLiteral("kind"),
                                 hit.isBundle() ? QStringLiteral("bundle") : QStringLiteral("matter")},
                    {QStringLiteral("code"), hit.code}, {QStringLiteral("name"), hit.name},
                    {QStringLiteral("match"), matchName(hit.match)}});
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("hits"), list}}));
        return 0;
    }
    for (const SearchHit &hit : hits) {
        m_console.out() << (hit.isBundle() ? QCoreApplication::translate("ow::cli", "[bundle] ") : QString())
                        << hit.code << "  " << hit.name;
        if (hit.matter)
            m_console.out() << "  (" << displayName(hit.matter->frequency) << ")";
        m_console.out() << '\n';
    }
    if (hits.isEmpty())
        m_console.out() << QCoreApplication::translate("ow::cli", "no matter matches '%1'")
                               .arg(Console::quote(parser.positionalArguments().at(1)))
                        << '\n';
    return 0;
}

} // namespace ow::cli
