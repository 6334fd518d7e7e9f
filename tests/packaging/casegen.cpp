// Fills a workstation's case store with N draft cases through CaseStore, as intakes would: each
// with its number, event and outbox row, so `onewindow-cli sync run` sends them to the server. The
// package test uses it to upgrade over a store with 1,000 cases (tests/packaging/install-upgrade.sh).
//
//   ow_casegen DATA_DIR COUNT HALL COUNTER COUNTER_NUMBER
#include "cases/CaseStore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace ow::cases;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream err(stderr);
    bool countOk = false;
    bool numberOk = false;
    const int count = arguments.value(2).toInt(&countOk);
    const int counterNumber = arguments.value(5).toInt(&numberOk);
    if (arguments.size() != 6 || !countOk || !numberOk) {
        err << "usage: ow_casegen DATA_DIR COUNT HALL COUNTER COUNTER_NUMBER\n";
        return 2;
    }
    ow::Result<std::unique_ptr<CaseStore>> store
        = CaseStore::open(arguments.at(1), Workstation {arguments.at(3), arguments.at(4), counterNumber});
    if (!store) {
        err << store.error().toString() << '\n';
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        Case draft;
        draft.matterCode = QStringLiteral("330302-WJ-001");
        draft.matterName = QStringLiteral("公共场所卫生许可（新发证）");
        draft.departmentId = QStringLiteral("wj");
        draft.departmentName = QStringLiteral("区卫生健康局");
        draft.promisedDays = 7;
        draft.catalogueId = QStringLiteral("demo");
        draft.catalogueVersion = QStringLiteral("packaging-test");
        draft.applicant.name = QStringLiteral("测试申请人%1").arg(i + 1);
        ow::Result<Case> created = (*store)->createDraft(draft, QStringLiteral("clerk-042"));
        if (!created) {
            err << created.error().toString() << '\n';
            return 1;
        }
    }
    QTextStream(stdout) << count << '\n';
    return 0;
}
