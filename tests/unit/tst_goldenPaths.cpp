#include "catalogue/CatalogueLoader.h"
#include "catalogue/PathsReport.h"
#include "core/TextFile.h"

#include <QTest>

using namespace ow::catalogue;

/// The demo catalogue's every situation and checklist, compared with the reviewed golden output.
/// After a deliberate catalogue change, regenerate with OW_UPDATE_GOLDEN=1 and review the diff.
class TestGoldenPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoCatalogueMatchesGolden()
    {
        auto catalogue = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY2(catalogue.has_value(), catalogue ? "" : qPrintable(catalogue.error().toString()));
        const SituationEngine engine(*catalogue);
        const QString actual = PathsReport(engine).text();
        const QString goldenPath = QStringLiteral(OW_TEST_DATA_DIR "/golden/demo-paths.txt");

        if (qEnvironmentVariableIntValue("OW_UPDATE_GOLDEN") == 1) {
            QVERIFY(ow::TextFile::writeAtomically(goldenPath, actual.toUtf8()).has_value());
            QSKIP("golden file rewritten; review it with git diff");
        }
        auto golden = ow::TextFile::readUtf8(goldenPath);
        QVERIFY2(golden.has_value(), "golden file missing: run with OW_UPDATE_GOLDEN=1 once");
        if (*golden != actual) {
            const QStringList want = golden->split(QLatin1Char('\n'));
            const QStringList got = actual.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i) {
                const QString w = want.value(i), g = got.value(i);
                if (w != g)
                    QFAIL(qPrintable(QStringLiteral("line %1 differs:\n  golden: %2\n  actual: %3").arg(i + 1).arg(w, g)));
            }
        }
    }

    void pathsAreStableAcrossEngines()
    {
        auto catalogue = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY(catalogue.has_value());
        const SituationEngine a(*catalogue);
        const SituationEngine b(*catalogue);
        QCOMPARE(PathsReport(a).text(), PathsReport(b).text());
    }
};

QTEST_GUILESS_MAIN(TestGoldenPaths)
#include "tst_goldenPaths.moc"
