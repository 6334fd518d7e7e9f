#include "cli/DepartmentLogCommand.h"

#include "cli/SubcommandParser.h"
#include "cli/SupervisionCommand.h"
#include "core/CsvText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ow::cli {

using namespace Qt::StringLiterals;

namespace {

/// The server answers at most this many rows a request; an export reads page after page.
constexpr int kPage = 5000;

QStringList cellsOf(const QJsonObject &row)
{
    return {QString::number(row.value("seq"_L1).toInteger()), row.value("at"_L1).toString(),
        row.value("department"_L1).toString(), row.value("departmentName"_L1).toString(),
        row.value("action"_L1).toString(), row.value("kind"_L1).toString(),
        row.value("subject"_L1).toString(), row.value("clerk"_L1).toString(),
        row.value("detail"_L1).toString(),
        row.value("keyName"_L1).toString().isEmpty() ? row.value("keyId"_L1).toString()
                                                     : row.value("keyName"_L1).toString()};
}

/// The server's check of the log's hash chain, in one line.
QString chainText(const QJsonObject &chain)
{
    if (chain.value("intact"_L1).toBool())
        return QCoreApplication::translate(
            "ow::cli", "Chain verified: all %1 row(s) are as they were written.")
            .arg(chain.value("rows"_L1).toInteger());
    return QCoreApplication::translate(
        "ow::cli", "Chain BROKEN from row %1: %2 Rows from it on cannot be trusted.")
        .arg(chain.value("brokenRow"_L1).toInteger())
        .arg(chain.value("reason"_L1).toString());
}

} // namespace

DepartmentLogCommand::DepartmentLogCommand(Console &console, SupervisionCommand &connection)
    : m_console(console)
    , m_connection(connection)
{
}

int DepartmentLogCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "What departments did through the server with their keys (status reports, transfer lists "
        "confirmed, pre-application reviews, catalogue sign-offs), oldest first, with the check of the "
        "log's hash chain. The server records who looked and with which filter."));
    const QCommandLineOption from(
        u"from"_s, QCoreApplication::translate("ow::cli", "From this day (YYYY-MM-DD)."), u"DATE"_s);
    const QCommandLineOption to(
        u"to"_s, QCoreApplication::translate("ow::cli", "Up to this day, included (YYYY-MM-DD)."), u"DATE"_s);
    const QCommandLineOption department(
        u"department"_s, QCoreApplication::translate("ow::cli", "Only this department's (its id)."), u"ID"_s);
    const QCommandLineOption kind(u"kind"_s,
        QCoreApplication::translate("ow::cli",
            "Only this kind of action (status-report, transfer-confirmation, pre-application-review, "
            "catalogue-sign-off, result-document) or of event (e.g. approved)."),
        u"KIND"_s);
    const QCommandLineOption caseNumber(
        u"case"_s, QCoreApplication::translate("ow::cli", "Only this case's."), u"NUMBER"_s);
    const QCommandLineOption csv(u"csv"_s,
        QCoreApplication::translate("ow::cli", "Write every row to this CSV file (recorded as an export)."),
        u"FILE"_s);
    const QCommandLineOption verify(u"verify"_s,
        QCoreApplication::translate("ow::cli",
            "Only check the log's hash chain on the server; exit 1 when a row was changed or removed."));
    parser.addOptions({from, to, department, kind, caseNumber, csv, verify});
    m_connection.addConnection(parser);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli supervision department-log"_s, arguments, 0))
        return *stop;
    if (const std::optional<int> stop = m_connection.checkConnection(parser, u"department-log"_s))
        return *stop;
    if (parser.isSet(verify)) {
        const std::optional<QJsonObject> chain
            = m_connection.request(parser, "GET", u"department-log/verify"_s, QUrlQuery());
        if (!chain)
            return 1;
        if (parser.isSet(jsonOption()))
            m_console.printJson(QJsonDocument(*chain));
        else
            m_console.out() << chainText(*chain) << '\n';
        return chain->value("intact"_L1).toBool() ? 0 : 1;
    }
    QUrlQuery query;
    for (const auto &[option, name] :
        {std::pair {&from, u"from"_s}, std::pair {&to, u"to"_s}, std::pair {&department, u"department"_s},
            std::pair {&kind, u"kind"_s}, std::pair {&caseNumber, u"case"_s}})
        if (parser.isSet(*option))
            query.addQueryItem(name, parser.value(*option));
    if (parser.isSet(csv))
        query.addQueryItem(u"purpose"_s, u"export"_s);
    query.addQueryItem(u"limit"_s, QString::number(kPage));

    QJsonArray rows;
    QJsonObject answer;
    QJsonObject chain; // checked with the first page
    for (int offset = 0;; offset += kPage) {
        QUrlQuery paged = query;
        paged.addQueryItem(u"offset"_s, QString::number(offset));
        const std::optional<QJsonObject> page
            = m_connection.request(parser, "GET", u"department-log"_s, paged);
        if (!page)
            return 1;
        answer = *page;
        if (offset == 0)
            chain = page->value("chain"_L1).toObject();
        const QJsonArray got = page->value("rows"_L1).toArray();
        for (const QJsonValue &v : got)
            rows.append(v);
        // Only an export needs every row; a look shows the first page and says how many there are.
        if (!parser.isSet(csv) || got.isEmpty() || rows.size() >= page->value("total"_L1).toInteger())
            break;
    }
    answer.insert(u"rows"_s, rows);
    answer.insert(u"chain"_s, chain);

    if (parser.isSet(csv)) {
        QList<QStringList> lines;
        for (const QJsonValue &v : std::as_const(rows))
            lines.append(cellsOf(v.toObject()));
        const QStringList header {QCoreApplication::translate("ow::cli", "Row"),
            QCoreApplication::translate("ow::cli", "Time"),
            QCoreApplication::translate("ow::cli", "Department"),
            QCoreApplication::translate("ow::cli", "Department name"),
            QCoreApplication::translate("ow::cli", "Kind of action"),
            QCoreApplication::translate("ow::cli", "Action"),
            QCoreApplication::translate("ow::cli", "Case or item"),
            QCoreApplication::translate("ow::cli", "Clerk"), QCoreApplication::translate("ow::cli", "Detail"),
            QCoreApplication::translate("ow::cli", "Key")};
        QSaveFile file(parser.value(csv));
        if (!file.open(QIODevice::WriteOnly) || file.write(CsvText::document(header, lines)) < 0
            || !file.commit()) {
            m_console.err() << QCoreApplication::translate("ow::cli", "Cannot write %1: %2")
                                   .arg(parser.value(csv), file.errorString())
                            << '\n';
            return 1;
        }
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(answer));
        return 0;
    }
    if (parser.isSet(csv)) {
        m_console.out() << QCoreApplication::translate("ow::cli", "%1 row(s) written to %2")
                               .arg(rows.size())
                               .arg(parser.value(csv))
                        << '\n'
                        << chainText(chain) << '\n';
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Hall %1: %2 department action(s)")
                           .arg(answer.value("hall"_L1).toString())
                           .arg(answer.value("total"_L1).toInteger())
                    << '\n'
                    << chainText(chain) << '\n';
    for (const QJsonValue &v : std::as_const(rows))
        m_console.out() << cellsOf(v.toObject()).join(u"  "_s) << '\n';
    return 0;
}

} // namespace ow::cli
