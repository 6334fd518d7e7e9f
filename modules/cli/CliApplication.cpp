#include "cli/CliApplication.h"

#include "cli/AccountCommand.h"
#include "cli/CalendarCommand.h"
#include "cli/CameraCommand.h"
#include "cli/CaseCommand.h"
#include "cli/CaseStatusCommand.h"
#include "cli/CatalogueCommand.h"
#include "cli/CatalogueReviewCommand.h"
#include "cli/DocumentCommand.h"
#include "cli/IdCardCommand.h"
#include "cli/ImportTableCommand.h"
#include "cli/PublishCommand.h"
#include "cli/QueueCommand.h"
#include "cli/ServerCommand.h"
#include "cli/SupervisionCommand.h"
#include "cli/SyncCommand.h"
#include "cli/TransferCommand.h"
#include "cli/ValidateCommand.h"

#include <QCoreApplication>

namespace ow::cli {

QString CliApplication::usage()
{
    return QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli [--lang zh_CN|en] COMMAND ...\n"
        "\n"
        "Commands:\n"
        "  catalogue lint DIR             check a catalogue; errors exit 1\n"
        "  catalogue paths DIR            every situation with its checklist\n"
        "  catalogue diff OLD NEW         what changed, situation by situation\n"
        "  catalogue walk DIR --matter CODE --answer Q=OPT ...\n"
        "                                 the questions and checklist for answers\n"
        "  catalogue search DIR QUERY     find matters by name, code or pinyin\n"
        "  catalogue import-table FILE --catalogue DIR --matter CODE [--dry-run]\n"
        "                                 a department's material table (CSV, .xlsx) into a matter\n"
        "  idcard decode FILE             decode a recorded ID card reader frame to JSON\n"
        "  idcard read --port PORT | --usb [--timeout S]\n"
        "                                 read one ID card and print it as JSON\n"
        "  validate id|uscc|phone VALUE   check an ID number, credit code or phone; invalid exits 1\n"
        "  calendar add-workdays DATE N   the date N working days after DATE\n"
        "  calendar is-workday DATE       whether DATE is a working day (holidays, swapped weekends)\n"
        "  calendar list YEAR             the holidays and swapped working days of a year\n"
        "  case list [--state S] [--json] the cases in the local database, applicant masked\n"
        "  case show NUMBER               one case with its materials and event log\n"
        "  case check-store               scan files no case or draft cites, cited scans missing; findings "
        "exit 1\n"
        "  audit verify                   check the audit log's hash chain; tampering exits 1\n"
        "                                 (case and audit take --data-dir DIR)\n"
        "  document sample --out DIR      every printed document for the demo case (PDF + receipt PNG)\n"
        "  document render --case NUMBER --kind K --out FILE\n"
        "                                 one document of a stored case (.pdf, or .png receipt)\n"
        "  document check-settings FILE   check a hall's settings file as the workstation loads it; invalid "
        "exits 1\n"
        "  camera list [--all]            the cameras Qt sees and the format each would run at\n"
        "  camera process IN OUT [--no-crop]\n"
        "                                 crop, level and size a document camera photo as the workstation "
        "does\n"
        "  catalogue publish DIR --server URL --key KEY\n"
        "                                 lint, then publish a catalogue to the central server\n"
        "  catalogue submit DIR --reason 立|改|废|释 [--effective DATE] --server URL --key KEY\n"
        "                                 submit a version for review (docs/catalogue-review.md); then\n"
        "                                 catalogue submission|withdraw|review|pending-walks|accept-walk|\n"
        "                                 sign-off, publish --submission ID, rollback VERSION, lock MATTER,\n"
        "                                 publications\n"
        "  catalogue faq-proposals [--since DATE] [--min N] --server URL --key KEY\n"
        "                                 questions the counters recorded often: proposals for FAQs\n"
        "  case status NUMBER KIND --server URL --key KEY [--reason T]... [--note T]\n"
        "                                 record a department's stage of a case on the server\n"
        "  sync enrol --server URL --code CODE\n"
        "                                 enrol this workstation with the central server\n"
        "  sync status                    events and scans waiting, rejected events, cursor\n"
        "  sync run [--once]              send the outbox and pull the hall's changes\n"
        "  sync retry-scan SHA256 | discard-scan SHA256\n"
        "                                 send a set-aside scan again, or give it up\n"
        "                                 (sync takes --data-dir DIR)\n"
        "  server enrol-code --hall H --counter C | department-key --department D | publisher-key --name N\n"
        "                                 issue a credential of the central server; the secret is printed "
        "once\n"
        "  account add STAFF_NUMBER --name NAME --roles R[,R] [--password-stdin]\n"
        "                                 add a clerk; a generated password is printed once\n"
        "  account list | disable N | enable N | reset-password N | roles N R[,R] | rename N NAME | unlock "
        "N\n"
        "                                 clerk accounts: a workstation's (--data-dir DIR), or a hall's on "
        "the\n"
        "                                 server (--server-data-dir DIR | --database DB, with --hall H)\n"
        "  account pull                   an enrolled workstation fetches its hall's accounts (--data-dir "
        "DIR)\n"
        "  server revoke ID | list-credentials\n"
        "                                 revoke one; list them without secrets (server takes --database "
        "DB)\n"
        "  server check                   read the whole server database for damage; damaged exits 1\n"
        "  server counters                each counter's clock against the server's; off by 2 minutes is "
        "flagged\n"
        "  server department-endpoint --department D --url URL [--disable] | deliveries [--dead] [--resend "
        "ID]\n"
        "                                 push cases to a department's system (signed); the pushes, dead "
        "letters\n"
        "  queue issue|call COUNTER|list|stats|appoint --server URL --key KEY\n"
        "                                 the hall's queue: issue a ticket, call next, list, figures, book\n"
        "  supervision warnings|clerks|matters|followup|notice|points|correct-points|department-log --server "
        "URL --key KEY\n"
        "                                 a hall's warnings, clerk and matter figures, bad-rating "
        "follow-ups, 督办单, clerks' points and grades\n"
        "  transfer slots|list|print|confirm|pending\n"
        "                                 transfer lists (移交清单): make and print, confirm by scan, "
        "unconfirmed\n"
        "\n"
        "Add --help after a command for its options; --json gives machine output.\n");
}

int CliApplication::run(const QStringList &arguments)
{
    Console console;
    return run(arguments, console);
}

int CliApplication::run(const QStringList &arguments, Console &console)
{
    QStringList args = arguments.mid(1);
    // --lang is handled by main() before translations are installed; drop it here.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--lang") && i + 1 < args.size()) {
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QStringLiteral("--lang="))) {
            args.remove(i);
            break;
        }
    }
    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")
        || args.first() == QStringLiteral("help")) {
        console.out() << usage();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QStringLiteral("--version")) {
        console.out() << QStringLiteral("onewindow-cli " OW_VERSION "\n");
        return 0;
    }
    const QString command = args.takeFirst();
    // The commands that talk to the central server live beside the local ones they extend.
    if (command == QStringLiteral("catalogue") && args.value(0) == QStringLiteral("publish"))
        return PublishCommand(console).run(args.mid(1));
    if (command == QStringLiteral("catalogue") && args.value(0) == QStringLiteral("import-table"))
        return ImportTableCommand(console).run(args.mid(1));
    if (command == QStringLiteral("catalogue") && CatalogueReviewCommand::handles(args.value(0)))
        return CatalogueReviewCommand(console).run(args);
    if (command == QStringLiteral("case") && args.value(0) == QStringLiteral("status"))
        return CaseStatusCommand(console).run(args.mid(1));
    if (command == QStringLiteral("catalogue"))
        return CatalogueCommand(console).run(args);
    if (command == QStringLiteral("validate"))
        return ValidateCommand(console).run(args);
    if (command == QStringLiteral("calendar"))
        return CalendarCommand(console).run(args);
    if (command == QStringLiteral("idcard"))
        return IdCardCommand(console).run(args);
    if (command == QStringLiteral("case"))
        return CaseCommand(console).run(args);
    if (command == QStringLiteral("audit"))
        return CaseCommand(console).runAudit(args);
    if (command == QStringLiteral("document"))
        return DocumentCommand(console).run(args);
    if (command == QStringLiteral("camera"))
        return CameraCommand(console).run(args);
    if (command == QStringLiteral("server"))
        return ServerCommand(console).run(args);
    if (command == QStringLiteral("sync"))
        return SyncCommand(console).run(args);
    if (command == QStringLiteral("account"))
        return AccountCommand(console).run(args);
    if (command == QStringLiteral("queue"))
        return QueueCommand(console).run(args);
    if (command == QStringLiteral("supervision"))
        return SupervisionCommand(console).run(args);
    if (command == QStringLiteral("transfer"))
        return TransferCommand(console).run(args);
    console.err()
        << QCoreApplication::translate("ow::cli", "unknown command '%1'").arg(Console::quote(command)) << '\n'
        << usage();
    return 2;
}

} // namespace ow::cli
