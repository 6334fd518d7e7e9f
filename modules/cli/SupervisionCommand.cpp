#include "cli/SupervisionCommand.h"

#include "cli/ComplaintCommand.h"
#include "cli/DepartmentLogCommand.h"
#include "cli/PointsCommand.h"
#include "cli/SubcommandParser.h"
#include "core/Clock.h"
#include "documents/DocumentRenderer.h"
#include "documents/HallSettings.h"
#include "documents/SupervisionNotice.h"
#include "supervision/HallFigures.h"
#include "sync/SyncClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QMap>

namespace ow::cli {

using namespace Qt::StringLiterals;

namespace {

QString share(const QJsonValue &value)
{
    return QString::number(value.toDouble() * 100, 'f', 0) + u'%';
}

/// The warnings of an answer, as the supervision module reads them.
QList<supervision::Warning> warningsOf(const QJsonObject &answer)
{
    QList<supervision::Warning> list;
    for (const QJsonValue &v : answer.value("warnings"_L1).toArray())
        if (std::optional<supervision::Warning> w = supervision::Warning::fromJson(v.toObject()))
            list.append(*w);
    return list;
}

QString colourName(supervision::Colour colour)
{
    return supervision::displayName(colour);
}

} // namespace

SupervisionCommand::SupervisionCommand(Console &console)
    : m_console(console)
    , m_server(u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s)
    , m_key(u"key"_s,
          QCoreApplication::translate(
              "ow::cli", "A supervisor key of the hall (onewindow-cli server supervisor-key)."),
          u"KEY"_s)
{
}

int SupervisionCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli supervision warnings|clerks|matters|followup|notice|points|correct-points|"
        "department-log|complaints "
        "--server URL --key KEY ... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown supervision command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == "warnings"_L1)
                return warnings(rest);
            if (sub == "clerks"_L1 || sub == "matters"_L1)
                return figures(sub, rest);
            if (sub == "followup"_L1)
                return followUp(rest);
            if (sub == "notice"_L1)
                return notice(rest);
            if (sub == "points"_L1)
                return PointsCommand(m_console, *this).points(rest);
            if (sub == "correct-points"_L1)
                return PointsCommand(m_console, *this).correct(rest);
            if (sub == "department-log"_L1)
                return DepartmentLogCommand(m_console, *this).run(rest);
            if (sub == "complaints"_L1)
                return ComplaintCommand(m_console, *this).run(rest);
            return std::nullopt;
        });
}

void SupervisionCommand::addConnection(QCommandLineParser &parser)
{
    parser.addOptions({m_server, m_key, jsonOption()});
}

std::optional<int> SupervisionCommand::checkConnection(
    const QCommandLineParser &parser, const QString &command)
{
    const QUrl url(parser.value(m_server));
    if (!url.isValid() || url.host().isEmpty() || parser.value(m_key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "supervision %1 needs --server URL and --key KEY; see --help")
                               .arg(command)
                        << '\n';
        return 2;
    }
    return std::nullopt;
}

std::optional<QJsonObject> SupervisionCommand::request(const QCommandLineParser &parser,
    const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body)
{
    sync::SyncClient client(QUrl(parser.value(m_server)), parser.value(m_key));
    Result<QJsonObject> answer = client.call(method, u"/supervision/"_s + path, query,
        method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        return std::nullopt;
    }
    return *answer;
}

int SupervisionCommand::warnings(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The hall's warnings (预警), red first: each with its case, matter, stage, "
        "the department or clerk who answers for it and since when. Without "
        "--day: today's, recorded in the server's history."));
    const QCommandLineOption day(u"day"_s,
        QCoreApplication::translate(
            "ow::cli", "The warnings as they stood at the end of this day (YYYY-MM-DD)."),
        u"DATE"_s);
    const QCommandLineOption department(
        u"department"_s, QCoreApplication::translate("ow::cli", "Only this department's (its id)."), u"ID"_s);
    const QCommandLineOption history(u"history"_s,
        QCoreApplication::translate("ow::cli", "The recorded history instead: opened and closed."));
    parser.addOptions({day, department, history});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision warnings"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"warnings"_s))
        return *stop;
    if (parser.isSet(history)) {
        const std::optional<QJsonObject> answer = request(parser, "GET", u"history"_s);
        if (!answer)
            return 1;
        if (parser.isSet(jsonOption())) {
            m_console.printJson(QJsonDocument(*answer));
            return 0;
        }
        for (const QJsonValue &v : answer->value("history"_L1).toArray()) {
            const QJsonObject row = v.toObject();
            const QJsonObject w = row.value("warning"_L1).toObject();
            const QString closed = row.value("closed"_L1).toString();
            m_console.out() << u"%1  %2  %3  %4/%5  %6 → %7"_s.arg(w.value("colour"_L1).toString(),
                w.value("case"_L1).toString(), w.value("departmentName"_L1).toString(),
                w.value("stage"_L1).toString(), w.value("rule"_L1).toString(),
                row.value("opened"_L1).toString(),
                closed.isEmpty() ? QCoreApplication::translate("ow::cli", "open") : closed)
                            << '\n';
        }
        return 0;
    }
    QUrlQuery query;
    if (parser.isSet(day))
        query.addQueryItem(u"day"_s, parser.value(day));
    std::optional<QJsonObject> answer = request(parser, "GET", u"warnings"_s, query);
    if (!answer)
        return 1;
    if (parser.isSet(department)) {
        QJsonArray kept;
        for (const QJsonValue &v : answer->value("warnings"_L1).toArray())
            if (v.toObject().value("department"_L1).toString() == parser.value(department))
                kept.append(v);
        answer->insert(u"warnings"_s, kept);
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    const QList<supervision::Warning> list = warningsOf(*answer);
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "Hall %1, %2: %n warning(s)", nullptr, int(list.size()))
                           .arg(answer->value("hall"_L1).toString(), answer->value("day"_L1).toString())
                    << '\n';
    for (const supervision::Warning &w : list)
        m_console.out() << u"%1  %2  %3  %4  %5  %6  %7  %8"_s.arg(colourName(w.colour),
            w.since.toString(Qt::ISODate), w.caseNumber.isEmpty() ? w.complaint : w.caseNumber, w.matterName,
            supervision::displayName(w.stage), w.departmentName, w.clerkName.isEmpty() ? u"—"_s : w.clerkName,
            w.detail) << '\n';
    return 0;
}

void SupervisionCommand::printClerks(const QJsonArray &clerks)
{
    // One row per clerk under a header, the columns lined up for Chinese names too: the name first
    // (a supervisor knows the clerks by name), the staff number beside it.
    QList<QStringList> rows {{QCoreApplication::translate("ow::cli", "Name"),
        QCoreApplication::translate("ow::cli", "Staff no."), QCoreApplication::translate("ow::cli", "Cases"),
        QCoreApplication::translate("ow::cli", "Correction notices"),
        QCoreApplication::translate("ow::cli", "Refusals"),
        QCoreApplication::translate("ow::cli", "Ratings 5/4/3/2/1"),
        QCoreApplication::translate("ow::cli", "Not rated"),
        QCoreApplication::translate("ow::cli", "Consultations"),
        QCoreApplication::translate("ow::cli", "Questions recorded"),
        QCoreApplication::translate("ow::cli", "Call to receipt (min)"),
        QCoreApplication::translate("ow::cli", "Complaints")}};
    for (const QJsonValue &v : clerks) {
        const QJsonObject row = v.toObject();
        const QJsonArray r = row.value("ratings"_L1).toArray();
        const QJsonValue consultations = row.value("consultations"_L1);
        const QJsonValue questions = row.value("recordedQuestions"_L1);
        const QJsonValue complaints = row.value("complaints"_L1);
        // null: no case of the clerk came with a ticket the queue called that day
        const QJsonValue callToReceipt = row.value("callToReceiptMinutes"_L1);
        const QString staff = row.value("clerk"_L1).toString();
        const QString name = row.value("clerkName"_L1).toString();
        rows.append({name.isEmpty() ? staff : name, staff, QString::number(row.value("cases"_L1).toInt()),
            share(row.value("correctionShare"_L1)), share(row.value("refusalShare"_L1)),
            u"%1/%2/%3/%4/%5"_s.arg(r.at(4).toInt())
                .arg(r.at(3).toInt())
                .arg(r.at(2).toInt())
                .arg(r.at(1).toInt())
                .arg(r.at(0).toInt()),
            share(row.value("notRatedShare"_L1)),
            consultations.isNull() ? u"—"_s : QString::number(consultations.toInt()),
            questions.isDouble() ? QString::number(questions.toInt()) : u"—"_s,
            callToReceipt.isDouble() ? QString::number(callToReceipt.toDouble(), 'f', 1) : u"—"_s,
            complaints.isDouble() ? QString::number(complaints.toInt()) : u"—"_s});
    }
    if (clerks.isEmpty()) {
        m_console.out() << QCoreApplication::translate("ow::cli", "No clerk decided a case in the period.")
                        << '\n';
        return;
    }
    m_console.printTable(rows);
    m_console.out() << QCoreApplication::translate("ow::cli",
        "Shares are of the cases decided at the counter; — where nothing was "
        "recorded or no case came with a called ticket.")
                    << '\n';
}

int SupervisionCommand::figures(const QString &what, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(what == "clerks"_L1
            ? QCoreApplication::translate("ow::cli",
                "Per clerk: cases decided at the counter, the shares of correction notices and refusals, "
                "the ratings 5 to 1 and the share not rated; consultations where recorded, and of them the "
                "questions recorded with the answer given; the average "
                "minutes from the queue's call of the ticket to the counter's decision; the complaints "
                "received in the period that name the clerk.")
            : QCoreApplication::translate("ow::cli",
                "Per matter: the volume of cases and its frequency class (高 top 100, 中 101–400, 低 the "
                "rest)."));
    const QCommandLineOption from(u"from"_s,
        QCoreApplication::translate("ow::cli", "Cases decided on or after this day (YYYY-MM-DD)."),
        u"DATE"_s);
    const QCommandLineOption to(u"to"_s,
        QCoreApplication::translate("ow::cli", "Cases decided on or before this day (YYYY-MM-DD)."),
        u"DATE"_s);
    parser.addOptions({from, to});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision "_s + what, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, what))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(from))
        query.addQueryItem(u"from"_s, parser.value(from));
    if (parser.isSet(to))
        query.addQueryItem(u"to"_s, parser.value(to));
    const std::optional<QJsonObject> answer = request(parser, "GET", what, query);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    if (what == "clerks"_L1) {
        printClerks(answer->value(what).toArray());
        return 0;
    }
    for (const QJsonValue &v : answer->value(what).toArray()) {
        const QJsonObject row = v.toObject();
        const auto frequency = row.value("frequency"_L1).toString();
        const supervision::MatterFigures::Frequency f = frequency == "high"_L1
            ? supervision::MatterFigures::Frequency::High
            : frequency == "middle"_L1 ? supervision::MatterFigures::Frequency::Middle
                                       : supervision::MatterFigures::Frequency::Low;
        m_console.out() << u"%1. %2 %3: %4 (%5)"_s.arg(row.value("rank"_L1).toInt())
                               .arg(row.value("matter"_L1).toString(), row.value("matterName"_L1).toString())
                               .arg(row.value("cases"_L1).toInt())
                               .arg(supervision::displayName(f))
                        << '\n';
    }
    return 0;
}

int SupervisionCommand::followUp(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Bad-rating follow-ups (差评整改): without ACTION, every item with its "
        "deadlines; contact ID records who called the applicant back and "
        "what was agreed; close ID closes it with how it was fixed."));
    parser.addPositionalArgument(
        u"ACTION"_s, QCoreApplication::translate("ow::cli", "list (default), contact or close"));
    parser.addPositionalArgument(
        u"ID"_s, QCoreApplication::translate("ow::cli", "The item's id (contact and close)."));
    const QCommandLineOption by(
        u"by"_s, QCoreApplication::translate("ow::cli", "Who called or closes (a name)."), u"NAME"_s);
    const QCommandLineOption agreed(u"agreed"_s,
        QCoreApplication::translate("ow::cli", "contact: what was agreed with the applicant."), u"TEXT"_s);
    const QCommandLineOption note(
        u"note"_s, QCoreApplication::translate("ow::cli", "close: how it was fixed."), u"TEXT"_s);
    const QCommandLineOption open(
        u"open"_s, QCoreApplication::translate("ow::cli", "list: only the items not closed."));
    parser.addOptions({by, agreed, note, open});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision followup"_s, arguments, -1))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"followup"_s))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, u"list"_s);
    if (action == "contact"_L1 || action == "close"_L1) {
        if (positional.size() != 2) {
            m_console.err()
                << QCoreApplication::translate("ow::cli", "followup %1 takes the item's id").arg(action)
                << '\n';
            return 2;
        }
        const QJsonObject body = action == "contact"_L1
            ? QJsonObject {{u"by"_s, parser.value(by)}, {u"agreed"_s, parser.value(agreed)}}
            : QJsonObject {{u"by"_s, parser.value(by)}, {u"note"_s, parser.value(note)}};
        const std::optional<QJsonObject> answer
            = request(parser, "POST", u"followups/%1/%2"_s.arg(positional.at(1), action), {}, body);
        if (!answer)
            return 1;
        if (parser.isSet(jsonOption()))
            m_console.printJson(QJsonDocument(*answer));
        else
            m_console.out() << (action == "contact"_L1
                    ? QCoreApplication::translate("ow::cli", "recorded the call-back of %1")
                    : QCoreApplication::translate("ow::cli", "closed %1"))
                                   .arg(positional.at(1))
                            << '\n';
        return 0;
    }
    if (action != "list"_L1 || positional.size() > 1) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "followup takes list, contact ID or close ID")
                        << '\n';
        return 2;
    }
    std::optional<QJsonObject> answer = request(parser, "GET", u"followups"_s);
    if (!answer)
        return 1;
    if (parser.isSet(open)) {
        QJsonArray kept;
        for (const QJsonValue &v : answer->value("followUps"_L1).toArray())
            if (v.toObject().value("closed"_L1).toString().isEmpty())
                kept.append(v);
        answer->insert(u"followUps"_s, kept);
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    for (const QJsonValue &v : answer->value("followUps"_L1).toArray()) {
        const QJsonObject f = v.toObject();
        QStringList state;
        for (const QJsonValue &w : f.value("warnings"_L1).toArray())
            state.append(w.toObject().value("detail"_L1).toString() + u" ("_s
                + supervision::displayName(
                    supervision::colourFromKeyword(w.toObject().value("colour"_L1).toString())
                        .value_or(supervision::Colour::Red))
                + u')');
        const QString closed = f.value("closed"_L1).toString();
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "%1  rating %2  case %3  %4 (%5)  call back by %6, fix by %7")
                               .arg(f.value("id"_L1).toString())
                               .arg(f.value("rating"_L1).toInt())
                               .arg(f.value("case"_L1).toString(), f.value("matter"_L1).toString(),
                                   f.value("clerkName"_L1).toString(), f.value("contactDue"_L1).toString(),
                                   f.value("fixDue"_L1).toString())
                        << '\n';
        if (!f.value("contacted"_L1).toString().isEmpty())
            m_console.out() << QCoreApplication::translate("ow::cli", "    called back by %1: %2")
                                   .arg(f.value("contactedBy"_L1).toString(), f.value("agreed"_L1).toString())
                            << '\n';
        if (!closed.isEmpty())
            m_console.out() << QCoreApplication::translate("ow::cli", "    closed by %1: %2")
                                   .arg(f.value("closedBy"_L1).toString(),
                                       f.value("closingNote"_L1).toString())
                            << '\n';
        for (const QString &s : std::as_const(state))
            m_console.out() << u"    "_s << s << '\n';
    }
    return 0;
}

int SupervisionCommand::notice(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Print the 督办单 (supervision notice) of each department with warnings, "
        "or of one, as PDF files into a folder."));
    const QCommandLineOption day(u"day"_s,
        QCoreApplication::translate("ow::cli", "The warnings of this day (default: today's)."), u"DATE"_s);
    const QCommandLineOption department(u"department"_s,
        QCoreApplication::translate("ow::cli", "Only this department's notice (its id)."), u"ID"_s);
    const QCommandLineOption out(
        u"out"_s, QCoreApplication::translate("ow::cli", "The folder the PDF files go into."), u"DIR"_s);
    const QCommandLineOption settings(
        u"settings"_s, QCoreApplication::translate("ow::cli", "The hall's settings file."), u"FILE"_s);
    parser.addOptions({day, department, out, settings});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision notice"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"notice"_s))
        return *stop;
    if (!parser.isSet(out)) {
        m_console.err() << QCoreApplication::translate("ow::cli", "supervision notice needs --out DIR")
                        << '\n';
        return 2;
    }
    Result<documents::HallSettings> hall = parser.isSet(settings)
        ? documents::HallSettings::load(parser.value(settings))
        : documents::HallSettings::builtIn();
    if (!hall) {
        m_console.err() << hall.error().toString() << '\n';
        return 2;
    }
    QUrlQuery query;
    if (parser.isSet(day))
        query.addQueryItem(u"day"_s, parser.value(day));
    const std::optional<QJsonObject> answer = request(parser, "GET", u"warnings"_s, query);
    if (!answer)
        return 1;
    const QDate onDay = QDate::fromString(answer->value("day"_L1).toString(), Qt::ISODate);
    QMap<QString, QList<supervision::Warning>> byDepartment;
    for (const supervision::Warning &w : warningsOf(*answer))
        if (!parser.isSet(department) || w.departmentId == parser.value(department))
            byDepartment[w.departmentId].append(w);
    if (byDepartment.isEmpty()) {
        m_console.out() << QCoreApplication::translate("ow::cli", "No warnings on %1: no notice to print.")
                               .arg(onDay.toString(Qt::ISODate))
                        << '\n';
        return 0;
    }
    QDir().mkpath(parser.value(out));
    const documents::DocumentContext context(*hall, Clock::system().nowLocal(), QString());
    QJsonArray files;
    for (auto it = byDepartment.cbegin(); it != byDepartment.cend(); ++it) {
        Result<documents::Document> document = documents::SupervisionNotice::build(
            it.key(), it.value().first().departmentName, it.value(), onDay, context);
        if (!document) {
            m_console.err() << document.error().toString() << '\n';
            return 1;
        }
        Result<QString> path = documents::DocumentRenderer::writePdfInto(*document, parser.value(out));
        if (!path) {
            m_console.err() << path.error().toString() << '\n';
            return 1;
        }
        files.append(QJsonObject {
            {u"department"_s, it.key()}, {u"file"_s, *path}, {u"warnings"_s, it.value().size()}});
        if (!parser.isSet(jsonOption()))
            m_console.out() << QCoreApplication::translate(
                "ow::cli", "%1: %n warning(s) → %2", nullptr, int(it.value().size()))
                                   .arg(it.key(), *path)
                            << '\n';
    }
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(QJsonObject {{u"notices"_s, files}}));
    return 0;
}

} // namespace ow::cli
