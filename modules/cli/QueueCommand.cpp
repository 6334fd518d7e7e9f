#include "cli/QueueCommand.h"

#include "cli/SubcommandParser.h"
#include "sync/SyncClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>

namespace ow::cli {

using namespace Qt::StringLiterals;

namespace {

QString figure(const QJsonValue &value)
{
    return QString::number(value.toDouble(), 'f', 1);
}

QString share(const QJsonValue &value)
{
    return QString::number(value.toDouble() * 100, 'f', 0) + u'%';
}

} // namespace

QueueCommand::QueueCommand(Console &console)
    : m_console(console)
    , m_server(u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s)
    , m_key(u"key"_s,
          QCoreApplication::translate(
              "ow::cli", "The token of an enrolled workstation of the hall (a kiosk's, a counter's)."),
          u"KEY"_s)
{
}

int QueueCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli queue issue|call|list|stats|appoint --server URL --key KEY "
        "... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown queue command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == "issue"_L1)
                return issue(rest);
            if (sub == "call"_L1)
                return call(rest);
            if (sub == "list"_L1)
                return list(rest);
            if (sub == "stats"_L1)
                return stats(rest);
            if (sub == "appoint"_L1)
                return appoint(rest);
            return std::nullopt;
        });
}

void QueueCommand::addConnection(QCommandLineParser &parser)
{
    parser.addOptions({m_server, m_key, jsonOption()});
}

std::optional<int> QueueCommand::checkConnection(const QCommandLineParser &parser, const QString &command)
{
    const QUrl url(parser.value(m_server));
    if (!url.isValid() || url.host().isEmpty() || parser.value(m_key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "queue %1 needs --server URL and --key KEY; see --help")
                               .arg(command)
                        << '\n';
        return 2;
    }
    return std::nullopt;
}

std::optional<QJsonObject> QueueCommand::request(const QCommandLineParser &parser, const QByteArray &method,
    const QString &path, const QUrlQuery &query, const QJsonObject &body)
{
    sync::SyncClient client(QUrl(parser.value(m_server)), parser.value(m_key));
    Result<QJsonObject> answer = client.call(method, u"/queue/"_s + path, query,
        method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        return std::nullopt;
    }
    return *answer;
}

int QueueCommand::issue(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Issue a ticket (取号): the server dispatches it to the counter that "
        "will be free soonest."));
    const QCommandLineOption area(u"area"_s,
        QCoreApplication::translate("ow::cli", "The service area (default: the hall's first)."), u"AREA"_s);
    const QCommandLineOption matter(
        u"matter"_s, QCoreApplication::translate("ow::cli", "The matter's code, when known."), u"CODE"_s);
    const QCommandLineOption bundle(
        u"bundle"_s, QCoreApplication::translate("ow::cli", "The bundle's id, when known."), u"ID"_s);
    const QCommandLineOption mobile(u"mobile"_s,
        QCoreApplication::translate("ow::cli", "A mobile number for the three SMS."), u"NUMBER"_s);
    const QCommandLineOption green(u"green"_s,
        QCoreApplication::translate(
            "ow::cli", "绿色通道: elderly, disabled, pregnant or serving soldier (called first)."));
    parser.addOptions({area, matter, bundle, mobile, green});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli queue issue"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"issue"_s))
        return *stop;
    QJsonObject body {{u"priority"_s, parser.isSet(green) ? u"green"_s : u"walk-in"_s}};
    const std::pair<const QCommandLineOption *, QString> fields[]
        = {{&area, u"area"_s}, {&matter, u"matter"_s}, {&bundle, u"bundle"_s}, {&mobile, u"mobile"_s}};
    for (const auto &[option, name] : fields)
        if (parser.isSet(*option))
            body.insert(name, parser.value(*option));
    const std::optional<QJsonObject> ticket = request(parser, "POST", u"tickets"_s, {}, body);
    if (!ticket)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*ticket));
        return 0;
    }
    const QString counter = ticket->value("counter"_L1).toString();
    m_console.out() << QCoreApplication::translate("ow::cli", "Ticket %1 (id %2): %3; %4")
                           .arg(ticket->value("number"_L1).toString())
                           .arg(qint64(ticket->value("id"_L1).toDouble()))
                           .arg(counter.isEmpty()
                                   ? QCoreApplication::translate("ow::cli", "any counter of its area")
                                   : QCoreApplication::translate("ow::cli", "counter %1").arg(counter),
                               ticket->value("reason"_L1).toString())
                    << '\n';
    return 0;
}

int QueueCommand::call(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Call the next ticket (叫号) at a counter; the counter must be open "
        "with the clerk logged in, and --key must be that counter's workstation key."));
    parser.addPositionalArgument(
        u"COUNTER"_s, QCoreApplication::translate("ow::cli", "the counter, e.g. W05"));
    const QCommandLineOption clerk(u"clerk"_s,
        QCoreApplication::translate("ow::cli", "The staff number of the clerk at the counter."), u"N"_s);
    parser.addOption(clerk);
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli queue call"_s, arguments, 1))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"call"_s))
        return *stop;
    const QString counter = parser.positionalArguments().constFirst();
    const std::optional<QJsonObject> called = request(parser, "POST",
        u"counters/"_s + QString::fromLatin1(QUrl::toPercentEncoding(counter)) + u"/call"_s, {},
        QJsonObject {{u"clerk"_s, parser.value(clerk)}});
    if (!called)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*called));
        return 0;
    }
    const QJsonObject ticket = called->value("ticket"_L1).toObject();
    if (ticket.isEmpty()) {
        m_console.out()
            << QCoreApplication::translate("ow::cli", "Nobody is waiting for counter %1.").arg(counter)
            << '\n';
        return 0;
    }
    m_console.out() << (called->value("stolen"_L1).toBool()
            ? QCoreApplication::translate(
                "ow::cli", "Counter %1 calls %2 (id %3), taken from another counter's line.")
            : QCoreApplication::translate("ow::cli", "Counter %1 calls %2 (id %3)."))
                           .arg(counter, ticket.value("number"_L1).toString())
                           .arg(qint64(ticket.value("id"_L1).toDouble()))
                    << '\n';
    return 0;
}

int QueueCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "The hall's tickets of a day, in the order they were issued."));
    const QCommandLineOption day(
        u"day"_s, QCoreApplication::translate("ow::cli", "The day (default: today)."), u"YYYY-MM-DD"_s);
    const QCommandLineOption active(u"active"_s,
        QCoreApplication::translate("ow::cli", "Only tickets still waiting, called or being served."));
    parser.addOptions({day, active});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli queue list"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"list"_s))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(day))
        query.addQueryItem(u"day"_s, parser.value(day));
    if (parser.isSet(active))
        query.addQueryItem(u"active"_s, u"true"_s);
    const std::optional<QJsonObject> answer = request(parser, "GET", u"tickets"_s, query);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    const QJsonArray tickets = answer->value("tickets"_L1).toArray();
    m_console.out() << Console::padded(QCoreApplication::translate("ow::cli", "number"), 8)
                    << Console::padded(QCoreApplication::translate("ow::cli", "state"), 13)
                    << Console::padded(QCoreApplication::translate("ow::cli", "counter"), 9)
                    << Console::padded(QCoreApplication::translate("ow::cli", "priority"), 13)
                    << Console::padded(QCoreApplication::translate("ow::cli", "matter"), 18)
                    << QCoreApplication::translate("ow::cli", "wait (min)") << '\n';
    for (const QJsonValue &value : tickets) {
        const QJsonObject t = value.toObject();
        m_console.out() << Console::padded(t.value("number"_L1).toString(), 8)
                        << Console::padded(t.value("state"_L1).toString(), 13)
                        << Console::padded(t.value("counter"_L1).toString(), 9)
                        << Console::padded(t.value("priority"_L1).toString(), 13)
                        << Console::padded(t.value("matter"_L1).toString(), 18)
                        << (t.contains("waitMinutes"_L1) ? figure(t.value("waitMinutes"_L1)) : u"-"_s)
                        << '\n';
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "%n ticket(s)", nullptr, int(tickets.size()))
                    << '\n';
    return 0;
}

int QueueCommand::stats(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The day's figures: waiting and service times, per counter and per "
        "hour, share served within the target wait, no-shows."));
    const QCommandLineOption day(
        u"day"_s, QCoreApplication::translate("ow::cli", "The day (default: today)."), u"YYYY-MM-DD"_s);
    parser.addOption(day);
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli queue stats"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"stats"_s))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(day))
        query.addQueryItem(u"day"_s, parser.value(day));
    const std::optional<QJsonObject> answer = request(parser, "GET", u"stats"_s, query);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Queue figures of %1 (target wait %2 minutes)")
                           .arg(answer->value("day"_L1).toString())
                           .arg(answer->value("targetWaitMinutes"_L1).toInt())
                    << '\n';
    m_console.out() << Console::padded(QString(), 10)
                    << Console::padded(QCoreApplication::translate("ow::cli", "tickets"), 9)
                    << Console::padded(QCoreApplication::translate("ow::cli", "served"), 8)
                    << Console::padded(QCoreApplication::translate("ow::cli", "no-shows"), 10)
                    << Console::padded(QCoreApplication::translate("ow::cli", "avg wait"), 10)
                    << Console::padded(QCoreApplication::translate("ow::cli", "p90 wait"), 10)
                    << Console::padded(QCoreApplication::translate("ow::cli", "in target"), 11)
                    << QCoreApplication::translate("ow::cli", "avg service") << '\n';
    const auto row = [this](const QString &label, const QJsonObject &f) {
        m_console.out() << Console::padded(label, 10)
                        << Console::padded(QString::number(f.value("tickets"_L1).toInt()), 9)
                        << Console::padded(QString::number(f.value("served"_L1).toInt()), 8)
                        << Console::padded(QString::number(f.value("noShows"_L1).toInt()), 10)
                        << Console::padded(figure(f.value("averageWaitMinutes"_L1)), 10)
                        << Console::padded(figure(f.value("p90WaitMinutes"_L1)), 10)
                        << Console::padded(share(f.value("withinTargetShare"_L1)), 11)
                        << figure(f.value("averageServiceMinutes"_L1)) << '\n';
    };
    row(QCoreApplication::translate("ow::cli", "all"), answer->value("total"_L1).toObject());
    for (const QJsonValue &value : answer->value("perCounter"_L1).toArray())
        row(value.toObject().value("key"_L1).toString(), value.toObject());
    for (const QJsonValue &value : answer->value("perHour"_L1).toArray())
        row(value.toObject().value("key"_L1).toString(), value.toObject());
    return 0;
}

int QueueCommand::appoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Book an appointment (预约): on arrival it becomes a ticket called "
        "before walk-ins inside its window."));
    const QCommandLineOption matter(
        u"matter"_s, QCoreApplication::translate("ow::cli", "The matter's code."), u"CODE"_s);
    const QCommandLineOption from(u"from"_s,
        QCoreApplication::translate("ow::cli", "Start of the window, e.g. 2026-03-02T09:00 (local time)."),
        u"TIME"_s);
    const QCommandLineOption to(
        u"to"_s, QCoreApplication::translate("ow::cli", "End of the window."), u"TIME"_s);
    const QCommandLineOption mobile(u"mobile"_s,
        QCoreApplication::translate("ow::cli", "A mobile number for the three SMS."), u"NUMBER"_s);
    const QCommandLineOption reference(u"reference"_s,
        QCoreApplication::translate("ow::cli", "The booking system's own reference (12345, online booking)."),
        u"TEXT"_s);
    parser.addOptions({matter, from, to, mobile, reference});
    addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli queue appoint"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = checkConnection(parser, u"appoint"_s))
        return *stop;
    const QDateTime start = QDateTime::fromString(parser.value(from), Qt::ISODate);
    const QDateTime end = QDateTime::fromString(parser.value(to), Qt::ISODate);
    if (parser.value(matter).isEmpty() || !start.isValid() || !end.isValid() || end <= start) {
        m_console.err() << QCoreApplication::translate("ow::cli",
            "queue appoint needs --matter CODE and a window --from TIME --to TIME (ISO 8601, "
            "the end after the start); see --help")
                        << '\n';
        return 2;
    }
    QJsonObject body {{u"matter"_s, parser.value(matter)},
        {u"from"_s, start.toUTC().toString(Qt::ISODateWithMs)},
        {u"to"_s, end.toUTC().toString(Qt::ISODateWithMs)}};
    if (parser.isSet(mobile))
        body.insert(u"mobile"_s, parser.value(mobile));
    if (parser.isSet(reference))
        body.insert(u"reference"_s, parser.value(reference));
    const std::optional<QJsonObject> booked = request(parser, "POST", u"appointments"_s, {}, body);
    if (!booked)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*booked));
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Appointment %1 booked for %2.")
                           .arg(booked->value("id"_L1).toVariant().toString(), parser.value(matter))
                    << '\n';
    return 0;
}

} // namespace ow::cli
