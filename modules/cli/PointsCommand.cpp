#include "cli/PointsCommand.h"

#include "cli/SubcommandParser.h"
#include "cli/SupervisionCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::cli {

using namespace Qt::StringLiterals;

namespace {

QString kindName(const QString &kind)
{
    if (kind == "case-received"_L1)
        return QCoreApplication::translate("ow::cli", "case taken in");
    if (kind == "consultation"_L1)
        return QCoreApplication::translate("ow::cli", "consultation");
    if (kind == "practice-passed"_L1)
        return QCoreApplication::translate("ow::cli", "practice passed");
    if (kind == "rating"_L1)
        return QCoreApplication::translate("ow::cli", "rating");
    if (kind == "correction"_L1)
        return QCoreApplication::translate("ow::cli", "correction");
    if (kind == "catalogue-item"_L1)
        return QCoreApplication::translate("ow::cli", "catalogue item maintained");
    return kind;
}

QString signedPoints(int points)
{
    return points > 0 ? u"+%1"_s.arg(points) : QString::number(points);
}

} // namespace

PointsCommand::PointsCommand(Console &console, SupervisionCommand &connection)
    : m_console(console)
    , m_connection(connection)
{
}

int PointsCommand::points(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The clerks' points (积分) of a month, most first, with each clerk's grade "
        "(考级, 1–5) and the matters the clerk is qualified for; with --clerk, "
        "every item that makes the clerk's total and what earned it."));
    const QCommandLineOption month(u"month"_s,
        QCoreApplication::translate("ow::cli", "The month (YYYY-MM; default: this month)."), u"MONTH"_s);
    const QCommandLineOption clerk(u"clerk"_s,
        QCoreApplication::translate("ow::cli", "One clerk's items (the staff number)."), u"STAFF"_s);
    parser.addOptions({month, clerk});
    m_connection.addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision points"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = m_connection.checkConnection(parser, u"points"_s))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(month))
        query.addQueryItem(u"month"_s, parser.value(month));
    const QString path = parser.isSet(clerk)
        ? u"points/%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(parser.value(clerk))))
        : u"points"_s;
    const std::optional<QJsonObject> answer = m_connection.request(parser, "GET", path, query);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(*answer));
        return 0;
    }
    if (parser.isSet(clerk)) {
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "%1 %2, %3: %4 points, grade %5, qualified for %6 matter(s)")
                               .arg(answer->value("staffNumber"_L1).toString(),
                                   answer->value("name"_L1).toString(), answer->value("month"_L1).toString())
                               .arg(answer->value("points"_L1).toInt())
                               .arg(answer->value("grade"_L1).toInt())
                               .arg(answer->value("qualifiedMatters"_L1).toInt())
                        << '\n';
        for (const QJsonValue &v : answer->value("items"_L1).toArray()) {
            const QJsonObject item = v.toObject();
            QStringList what {item.value("case"_L1).toString(), item.value("matter"_L1).toString(),
                item.value("reason"_L1).toString()};
            if (!item.value("by"_L1).toString().isEmpty())
                what.append(
                    QCoreApplication::translate("ow::cli", "by %1").arg(item.value("by"_L1).toString()));
            what.removeAll(QString());
            m_console.out() << u"%1  %2  %3  %4  [%5]"_s.arg(item.value("at"_L1).toString(),
                signedPoints(item.value("points"_L1).toInt()), kindName(item.value("kind"_L1).toString()),
                what.join(u"  "_s), item.value("event"_L1).toString())
                            << '\n';
        }
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Hall %1, %2: points and grades")
                           .arg(answer->value("hall"_L1).toString(), answer->value("month"_L1).toString())
                    << '\n';
    for (const QJsonValue &v : answer->value("clerks"_L1).toArray()) {
        const QJsonObject row = v.toObject();
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "%1. %2 %3: %4 points, grade %5, qualified for %6 matter(s)")
                               .arg(row.value("rank"_L1).toInt())
                               .arg(row.value("staffNumber"_L1).toString(), row.value("name"_L1).toString())
                               .arg(row.value("points"_L1).toInt())
                               .arg(row.value("grade"_L1).toInt())
                               .arg(row.value("qualifiedMatters"_L1).toInt())
                        << '\n';
    }
    return 0;
}

int PointsCommand::correct(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Correct a clerk's points: recorded as a correction with its reason "
        "among the clerk's items, never as a change of what was earned."));
    const QCommandLineOption clerk(
        u"clerk"_s, QCoreApplication::translate("ow::cli", "The clerk (the staff number)."), u"STAFF"_s);
    const QCommandLineOption points(u"points"_s,
        QCoreApplication::translate("ow::cli", "Points to add (negative to take away), not 0."), u"N"_s);
    const QCommandLineOption reason(
        u"reason"_s, QCoreApplication::translate("ow::cli", "Why (required)."), u"TEXT"_s);
    const QCommandLineOption by(u"by"_s,
        QCoreApplication::translate("ow::cli", "Who corrects (default: the user running the command)."),
        u"NAME"_s);
    const QCommandLineOption month(u"month"_s,
        QCoreApplication::translate("ow::cli", "The month it counts in (YYYY-MM; default: this month)."),
        u"MONTH"_s);
    parser.addOptions({clerk, points, reason, by, month});
    m_connection.addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision correct-points"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = m_connection.checkConnection(parser, u"correct-points"_s))
        return *stop;
    bool ok = false;
    const int value = parser.value(points).toInt(&ok);
    if (!parser.isSet(clerk) || !ok || parser.value(reason).trimmed().isEmpty()) {
        m_console.err() << QCoreApplication::translate("ow::cli",
            "supervision correct-points needs --clerk STAFF, --points N (a whole number) and --reason TEXT")
                        << '\n';
        return 2;
    }
    QString who = parser.value(by);
    if (who.isEmpty())
        who = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    QJsonObject body {{u"staffNumber"_s, parser.value(clerk)}, {u"points"_s, value},
        {u"reason"_s, parser.value(reason)}, {u"by"_s, who}};
    if (parser.isSet(month))
        body.insert(u"month"_s, parser.value(month));
    const std::optional<QJsonObject> answer
        = m_connection.request(parser, "POST", u"points/corrections"_s, {}, body);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption()))
        m_console.printJson(QJsonDocument(*answer));
    else
        m_console.out() << QCoreApplication::translate("ow::cli", "recorded %1 point(s) for %2 in %3 (%4)")
                               .arg(signedPoints(answer->value("points"_L1).toInt()),
                                   answer->value("staffNumber"_L1).toString(),
                                   answer->value("month"_L1).toString(), answer->value("id"_L1).toString())
                        << '\n';
    return 0;
}

} // namespace ow::cli
