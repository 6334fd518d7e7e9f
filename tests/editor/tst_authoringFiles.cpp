// What the editor adds beyond one entry, without widgets: a new file made in the open catalogue
// (authoring::CatalogueDocument::createFile) is saved like any changed file, never over another, and
// undoing it takes it out again, before or after a save; a text worked out elsewhere becomes an edit
// of only the lines that differ (replaceText); a new matter in a file of its own (NewMatterFile); the
// preview's answers that still fit after an edit (PreviewAnswers); and a material table planned into
// the catalogue as edited in memory (tableimport::ImportDraft), with nothing written to disk.

#include "EditorTestSupport.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"
#include "authoring/NewMatterFile.h"
#include "authoring/PreviewAnswers.h"
#include "catalogue/CatalogueLoader.h"
#include "tableimport/ImportDraft.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::authoring;
using namespace Qt::StringLiterals;

namespace {

const QString kHotel = u"330302-GA-001"_s;
const QString kHotelFile = u"matters/330302-GA-001.txt"_s;
const QString kHotelTable = QStringLiteral(OW_TEST_DATA_DIR "/tableimport/hotel-permit.csv");

} // namespace

class TestAuthoringFiles : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;

    std::unique_ptr<CatalogueDocument> open()
    {
        Result<std::unique_ptr<CatalogueDocument>> opened = CatalogueDocument::open(m_root);
        if (!opened)
            qFatal("cannot open the copy of the demo catalogue");
        return std::move(*opened);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), m_root));
    }

    void newFileIsSavedThenUndoneFromTheDisk()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        auto document = open();
        const Result<Edit> made = document->createFile(
            u"matters/new-one.txt"_s, {u"matter N-1: 新事项"_s, u"  department: police"_s});
        QVERIFY2(made, qPrintable(made ? QString() : made.error().toString()));
        QCOMPARE(made->focus, (NodeRef {u"matters/new-one.txt"_s, 1}));
        QVERIFY(document->apply(*made));
        QVERIFY(document->contains(u"matters/new-one.txt"_s));
        QVERIFY(document->isNew(u"matters/new-one.txt"_s));
        // In the loader's order: after the matters before it by name, before those after it.
        const QStringList files = document->files();
        QVERIFY(files.indexOf(u"matters/new-one.txt"_s) > files.indexOf(u"matters/330302-WJ-001.txt"_s));
        QVERIFY(files.indexOf(u"matters/new-one.txt"_s) < files.indexOf(u"bundles/bundles.txt"_s));
        QCOMPARE(document->modifiedFiles(), QStringList {u"matters/new-one.txt"_s});
        QVERIFY(!document->savedTexts().contains(u"matters/new-one.txt"_s));
        QCOMPARE(document->nodes(u"matters/new-one.txt"_s).size(), 1);

        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(saved->written, QStringList {u"matters/new-one.txt"_s});
        QCOMPARE(test::fileBytes(m_root + u"/matters/new-one.txt"_s),
            "matter N-1: 新事项\n  department: police\n");
        QVERIFY(!document->isModified());
        const QMap<QString, QByteArray> after = test::folderBytes(m_root);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));

        // Undone after the save: saving again takes the file off the disk.
        QVERIFY(document->apply(made->inverse()));
        QVERIFY(document->contains(u"matters/new-one.txt"_s));
        QCOMPARE(document->modifiedFiles(), QStringList {u"matters/new-one.txt"_s});
        const Result<CatalogueDocument::SaveReport> again = document->save();
        QVERIFY(again);
        QCOMPARE(again->removed, QStringList {u"matters/new-one.txt"_s});
        QVERIFY(!QFileInfo::exists(m_root + u"/matters/new-one.txt"_s));
        QVERIFY(!document->contains(u"matters/new-one.txt"_s));
        QCOMPARE(test::folderBytes(m_root), before);
    }

    void newFileUndoneBeforeSavingLeavesNoTrace()
    {
        auto document = open();
        const QStringList files = document->files();
        const Result<Edit> made = document->createFile(u"materials/extra.txt"_s,
            {u"# extra"_s, u"material extra-form: 补充表"_s, u"  category: other"_s});
        QVERIFY(made);
        QCOMPARE(made->focus.line, 2); // the comment is not the entry
        QVERIFY(document->apply(*made));
        QVERIFY(document->texts().contains(u"materials/extra.txt"_s));
        QVERIFY(document->apply(made->inverse()));
        QCOMPARE(document->files(), files);
        QVERIFY(!document->isModified());
        QVERIFY(!document->texts().contains(u"materials/extra.txt"_s));
        // Redo makes it again, as it was.
        QVERIFY(document->apply(*made));
        QCOMPARE(document->text(u"materials/extra.txt"_s),
            u"# extra\nmaterial extra-form: 补充表\n  category: other\n"_s);
        QVERIFY(document->apply(made->inverse()));
        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY(saved);
        QVERIFY(saved->written.isEmpty());
        QVERIFY(!QFileInfo::exists(m_root + u"/materials/extra.txt"_s));
    }

    void newFileNeverReplacesOne()
    {
        auto document = open();
        // A file of the catalogue, a file put on disk since the catalogue was opened, and names
        // outside the folders a new file may go into.
        QVERIFY(!document->createFile(kHotelFile, {u"matter X: x"_s}));
        QVERIFY(test::writeBytes(m_root + u"/matters/theirs.txt"_s, "# a colleague's file\n"));
        QVERIFY(!document->createFile(u"matters/theirs.txt"_s, {u"matter X: x"_s}));
        QVERIFY(!document->createFile(u"matters/../catalogue.txt"_s, {u"matter X: x"_s}));
        QVERIFY(!document->createFile(u"samples/x.txt"_s, {u"matter X: x"_s}));
        QVERIFY(!document->createFile(u"matters/x y.txt"_s, {u"matter X: x"_s}));
        QVERIFY(!document->createFile(u"matters/x.txt"_s, {}));

        // One that appears on disk between the edit and the save is not overwritten.
        const Result<Edit> made = document->createFile(u"matters/mine.txt"_s, {u"matter M-1: 我的"_s});
        QVERIFY(made);
        QVERIFY(document->apply(*made));
        QVERIFY(test::writeBytes(m_root + u"/matters/mine.txt"_s, "# theirs\n"));
        const Result<CatalogueDocument::SaveReport> saved = document->save();
        QVERIFY(!saved);
        QCOMPARE(saved.error().where().file, u"matters/mine.txt"_s);
        QCOMPARE(test::fileBytes(m_root + u"/matters/mine.txt"_s), "# theirs\n");
    }

    void replaceTextTouchesOnlyTheLinesThatDiffer()
    {
        auto document = open();
        const QString before = document->text(kHotelFile);
        QString after = before;
        after.replace(u"  promised-days: 10\n"_s, u"  promised-days: 9\n  # changed\n"_s);
        const Result<Edit> edit = document->replaceText(kHotelFile, after);
        QVERIFY(edit);
        QCOMPARE(edit->first, 4);
        QCOMPARE(edit->removed, QStringList {u"  promised-days: 10\n"_s});
        QCOMPARE(edit->inserted, (QStringList {u"  promised-days: 9\n"_s, u"  # changed\n"_s}));
        QVERIFY(document->apply(*edit));
        QCOMPARE(document->text(kHotelFile), after);
        QVERIFY(document->apply(edit->inverse()));
        QCOMPARE(document->text(kHotelFile), before);
        QVERIFY(document->replaceText(kHotelFile, before)->isNoOp());
    }

    void newMatterInAFileOfItsOwn()
    {
        auto document = open();
        QVERIFY(NewMatterFile::departments(*document).contains(
            qMakePair(u"police"_s, u"温州市公安局鹿城区分局"_s)));
        NewMatterFile::Fields fields;
        fields.code = u"330302-GA-009"_s;
        fields.name = u"印章刻制业特种行业许可证核发"_s;
        fields.departmentId = u"police"_s;
        fields.promisedDays = 10;
        QVERIFY(NewMatterFile::check(*document, fields));
        QCOMPARE(NewMatterFile::fileFor(*document, fields.code), u"matters/330302-GA-009.txt"_s);
        // A file of that name on disk (not a matter file of the catalogue's) is never replaced.
        QVERIFY(test::writeBytes(m_root + u"/matters/330302-GA-009.txt"_s, "# kept\n"));
        QCOMPARE(NewMatterFile::fileFor(*document, fields.code), u"matters/330302-GA-009-2.txt"_s);

        NewMatterFile::Fields wrong = fields;
        wrong.code = kHotel;
        QVERIFY(!NewMatterFile::check(*document, wrong)); // the code is taken
        wrong = fields;
        wrong.departmentId = u"nobody"_s;
        QVERIFY(!NewMatterFile::check(*document, wrong));
        wrong = fields;
        wrong.promisedDays = 0;
        QVERIFY(!NewMatterFile::check(*document, wrong));
        wrong = fields;
        wrong.code = u"编码"_s;
        QVERIFY(!NewMatterFile::check(*document, wrong));

        const Result<Edit> edit = NewMatterFile::edit(*document, fields);
        QVERIFY(edit);
        QVERIFY(document->apply(*edit));
        QCOMPARE(document->text(u"matters/330302-GA-009-2.txt"_s),
            u"matter 330302-GA-009: 印章刻制业特种行业许可证核发\n  department: police\n  kind: promised\n"
            u"  promised-days: 10\n"_s);
        // The loader reads it; the lint says what the matter still lacks, in its file.
        LiveLint lint(*document);
        lint.lintAll();
        QVERIFY(lint.catalogue()->matter(fields.code));
        QCOMPARE(lint.catalogue()->matter(fields.code)->departmentId, u"police"_s);
        bool saysWhatIsMissing = false;
        for (const Problem &problem : lint.problems())
            saysWhatIsMissing = saysWhatIsMissing || problem.node.file == edit->file;
        QVERIFY(saysWhatIsMissing);

        fields.immediate = true;
        fields.code = u"330302-GA-010"_s;
        QVERIFY(!NewMatterFile::lines(fields).join(u'\n').contains(u"promised-days"_s));
    }

    void previewKeepsTheAnswersThatStillFit()
    {
        auto document = open();
        const catalogue::CataloguePtr catalogue = catalogue::CatalogueLoader::load(m_root).catalogue;
        QVERIFY(catalogue);
        const catalogue::Matter *hygiene = catalogue->matter(u"330302-WJ-001"_s);
        QVERIFY(hygiene);
        catalogue::Answers given;
        given.set(u"bath-area"_s, catalogue::Answer::numeric(200));
        given.set(u"place-type"_s, catalogue::Answer::single(u"bath"_s));
        given.set(u"gone"_s, catalogue::Answer::single(u"x"_s));
        QList<QPair<QString, catalogue::Answer>> carried = PreviewAnswers::carried(*hygiene, given);
        QCOMPARE(carried.size(), 2);
        QCOMPARE(carried.at(0).first, u"place-type"_s); // in asking order
        QCOMPARE(carried.at(1).first, u"bath-area"_s);

        // An option that is gone, a number below the minimum, a type that changed: not carried.
        given.set(u"place-type"_s, catalogue::Answer::single(u"sauna-gone"_s));
        given.set(u"bath-area"_s, catalogue::Answer::numeric(-5));
        QVERIFY(PreviewAnswers::carried(*hygiene, given).isEmpty());
        given.set(u"place-type"_s, catalogue::Answer::numeric(3));
        QVERIFY(PreviewAnswers::carried(*hygiene, given).isEmpty());
    }

    void tableImportedIntoTheTextsInMemory()
    {
        const QMap<QString, QByteArray> before = test::folderBytes(m_root);
        auto document = open();
        // An edit not saved yet: the import plans against it, not against the disk.
        QHash<QString, QString> texts = document->texts();
        texts[kHotelFile].replace(u"  promised-days: 10\n"_s, u"  promised-days: 8\n"_s);
        // A file the catalogue has only in memory takes the name the import would have chosen.
        texts.insert(u"materials/imported-330302-GA-001.txt"_s, u"# reserved\n"_s);
        Result<tableimport::MaterialTable> table = tableimport::readTableFile(kHotelTable);
        QVERIFY(table);
        QList<tableimport::ImportDraft::Step> steps;
        const Result<tableimport::ImportDraft> draft = tableimport::ImportDraft::make(m_root, texts, *table,
            kHotel, u"hotel-permit.csv"_s, [&](tableimport::ImportDraft::Step step) { steps.append(step); });
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().toString()));
        QCOMPARE(steps.size(), 3);
        QVERIFY2(draft->applicable(),
            qPrintable(draft->errors.isEmpty() ? QString() : draft->errors.first().toString()));
        QCOMPARE(draft->plan.materialFile, u"materials/imported-330302-GA-001-2.txt"_s);
        const QString matter = draft->texts.value(kHotelFile);
        QVERIFY(matter.contains(u"  promised-days: 8\n"_s));
        QVERIFY(matter.contains(u"# Imported from hotel-permit.csv"_s));
        QVERIFY(draft->texts.value(draft->plan.materialFile).contains(u"material "_s));

        // Applied as edits of the document, it loads without errors; the disk has not changed.
        const Result<Edit> created = document->createFile(
            draft->plan.materialFile, draft->texts.value(draft->plan.materialFile).chopped(1).split(u'\n'));
        QVERIFY(created);
        QVERIFY(document->apply(*created));
        QVERIFY(document->apply(*document->replaceText(kHotelFile, matter)));
        QCOMPARE(document->text(draft->plan.materialFile), draft->texts.value(draft->plan.materialFile));
        QVERIFY(catalogue::CatalogueLoader::load(m_root, document->texts()).catalogue);
        QCOMPARE(test::folderBytes(m_root), before);

        // A row that cannot be mapped refuses the whole table.
        tableimport::MaterialTable refused = *table;
        refused.rows.last().cells[2] = u"在月球上"_s;
        const Result<tableimport::ImportDraft> partial
            = tableimport::ImportDraft::make(m_root, texts, refused, kHotel, u"hotel-permit.csv"_s);
        QVERIFY(partial);
        QVERIFY(!partial->applicable());
        QCOMPARE(partial->plan.refused.size(), 1);
        QVERIFY(partial->texts.isEmpty());

        // A catalogue the loader cannot read is not imported into.
        texts[kHotelFile].replace(u"  department: police\n"_s, u"  department: nobody\n"_s);
        QVERIFY(!tableimport::ImportDraft::make(m_root, texts, *table, kHotel, u"hotel-permit.csv"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuthoringFiles)
#include "tst_authoringFiles.moc"
