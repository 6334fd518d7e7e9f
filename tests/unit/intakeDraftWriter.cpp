// Helper for tst_intakeKill: a clerk's intake on a real store — the hotel licence answered, the
// applicant typed, a page scanned — kept by the DraftKeeper on the system clock. It prints
// "kept N" each time the draft is written and then waits to be killed.

#include "IntakeDraftSupport.h"
#include "intake/DraftKeeper.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace ow;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: intakeDraftWriter DATA_DIR\n");
        return 2;
    }
    auto store = cases::CaseStore::open(args.at(1), cases::testing::workstation(3));
    catalogue::CataloguePtr catalogue = intake::testing::demoCatalogue();
    if (!store || !catalogue) {
        std::fprintf(stderr, "no store or no catalogue\n");
        return 1;
    }
    intake::IntakeSession session(intake::testing::environment(store->get()), catalogue);
    intake::DraftKeeper keeper;
    keeper.setSession(&session);
    QTextStream out(stdout);
    QObject::connect(
        &keeper, &intake::DraftKeeper::kept, &app, [&out](qint64 id) { out << "kept " << id << Qt::endl; });
    QObject::connect(&keeper, &intake::DraftKeeper::failed, &app,
        [](const QString &message) { std::fprintf(stderr, "%s\n", qPrintable(message)); });
    // As the pages do: each intent, then a change for the keeper.
    intake::testing::answerHotel(session);
    keeper.changed();
    session.setApplicant(cases::testing::person());
    keeper.changed();
    (void)session.checkList().setStatus(0, cases::MaterialCheck::Status::Received);
    keeper.changed();
    return app.exec();
}
