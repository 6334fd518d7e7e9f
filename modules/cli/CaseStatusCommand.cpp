#include "cli/CaseStatusCommand.h"

#include "cli/CaseNumberArgument.h"
#include "cli/SubcommandParser.h"
#include "core/Sha256.h"
#include "server/CaseDocuments.h"
#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>
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
    const QCommandLineOption document(u"document"_s,
        QCoreApplication::translate("ow::cli",
            "The result document (the licence or decision as a PDF, at most 20 MiB): uploaded first and "
            "named by the event (approved, denied or result-ready)."),
        u"FILE"_s);
    parser.addOptions({server, key, clerk, reason, note, material, id, document});
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
    sync::SyncClient client(url, parser.value(key));
    if (parser.isSet(document)) {
        // The file first: the server refuses an event naming a document it does not hold.
        QFile file(parser.value(document));
        const QByteArray bytes
            = file.open(QIODevice::ReadOnly) && file.size() <= server::CaseDocuments::kMaxBytes
            ? file.readAll()
            : QByteArray();
        if ((kind != "approved"_L1 && kind != "denied"_L1 && kind != "result-ready"_L1)
            || !bytes.startsWith("%PDF-")) {
            m_console.err() << QCoreApplication::translate("ow::cli",
                "--document needs a readable PDF of at most 20 MiB, with approved, denied or result-ready")
                            << '\n';
            return 2;
        }
        const QString sha256 = Sha256::hex(bytes);
        Result<QJsonObject> stored = client.call("PUT",
            sync::protocol::kDepartmentCases + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(number))
                + "/documents/"_L1 + sha256,
            QUrlQuery {{u"name"_s, QFileInfo(file).fileName()}}, bytes, "application/pdf");
        if (!stored) {
            m_console.err() << stored.error().toString() << '\n';
            return 1;
        }
        payload.insert("document"_L1,
            QJsonObject {{"name"_L1, stored->value("name"_L1)}, {"sha256"_L1, sha256},
                {"size"_L1, stored->value("size"_L1)}});
    }
    const QJsonObject body {
        {"id"_L1, parser.isSet(id) ? parser.value(id) : QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {"kind"_L1, kind}, {"clerk"_L1, parser.value(clerk)}, {"payload"_L1, payload}};
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
