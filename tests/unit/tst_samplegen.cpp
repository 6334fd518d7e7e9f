// Tests of the sample-image generator: the spec format, mark geometry, the catalogue's mark lines,
// rendering (blur, watermark, palette) and that the demo catalogue agrees with the committed specs.

#include "CatalogueMarks.h"
#include "SampleLayout.h"
#include "SampleRenderer.h"
#include "SampleSpec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow::samplegen;

namespace {

const QString demoCatalogue = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
const QString demoSpecs = QStringLiteral(OW_SOURCE_DIR "/tools/samplegen/specs");

SampleSpec parsed(const QString &text)
{
    const ow::Result<SampleSpec> spec = SampleSpecParser::parse(text, u"test.txt"_s);
    if (!spec) {
        qWarning("%s", qPrintable(spec.error().toString()));
        return {};
    }
    return *spec;
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QString cardSpec = uR"(# a card
sample samples/card.png
  size 400 300
  materials: card, card-copy
  paper #ffffff
  text 10 10 200 40 size=20 mark=name blur : 林晓燕
  text 10 60 200 40 size=20 mark=name : 第二行
  photo 300 200 100 100 mark=photo
  table 20 120 cols=100/150/100 size=16
    row 30 : 名称 | {span=2 mark=title}温州某某有限公司
    row 40 : {mark=code}A | B | {mark=code}C
)"_s;

} // namespace

class TestSamplegen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesHeaderElementsAndRows()
    {
        const SampleSpec spec = parsed(cardSpec);
        QCOMPARE(spec.image, u"samples/card.png"_s);
        QCOMPARE(spec.size, QSize(400, 300));
        QCOMPARE(spec.materials, QStringList({u"card"_s, u"card-copy"_s}));
        QCOMPARE(spec.paper, QColor(0xff, 0xff, 0xff));
        QCOMPARE(spec.watermark, u"样本"_s);
        QCOMPARE(spec.elements.size(), 4);
        const SpecElement &text = spec.elements.first();
        QCOMPARE(text.kind, u"text"_s);
        QCOMPARE(text.rect(), QRectF(10, 10, 200, 40));
        QCOMPARE(text.option(u"mark"_s), u"name"_s);
        QVERIFY(text.hasFlag(u"blur"_s));
        QCOMPARE(text.text, u"林晓燕"_s);
        QCOMPARE(spec.elements.last().children.size(), 2);
        QCOMPARE(spec.elements.last().where.line, 9);
    }

    void rejectsBrokenSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("tab") << u"sample a.png\n  size 10 10\n\tmaterials: x\n"_s << 3;
        QTest::newRow("odd indent") << u"sample a.png\n   size 100 100\n"_s << 2;
        QTest::newRow("no size") << u"sample a.png\n  materials: x\n"_s << 1;
        QTest::newRow("no materials") << u"sample a.png\n  size 100 100\n"_s << 1;
        QTest::newRow("no header") << u"text 1 2 3 4 : x\n"_s << 1;
        QTest::newRow("two samples") << u"sample a.png\n  size 100 100\nsample b.png\n"_s << 3;
        QTest::newRow("empty watermark")
            << u"sample a.png\n  size 100 100\n  materials: x\n  watermark:\n"_s << 4;
    }

    void rejectsBrokenSpecs()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        const ow::Result<SampleSpec> spec = SampleSpecParser::parse(text, u"bad.txt"_s);
        QVERIFY(!spec);
        QCOMPARE(spec.error().where().file, u"bad.txt"_s);
        QCOMPARE(spec.error().where().line, line);
    }

    void marksUnitePadAndClip()
    {
        const SampleSpec spec = parsed(cardSpec);
        const QList<MarkRegion> marks = SampleLayout::marks(spec);
        QCOMPARE(marks.size(), 4);
        // Two elements tagged "name" become one mark around both, 4 px wider on every side.
        QCOMPARE(marks.at(0).pointId, u"name"_s);
        QCOMPARE(marks.at(0).rect, QRect(6, 6, 208, 98));
        // The photo touches the image's bottom right corner: its mark is clipped to the image.
        QCOMPARE(marks.at(1).pointId, u"photo"_s);
        QCOMPARE(marks.at(1).rect, QRect(296, 196, 104, 104));
        // A spanning cell covers both of its columns.
        QCOMPARE(marks.at(2).pointId, u"title"_s);
        QCOMPARE(marks.at(2).rect, QRect(116, 116, 258, 38));
        // Cells of one row tagged alike unite across the cell between them.
        QCOMPARE(marks.at(3).pointId, u"code"_s);
        QCOMPARE(marks.at(3).rect, QRect(16, 146, 358, 48));
        QCOMPARE(SampleLayout::markLine(marks.at(3)), u"mark code: 16, 146, 358, 48"_s);
    }

    void placementAcceptsMarksOnTheirFields()
    {
        // The card's marks: two stacked lines, a photo of its own, a spanning cell, two cells of a row.
        QCOMPARE(SampleLayout::placementProblems(parsed(cardSpec)), QStringList());
    }

    void placementRejectsMisplacedMarks_data()
    {
        QTest::addColumn<QString>("elements");
        QTest::addColumn<QString>("expected");
        // A number at the head and the seal at the foot: one mark framing what lies between.
        QTest::newRow("number and seal") << u"  text 20 10 200 20 mark=number : 第 0215638 号\n"
                                            u"  seal 230 100 50 mark=number : 登记机构\n"_s
                                         << u"unites fields far apart"_s;
        // A plate on the main page and again on the second page: a column over everything between.
        QTest::newRow("plate on two pages") << u"  text 20 10 100 20 mark=plate : 浙C·5M382\n"
                                               u"  text 20 250 100 20 mark=plate : 浙C·5M382\n"_s
                                            << u"unites fields far apart"_s;
        QTest::newRow("frame") << u"  rect 5 5 390 290 mark=number\n"_s << u"frames the page"_s;
        // A table column that runs on under the portrait.
        QTest::newRow("under photo") << u"  photo 300 20 90 120 mark=photo\n"
                                        u"  table 20 30 cols=100/300 noborder\n"
                                        u"    row 30 : 姓名 | {mark=name}林晓燕\n"_s
                                     << u"runs under the photo"_s;
    }

    void placementRejectsMisplacedMarks()
    {
        QFETCH(QString, elements);
        QFETCH(QString, expected);
        const SampleSpec spec
            = parsed(u"sample samples/card.png\n  size 400 300\n  materials: card\n"_s + elements);
        const QStringList problems = SampleLayout::placementProblems(spec);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(expected), qPrintable(problems.first()));
    }

    void tableCellsFollowColumnsAndSpans()
    {
        const SampleSpec spec = parsed(cardSpec);
        const QList<TableCell> cells = SampleLayout::tableCells(spec.elements.last());
        QCOMPARE(cells.size(), 5);
        QCOMPARE(cells.at(0).rect, QRectF(20, 120, 100, 30));
        QCOMPARE(cells.at(1).rect, QRectF(120, 120, 250, 30));
        QCOMPARE(cells.at(1).text, u"温州某某有限公司"_s);
        QCOMPARE(cells.at(4).rect, QRectF(270, 150, 100, 40));
    }

    void comparesAndUpdatesCatalogueMarks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString materials = dir.filePath(u"materials/cards.txt"_s);
        const QString before = uR"(# cards
material card: 卡片
  category: certificate
  form-point name: 姓名一致
  content-point photo: 照片为本人
  sample: samples/old.png
    mark name: 1, 2, 3, 4

material card-copy: 卡片复印件
  category: certificate
  form-point name: 姓名一致
  form-point photo: 照片为本人
  form-point title: 名称
  form-point code: 代码
  common-error: 缺页
)"_s;
        QVERIFY(writeFile(materials, before));

        const SampleSpec spec = parsed(cardSpec);
        const QList<MarkRegion> marks = SampleLayout::marks(spec);
        CatalogueMarks catalogue(dir.path());
        QVERIFY(catalogue.load().has_value());
        const QStringList problems = catalogue.compare(spec, marks);
        // card: wrong image, wrong marks, two points it lacks; card-copy: no sample line.
        QCOMPARE(problems.size(), 5);
        QVERIFY(problems.join(u'\n').contains(u"\"title\""_s));
        QCOMPARE(catalogue.unmarkedPoints(spec, marks), QStringList());

        QVERIFY(catalogue.update(spec, marks).has_value());
        const ow::Result<QStringList> written = catalogue.save();
        QVERIFY(written.has_value());
        QCOMPARE(written->size(), 1);
        const QString after = readFile(materials);
        QVERIFY(
            after.contains(u"  sample: samples/card.png\n    mark name: 6, 6, 208, 98\n    mark photo:"_s));
        QVERIFY(!after.contains(u"mark name: 1, 2, 3, 4"_s));
        QVERIFY(after.contains(u"  common-error: 缺页\n  sample: samples/card.png\n    mark name:"_s));
        QVERIFY(after.startsWith(u"# cards\nmaterial card: 卡片\n"_s));

        CatalogueMarks reloaded(dir.path());
        QVERIFY(reloaded.load().has_value());
        // Only the two points card lacks remain a disagreement.
        QCOMPARE(reloaded.compare(spec, marks).size(), 2);
    }

    void rendersBlurredWatermarkedPalettedImage()
    {
        const QString plain = u"sample s.png\n  size 300 120\n  materials: x\n  paper #ffffff\n"
                              u"  text 10 10 280 60 size=40 : 330302199005120025\n"_s;
        QString blurred = plain;
        blurred.replace(u"size=40 :"_s, u"size=40 blur :"_s);
        const ow::Result<QImage> sharp = SampleRenderer::render(parsed(plain));
        const ow::Result<QImage> hidden = SampleRenderer::render(parsed(blurred));
        QVERIFY(sharp.has_value());
        QVERIFY(hidden.has_value());
        QCOMPARE(sharp->size(), QSize(300, 120));
        QCOMPARE(sharp->format(), QImage::Format_Indexed8);
        QVERIFY(sharp->colorCount() <= 256);

        // The blurred digits have no near-black pixel left; the sharp ones do.
        auto darkest = [](const QImage &image, const QRect &area) {
            int least = 255;
            for (int y = area.top(); y <= area.bottom(); ++y) {
                for (int x = area.left(); x <= area.right(); ++x) {
                    least = qMin(least, qGray(image.pixel(x, y)));
                }
            }
            return least;
        };
        const QRect digits(10, 10, 280, 60);
        QVERIFY(darkest(*sharp, digits) < 80);
        QVERIFY(darkest(*hidden, digits) > 80);
        // The watermark tints the white paper somewhere.
        bool tinted = false;
        for (int y = 0; y < sharp->height() && !tinted; ++y) {
            for (int x = 0; x < sharp->width() && !tinted; ++x) {
                const QRgb px = sharp->pixel(x, y);
                tinted = qRed(px) > qGreen(px) + 10;
            }
        }
        QVERIFY(tinted);
    }

    void unknownElementIsAnError()
    {
        const ow::Result<QImage> image = SampleRenderer::render(
            parsed(u"sample s.png\n  size 100 100\n  materials: x\n  circle 1 2 3\n"_s));
        QVERIFY(!image);
        QCOMPARE(image.error().where().line, 4);
    }

    void demoCatalogueAgreesWithSpecs()
    {
        CatalogueMarks catalogue(demoCatalogue);
        QVERIFY(catalogue.load().has_value());
        const QStringList specFiles = QDir(demoSpecs).entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
        QVERIFY(specFiles.size() >= 12);
        QSet<QString> rendered;
        for (const QString &fileName : specFiles) {
            const ow::Result<SampleSpec> spec
                = SampleSpecParser::parseFile(QDir(demoSpecs).filePath(fileName));
            QVERIFY2(spec.has_value(), qPrintable(fileName));
            rendered.insert(spec->image);
            const QStringList problems = catalogue.compare(*spec, SampleLayout::marks(*spec));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            const QStringList misplaced = SampleLayout::placementProblems(*spec);
            QVERIFY2(misplaced.isEmpty(), qPrintable(misplaced.join(u'\n')));
            const QFileInfo png(QDir(demoCatalogue).filePath(spec->image));
            QVERIFY2(png.exists(), qPrintable(png.filePath()));
            QVERIFY2(png.size() < 150 * 1024, qPrintable(png.filePath()));
            const QImage image(png.filePath());
            QCOMPARE(image.size(), spec->size);
        }
        for (const auto &[materialId, image] : catalogue.sampleReferences()) {
            QVERIFY2(rendered.contains(image), qPrintable(materialId));
        }
    }
};

QTEST_MAIN(TestSamplegen)
#include "tst_samplegen.moc"
