// The editor's document (authoring::CatalogueDocument): an edit rewrites only its node's lines, with
// the file's own indentation and line ends; saving writes only the files that changed, so the rest of
// the folder stays byte-identical; every edit's inverse gives the bytes back; a file changed on disk
// is never overwritten silently and a failed write keeps the old file. And the live lint
// (authoring::LiveLint) on the text being edited, without writing it.

#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"
#include "authoring/NewEntry.h"
#include "core/TextFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::authoring;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kMatter = "# A matter written by hand\r\n"
                           "matter H-001: 测试事项\r\n"
                           "  department: health\r\n"
                           "  promised-days: 5\r\n"
                           "\r\n"
                           "  # first question\r\n"
                           "  question kind: 哪一类？\r\n"
                           "    option a: 甲\r\n"
                           "      materials: form-a\r\n"
                           "    option b: 乙\r\n"
                           "\r\n"
                           "  # second question\r\n"
                           "  question size: 多大？\r\n"
                           "    type: number\r\n"
                           "    min: 0\r\n"
                           "    when: kind = b\r\n"
                           "\r\n"
                           "  require id-card\r\n"
                           "  require form-a\r\n"
                           "    when: size >= 100\r\n";

const QByteArray kMaterials = "# identity\r\n"
                              "material id-card: 居民身份证\r\n"
                              "  category: other\r\n"
                              "  form-point name: 姓名一致\r\n"
                              "\r\n"
                              "material form-a: 申请表\r\n"
                              "  category: other\r\n"
                              "  form-point sign: 签字"; // no line end at the end of the file

const QString kMatterFile = u"matters/h-001.txt"_s;
const QString kMaterialFile = u"materials/m.txt"_s;

/// The lines of a file's bytes that differ from another's, as "line N".
QStringList differingLines(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = before.split('\n');
    const QList<QByteArray> b = after.split('\n');
    QStringList differ;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        if (a.value(i) != b.value(i))
            differ.append(u"line %1"_s.arg(i + 1));
    return differ;
}

NodeRef findNode(
    const CatalogueDocument &document, const QString &file, const QString &keyword, const QString &id)
{
    std::function<NodeRef(const QList<catalogue::TextNode> &)> search
        = [&](const QList<catalogue::TextNode> &nodes) {
              for (const catalogue::TextNode &node : nodes) {
                  if (node.keyword == keyword && node.id == id)
                      return NodeRef {file, node.where.line};
                  if (NodeRef inside = search(node.children); inside.isValid())
                      return inside;
              }
              return NodeRef {};
          };
    return search(document.nodes(file));
}

} // namespace

class TestCatalogueDocument : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString handWritten()
    {
        const QString root = m_dir->filePath(u"hand"_s);
        bool ok = test::writeBytes(root + u"/catalogue.txt"_s,
            "\xEF\xBB\xBF# Hand-written\r\ncatalogue hand: 手写目录\r\n  version: 1\r\n  issued: "
            "2026-12-01\r\n");
        ok = ok && test::writeBytes(root + u"/departments.txt"_s, "department health: 卫生局\n");
        ok = ok && test::writeBytes(root + u"/"_s + kMaterialFile, kMaterials);
        ok = ok && test::writeBytes(root + u"/"_s + kMatterFile, kMatter);
        ok = ok && test::writeBytes(root + u"/notes.md"_s, "not part of the catalogue\n");
        if (!ok)
            qFatal("cannot write the hand-written catalogue");
        return root;
    }

    std::unique_ptr<CatalogueDocument> open(const QString &root)
    {
        Result<std::unique_ptr<CatalogueDocument>> opened = CatalogueDocument::open(root);
        if (!opened)
            qFatal("cannot open %s: %s", qPrintable(root), qPrintable(opened.error().toString()));
        return std::move(*opened);
    }

    /// Applies an edit, checks the file's text, undoes it and checks the bytes came back.
    void applyAndUndo(CatalogueDocument &document, const Result<Edit> &edit, const QString &expected)
    {
        QVERIFY2(edit.has_value(), edit ? "" : qPrintable(edit.error().toString()));
        const QString before = document.text(edit->file);
        QVERIFY(document.apply(*edit));
        QCOMPARE(document.text(edit->file), expected);
        QVERIFY(document.isModified());
        QVERIFY(document.apply(edit->inverse()));
        QCOMPARE(document.text(edit->file), before);
        QVERIFY(!document.isModified());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void demoEditOneValueSavesOneLine()
    {
        const QString root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), root));
        const QMap<QString, QByteArray> before = test::folderBytes(root);
        auto document = open(root);
        const QString file = u"matters/330302-WJ-001.txt"_s;
        const NodeRef days = findNode(*document, file, u"promised-days"_s, {});
        QVERIFY(days.isValid());
        const Result<Edit> edit = document->setValue(days, u"8"_s);
        QVERIFY(edit);
        QVERIFY(document->apply(*edit));
        QCOMPARE(document->modifiedFiles(), QStringList {file});
        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
        QCOMPARE(saved->written, QStringList {file});

        const QMap<QString, QByteArray> after = test::folderBytes(root);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key() != file)
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(
            differingLines(before.value(file), after.value(file)), QStringList {u"line %1"_s.arg(days.line)});
        QVERIFY(after.value(file).contains("  promised-days: 8\n"));
        QVERIFY(!document->isModified());
        // Saving again writes nothing.
        QCOMPARE(document->save()->written, QStringList());
    }

    void handWrittenKeepsCrlfBomAndComments()
    {
        const QString root = handWritten();
        const QMap<QString, QByteArray> before = test::folderBytes(root);
        auto document = open(root);
        QCOMPARE(document->files(),
            (QStringList {u"catalogue.txt"_s, u"departments.txt"_s, kMaterialFile, kMatterFile}));
        QVERIFY(document->apply(*document->setValue({kMatterFile, 4}, u"6"_s)));
        // The last line of a file without a line end keeps having none.
        const NodeRef sign = findNode(*document, kMaterialFile, u"form-point"_s, u"sign"_s);
        QVERIFY(document->apply(*document->setValue(sign, u"申请人签名"_s)));
        const QByteArray idLine = "material id-card: 居民身份证\r\n";
        QVERIFY(document->apply(*document->setValue({kMaterialFile, 2}, u"居民身份证（有效期内）"_s)));
        QVERIFY(document->apply(*document->setValue({kMaterialFile, 2}, u"居民身份证"_s)));
        QCOMPARE(document->modifiedFiles(), (QStringList {kMaterialFile, kMatterFile}));
        QVERIFY(document->save());

        const QMap<QString, QByteArray> after = test::folderBytes(root);
        QCOMPARE(after.value(u"catalogue.txt"_s), before.value(u"catalogue.txt"_s));
        QCOMPARE(after.value(u"notes.md"_s), before.value(u"notes.md"_s));
        QByteArray matter = kMatter;
        matter.replace("promised-days: 5\r\n", "promised-days: 6\r\n");
        QCOMPARE(after.value(kMatterFile), matter);
        QByteArray materials = kMaterials;
        materials.replace("签字", "申请人签名");
        QCOMPARE(after.value(kMaterialFile), materials);
        QVERIFY(after.value(kMaterialFile).contains(idLine));
    }

    void valueAndIdEdits()
    {
        auto document = open(handWritten());
        const QString text = QString::fromUtf8(kMatter);
        applyAndUndo(*document, document->setValue({kMatterFile, 7}, u"  属于哪一类？  "_s),
            QString(text).replace(u"question kind: 哪一类？"_s, u"question kind: 属于哪一类？"_s));
        applyAndUndo(*document, document->setId({kMatterFile, 7}, u"category"_s),
            QString(text).replace(u"question kind:"_s, u"question category:"_s));
        // A line without a value gets one after a colon.
        applyAndUndo(*document, document->setValue({kMatterFile, 18}, u"x"_s),
            QString(text).replace(u"  require id-card\r\n"_s, u"  require id-card: x\r\n"_s));
        QVERIFY(!document->setValue({kMatterFile, 4}, u"1\n2"_s));
        QVERIFY(!document->setValue({kMatterFile, 5}, u"1"_s)); // a blank line is no node
    }

    void moveKeepsCommentsWithTheirBlock()
    {
        auto document = open(handWritten());
        QStringList lines = QString::fromUtf8(kMatter).split(u"\r\n"_s);
        // question size (line 13, its comment on 12) goes above question kind (7, comment on 6).
        QStringList moved
            = lines.mid(0, 5) + lines.mid(11, 5) + lines.mid(10, 1) + lines.mid(5, 5) + lines.mid(16);
        const Result<Edit> up = document->move({kMatterFile, 13}, -1);
        QVERIFY(up);
        QCOMPARE(up->focus, (NodeRef {kMatterFile, 7}));
        applyAndUndo(*document, up, moved.join(u"\r\n"_s));
        const Result<Edit> down = document->move({kMatterFile, 7}, +1);
        QCOMPARE(down->focus, (NodeRef {kMatterFile, 13}));
        applyAndUndo(*document, down, moved.join(u"\r\n"_s));
        // Moving down and back up gives the original.
        QVERIFY(document->apply(*down));
        QVERIFY(document->apply(*document->move(down->focus, -1)));
        QVERIFY(!document->isModified());
        QVERIFY(!document->move({kMatterFile, 8}, -1)); // option a is already first
        QVERIFY(!document->move({kMatterFile, 2}, +1)); // the only matter of its file
    }

    void addAndRemoveBlocks()
    {
        auto document = open(handWritten());
        const QString text = QString::fromUtf8(kMatter);
        // An option after option b, indented like its siblings.
        const Result<Edit> option
            = document->addBlock(kMatterFile, {kMatterFile, 7}, {kMatterFile, 10}, {u"option c: 丙"_s});
        QVERIFY(option);
        QCOMPARE(option->focus, (NodeRef {kMatterFile, 11}));
        applyAndUndo(*document, option,
            QString(text).replace(u"    option b: 乙\r\n"_s, u"    option b: 乙\r\n    option c: 丙\r\n"_s));
        // A question after question size, set apart by a blank line as its siblings are.
        const Result<Edit> question = document->addBlock(kMatterFile, {kMatterFile, 2}, {kMatterFile, 13},
            {u"question extra: 另一个？"_s, u"  option x: 是"_s});
        QVERIFY(question);
        QCOMPARE(question->focus, (NodeRef {kMatterFile, 18}));
        applyAndUndo(*document, question,
            QString(text).replace(u"    when: kind = b\r\n"_s,
                u"    when: kind = b\r\n\r\n  question extra: 另一个？\r\n    option x: 是\r\n"_s));
        // A material at the end of a file that ends without a line end.
        const Result<Edit> material = document->addBlock(
            kMaterialFile, {}, {}, {u"material fee: 缴费凭证"_s, u"  category: other"_s});
        applyAndUndo(*document, material,
            QString::fromUtf8(kMaterials) + u"\r\n\r\nmaterial fee: 缴费凭证\r\n  category: other"_s);
        // Removing question kind takes its comment and one of the blank lines around it.
        QStringList lines = text.split(u"\r\n"_s);
        applyAndUndo(
            *document, document->remove({kMatterFile, 7}), (lines.mid(0, 4) + lines.mid(10)).join(u"\r\n"_s));
        // Removing the file's last block leaves no line end where there was none.
        applyAndUndo(*document, document->remove({kMaterialFile, 6}),
            u"# identity\r\nmaterial id-card: 居民身份证\r\n  category: other\r\n  form-point name: 姓名一致"_s);
        // The edits parse as the nodes they are meant to be.
        QVERIFY(document->apply(*option));
        const catalogue::TextNode *kind = document->node({kMatterFile, 7});
        QCOMPARE(kind->children.size(), 3);
        QCOMPARE(kind->children.last().id, u"c"_s);
    }

    void staleEditIsRefused()
    {
        auto document = open(handWritten());
        const Result<Edit> first = document->setValue({kMatterFile, 4}, u"6"_s);
        QVERIFY(document->apply(*first));
        QVERIFY(!document->apply(*first)); // its lines are no longer those it replaces
    }

    void fileChangedOnDiskIsNotOverwritten()
    {
        const QString root = handWritten();
        auto document = open(root);
        QVERIFY(document->apply(*document->setValue({kMatterFile, 4}, u"6"_s)));
        const QByteArray theirs = kMatter + "  require form-a\r\n";
        QVERIFY(test::writeBytes(root + u"/"_s + kMatterFile, theirs));
        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY(!saved);
        QCOMPARE(saved.error().where().file, kMatterFile);
        QVERIFY(saved.error().message().contains(u"changed on disk"_s));
        QCOMPARE(test::fileBytes(root + u"/"_s + kMatterFile), theirs);
        QVERIFY(document->isModified());
        // A file removed meanwhile counts as changed too.
        QVERIFY(QFile::remove(root + u"/"_s + kMatterFile));
        QVERIFY(!document->save());
        QVERIFY(!QFile::exists(root + u"/"_s + kMatterFile));
    }

    void failedWriteKeepsTheOldFile()
    {
        const QString root = handWritten();
        auto document = open(root);
        QVERIFY(document->apply(*document->setValue({kMatterFile, 4}, u"6"_s)));
        QVERIFY(document->apply(*document->setValue({kMaterialFile, 2}, u"身份证"_s)));
        int calls = 0;
        document->setWriter([&](const QString &path, const QByteArray &bytes) -> Result<void> {
            if (++calls == 2)
                return fail(Error::Code::Io, u"No space left on device"_s, {path});
            return TextFile::writeAtomically(path, bytes);
        });
        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY(!saved);
        QCOMPARE(saved.error().where().file, kMatterFile);
        QVERIFY(saved.error().message().contains(u"No space left on device"_s));
        QVERIFY(saved.error().message().contains(kMaterialFile)); // saved before the failure
        QCOMPARE(test::fileBytes(root + u"/"_s + kMatterFile), kMatter);
        QCOMPARE(document->modifiedFiles(), QStringList {kMatterFile});
        document->setWriter({});
        QVERIFY(document->save());
        QVERIFY(test::fileBytes(root + u"/"_s + kMatterFile).contains("promised-days: 6\r\n"));
    }

    void nonUtf8FileIsKeptReadOnly()
    {
        const QString root = handWritten();
        const QByteArray latin = "department health: \xE9\xE9\n";
        QVERIFY(test::writeBytes(root + u"/departments.txt"_s, latin));
        auto document = open(root);
        QVERIFY(!document->isEditable(u"departments.txt"_s));
        QVERIFY(!document->setValue({u"departments.txt"_s, 1}, u"卫生局"_s));
        QVERIFY(document->apply(*document->setValue({kMatterFile, 4}, u"6"_s)));
        QCOMPARE(document->save()->written, QStringList {kMatterFile});
        QCOMPARE(test::fileBytes(root + u"/departments.txt"_s), latin);
    }

    void liveLintFindsTheEditWithoutWriting()
    {
        const QString root = handWritten();
        const QMap<QString, QByteArray> before = test::folderBytes(root);
        auto document = open(root);
        LiveLint lint(*document);
        lint.lintAll();
        QCOMPARE(lint.errorCount(), 0);
        // A requirement naming a material that does not exist: an error on that line, mapped to it.
        const Result<Edit> edit = document->setId({kMatterFile, 18}, u"id-crad"_s);
        QVERIFY(document->apply(*edit));
        lint.relint(kMatterFile);
        QCOMPARE(lint.errorCount(), 1);
        const auto unknown = std::find_if(lint.problems().cbegin(), lint.problems().cend(),
            [](const Problem &p) { return p.diagnostic.rule == u"unknown-id"_s; });
        QVERIFY(unknown != lint.problems().cend());
        QCOMPARE(unknown->node, (NodeRef {kMatterFile, 18}));
        // A finding on an attribute line maps to that attribute's node.
        QVERIFY(document->apply(edit->inverse()));
        QVERIFY(document->apply(*document->setValue({kMatterFile, 16}, u"kind = c"_s)));
        lint.relint(kMatterFile);
        const auto condition = std::find_if(lint.problems().cbegin(), lint.problems().cend(),
            [](const Problem &p) { return p.diagnostic.where.line == 16; });
        QVERIFY(condition != lint.problems().cend());
        QCOMPARE(condition->node, (NodeRef {kMatterFile, 16}));
        QCOMPARE(test::folderBytes(root), before);
    }

    void newEntriesTakeAnUnusedIdAndParse()
    {
        auto document = open(handWritten());
        const catalogue::TextNode *kind = document->node({kMatterFile, 7});
        QCOMPARE(NewEntry::childKeyword(u"question"_s), u"option"_s);
        const QStringList block = NewEntry::block(u"option"_s, kind->children);
        QVERIFY(block.first().startsWith(u"option new-option: "_s));
        QVERIFY(document->apply(*document->addBlock(kMatterFile, {kMatterFile, 7}, {}, block)));
        kind = document->node({kMatterFile, 7});
        QVERIFY(NewEntry::block(u"option"_s, kind->children).first().startsWith(u"option new-option-2: "_s));
        // A matter's department is an attribute; a department of departments.txt is an entry.
        QVERIFY(!NewEntry::isEntry(u"department"_s, u"matter"_s));
        QVERIFY(NewEntry::isEntry(u"department"_s, QString()));
        QVERIFY(NewEntry::isEntry(u"matter"_s, u"bundle"_s));
        QVERIFY(!NewEntry::isEntry(u"matter"_s, u"outcome"_s));
    }

    void attributeAddedEmptyThenTyped()
    {
        auto document = open(handWritten());
        const NodeRef matter {kMatterFile, 2};
        const QStringList missing
            = NewEntry::missingAttributes(u"matter"_s, document->node(matter)->children);
        QVERIFY(missing.contains(u"legal-days"_s));
        QVERIFY(!missing.contains(u"department"_s) && !missing.contains(u"promised-days"_s));
        QCOMPARE(NewEntry::missingAttributes(u"option"_s, {}), QStringList {u"materials"_s});
        QVERIFY(
            NewEntry::missingAttributes(u"option"_s, document->node({kMatterFile, 8})->children).isEmpty());
        QVERIFY(NewEntry::missingAttributes(u"outcome"_s, {}).isEmpty());

        // Added as the form adds it, after the matter's last attribute, then its value typed: one space
        // after the colon, as the format writes it.
        const Result<Edit> added
            = document->addBlock(kMatterFile, matter, {kMatterFile, 4}, {u"legal-days:"_s});
        QVERIFY(added);
        QVERIFY(document->apply(*added));
        QVERIFY(document->text(kMatterFile).contains(u"  promised-days: 5\r\n  legal-days:\r\n"_s));
        const Result<Edit> typed = document->setValue(added->focus, u"20"_s);
        QVERIFY(typed);
        QVERIFY(document->apply(*typed));
        QVERIFY2(document->text(kMatterFile).contains(u"  promised-days: 5\r\n  legal-days: 20\r\n"_s),
            qPrintable(document->text(kMatterFile)));
    }

    void pendingChangesNameTheMaterials()
    {
        auto document = open(handWritten());
        QVERIFY(LiveLint::pendingChanges(*document).isEmpty());
        QVERIFY(document->apply(*document->remove({kMatterFile, 18})));
        const catalogue::CatalogueDiff diff = LiveLint::pendingChanges(*document);
        QVERIFY(!diff.isEmpty());
        QVERIFY2(diff.text().contains(u"id-card"_s), qPrintable(diff.text()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueDocument)
#include "tst_catalogueDocument.moc"
