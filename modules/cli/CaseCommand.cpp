#include "cli/CaseCommand.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "cases/DraftStore.h"
#include "cli/CaseNumberArgument.h"
#include "cli/SubcommandParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::cases;

namespace {

const QCommandLineOption &dataDirOption()
{
    static const QCommandLineOption option(QStringLiteral("data-dir"),
        QCoreApplication::translate("ow::cli", "The workstation's data folder (default: %1).")
            .arg(QDir::toNativeSeparators(CaseStore::defaultDataDirectory())),
        QStringLiteral("DIR"));
    return option;
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

/// A stored number grouped as the receipt prints it, so the clerk finds it on the paper.
QString displayNumber(const QString &number)
{
    const Result<CaseNumber> parsed = CaseNumber::parse(number);
    return parsed ? parsed->toDisplayString() : number;
}

QStringList stateKeywords()
{
    QStringList keywords;
    for (int i = 0; i < kCaseStateCount; ++i)
        keywords.append(keyword(CaseState(i)));
    return keywords;
}

QJsonObject summaryJson(const CaseSummary &s)
{
    return QJsonObject {{QStringLiteral("number"), s.number},
        {QStringLiteral("created"), CaseJson::timeText(s.created)},
        {QStringLiteral("state"), keyword(s.state)}, {QStringLiteral("matterCode"), s.matterCode},
        {QStringLiteral("matterName"), s.matterName}, {QStringLiteral("applicant"), s.applicantMasked},
        {QStringLiteral("counter"), s.counter}, {QStringLiteral("firstHandler"), s.firstHandler},
        {QStringLiteral("promisedDeadline"),
            s.promisedDeadline.isValid() ? s.promisedDeadline.toString(Qt::ISODate) : QString()}};
}

QDate parseDate(const QString &text, bool *ok)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    *ok = text.isEmpty() || date.isValid();
    return date;
}

} // namespace

int CaseCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate(
        "ow::cli", "Usage: onewindow-cli case list|show|check-store ... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown case command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("list"))
                return list(rest);
            if (sub == QStringLiteral("show"))
                return show(rest);
            if (sub == QStringLiteral("check-store"))
                return checkStore(rest);
            return std::nullopt;
        });
}

int CaseCommand::runAudit(QStringList arguments)
{
    const QString usage = QCoreApplication::translate(
        "ow::cli", "Usage: onewindow-cli audit verify [--data-dir DIR] [--json]\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown audit command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("verify"))
                return verifyAudit(rest);
            return std::nullopt;
        });
}

bool CaseCommand::parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
    int positionalCount, int *exitCode)
{
    parser.addOption(dataDirOption());
    parser.addOption(jsonOption());
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli ") + name, arguments, positionalCount)) {
        *exitCode = *stop;
        return false;
    }
    return true;
}

std::unique_ptr<CaseStore> CaseCommand::open(const QCommandLineParser &parser)
{
    const QString directory
        = parser.isSet(dataDirOption()) ? parser.value(dataDirOption()) : CaseStore::defaultDataDirectory();
    Result<std::unique_ptr<CaseStore>> store
        = CaseStore::open(directory, Workstation(), CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return nullptr;
    }
    return std::move(*store);
}

int CaseCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "List cases, newest first, with the applicant masked. Filters combine."));
    const QCommandLineOption state(QStringLiteral("state"),
        QCoreApplication::translate("ow::cli", "Only cases in this state: %1.")
            .arg(stateKeywords().join(QStringLiteral(", "))),
        QStringLiteral("STATE"));
    const QCommandLineOption from(QStringLiteral("from"),
        QCoreApplication::translate("ow::cli", "Only cases opened on or after this date (YYYY-MM-DD)."),
        QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"),
        QCoreApplication::translate("ow::cli", "Only cases opened on or before this date (YYYY-MM-DD)."),
        QStringLiteral("DATE"));
    const QCommandLineOption text(QStringLiteral("text"),
        QCoreApplication::translate(
            "ow::cli", "Only cases whose number, matter or masked applicant contains TEXT."),
        QStringLiteral("TEXT"));
    const QCommandLineOption limit(QStringLiteral("limit"),
        QCoreApplication::translate("ow::cli", "At most N cases (1–1000, default 50)."), QStringLiteral("N"),
        QStringLiteral("50"));
    const QCommandLineOption offset(QStringLiteral("offset"),
        QCoreApplication::translate("ow::cli", "Skip the first N cases."), QStringLiteral("N"),
        QStringLiteral("0"));
    parser.addOptions({state, from, to, text, limit, offset});
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("case list"), arguments, 0, &exitCode))
        return exitCode;

    CaseFilter filter;
    if (parser.isSet(state)) {
        filter.state = caseStateFromKeyword(parser.value(state));
        if (!filter.state) {
            m_console.err() << QCoreApplication::translate("ow::cli", "unknown state '%1'; use one of: %2")
                                   .arg(Console::quote(parser.value(state)),
                                       stateKeywords().join(QStringLiteral(", ")))
                            << '\n';
            return 2;
        }
    }
    bool fromOk = false;
    bool toOk = false;
    bool limitOk = false;
    bool offsetOk = false;
    filter.from = parseDate(parser.value(from), &fromOk);
    filter.to = parseDate(parser.value(to), &toOk);
    filter.limit = parser.value(limit).toInt(&limitOk);
    filter.offset = parser.value(offset).toInt(&offsetOk);
    filter.text = caseNumberFilterText(parser.value(text));
    if (!fromOk || !toOk || !limitOk || !offsetOk || filter.limit < 1 || filter.limit > 1000
        || filter.offset < 0) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "invalid --from, --to, --limit or --offset; see --help")
                        << '\n';
        return 2;
    }
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 2;
    Result<CasePage> page = store->list(filter);
    if (!page) {
        m_console.err() << page.error().toString() << '\n';
        return 2;
    }

    if (parser.isSet(jsonOption())) {
        QJsonArray items;
        for (const CaseSummary &s : std::as_const(page->items))
            items.append(summaryJson(s));
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("total"), double(page->total)},
            {QStringLiteral("offset"), filter.offset}, {QStringLiteral("cases"), items}}));
        return 0;
    }
    for (const CaseSummary &s : std::as_const(page->items))
        m_console.out() << displayNumber(s.number) << "  " << localTime(s.created) << "  "
                        << displayName(s.state) << "  " << s.matterCode << ' ' << s.matterName << "  "
                        << s.applicantMasked << '\n';
    m_console.out()
        << QCoreApplication::translate("ow::cli", "%1 of %2 cases").arg(page->items.size()).arg(page->total)
        << '\n';
    return 0;
}

int CaseCommand::show(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "Show one case with its checklist, material checks and event log; personal data masked."));
    parser.addPositionalArgument(QStringLiteral("NUMBER"),
        QCoreApplication::translate(
            "ow::cli", "the case number as printed on the receipt (dashes and spaces allowed)"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("case show"), arguments, -1, &exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "case show needs the case number; see --help")
                        << '\n';
        return 2;
    }
    // The number as printed on the receipt, with its dashes or, unquoted, in groups split by spaces.
    Result<CaseNumber> number = parseCaseNumberArgument(parser.positionalArguments());
    if (!number) {
        m_console.err() << number.error().message() << '\n';
        return 1;
    }
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 2;
    Result<Case> found = store->findByNumber(number->toString());
    if (!found) {
        m_console.err() << found.error().message() << '\n';
        return found.error().code() == Error::Code::NotFound ? 1 : 2;
    }
    Result<QList<CaseEvent>> events = store->events(found->number);
    if (!events) {
        m_console.err() << events.error().toString() << '\n';
        return 2;
    }
    const Case &c = *found;

    if (parser.isSet(jsonOption())) {
        QJsonObject object = CaseJson::caseObject(c, CaseJson::Privacy::Masked);
        QJsonArray log;
        for (const CaseEvent &e : std::as_const(*events))
            log.append(CaseJson::event(e));
        object.insert(QStringLiteral("events"), log);
        m_console.printJson(QJsonDocument(object));
        return 0;
    }

    const auto line = [this](const QString &label, const QString &value) {
        m_console.out() << label << ": " << value << '\n';
    };
    line(QCoreApplication::translate("ow::cli", "Case"), number->toDisplayString());
    line(QCoreApplication::translate("ow::cli", "State"), displayName(c.state));
    line(QCoreApplication::translate("ow::cli", "Matter"), c.matterCode + QLatin1Char(' ') + c.matterName);
    line(QCoreApplication::translate("ow::cli", "Department"), c.departmentName);
    line(QCoreApplication::translate("ow::cli", "Case type"),
        QCoreApplication::translate("ow::cli", "%1, %n working day(s)", nullptr, c.promisedDays)
            .arg(catalogue::displayName(c.caseType)));
    line(QCoreApplication::translate("ow::cli", "Catalogue"),
        c.catalogueId + QLatin1Char(' ') + c.catalogueVersion);
    line(QCoreApplication::translate("ow::cli", "Situation"), c.situationKey);
    line(QCoreApplication::translate("ow::cli", "Applicant"),
        displayName(c.applicant.kind) + QStringLiteral(", ") + c.applicant.maskedSummary());
    line(QCoreApplication::translate("ow::cli", "Opened"),
        QCoreApplication::translate("ow::cli", "%1 by %2 at counter %3")
            .arg(localTime(c.created), c.firstHandler, c.counter));
    if (c.promisedDeadline.isValid())
        line(QCoreApplication::translate("ow::cli", "Promised by"),
            QCoreApplication::translate("ow::cli", "%1 (calendar %2)")
                .arg(c.promisedDeadline.toString(Qt::ISODate), c.calendarVersion));
    m_console.out() << QCoreApplication::translate("ow::cli", "Materials:") << '\n';
    for (const QJsonValue &value : std::as_const(c.checklist)) {
        const QJsonObject material = value.toObject();
        const QString id = material.value(QStringLiteral("material")).toString();
        const MaterialCheck *check = c.findCheck(id);
        m_console.out() << "  " << material.value(QStringLiteral("name")).toString() << " ["
                        << (check ? displayName(check->status) : displayName(MaterialCheck::Status::Pending))
                        << "]\n";
        if (check)
            for (const FailedPoint &point : check->failedPoints)
                m_console.out() << "    ✗ " << point.pointId << ": " << point.reason << '\n';
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Attachments: %1").arg(c.attachments.size())
                    << '\n';
    m_console.out() << QCoreApplication::translate("ow::cli", "Events:") << '\n';
    for (const CaseEvent &e : std::as_const(*events))
        m_console.out() << "  " << localTime(e.time) << "  " << displayName(e.kind) << "  " << e.clerk << '@'
                        << e.counter << '\n';
    return 0;
}

int CaseCommand::checkStore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Compare the scan folder with what the cases and the intake drafts cite. Exit 0 when they "
        "agree, 1 listing every scan file nothing cites (an orphan, e.g. left by a crash) and every "
        "scan cited but missing. Nothing is removed."));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("case check-store"), arguments, 0, &exitCode))
        return exitCode;
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 2;
    const Result<StoreCheck> result = DraftStore(*store).check();
    if (!result) {
        m_console.err() << result.error().toString() << '\n';
        return 2;
    }
    const bool sound = result->orphanScans.isEmpty() && result->missingScans.isEmpty();
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("sound"), sound},
            {QStringLiteral("orphanScans"), QJsonArray::fromStringList(result->orphanScans)},
            {QStringLiteral("missingScans"), QJsonArray::fromStringList(result->missingScans)}}));
        return sound ? 0 : 1;
    }
    // The path too, so IT can look at an orphan before removing it by hand.
    for (const QString &sha256 : std::as_const(result->orphanScans))
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "orphan scan (no case or draft cites it): %1")
                               .arg(QDir::toNativeSeparators(store->attachments().pathFor(sha256)))
                        << '\n';
    for (const QString &sha256 : std::as_const(result->missingScans))
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "missing scan (cited, not in the folder): %1")
                               .arg(sha256)
                        << '\n';
    if (sound)
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "Store sound: every scan is cited and every cited scan is there.")
                        << '\n';
    else
        m_console.out() << QCoreApplication::translate("ow::cli", "%1 orphan scan(s), %2 missing scan(s).")
                               .arg(result->orphanScans.size())
                               .arg(result->missingScans.size())
                        << '\n';
    return sound ? 0 : 1;
}

int CaseCommand::verifyAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Check the hash chain of the audit log. Exit 0 when intact, 1 with the first broken row when "
        "a row was changed, inserted or removed."));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("audit verify"), arguments, 0, &exitCode))
        return exitCode;
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 2;
    Result<AuditLog::Verification> result = store->auditLog().verify();
    if (!result) {
        m_console.err() << result.error().toString() << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption())) {
        QJsonObject object {{QStringLiteral("intact"), result->intact},
            {QStringLiteral("rowsChecked"), double(result->rowsChecked)}};
        if (!result->intact) {
            object.insert(QStringLiteral("brokenRow"), double(result->brokenSeq));
            object.insert(QStringLiteral("reason"), result->reason);
        }
        m_console.printJson(QJsonDocument(object));
    } else if (result->intact) {
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "Audit log intact: %n row(s) verified.", nullptr, int(result->rowsChecked))
                        << '\n';
    } else {
        m_console.out() << QCoreApplication::translate("ow::cli", "Audit log broken at row %1: %2")
                               .arg(result->brokenSeq)
                               .arg(result->reason)
                        << '\n';
    }
    return result->intact ? 0 : 1;
}

} // namespace ow::cli
