// Helper for tst_crashSave: saves cases in an endless loop until it is killed. Each case is
// opened (with an attachment), accepted, transferred and taken into review — four transactions —
// and "saved N" is printed after each case so the test knows work is under way.

#include "CaseTestSupport.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

using namespace ow::cases;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: caseCrashSaver DATA_DIR\n");
        return 2;
    }
    auto opened = CaseStore::open(args.at(1), testing::workstation(3));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    CaseStore &store = **opened;
    QTextStream out(stdout);
    for (qint64 n = 1;; ++n) {
        Case draft = testing::draft();
        draft.materialChecks[1].failedPoints.clear();
        const QByteArray scan = QByteArray("scan ") + QByteArray::number(n) + QByteArray(4096, 's');
        const auto sha = store.attachments().put(scan);
        if (!sha) {
            std::fprintf(stderr, "%s\n", qPrintable(sha.error().toString()));
            return 1;
        }
        draft.attachments = {CaseAttachment {*sha, QStringLiteral("id-card"), QStringLiteral("id.jpg"),
            QStringLiteral("image/jpeg"), scan.size(), QDateTime::currentDateTimeUtc()}};
        const auto created = store.createDraft(draft, QStringLiteral("clerk-042"));
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().toString()));
            return 1;
        }
        for (const auto &step :
            {testing::caseEvent(EventKind::Accepted), testing::caseEvent(EventKind::Transferred),
                testing::caseEvent(EventKind::InReview, QStringLiteral("dept-7"))}) {
            const auto done = step.kind == EventKind::Accepted ? store.save(*created, step)
                                                               : store.appendEvent(created->number, step);
            if (!done) {
                std::fprintf(stderr, "%s\n", qPrintable(done.error().toString()));
                return 1;
            }
        }
        out << "saved " << n << Qt::endl;
    }
}
