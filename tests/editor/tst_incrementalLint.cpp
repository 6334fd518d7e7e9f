// The editor's re-lint after an edit reads again only the files whose text changed
// (catalogue::LoadMemo through authoring::LiveLint): whatever the edits, what it loads and finds is
// what loading everything again gives — the same findings, the same catalogue.

#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/PathsReport.h"
#include "catalogue/SituationEngine.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ow;
using namespace ow::authoring;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

QStringList texts(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines;
}

/// What a catalogue holds, as text: every matter's situations and checklists, and the ids and places
/// of everything else.
QString dump(const CataloguePtr &catalogue)
{
    if (!catalogue)
        return u"(none)"_s;
    QString text = catalogue->id + u' ' + catalogue->version + u'\n';
    for (const Department &department : catalogue->departments)
        text += u"department "_s + department.id + u' ' + department.where.file + u':'
            + QString::number(department.where.line) + u'\n';
    for (const Material &material : catalogue->materials)
        text += u"material "_s + material.id + u' ' + material.name + u' '
            + QString::number(material.reviewPoints.size()) + u' ' + material.where.file + u':'
            + QString::number(material.where.line) + u'\n';
    for (const Matter &matter : catalogue->matters)
        text += u"matter "_s + matter.code + u' ' + matter.name + u' ' + matter.where.file + u':'
            + QString::number(matter.where.line) + u'\n';
    for (const Bundle &bundle : catalogue->bundles)
        text += u"bundle "_s + bundle.id + u' ' + QString::number(bundle.members.size()) + u'\n';
    const SituationEngine engine(catalogue);
    return text + PathsReport(engine).text();
}

/// One random change of a line of one file: deleted, doubled, swapped with the next, a character
/// replaced, or the file given back its first text.
QString mutate(const QString &text, const QString &original, QRandomGenerator &random)
{
    QStringList lines = text.split(u'\n');
    if (lines.isEmpty())
        return text;
    const int at = int(random.bounded(lines.size()));
    switch (random.bounded(6)) {
    case 0:
        lines.removeAt(at);
        break;
    case 1:
        lines.insert(at, lines.at(at));
        break;
    case 2:
        if (at + 1 < lines.size())
            lines.swapItemsAt(at, at + 1);
        break;
    case 3:
    case 4:
        if (!lines.at(at).isEmpty()) {
            static const QString replacements = u"x-: =,a1"_s;
            QString line = lines.at(at);
            line[random.bounded(line.size())] = replacements.at(random.bounded(replacements.size()));
            lines[at] = line;
        }
        break;
    default:
        return original;
    }
    return lines.join(u'\n');
}

} // namespace

class TestIncrementalLint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEditsLintAsAFullLoadDoes()
    {
        auto opened = CatalogueDocument::open(QStringLiteral(OW_DEMO_CATALOGUE));
        QVERIFY(opened);
        const QString directory = (*opened)->directory();
        QHash<QString, QString> current = (*opened)->texts();
        const QHash<QString, QString> original = current;
        QStringList matterFiles;
        QStringList otherFiles;
        for (auto it = current.cbegin(); it != current.cend(); ++it)
            (it.key().startsWith(u"matters/"_s) ? matterFiles : otherFiles).append(it.key());
        matterFiles.sort();
        otherFiles.sort();
        QVERIFY(matterFiles.size() > 5);

        const quint32 seed = 20261206;
        QRandomGenerator random(seed);
        LiveLint::Run incremental = LiveLint::run(directory, current, {}, {});
        LiveLint::Run full = LiveLint::run(directory, current, {}, {});
        QVERIFY(incremental.memo);
        int reused = 0;
        for (int step = 0; step < 100; ++step) {
            // Mostly the matter being edited, sometimes the library or the header under it.
            const bool matter = random.bounded(10) < 8;
            const QStringList &files = matter ? matterFiles : otherFiles;
            const QString file = files.at(int(random.bounded(files.size())));
            current.insert(file, mutate(current.value(file), original.value(file), random));
            const QString scope = matter ? file : QString();

            const CataloguePtr before = incremental.catalogue;
            incremental
                = LiveLint::run(directory, current, scope, incremental.lintFindings, incremental.memo);
            full = LiveLint::run(directory, current, scope, full.lintFindings);
            const QByteArray where = "seed " + QByteArray::number(seed) + ", step " + QByteArray::number(step)
                + ", " + file.toUtf8();
            QVERIFY2(texts(incremental.loadFindings) == texts(full.loadFindings), where.constData());
            QVERIFY2(texts(incremental.lintFindings) == texts(full.lintFindings), where.constData());
            QVERIFY2(dump(incremental.catalogue) == dump(full.catalogue), where.constData());
            if (matter && before
                && before->materials.constData() == incremental.catalogue->materials.constData())
                ++reused;
        }
        // Without reading less, the comparison would prove nothing.
        QVERIFY2(reused > 30, qPrintable(QString::number(reused)));
    }

    void aMaterialChangeReadsTheMattersAgain()
    {
        auto opened = CatalogueDocument::open(QStringLiteral(OW_DEMO_CATALOGUE));
        QVERIFY(opened);
        const QString directory = (*opened)->directory();
        QHash<QString, QString> current = (*opened)->texts();
        const LiveLint::Run first = LiveLint::run(directory, current, {}, {});
        QCOMPARE(first.loadFindings.size(), 0);
        // The identity card renamed in the library: every matter requiring it now names an unknown id,
        // although no matter file changed.
        QString library;
        for (auto it = current.cbegin(); it != current.cend(); ++it)
            if (it.key().startsWith(u"materials/"_s) && it->contains(u"\nmaterial id-card:"_s))
                library = it.key();
        QVERIFY(!library.isEmpty());
        current[library].replace(u"\nmaterial id-card:"_s, u"\nmaterial id-card-renamed:"_s);
        const LiveLint::Run second = LiveLint::run(directory, current, {}, first.lintFindings, first.memo);
        QVERIFY(
            std::any_of(second.loadFindings.cbegin(), second.loadFindings.cend(), [](const Diagnostic &d) {
                return d.rule == u"unknown-id"_s && d.where.file.startsWith(u"matters/"_s);
            }));
        QCOMPARE(texts(second.loadFindings), texts(CatalogueLoader::load(directory, current).diagnostics));
    }

    void anEditReadsOnlyItsFile()
    {
        auto opened = CatalogueDocument::open(QStringLiteral(OW_DEMO_CATALOGUE));
        QVERIFY(opened);
        const QString directory = (*opened)->directory();
        QHash<QString, QString> current = (*opened)->texts();
        const LiveLint::Run first = LiveLint::run(directory, current, {}, {});
        const QString file = u"matters/330302-WJ-001.txt"_s;
        QVERIFY(current.contains(file));
        current[file].replace(u"matter 330302-WJ-001: 公共场所卫生许可（新发证）"_s,
            u"matter 330302-WJ-001: 公共场所卫生许可（新发证，改）"_s);
        const LiveLint::Run second = LiveLint::run(directory, current, file, first.lintFindings, first.memo);
        // The library is the previous load's, the edited matter is read again.
        QCOMPARE(second.catalogue->materials.constData(), first.catalogue->materials.constData());
        QCOMPARE(second.catalogue->matter(u"330302-WJ-001"_s)->name, u"公共场所卫生许可（新发证，改）"_s);
        QCOMPARE(dump(second.catalogue), dump(CatalogueLoader::load(directory, current).partial));
    }
};

QTEST_GUILESS_MAIN(TestIncrementalLint)
#include "tst_incrementalLint.moc"
