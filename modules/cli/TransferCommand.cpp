#include "cli/TransferCommand.h"

#include "cases/TransferDesk.h"
#include "cli/SubcommandParser.h"
#include "documents/DocumentRenderer.h"
#include "documents/HallSettings.h"
#include "documents/TransferDocuments.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

const QCommandLineOption &dataDirOption()
{
    static const QCommandLineOption option(u"data-dir"_s,
        QCoreApplication::translate("ow::cli", "The workstation's data folder (default: %1).")
            .arg(QDir::toNativeSeparators(CaseStore::defaultDataDirectory())),
        u"DIR"_s);
    return option;
}

const QCommandLineOption &hallOption()
{
    static const QCommandLineOption option(u"hall"_s,
        QCoreApplication::translate("ow::cli", "The hall's code (8 digits), for a list made here."),
        u"CODE"_s);
    return option;
}

const QCommandLineOption &counterOption()
{
    static const QCommandLineOption option(u"counter"_s,
        QCoreApplication::translate("ow::cli", "The counter's number (0–99), for a list made here."), u"N"_s);
    return option;
}

const QCommandLineOption &clerkOption()
{
    static const QCommandLineOption option(u"clerk"_s,
        QCoreApplication::translate(
            "ow::cli", "The staff number of the clerk who makes or receives the list."),
        u"STAFF_NUMBER"_s);
    return option;
}

QJsonObject toJson(const TransferList &list)
{
    QJsonArray items;
    for (const TransferItem &item : list.items) {
        QJsonArray materials;
        for (const TransferMaterial &m : item.materials)
            materials.append(m.toJson());
        items.append(QJsonObject {{u"case"_s, item.caseNumber}, {u"matter"_s, item.matterName},
            {u"applicant"_s, item.applicantMasked}, {u"pages"_s, item.pageCount()},
            {u"materials"_s, materials}});
    }
    QJsonObject object {{u"id"_s, list.id}, {u"department"_s, list.departmentId},
        {u"departmentName"_s, list.departmentName}, {u"day"_s, list.day.toString(Qt::ISODate)},
        {u"slot"_s, list.slot.toString(u"HH:mm"_s)}, {u"clerk"_s, list.clerk},
        {u"folders"_s, list.items.size()}, {u"pages"_s, list.pageCount()}, {u"items"_s, items},
        {u"confirmed"_s, list.isConfirmed()}};
    if (list.confirmation)
        object.insert(u"confirmation"_s,
            QJsonObject {{u"time"_s, list.confirmation->time.toString(Qt::ISODateWithMs)},
                {u"receiver"_s, list.confirmation->receiver},
                {u"received"_s, QJsonArray::fromStringList(list.confirmation->received)},
                {u"missing"_s, QJsonArray::fromStringList(list.confirmation->missing)},
                {u"extra"_s, QJsonArray::fromStringList(list.confirmation->extra)}});
    return object;
}

} // namespace

int TransferCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli transfer slots|list|print|confirm|pending [--data-dir DIR] ... (--help for "
        "each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown transfer command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == "slots"_L1)
                return slots(rest);
            if (sub == "list"_L1)
                return list(rest);
            if (sub == "print"_L1)
                return print(rest);
            if (sub == "confirm"_L1)
                return confirm(rest);
            if (sub == "pending"_L1)
                return pending(rest);
            return std::nullopt;
        });
}

std::unique_ptr<CaseStore> TransferCommand::open(const QCommandLineParser &parser, bool making)
{
    Workstation workstation;
    if (making)
        workstation.hall = parser.value(hallOption());
    if (making && parser.isSet(counterOption())) {
        bool ok = false;
        workstation.counterNumber = parser.value(counterOption()).toInt(&ok);
        if (!ok || workstation.counterNumber < 0 || workstation.counterNumber > 99) {
            m_console.err() << QCoreApplication::translate(
                "ow::cli", "--counter takes a number from 0 to 99, not %1")
                                   .arg(Console::quote(parser.value(counterOption())))
                            << '\n';
            return nullptr;
        }
        workstation.counter = u"W%1"_s.arg(workstation.counterNumber, 2, 10, QLatin1Char('0'));
    }
    const QString directory
        = parser.isSet(dataDirOption()) ? parser.value(dataDirOption()) : CaseStore::defaultDataDirectory();
    Result<std::unique_ptr<CaseStore>> store
        = CaseStore::open(directory, workstation, CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return nullptr;
    }
    return std::move(*store);
}

int TransferCommand::slots(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The hall's handover slots (交接时段): the times the counter's paper goes to the departments, "
        "and the end of the day after which an unconfirmed list is reported."));
    const QCommandLineOption settings(
        u"settings"_s, QCoreApplication::translate("ow::cli", "The hall's settings file."), u"FILE"_s);
    parser.addOptions({settings, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli transfer slots"_s, arguments, 0))
        return *stop;
    Result<documents::HallSettings> hall = parser.isSet(settings)
        ? documents::HallSettings::load(parser.value(settings))
        : documents::HallSettings::builtIn();
    if (!hall) {
        m_console.err() << hall.error().toString() << '\n';
        return 1;
    }
    const TransferSlots slots = hall->transferSlots();
    if (parser.isSet(jsonOption())) {
        QJsonArray times;
        for (const QTime &t : slots.defaults())
            times.append(t.toString(u"HH:mm"_s));
        m_console.printJson(QJsonDocument(
            QJsonObject {{u"slots"_s, times}, {u"dayEnd"_s, slots.dayEnd().toString(u"HH:mm"_s)}}));
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Handover slots: %1\nDay ends: %2\n")
                           .arg(TransferSlots::format(slots.defaults()), slots.dayEnd().toString(u"HH:mm"_s));
    return 0;
}

int TransferCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::cli", "The transfer lists made on a day (default: today), with their folders."));
    const QCommandLineOption date(
        u"date"_s, QCoreApplication::translate("ow::cli", "The day, YYYY-MM-DD."), u"DATE"_s);
    parser.addOptions({dataDirOption(), date, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli transfer list"_s, arguments, 0))
        return *stop;
    const Clock clock = Clock::system();
    const QDate day
        = parser.isSet(date) ? QDate::fromString(parser.value(date), Qt::ISODate) : clock.nowLocal().date();
    if (!day.isValid()) {
        m_console.err() << QCoreApplication::translate("ow::cli", "--date takes YYYY-MM-DD, not %1")
                               .arg(Console::quote(parser.value(date)))
                        << '\n';
        return 2;
    }
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 1;
    const TransferDesk desk(*store, {}, clock);
    Result<QList<TransferList>> lists = desk.listsOn(day);
    if (!lists) {
        m_console.err() << lists.error().toString() << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        QJsonArray array;
        for (const TransferList &l : *lists)
            array.append(toJson(l));
        m_console.printJson(QJsonDocument(array));
        return 0;
    }
    if (lists->isEmpty())
        m_console.out() << QCoreApplication::translate("ow::cli", "No transfer list on %1.\n")
                               .arg(day.toString(Qt::ISODate));
    for (const TransferList &l : *lists)
        m_console.out() << QCoreApplication::translate("ow::cli", "%1  %2  %3 folders, %4 pages  %5\n")
                               .arg(l.id, l.departmentName)
                               .arg(l.items.size())
                               .arg(l.pageCount())
                               .arg(l.isConfirmed()
                                       ? QCoreApplication::translate("ow::cli", "confirmed")
                                       : QCoreApplication::translate("ow::cli", "not confirmed"));
    return 0;
}

int TransferCommand::print(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Put a department's waiting paper on the list of the current handover slot (or take an existing "
        "list by its id) and write the list and its folder labels as PDF into --out."));
    parser.addPositionalArgument(u"DEPARTMENT|LIST"_s,
        QCoreApplication::translate("ow::cli", "A department's id, or a transfer list's id or QR text."));
    const QCommandLineOption out(
        u"out"_s, QCoreApplication::translate("ow::cli", "The folder to write into."), u"DIR"_s);
    const QCommandLineOption settings(
        u"settings"_s, QCoreApplication::translate("ow::cli", "The hall's settings file."), u"FILE"_s);
    parser.addOptions({dataDirOption(), hallOption(), counterOption(), clerkOption(), out, settings});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli transfer print"_s, arguments, 1))
        return *stop;
    if (!parser.isSet(out)) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "transfer print needs --out DIR; see --help")
                        << '\n';
        return 2;
    }
    Result<documents::HallSettings> hall = parser.isSet(settings)
        ? documents::HallSettings::load(parser.value(settings))
        : documents::HallSettings::builtIn();
    if (!hall) {
        m_console.err() << hall.error().toString() << '\n';
        return 1;
    }
    const std::unique_ptr<CaseStore> store = open(parser, true);
    if (!store)
        return 1;
    const Clock clock = Clock::system();
    TransferDesk desk(*store, parser.value(clerkOption()), clock, hall->transferSlots());
    const QString what = parser.positionalArguments().constFirst();
    Result<TransferList> made = TransferList::idFromScan(what) ? desk.find(what) : desk.make(what);
    if (!made) {
        m_console.err() << made.error().toString() << '\n';
        return 1;
    }
    QHash<QString, QString> tokens;
    for (const TransferItem &item : made->items)
        if (Result<Case> c = store->findByNumber(item.caseNumber))
            tokens.insert(item.caseNumber, c->qrToken);
    const documents::DocumentContext context(
        *hall, clock.nowLocal(), parser.value(clerkOption()), made->counter);
    for (const Result<documents::Document> &document : {documents::TransferDocuments::list(*made, context),
             documents::TransferDocuments::folderLabels(*made, tokens, context)}) {
        if (!document) {
            m_console.err() << document.error().toString() << '\n';
            return 1;
        }
        Result<QString> path = documents::DocumentRenderer::writePdfInto(*document, parser.value(out));
        if (!path) {
            m_console.err() << path.error().toString() << '\n';
            return 1;
        }
        m_console.out() << QDir::toNativeSeparators(*path) << '\n';
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "Transfer list %1: %2 folders for %3.\n")
                           .arg(made->id)
                           .arg(made->items.size())
                           .arg(made->departmentName);
    return 0;
}

int TransferCommand::confirm(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The receiver confirms a transfer list with the folders handed over (each folder label's scan): "
        "the folders on it become transferred, a missing or extra folder is flagged (exit 1)."));
    parser.addPositionalArgument(u"LIST"_s,
        QCoreApplication::translate("ow::cli", "The transfer list's id or the text of its QR code."));
    const QCommandLineOption scan(u"scan"_s,
        QCoreApplication::translate(
            "ow::cli", "What the scanner read from a folder label (repeat per folder)."),
        u"TEXT"_s);
    parser.addOptions({dataDirOption(), clerkOption(), scan, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli transfer confirm"_s, arguments, 1))
        return *stop;
    if (parser.value(clerkOption()).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "transfer confirm needs --clerk STAFF_NUMBER; see --help")
                        << '\n';
        return 2;
    }
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 1;
    TransferDesk desk(*store, parser.value(clerkOption()), Clock::system());
    Result<TransferConfirmation> done
        = desk.confirm(parser.positionalArguments().constFirst(), parser.values(scan));
    if (!done) {
        m_console.err() << done.error().toString() << '\n';
        return 1;
    }
    const bool flagged = !done->missing.isEmpty() || !done->extra.isEmpty();
    if (parser.isSet(jsonOption())) {
        m_console.printJson(
            QJsonDocument(QJsonObject {{u"received"_s, QJsonArray::fromStringList(done->received)},
                {u"missing"_s, QJsonArray::fromStringList(done->missing)},
                {u"extra"_s, QJsonArray::fromStringList(done->extra)}}));
        return flagged ? 1 : 0;
    }
    m_console.out()
        << QCoreApplication::translate("ow::cli", "Received: %1 folders\n").arg(done->received.size());
    for (const QString &number : done->missing)
        m_console.out() << QCoreApplication::translate("ow::cli", "Missing: %1\n").arg(number);
    for (const QString &number : done->extra)
        m_console.out() << QCoreApplication::translate("ow::cli", "Extra: %1\n").arg(number);
    return flagged ? 1 : 0;
}

int TransferCommand::pending(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The transfer lists not confirmed although their day is over (for the supervisor); any exits 1."));
    const QCommandLineOption days(u"days"_s,
        QCoreApplication::translate("ow::cli", "How many days back to look (default 14)."), u"N"_s, u"14"_s);
    parser.addOptions({dataDirOption(), days, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli transfer pending"_s, arguments, 0))
        return *stop;
    bool ok = false;
    const int back = parser.value(days).toInt(&ok);
    if (!ok || back < 1 || back > 366) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "--days takes a number from 1 to 366, not %1")
                               .arg(Console::quote(parser.value(days)))
                        << '\n';
        return 2;
    }
    const std::unique_ptr<CaseStore> store = open(parser);
    if (!store)
        return 1;
    const TransferDesk desk(*store, {}, Clock::system());
    Result<QList<TransferList>> lists = desk.overdue(back);
    if (!lists) {
        m_console.err() << lists.error().toString() << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        QJsonArray array;
        for (const TransferList &l : *lists)
            array.append(toJson(l));
        m_console.printJson(QJsonDocument(array));
        return lists->isEmpty() ? 0 : 1;
    }
    if (lists->isEmpty())
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "No transfer list is waiting for confirmation.\n");
    for (const TransferList &l : *lists)
        m_console.out() << QCoreApplication::translate("ow::cli", "%1  %2  %3 folders, made by %4\n")
                               .arg(l.id, l.departmentName)
                               .arg(l.items.size())
                               .arg(l.clerk);
    return lists->isEmpty() ? 0 : 1;
}

} // namespace ow::cli
