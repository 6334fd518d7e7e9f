#include "cli/CaseStatusCommand.h"

#include "cli/CaseNumberArgument.h"
#include "cli/SubcommandParser.h"
#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QUuid>

namespace ow::cli {

using namespace Qt::StringLiterals;

int CaseStatusCommand::run(const QStringList &arguments)
{
    const QStringList kinds {
        u"in-review"_s, u"approved"_s, u"denied"_s, u"supplement-requested"_s, u"result-ready"_s};
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "Record a department's decision or stage for a case on the central server: %1.")
                                         .arg(kinds.join(u", "_s)));
    parser.addPositionalArgument(u"NUMBER"_s,
        QCoreApplication::translate(
            "ow::cli", "the case number as printed on the receipt (dashes and spaces allowed)"));
    parser.addPositionalArgument(u"KIND"_s, QCoreApplication::translate("ow::cli", "what happened"));
    const QCommandLineOption server(
        u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s);
    const QCommandLineOption key(
        u"key"_s, QCoreApplication::translate("ow::cli", "The department's key."), u"KEY"_s);
    const QCommandLineOption clerk(u"clerk"_s,
        QCoreApplication::translate("ow::cli", "Who recorded it at the department (default: cli)."),
        u"NAME"_s, u"cli"_s);
    const QCommandLineOption reason(u"reason"_s,
        QCoreApplication::translate("ow::cli", "A reason (repeat for several; needed for denied)."),
        u"TEXT"_s);
    const QCommandLineOption note(u"note"_s, QCoreApplication::translate("ow::cli", "A remark."), u"TEXT"_s);
    const QCommandLineOption material(u"material"_s,
        QCoreApplication::translate(
            "ow::cli", "A material to supply, ID:NAME:DEADLINE (repeat; needed for supplement-requested)."),
        u"ID:NAME:DATE"_s);
    const QCommandLineOption id(u"id"_s,
        QCoreApplication::translate("ow::cli", "An idempotency key, so a repeated command records once."),
        u"UUID"_s);
    parser.addOptions({server, key, clerk, reason, note, material, id});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli case status"_s, arguments, -1))
        return *stop;
    QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        m_console.err() << QCoreApplication::translate("ow::cli", "expected %n argument(s); see --help",
            nullptr, 2) << '\n';
        return 2;
    }
    // KIND is last; before it the case number as printed, with its dashes or in groups split by spaces.
    const QString kind = positional.takeLast();
    const Result<cases::CaseNumber> caseNumber = parseCaseNumberArgument(positional);
    if (!caseNumber) {
        m_console.err() << caseNumber.error().message() << '\n';
        return 2;
    }
    const QString number = caseNumber->toString();
    const QUrl url(parser.value(server));
    if (!kinds.contains(kind) || !url.isValid() || url.host().isEmpty() || parser.value(key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "case status needs a KIND (%1), --server URL and --key KEY; see --help")
                               .arg(kinds.join(u", "_s))
                        << '\n';
        return 2;
    }
    QJsonObject payload;
    if (parser.isSet(note))
        payload.insert("note"_L1, parser.value(note));
    if (parser.isSet(reason))
        payload.insert("reasons"_L1, QJsonArray::fromStringList(parser.values(reason)));
    QJsonArray materials;
    for (const QString &text : parser.values(material)) {
        const QStringList parts = text.split(u':');
        if (parts.size() != 3 || parts.at(0).isEmpty()
            || !QDate::fromString(parts.at(2), Qt::ISODate).isValid()) {
            m_console.err() << QCoreApplication::translate(
                "ow::cli", "invalid --material '%1': use ID:NAME:YYYY-MM-DD")
                                   .arg(Console::quote(text))
                            << '\n';
            return 2;
        }
        materials.append(
            QJsonObject {{"id"_L1, parts.at(0)}, {"name"_L1, parts.at(1)}, {"deadline"_L1, parts.at(2)}});
    }
    if (!materials.isEmpty())
        payload.insert("materials"_L1, materials);
    const QJsonObject body {
        {"id"_L1, parser.isSet(id) ? parser.value(id) : QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {"kind"_L1, kind}, {"clerk"_L1, parser.value(clerk)}, {"payload"_L1, payload}};
    sync::SyncClient client(url, parser.value(key));
    Result<QJsonObject> answer = client.call("POST",
        sync::protocol::kDepartmentCases + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(number))
            + "/events"_L1,
        {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        return 1;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Case %1 is now %2.")
                           .arg(number, answer->value("state"_L1).toString())
                    << '\n';
    return 0;
}

} // namespace ow::cli
