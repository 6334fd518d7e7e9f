// The sample editor without widgets: where marks lie on the image (authoring::SampleGeometry — drawn,
// moved and resized in fractions of pixels, written in whole pixels inside the image, what lies under
// a point) and the edits of a material's marks in an open document (authoring::SampleMarks), each
// rewriting only the mark's own line and undone to the exact bytes.

#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/SampleGeometry.h"
#include "authoring/SampleMarks.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::authoring;
using namespace Qt::StringLiterals;
using Handle = SampleGeometry::Handle;

namespace {

const QByteArray kMaterials = "# identity\r\n"
                              "material id-card: 居民身份证\r\n"
                              "  category: certificate\r\n"
                              "  form-point name: 姓名一致\r\n"
                              "  form-point number: 号码一致\r\n"
                              "  content-point validity: 在有效期内\r\n"
                              "  sample: samples/id.png\r\n"
                              "    # the name field\r\n"
                              "    mark name:  20, 10, 40, 8\r\n"
                              "    mark number: 20，30，60，8\r\n"
                              "\r\n"
                              "material form-a: 申请表\r\n"
                              "  category: form\r\n"
                              "  form-point sign: 签字"; // no line end at the end of the file

const QString kFile = u"materials/m.txt"_s;

} // namespace

class TestSampleGeometry : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    std::unique_ptr<CatalogueDocument> open()
    {
        auto opened = CatalogueDocument::open(m_root);
        if (!opened)
            return nullptr;
        return std::move(*opened);
    }

    SampleMarks marksOf(const CatalogueDocument &document, const QString &id = u"id-card"_s)
    {
        const std::optional<SampleMarks> read
            = SampleMarks::read(document, SampleMarks::findMaterial(document, id));
        return read ? *read : SampleMarks {};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->path();
        QVERIFY(test::writeBytes(m_root + u"/catalogue.txt"_s, "catalogue t: 测试\nversion: 1\n"));
        QVERIFY(test::writeBytes(m_root + u"/"_s + kFile, kMaterials));
        QDir().mkpath(m_root + u"/samples"_s);
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::white);
        QVERIFY(image.save(m_root + u"/samples/id.png"_s));
    }

    void formatRoundsEdgesAndStaysInside()
    {
        const SampleGeometry geometry(QSize(200, 100));
        // Edges are rounded, not sizes: 10.4 … 20.4 covers 10 … 20.
        QCOMPARE(geometry.toFormat(QRectF(10.4, 5.6, 10.0, 4.0)), QRect(10, 6, 10, 4));
        QCOMPARE(geometry.toFormat(QRectF(10.6, 5.4, 10.0, 4.2)), QRect(11, 5, 10, 5));
        // Past the edges: kept inside.
        QCOMPARE(geometry.toFormat(QRectF(-20, -5, 50, 10)), QRect(0, 0, 30, 5));
        QCOMPARE(geometry.toFormat(QRectF(180, 90, 50, 50)), QRect(180, 90, 20, 10));
        // Never empty: at least one pixel, even at the far edge.
        QCOMPARE(geometry.toFormat(QRectF(250, 50, 0, 0)), QRect(199, 50, 1, 1));
        // Dragged up and left: the same rectangle.
        QCOMPARE(geometry.drawn(QPointF(60, 40), QPointF(20.2, 9.7)), QRect(20, 10, 40, 30));
        QCOMPARE(SampleGeometry::formatValue(QRect(20, 10, 40, 30)), u"20, 10, 40, 30"_s);
        QCOMPARE(SampleGeometry::parseValue(u"20，10、40, 30"_s), QRect(20, 10, 40, 30));
        QVERIFY(!SampleGeometry::parseValue(u"20, 10, 0, 30"_s));
        QVERIFY(!SampleGeometry::parseValue(u"20, 10, 40"_s));
    }

    void moveStopsAtTheEdges()
    {
        const SampleGeometry geometry(QSize(200, 100));
        QCOMPARE(geometry.moved(QRect(20, 10, 40, 30), QPointF(5.4, -2.6)), QRect(25, 7, 40, 30));
        QCOMPARE(geometry.moved(QRect(20, 10, 40, 30), QPointF(-50, 0)), QRect(0, 10, 40, 30));
        QCOMPARE(geometry.moved(QRect(20, 10, 40, 30), QPointF(500, 500)), QRect(160, 70, 40, 30));
        // A mark larger than the image (written by hand) shrinks to it.
        QCOMPARE(geometry.clamped(QRect(10, 10, 400, 30)), QRect(0, 10, 200, 30));
        QCOMPARE(geometry.resized(QRect(20, 10, 40, 30), Handle::Body, QPointF(1, 1)), QRect(21, 11, 40, 30));
    }

    void resizeKeepsTheOppositeEdges()
    {
        const SampleGeometry geometry(QSize(200, 100));
        const QRect rect(20, 10, 40, 30);
        QCOMPARE(geometry.resized(rect, Handle::BottomRight, QPointF(10, 5)), QRect(20, 10, 50, 35));
        QCOMPARE(geometry.resized(rect, Handle::TopLeft, QPointF(10, 5)), QRect(30, 15, 30, 25));
        QCOMPARE(geometry.resized(rect, Handle::Top, QPointF(10, -4)), QRect(20, 6, 40, 34));
        QCOMPARE(geometry.resized(rect, Handle::Left, QPointF(-4, 9)), QRect(16, 10, 44, 30));
        QCOMPARE(geometry.resized(rect, Handle::Right, QPointF(-4, 9)), QRect(20, 10, 36, 30));
        QCOMPARE(geometry.resized(rect, Handle::Bottom, QPointF(9, -4)), QRect(20, 10, 40, 26));
        QCOMPARE(geometry.resized(rect, Handle::TopRight, QPointF(4, 4)), QRect(20, 14, 44, 26));
        QCOMPARE(geometry.resized(rect, Handle::BottomLeft, QPointF(4, 4)), QRect(24, 10, 36, 34));
        // An edge stops one pixel before the opposite one and at the image's border.
        QCOMPARE(geometry.resized(rect, Handle::Right, QPointF(-100, 0)), QRect(20, 10, 1, 30));
        QCOMPARE(geometry.resized(rect, Handle::TopLeft, QPointF(-100, -100)), QRect(0, 0, 60, 40));
        QCOMPARE(geometry.resized(rect, Handle::BottomRight, QPointF(500, 500)), QRect(20, 10, 180, 90));
    }

    void keyboardStepIsOnePercent()
    {
        QCOMPARE(SampleGeometry(QSize(1000, 1240)).step(), QPoint(10, 12));
        QCOMPARE(SampleGeometry(QSize(40, 30)).step(), QPoint(1, 1));
    }

    void hitTestPrefersHandlesThenTheSmallestMark()
    {
        const QList<QRect> marks {QRect(10, 10, 100, 60), QRect(30, 20, 20, 10), QRect(120, 10, 30, 30)};
        using Hit = SampleGeometry::Hit;
        const auto hit = [&](QPointF point, int selected = -1) {
            return SampleGeometry::hitTest(marks, selected, point, 3.0);
        };
        Hit h = hit(QPointF(60, 50));
        QCOMPARE(h.mark, 0);
        QCOMPARE(h.handle, Handle::Body);
        // The small mark inside the large one wins where it lies.
        h = hit(QPointF(35, 25));
        QCOMPARE(h.mark, 1);
        // Its far edges belong to it too.
        QCOMPARE(hit(QPointF(150, 40)).mark, 2);
        QCOMPARE(hit(QPointF(115, 50)).mark, -1);
        QCOMPARE(hit(QPointF(115, 50)).handle, Handle::None);
        // Handles only of the selected mark, within the tolerance, before what lies beneath.
        h = hit(QPointF(111, 71), 0);
        QCOMPARE(h.mark, 0);
        QCOMPARE(h.handle, Handle::BottomRight);
        QCOMPARE(hit(QPointF(111, 71)).mark, -1);
        h = hit(QPointF(30, 25), 1);
        QCOMPARE(h.handle, Handle::Left);
        QCOMPARE(hit(QPointF(60, 8), 0).handle, Handle::Top);
        QCOMPARE(SampleGeometry::handlePoint(QRectF(10, 10, 100, 60), Handle::BottomLeft), QPointF(10, 70));
        QCOMPARE(SampleGeometry::handles().size(), 8);
    }

    void readsTheMaterialsMarksAndPoints()
    {
        const auto document = open();
        QVERIFY(document);
        const SampleMarks marks = marksOf(*document);
        QCOMPARE(marks.materialName, u"居民身份证"_s);
        QCOMPARE(marks.image, u"samples/id.png"_s);
        QCOMPARE(marks.points.size(), 3);
        QVERIFY(marks.points.at(2).content);
        QCOMPARE(marks.marks.size(), 2);
        QCOMPARE(marks.marks.at(0).pointId, u"name"_s);
        QCOMPARE(marks.marks.at(1).rect, QRect(20, 30, 60, 8));
        QCOMPARE(marks.pointText(u"number"_s), u"号码一致"_s);
        QCOMPARE(marks.pointForNewMark(), u"validity"_s);
        QVERIFY(marks.imageProblem(m_root).isEmpty());
        // A mark's line, the sample's, a review point's: all lead to the material.
        QCOMPARE(SampleMarks::materialOf(*document, marks.marks.at(1).node), marks.material);
        QCOMPARE(SampleMarks::materialOf(*document, marks.sample), marks.material);
        QCOMPARE(SampleMarks::materialOf(*document, NodeRef {kFile, 14}).line, 12);
        // A material without a sample says so.
        const SampleMarks form = marksOf(*document, u"form-a"_s);
        QVERIFY(!form.sample.isValid());
        QVERIFY(form.imageProblem(m_root).contains(u"sample"_s));
        QVERIFY(!form.add(*document, QRect(0, 0, 1, 1)));
    }

    void editsRewriteOnlyTheMarksLine()
    {
        auto document = open();
        QVERIFY(document);
        const QString before = document->text(kFile);

        // Moved: only its line, the spacing after the colon kept, the format's separators.
        SampleMarks marks = marksOf(*document);
        Result<Edit> edit = marks.setRect(*document, 0, QRect(25, 12, 40, 8));
        QVERIFY(edit);
        QCOMPARE(edit->removed, QStringList {u"    mark name:  20, 10, 40, 8\r\n"_s});
        QCOMPARE(edit->inserted, QStringList {u"    mark name:  25, 12, 40, 8\r\n"_s});
        QVERIFY(document->apply(*edit));
        QVERIFY(document->apply(edit->inverse()));
        QCOMPARE(document->text(kFile), before);

        // Tied to another review point: the id changes, the rectangle stays as written.
        edit = marks.tie(*document, 1, u"validity"_s);
        QVERIFY(edit);
        QCOMPARE(edit->inserted, QStringList {u"    mark validity: 20，30，60，8\r\n"_s});

        // Added after the other marks, tied to the first point not yet marked.
        edit = marks.add(*document, QRect(5, 60, 50, 20));
        QVERIFY(edit);
        QVERIFY(edit->removed.isEmpty());
        QCOMPARE(edit->inserted, QStringList {u"    mark validity: 5, 60, 50, 20\r\n"_s});
        QVERIFY(document->apply(*edit));
        marks = marksOf(*document);
        QCOMPARE(marks.marks.size(), 3);
        QCOMPARE(marks.markAt(edit->focus), 2);

        // Removed with the comment written above it; undone to the bytes.
        const QString withThree = document->text(kFile);
        edit = marks.remove(*document, 0);
        QVERIFY(edit);
        QCOMPARE(edit->removed,
            (QStringList {u"    # the name field\r\n"_s, u"    mark name:  20, 10, 40, 8\r\n"_s}));
        QVERIFY(document->apply(*edit));
        QCOMPARE(marksOf(*document).marks.size(), 2);
        QVERIFY(document->apply(edit->inverse()));
        QCOMPARE(document->text(kFile), withThree);
        QVERIFY(!marks.setRect(*document, 7, QRect(0, 0, 1, 1)));
    }

    void sampleImageIsChosenInsideTheFolder()
    {
        const auto document = open();
        QVERIFY(document);
        // A material without a sample gets the line after its other lines (the file's last line
        // keeps having no line end).
        const SampleMarks form = marksOf(*document, u"form-a"_s);
        Result<Edit> edit = form.setImage(*document, u"samples/./id.png"_s);
        QVERIFY(edit);
        QCOMPARE(
            edit->inserted, (QStringList {u"  form-point sign: 签字\r\n"_s, u"  sample: samples/id.png"_s}));
        // A sample line already there is rewritten.
        edit = marksOf(*document).setImage(*document, u"samples/other.png"_s);
        QVERIFY(edit);
        QCOMPARE(edit->inserted, QStringList {u"  sample: samples/other.png\r\n"_s});
        // Never a file outside the folder.
        QVERIFY(!form.setImage(*document, u"../id.png"_s));
        QVERIFY(!form.setImage(*document, u"/tmp/id.png"_s));
    }

    void anImageThatCannotBeShownIsNamed()
    {
        const auto document = open();
        QVERIFY(document);
        SampleMarks marks = marksOf(*document);
        // Cut short: the PNG loses its end.
        const QByteArray whole = test::fileBytes(m_root + u"/samples/id.png"_s);
        QVERIFY(test::writeBytes(m_root + u"/samples/id.png"_s, whole.left(whole.size() / 2)));
        QString problem = marks.imageProblem(m_root);
        QVERIFY2(problem.contains(u"samples/id.png"_s) && problem.contains(u"PNG"_s), qPrintable(problem));
        // Missing.
        QVERIFY(QFile::remove(m_root + u"/samples/id.png"_s));
        problem = marks.imageProblem(m_root);
        QVERIFY2(problem.contains(u"samples/id.png"_s) && problem.contains(u"not in the catalogue folder"_s),
            qPrintable(problem));
        // Outside the folder.
        QTemporaryDir elsewhere;
        QVERIFY(test::writeBytes(elsewhere.filePath(u"id.png"_s), whole));
        marks.image = QDir(m_root).relativeFilePath(elsewhere.filePath(u"id.png"_s));
        QVERIFY(marks.image.startsWith(u"../"_s));
        problem = marks.imageProblem(m_root);
        QVERIFY2(problem.contains(u"outside"_s), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestSampleGeometry)
#include "tst_sampleGeometry.moc"
