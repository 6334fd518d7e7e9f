#include "cli/ComplaintCommand.h"

#include "cli/SubcommandParser.h"
#include "cli/SupervisionCommand.h"
#include "supervision/Complaint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::cli {

using namespace Qt::StringLiterals;

namespace {

/// A person of a complaint's JSON by name, the staff number when it has none; — for nobody.
QString personName(const QJsonValue &value)
{
    const QJsonObject person = value.toObject();
    const QString name = person.value("name"_L1).toString();
    const QString staffNumber = person.value("staffNumber"_L1).toString();
    if (name.isEmpty() && staffNumber.isEmpty())
        return u"—"_s;
    return name.isEmpty() ? staffNumber : name;
}

QString localTime(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"—"_s;
}

} // namespace

ComplaintCommand::ComplaintCommand(Console &console, SupervisionCommand &connection)
    : m_console(console)
    , m_connection(connection)
{
}

int ComplaintCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The hall's complaints (投诉): number, who or what each is about (case, clerk, matter), the "
        "channel, when received, the deadline (* once overdue), the state and who handles it; then the "
        "counts of the supervisor's desk. Assign, reply and close them at the supervisor's workstation."));
    const QCommandLineOption state(u"state"_s,
        QCoreApplication::translate("ow::cli", "open (the default), overdue, closed or all."), u"STATE"_s);
    parser.addOption(state);
    m_connection.addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision complaints"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = m_connection.checkConnection(parser, u"complaints"_s))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(state))
        query.addQueryItem(u"state"_s, parser.value(state));
    QJsonArray complaints;
    QJsonObject answer;
    // Every page, so the table (and --json) holds the whole list asked for.
    do {
        std::optional<QJsonObject> page = m_connection.request(parser, "GET", u"complaints"_s, query);
        if (!page)
            return 1;
        for (const QJsonValue &v : page->value("complaints"_L1).toArray())
            complaints.append(v);
        answer = *page;
        query.removeAllQueryItems(u"after"_s);
        query.addQueryItem(u"after"_s, page->value("next"_L1).toString());
    } while (!answer.value("next"_L1).toString().isEmpty());
    answer.insert(u"complaints"_s, complaints);
    answer.remove(u"next"_s);
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(answer));
        return 0;
    }
    const QJsonObject counts = answer.value("counts"_L1).toObject();
    if (complaints.isEmpty()) {
        m_console.out() << QCoreApplication::translate("ow::cli", "No complaint is listed.") << '\n';
    } else {
        QList<QStringList> rows {{QCoreApplication::translate("ow::cli", "Number"),
            QCoreApplication::translate("ow::cli", "About"),
            QCoreApplication::translate("ow::cli", "Channel"),
            QCoreApplication::translate("ow::cli", "Received"),
            QCoreApplication::translate("ow::cli", "Deadline"),
            QCoreApplication::translate("ow::cli", "State"),
            QCoreApplication::translate("ow::cli", "Handled by")}};
        for (const QJsonValue &v : std::as_const(complaints)) {
            const QJsonObject c = v.toObject();
            const auto channel = supervision::complaintChannelFromKeyword(c.value("channel"_L1).toString());
            const auto state = supervision::complaintStateFromKeyword(c.value("state"_L1).toString());
            rows.append({c.value("number"_L1).toString(), c.value("subject"_L1).toString(),
                channel ? supervision::displayName(*channel) : c.value("channel"_L1).toString(),
                localTime(c.value("receivedAt"_L1)),
                c.value("deadline"_L1).toString() + (c.value("overdue"_L1).toBool() ? u" *"_s : QString()),
                state ? supervision::displayName(*state) : c.value("state"_L1).toString(),
                personName(c.value("assignee"_L1))});
        }
        m_console.printTable(rows);
    }
    const QJsonObject byChannel = counts.value("byChannel"_L1).toObject();
    const QJsonValue share = counts.value("closedOnTimeShare"_L1);
    m_console.out() << QCoreApplication::translate("ow::cli",
        "Open %1, overdue %2. This month: received %3 (counter %4, 12345 hotline %5, online %6), closed "
        "%7, on time %8.")
                           .arg(counts.value("open"_L1).toInt())
                           .arg(counts.value("overdue"_L1).toInt())
                           .arg(counts.value("receivedThisMonth"_L1).toInt())
                           .arg(byChannel.value("window"_L1).toInt())
                           .arg(byChannel.value("12345"_L1).toInt())
                           .arg(byChannel.value("online"_L1).toInt())
                           .arg(counts.value("closedThisMonth"_L1).toInt())
                           .arg(share.isDouble() ? QString::number(share.toDouble() * 100, 'f', 0) + u'%'
                                                 : u"—"_s)
                    << '\n';
    return 0;
}

} // namespace ow::cli
