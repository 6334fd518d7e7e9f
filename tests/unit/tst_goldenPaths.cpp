#include "catalogue/CatalogueLoader.h"
#include "catalogue/PathsReport.h"
#include "core/TextFile.h"

#include <QFile>
#include <QTest>

using namespace ow::catalogue;

namespace {

/// Where two texts first part, as a message a reviewer can act on: the line number, both lines,
/// or what differs when every line is equal (line endings, a byte-order mark, the final newline).
QString firstDifference(const QByteArray &golden, const QByteArray &actual)
{
    const QList<QByteArray> want = golden.split('\n');
    const QList<QByteArray> got = actual.split('\n');
    for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i) {
        if (i >= want.size())
            return QStringLiteral("line %1 is not in the golden file:\n  actual: %2")
                .arg(i + 1)
                .arg(QString::fromUtf8(got.at(i)));
        if (i >= got.size())
            return QStringLiteral("line %1 is missing from the output:\n  golden: %2")
                .arg(i + 1)
                .arg(QString::fromUtf8(want.at(i)));
        if (want.at(i) != got.at(i))
            return QStringLiteral("line %1 differs:\n  golden: %2\n  actual: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(want.at(i)), QString::fromUtf8(got.at(i)));
    }
    return QStringLiteral("the texts differ in bytes that split into equal lines");
}

} // namespace

/// The demo catalogue's every situation and checklist, compared byte for byte with the reviewed
/// golden file tests/data/golden/demo-paths.txt, which is what `onewindow-cli catalogue paths` prints.
/// After a deliberate catalogue change, regenerate the file and review the diff before committing:
///     OW_UPDATE_GOLDEN=1 ctest -R tst_goldenPaths
/// or, the same bytes:
///     onewindow-cli --lang en catalogue paths resources/catalogue/demo > tests/data/golden/demo-paths.txt
class TestGoldenPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoCatalogueMatchesGolden()
    {
        auto catalogue
            = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        QVERIFY2(catalogue.has_value(), catalogue ? "" : qPrintable(catalogue.error().toString()));
        const SituationEngine engine(*catalogue);
        const QByteArray actual = PathsReport(engine).text().toUtf8();
        const QString goldenPath = QStringLiteral(OW_TEST_DATA_DIR "/golden/demo-paths.txt");

        if (qEnvironmentVariableIntValue("OW_UPDATE_GOLDEN") == 1) {
            const ow::Result<void> written = ow::TextFile::writeAtomically(goldenPath, actual);
            QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error().toString()));
            QSKIP("golden file rewritten; review it with git diff");
        }
        QFile file(goldenPath);
        QVERIFY2(file.open(QIODevice::ReadOnly),
            qPrintable(goldenPath + QStringLiteral(": ") + file.errorString()));
        const QByteArray golden = file.readAll();
        if (golden != actual)
            QFAIL(qPrintable(firstDifference(golden, actual)));
    }
};

QTEST_GUILESS_MAIN(TestGoldenPaths)
#include "tst_goldenPaths.moc"
