#include "cli/CatalogueReviewCommand.h"

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "cli/SubcommandParser.h"
#include "sync/CataloguePackage.h"
#include "sync/SyncClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::cli {

using namespace Qt::StringLiterals;
using namespace ow::catalogue;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

CatalogueReviewCommand::CatalogueReviewCommand(Console &console)
    : m_console(console)
    , m_server(u"server"_s, QCoreApplication::translate("ow::cli", "The server's address."), u"URL"_s)
    , m_key(u"key"_s,
          QCoreApplication::translate("ow::cli",
              "A publisher key (editors, reviewers), a department key (sign-off) or a workstation's token "
              "(acceptance walks)."),
          u"KEY"_s)
{
}

bool CatalogueReviewCommand::handles(const QString &subcommand)
{
    static const QStringList names {u"submit"_s, u"submission"_s, u"review"_s, u"pending-walks"_s,
        u"accept-walk"_s, u"sign-off"_s, u"withdraw"_s, u"rollback"_s, u"lock"_s, u"publications"_s,
        u"faq-proposals"_s};
    return names.contains(subcommand);
}

int CatalogueReviewCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == u"submit"_s)
        return submit(rest);
    if (sub == u"submission"_s)
        return submission(rest);
    if (sub == u"review"_s)
        return review(rest);
    if (sub == u"pending-walks"_s)
        return pendingWalks(rest);
    if (sub == u"accept-walk"_s)
        return acceptWalk(rest);
    if (sub == u"sign-off"_s)
        return signOff(rest);
    if (sub == u"withdraw"_s)
        return withdraw(rest);
    if (sub == u"rollback"_s)
        return rollback(rest);
    if (sub == u"lock"_s)
        return lock(rest);
    if (sub == u"faq-proposals"_s)
        return faqProposals(rest);
    return publications(rest);
}

void CatalogueReviewCommand::addConnection(QCommandLineParser &parser)
{
    parser.addOptions({m_server, m_key, jsonOption()});
}

std::optional<int> CatalogueReviewCommand::parse(
    QCommandLineParser &parser, const QString &name, const QStringList &arguments, int positionalCount)
{
    addConnection(parser);
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, u"onewindow-cli catalogue "_s + name, arguments, positionalCount))
        return stop;
    const QUrl url(parser.value(m_server));
    if (!url.isValid() || url.host().isEmpty() || parser.value(m_key).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue %1 needs --server URL and --key KEY; see --help")
                               .arg(name)
                        << '\n';
        return 2;
    }
    return std::nullopt;
}

std::optional<QJsonObject> CatalogueReviewCommand::request(const QCommandLineParser &parser,
    const QByteArray &method, const QString &path, const QByteArray &body, const QUrlQuery &query)
{
    sync::SyncClient client(QUrl(parser.value(m_server)), parser.value(m_key));
    client.setTimeout(120000);
    Result<QJsonObject> answer = client.call(method, u"/catalogues/"_s + path, query, body);
    if (!answer) {
        m_console.err() << answer.error().toString() << '\n';
        for (const QJsonValue &line : client.lastFailure().body.value("diagnostics"_L1).toArray())
            m_console.err() << line.toString() << '\n';
        return std::nullopt;
    }
    return *answer;
}

void CatalogueReviewCommand::printStatus(const QCommandLineParser &parser, const QJsonObject &status)
{
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(status).toJson(QJsonDocument::Indented);
        return;
    }
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "Submission %1: version %2 (%3, effective %4), %5")
                           .arg(status.value("id"_L1).toInteger())
                           .arg(status.value("version"_L1).toString(), status.value("reason"_L1).toString(),
                               status.value("effective"_L1).toString(), status.value("state"_L1).toString())
                    << '\n';
    const int needed = status.value("countersNeeded"_L1).toInt();
    for (const QJsonValue &value : status.value("items"_L1).toArray()) {
        const QJsonObject item = value.toObject();
        const QString grade = item.value("grade"_L1).toString();
        QString line = u"  [%1] %2 %3 — %4"_s.arg(grade.isEmpty() ? u"  "_s : grade,
            item.value("change"_L1).toString(), item.value("item"_L1).toString(),
            item.value("title"_L1).toString());
        if (item.value("walk"_L1).toBool())
            line += u" ("_s
                + QCoreApplication::translate("ow::cli", "walked at %1 of %2 counters")
                      .arg(item.value("counters"_L1).toArray().size())
                      .arg(needed)
                + u')';
        m_console.out() << line << '\n';
        if (!item.value("comment"_L1).toString().isEmpty())
            m_console.out() << u"      "_s << item.value("comment"_L1).toString() << u" — "_s
                            << item.value("reviewer"_L1).toString() << '\n';
    }
    const QJsonArray departments = status.value("departments"_L1).toArray();
    if (!departments.isEmpty()) {
        QStringList signedOff;
        for (const QJsonValue &s : status.value("signOffs"_L1).toArray())
            if (s.toObject().value("objection"_L1).toString().isEmpty())
                signedOff.append(s.toObject().value("department"_L1).toString());
        for (const QJsonValue &d : departments)
            m_console.out() << u"  "_s
                            << (signedOff.contains(d.toString())
                                       ? QCoreApplication::translate("ow::cli", "signed off by %1")
                                       : QCoreApplication::translate("ow::cli", "to sign off: %1"))
                                   .arg(d.toString())
                            << '\n';
    }
    for (const QJsonValue &value : status.value("objections"_L1).toArray()) {
        const QJsonObject o = value.toObject();
        m_console.out() << u"  "_s
                        << QCoreApplication::translate("ow::cli", "objection (%1) %2: %3 — %4")
                               .arg(o.value("source"_L1).toString(),
                                   o.value("item"_L1).toString() + o.value("department"_L1).toString(),
                                   o.value("text"_L1).toString(), o.value("by"_L1).toString())
                        << '\n';
    }
}

int CatalogueReviewCommand::submit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Submit a catalogue folder for business review: linted here first, then the server splits it into "
        "review items (every matter, material, bundle and situation changed against the current version)."));
    parser.addPositionalArgument(u"DIR"_s, QCoreApplication::translate("ow::cli", "the catalogue folder"));
    const QCommandLineOption reason(u"reason"_s,
        QCoreApplication::translate("ow::cli", "Why it changes: 立, 改, 废 or 释."), u"REASON"_s);
    const QCommandLineOption effective(u"effective"_s,
        QCoreApplication::translate("ow::cli", "The day counters switch to it, YYYY-MM-DD (default: today)."),
        u"DATE"_s);
    const QCommandLineOption note(
        u"note"_s, QCoreApplication::translate("ow::cli", "What changed and on what basis."), u"TEXT"_s);
    const QCommandLineOption editor(u"editor"_s,
        QCoreApplication::translate("ow::cli", "Who edited it (default: the key's holder)."), u"NAME"_s);
    const QCommandLineOption replaces(u"replaces"_s,
        QCoreApplication::translate("ow::cli", "The returned submission this one answers."), u"ID"_s);
    parser.addOptions({reason, effective, note, editor, replaces});
    if (const std::optional<int> stop = parse(parser, u"submit"_s, arguments, 1))
        return *stop;
    const QString directory = parser.positionalArguments().constFirst();
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory);
    Diagnostics diagnostics = outcome.diagnostics;
    if (outcome.catalogue)
        diagnostics += Linter(outcome.catalogue).run().diagnostics;
    if (!outcome.catalogue || hasErrors(diagnostics)) {
        for (const Diagnostic &d : std::as_const(diagnostics))
            if (d.severity == Diagnostic::Severity::Error)
                m_console.err() << d.toString() << '\n';
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "The catalogue has errors; nothing was submitted.")
                        << '\n';
        return 1;
    }
    Result<sync::CataloguePackage> package
        = sync::CataloguePackage::fromDirectory(directory, outcome.catalogue->id, outcome.catalogue->version);
    if (!package) {
        m_console.err() << package.error().toString() << '\n';
        return 1;
    }
    QJsonObject body = package->toJson();
    body.insert(u"reason"_s, parser.value(reason));
    body.insert(u"note"_s, parser.value(note));
    if (parser.isSet(effective))
        body.insert(u"effective"_s, parser.value(effective));
    if (parser.isSet(editor))
        body.insert(u"editor"_s, parser.value(editor));
    if (parser.isSet(replaces))
        body.insert(u"replaces"_s, parser.value(replaces).toLongLong());
    const std::optional<QJsonObject> answer = request(parser, "POST", u"submissions"_s, compact(body));
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    int walks = 0;
    const QJsonArray items = answer->value("items"_L1).toArray();
    for (const QJsonValue &item : items)
        walks += item.toObject().value("walk"_L1).toBool() ? 1 : 0;
    m_console.out() << QCoreApplication::translate(
        "ow::cli", "Submitted version %1 as submission %2: %n review item(s)", nullptr, int(items.size()))
                           .arg(package->version)
                           .arg(answer->value("id"_L1).toInteger())
                    << QCoreApplication::translate(
                           "ow::cli", ", %n situation(s) to walk at the counters.", nullptr, walks)
                    << '\n';
    return 0;
}

int CatalogueReviewCommand::submission(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "Every submission, or one with its items, grades, walks and sign-offs."));
    parser.addPositionalArgument(
        u"ID"_s, QCoreApplication::translate("ow::cli", "a submission (default: list them all)"), u"[ID]"_s);
    if (const std::optional<int> stop = parse(parser, u"submission"_s, arguments, -1))
        return *stop;
    const QString id = parser.positionalArguments().value(0);
    const std::optional<QJsonObject> answer
        = request(parser, "GET", u"submissions"_s + (id.isEmpty() ? QString() : u'/' + id));
    if (!answer)
        return 1;
    if (!id.isEmpty()) {
        printStatus(parser, *answer);
        return 0;
    }
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const QJsonValue &value : answer->value("submissions"_L1).toArray()) {
        const QJsonObject s = value.toObject();
        m_console.out() << u"%1\t%2\t%3\t%4\t%5\t%6\n"_s.arg(s.value("id"_L1).toInteger())
                               .arg(s.value("version"_L1).toString(), s.value("state"_L1).toString(),
                                   s.value("reason"_L1).toString(), s.value("effective"_L1).toString(),
                                   s.value("editor"_L1).toString());
    }
    return 0;
}

int CatalogueReviewCommand::review(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Grade review items of a submission 高, 中 or 低 (中 and 低 need a "
        "comment). When every item is graded "
        "the submission is reviewed (all 高) or returned to its editor."));
    parser.addPositionalArgument(u"ID"_s, QCoreApplication::translate("ow::cli", "the submission"));
    const QCommandLineOption item(
        u"item"_s, QCoreApplication::translate("ow::cli", "An item to grade (repeat for more)."), u"ITEM"_s);
    const QCommandLineOption rest(
        u"rest"_s, QCoreApplication::translate("ow::cli", "Every item not graded yet."));
    const QCommandLineOption grade(
        u"grade"_s, QCoreApplication::translate("ow::cli", "高, 中 or 低."), u"GRADE"_s);
    const QCommandLineOption comment(u"comment"_s,
        QCoreApplication::translate("ow::cli", "What to improve (needed for 中 and 低)."), u"TEXT"_s);
    const QCommandLineOption reviewer(
        u"reviewer"_s, QCoreApplication::translate("ow::cli", "Who reviewed."), u"NAME"_s);
    parser.addOptions({item, rest, grade, comment, reviewer});
    if (const std::optional<int> stop = parse(parser, u"review"_s, arguments, 1))
        return *stop;
    const QString id = parser.positionalArguments().constFirst();
    QStringList items = parser.values(item);
    if (parser.isSet(rest)) {
        const std::optional<QJsonObject> status = request(parser, "GET", u"submissions/"_s + id);
        if (!status)
            return 1;
        for (const QJsonValue &value : status->value("items"_L1).toArray())
            if (value.toObject().value("grade"_L1).toString().isEmpty())
                items.append(value.toObject().value("item"_L1).toString());
    }
    if (items.isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue review needs --item ITEM or --rest")
                        << '\n';
        return 2;
    }
    // A first version has hundreds of items: they go in requests the server's small-body limit takes;
    // the submission is decided only when the last item is graded, so the batches add up to one grading.
    std::optional<QJsonObject> answer;
    while (!items.isEmpty()) {
        QStringList batch;
        qsizetype bytes = 0;
        while (!items.isEmpty() && (batch.isEmpty() || bytes + items.constFirst().toUtf8().size() < 8000)) {
            bytes += items.constFirst().toUtf8().size() + 8;
            batch.append(items.takeFirst());
        }
        answer = request(parser, "POST", u"submissions/%1/reviews"_s.arg(id),
            compact(QJsonObject {{u"items"_s, QJsonArray::fromStringList(batch)},
                {u"grade"_s, parser.value(grade)}, {u"comment"_s, parser.value(comment)},
                {u"reviewer"_s, parser.value(reviewer)}}));
        if (!answer)
            return 1;
    }
    printStatus(parser, *answer);
    return 0;
}

int CatalogueReviewCommand::pendingWalks(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The changed situations this counter may walk (模拟受理); the key is "
        "the counter's workstation token."));
    if (const std::optional<int> stop = parse(parser, u"pending-walks"_s, arguments, 0))
        return *stop;
    const std::optional<QJsonObject> answer = request(parser, "GET", u"submissions/pending-walks"_s);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const QJsonValue &value : answer->value("walks"_L1).toArray()) {
        const QJsonObject w = value.toObject();
        m_console.out() << u"%1\t%2\t%3/%4\t%5\n"_s.arg(w.value("submission"_L1).toInteger())
                               .arg(w.value("item"_L1).toString())
                               .arg(w.value("counters"_L1).toInt())
                               .arg(w.value("countersNeeded"_L1).toInt())
                               .arg(w.value("title"_L1).toString());
    }
    return 0;
}

int CatalogueReviewCommand::acceptWalk(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Record that this counter walked a changed situation of a submission, with or without objection; the "
        "key is the counter's workstation token."));
    parser.addPositionalArgument(u"ID"_s, QCoreApplication::translate("ow::cli", "the submission"));
    const QCommandLineOption situation(u"situation"_s,
        QCoreApplication::translate("ow::cli", "The situation walked: MATTER/KEY as pending-walks lists it."),
        u"SITUATION"_s);
    const QCommandLineOption clerk(u"clerk"_s,
        QCoreApplication::translate("ow::cli", "The clerk who walked it (staff number)."), u"N"_s);
    const QCommandLineOption objection(u"objection"_s,
        QCoreApplication::translate(
            "ow::cli", "What is wrong; an objection returns the submission to its editor."),
        u"TEXT"_s);
    parser.addOptions({situation, clerk, objection});
    if (const std::optional<int> stop = parse(parser, u"accept-walk"_s, arguments, 1))
        return *stop;
    QJsonObject body {{u"situation"_s, parser.value(situation)}, {u"clerk"_s, parser.value(clerk)}};
    if (parser.isSet(objection))
        body.insert(u"objection"_s, parser.value(objection));
    const std::optional<QJsonObject> answer = request(parser, "POST",
        u"submissions/%1/walks"_s.arg(parser.positionalArguments().constFirst()), compact(body));
    if (!answer)
        return 1;
    printStatus(parser, *answer);
    return 0;
}

int CatalogueReviewCommand::signOff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The department's back office signs off a walked submission, or "
        "objects; the key is the department's."));
    parser.addPositionalArgument(u"ID"_s, QCoreApplication::translate("ow::cli", "the submission"));
    const QCommandLineOption signer(
        u"signer"_s, QCoreApplication::translate("ow::cli", "Who signs for the department."), u"NAME"_s);
    const QCommandLineOption objection(u"objection"_s,
        QCoreApplication::translate(
            "ow::cli", "What is wrong; an objection returns the submission to its editor."),
        u"TEXT"_s);
    parser.addOptions({signer, objection});
    if (const std::optional<int> stop = parse(parser, u"sign-off"_s, arguments, 1))
        return *stop;
    QJsonObject body {{u"signer"_s, parser.value(signer)}};
    if (parser.isSet(objection))
        body.insert(u"objection"_s, parser.value(objection));
    const std::optional<QJsonObject> answer = request(parser, "POST",
        u"submissions/%1/sign-off"_s.arg(parser.positionalArguments().constFirst()), compact(body));
    if (!answer)
        return 1;
    printStatus(parser, *answer);
    return 0;
}

int CatalogueReviewCommand::withdraw(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Its editor takes a submission back before it is published: it is withdrawn, "
        "nothing more is walked or signed for it, and the editor's locks on its matters are released."));
    parser.addPositionalArgument(u"ID"_s, QCoreApplication::translate("ow::cli", "the submission"));
    const QCommandLineOption editor(u"editor"_s,
        QCoreApplication::translate("ow::cli", "The editor who submitted it (with a publisher key)."),
        u"NAME"_s);
    parser.addOption(editor);
    if (const std::optional<int> stop = parse(parser, u"withdraw"_s, arguments, 1))
        return *stop;
    const std::optional<QJsonObject> answer
        = request(parser, "POST", u"submissions/%1/withdraw"_s.arg(parser.positionalArguments().constFirst()),
            compact({{u"editor"_s, parser.value(editor)}}));
    if (!answer)
        return 1;
    printStatus(parser, *answer);
    return 0;
}

int CatalogueReviewCommand::rollback(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Make an earlier published version current again: a new publication with "
        "its reason, the history kept."));
    parser.addPositionalArgument(
        u"VERSION"_s, QCoreApplication::translate("ow::cli", "the version to make current"));
    const QCommandLineOption reason(
        u"reason"_s, QCoreApplication::translate("ow::cli", "Why: 立, 改, 废 or 释."), u"REASON"_s);
    const QCommandLineOption note(
        u"note"_s, QCoreApplication::translate("ow::cli", "What happened."), u"TEXT"_s);
    const QCommandLineOption effective(u"effective"_s,
        QCoreApplication::translate("ow::cli", "The day counters switch back, YYYY-MM-DD (default: today)."),
        u"DATE"_s);
    parser.addOptions({reason, note, effective});
    if (const std::optional<int> stop = parse(parser, u"rollback"_s, arguments, 1))
        return *stop;
    QJsonObject body {{u"version"_s, parser.positionalArguments().constFirst()},
        {u"reason"_s, parser.value(reason)}, {u"note"_s, parser.value(note)}};
    if (parser.isSet(effective))
        body.insert(u"effective"_s, parser.value(effective));
    const std::optional<QJsonObject> answer = request(parser, "POST", u"publications"_s, compact(body));
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption()))
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
    else
        m_console.out() << QCoreApplication::translate("ow::cli", "Version %1 is current again from %2.")
                               .arg(answer->value("version"_L1).toString(),
                                   answer->value("effective"_L1).toString())
                        << '\n';
    return 0;
}

int CatalogueReviewCommand::lock(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Lock a matter while an editor edits it (it expires by itself), release it, "
        "or list the locks held."));
    parser.addPositionalArgument(u"MATTER"_s,
        QCoreApplication::translate("ow::cli", "the matter's code (none with --list)"), u"[MATTER]"_s);
    const QCommandLineOption editor(
        u"editor"_s, QCoreApplication::translate("ow::cli", "Who edits it."), u"NAME"_s);
    const QCommandLineOption minutes(u"minutes"_s,
        QCoreApplication::translate("ow::cli", "How long the lock lasts (default 120)."), u"N"_s);
    const QCommandLineOption release(
        u"release"_s, QCoreApplication::translate("ow::cli", "Release the editor's lock instead."));
    const QCommandLineOption list(u"list"_s, QCoreApplication::translate("ow::cli", "List the locks held."));
    parser.addOptions({editor, minutes, release, list});
    if (const std::optional<int> stop = parse(parser, u"lock"_s, arguments, -1))
        return *stop;
    if (parser.isSet(list)) {
        const std::optional<QJsonObject> answer = request(parser, "GET", u"locks"_s);
        if (!answer)
            return 1;
        for (const QJsonValue &value : answer->value("locks"_L1).toArray())
            m_console.out() << u"%1\t%2\t%3\n"_s.arg(value.toObject().value("matter"_L1).toString(),
                value.toObject().value("editor"_L1).toString(),
                value.toObject().value("expires"_L1).toString());
        return 0;
    }
    const QString matter = parser.positionalArguments().value(0);
    if (matter.isEmpty() || !parser.isSet(editor)) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue lock needs MATTER and --editor NAME, or --list")
                        << '\n';
        return 2;
    }
    QJsonObject body {{u"matter"_s, matter}, {u"editor"_s, parser.value(editor)}};
    if (parser.isSet(minutes))
        body.insert(u"minutes"_s, parser.value(minutes).toInt());
    const std::optional<QJsonObject> answer
        = request(parser, "POST", parser.isSet(release) ? u"locks/release"_s : u"locks"_s, compact(body));
    if (!answer)
        return 1;
    if (parser.isSet(release))
        m_console.out() << QCoreApplication::translate("ow::cli", "Released matter %1.").arg(matter) << '\n';
    else
        m_console.out() << QCoreApplication::translate("ow::cli", "Matter %1 is locked for %2 until %3.")
                               .arg(matter, parser.value(editor), answer->value("expires"_L1).toString())
                        << '\n';
    return 0;
}

int CatalogueReviewCommand::publications(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "Every publication: version, effective day, reason, who, rollbacks."));
    if (const std::optional<int> stop = parse(parser, u"publications"_s, arguments, 0))
        return *stop;
    const std::optional<QJsonObject> answer = request(parser, "GET", u"publications"_s);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const QJsonValue &value : answer->value("publications"_L1).toArray()) {
        const QJsonObject p = value.toObject();
        m_console.out() << u"%1\t%2\t%3\t%4%5\t%6\n"_s.arg(p.value("id"_L1).toInteger())
                               .arg(p.value("version"_L1).toString(), p.value("effective"_L1).toString(),
                                   p.value("reason"_L1).toString(),
                                   p.value("rollback"_L1).toBool()
                                       ? QCoreApplication::translate("ow::cli", " (rollback)")
                                       : QString(),
                                   p.value("note"_L1).toString());
    }
    return 0;
}

int CatalogueReviewCommand::faqProposals(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The questions the hall's counters recorded with the answers given, grouped per matter (spaces, "
        "punctuation, full or half width and a final 吗 or 呢 ignored; wordings sharing at least 60% of "
        "their character pairs taken as one), most asked first: each a proposal for the matter's FAQ, "
        "marked where the published catalogue has it already. The key is a supervisor key or a catalogue "
        "editor's session."));
    const QCommandLineOption since(u"since"_s,
        QCoreApplication::translate("ow::cli",
            "Questions recorded on or after this day (YYYY-MM-DD; default: "
            "the last 90 days)."),
        u"DATE"_s);
    const QCommandLineOption min(u"min"_s,
        QCoreApplication::translate("ow::cli", "Only questions asked at least this often (default: 3)."),
        u"N"_s);
    parser.addOptions({since, min});
    if (const std::optional<int> stop = parse(parser, u"faq-proposals"_s, arguments, 0))
        return *stop;
    QUrlQuery query;
    if (parser.isSet(since))
        query.addQueryItem(u"since"_s, parser.value(since));
    if (parser.isSet(min))
        query.addQueryItem(u"min"_s, parser.value(min));
    const std::optional<QJsonObject> answer = request(parser, "GET", u"faq-proposals"_s, {}, query);
    if (!answer)
        return 1;
    if (parser.isSet(jsonOption())) {
        m_console.out() << QJsonDocument(*answer).toJson(QJsonDocument::Indented);
        return 0;
    }
    const QJsonArray proposals = answer->value("proposals"_L1).toArray();
    m_console.out() << QCoreApplication::translate("ow::cli",
        "Hall %1, questions since %2 asked at least %3 times: %n proposal(s)", nullptr, int(proposals.size()))
                           .arg(answer->value("hall"_L1).toString(), answer->value("since"_L1).toString())
                           .arg(answer->value("min"_L1).toInt())
                    << '\n';
    for (const QJsonValue &value : proposals) {
        const QJsonObject p = value.toObject();
        const QJsonObject matter = p.value("matter"_L1).toObject();
        QString line = u"%1×  %2 %3: %4"_s.arg(p.value("count"_L1).toInt())
                           .arg(matter.value("code"_L1).toString(), matter.value("name"_L1).toString(),
                               p.value("question"_L1).toString());
        if (p.value("alreadyFaq"_L1).toBool())
            line += u"  "_s + QCoreApplication::translate("ow::cli", "[already a FAQ]");
        m_console.out() << line << '\n';
        QStringList variants;
        for (const QJsonValue &v : p.value("variants"_L1).toArray())
            variants.append(v.toString());
        if (!variants.isEmpty())
            m_console.out() << u"    "_s
                    + QCoreApplication::translate("ow::cli", "also asked: %1").arg(variants.join(u" / "_s))
                            << '\n';
        for (const QJsonValue &v : p.value("answers"_L1).toArray())
            m_console.out() << u"    "_s
                    + QCoreApplication::translate("ow::cli", "answered: %1").arg(v.toString())
                            << '\n';
    }
    return 0;
}

} // namespace ow::cli
