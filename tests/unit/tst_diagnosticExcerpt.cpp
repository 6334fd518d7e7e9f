#include "catalogue/CatalogueLoader.h"
#include "cli/CliApplication.h"
#include "core/InputExcerpt.h"
#include "core/TextFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using ow::InputExcerpt;

namespace {

const QString kDemo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");

/// A copy of the demo catalogue in `dir`, with `extra` appended to its first matter file.
bool demoWith(const QString &dir, const QByteArray &extra)
{
    const auto copy = [](const auto &self, const QString &from, const QString &to) -> bool {
        if (!QDir().mkpath(to))
            return false;
        const QDir source(from);
        for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString target = to + QLatin1Char('/') + entry.fileName();
            if (entry.isDir() ? !self(self, entry.filePath(), target)
                              : !QFile::copy(entry.filePath(), target))
                return false;
        }
        return true;
    };
    if (!copy(copy, kDemo, dir))
        return false;
    const QStringList matters = QDir(dir + QStringLiteral("/matters")).entryList({QStringLiteral("*.txt")});
    QFile file(dir + QStringLiteral("/matters/") + matters.first());
    return file.open(QIODevice::Append) && file.write(extra) == extra.size();
}

} // namespace

/// What messages quote of outside input: short, around the place, and never a raw control character.
class TestDiagnosticExcerpt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTextIsKeptWhole()
    {
        QCOMPARE(InputExcerpt::excerpt(u"bogus"), QStringLiteral("bogus"));
        QCOMPARE(InputExcerpt::excerpt(u""), QString());
        QCOMPARE(InputExcerpt::excerpt(QString(80, QChar(u'x'))), QString(80, QChar(u'x')));
    }

    void controlCharactersAreEscaped()
    {
        const QString input = QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b\x1b[31mc\td\re\nf\x7f")
            + QChar(char16_t(0x85)) + QChar(char16_t(0x202E)) + QChar(char16_t(0x2028));
        QCOMPARE(InputExcerpt::escaped(input),
            QStringLiteral("a\\0b\\x1b[31mc\\td\\re\\nf\\x7f\\x85\\u{202E}\\u{2028}"));
        QCOMPARE(InputExcerpt::firstUnsafe(input), 1);
        QCOMPARE(InputExcerpt::firstUnsafe(u"张三 abc"), -1);
    }

    void loneSurrogatesAreEscapedPairsKept()
    {
        QString input = QStringLiteral("x");
        input.append(QChar(char16_t(0xDC00)));
        input.append(QString::fromUcs4(U"\U0001F600"));
        input.append(QChar(char16_t(0xD800)));
        QCOMPARE(InputExcerpt::escaped(input),
            QStringLiteral("x\\u{DC00}") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("\\u{D800}"));
        QCOMPARE(InputExcerpt::firstUnsafe(input), 1);
        QCOMPARE(InputExcerpt::firstUnsafe(QString::fromUcs4(U"\U0001F600")), -1);
    }

    void longInputGivesAShortExcerptAroundThePosition()
    {
        // The black-box case: a 4 MB line.
        const QString line
            = QString(2'000'000, QChar(u'a')) + QStringLiteral("HERE") + QString(2'000'000, QChar(u'b'));
        const QString start = InputExcerpt::excerpt(line);
        QCOMPARE(start.size(), InputExcerpt::kWidth);
        QVERIFY(start.endsWith(u'…'));
        QVERIFY(start.startsWith(u'a'));

        const QString middle = InputExcerpt::excerpt(line, 2'000'000);
        QVERIFY(middle.size() <= InputExcerpt::kWidth);
        QVERIFY(middle.startsWith(u'…'));
        QVERIFY(middle.endsWith(u'…'));
        QVERIFY2(middle.contains(QStringLiteral("aHEREb")), qPrintable(middle));
    }

    void escapesCountTowardsTheWidthAndAreNeverCut()
    {
        const QString line = QString(200, QChar(u'\x1b'));
        const QString excerpt = InputExcerpt::excerpt(line);
        QVERIFY(excerpt.size() <= InputExcerpt::kWidth);
        QVERIFY(excerpt.endsWith(QStringLiteral("\\x1b…")));
        QVERIFY(excerpt.size() > 70); // it fills the line with whole escapes
    }

    void boundedMessage()
    {
        const QString message
            = QStringLiteral("“") + QString(10'000, QChar(u'\0')) + QStringLiteral("” is wrong");
        const QString bounded = InputExcerpt::bounded(message);
        QVERIFY(bounded.size() <= 4 * InputExcerpt::kWidth);
        QVERIFY(bounded.endsWith(u'…'));
        QCOMPARE(InputExcerpt::firstUnsafe(bounded), -1);
        QCOMPARE(InputExcerpt::bounded(u"fine"), QStringLiteral("fine"));
    }
    void lintQuotesAnExcerptOfALongLine()
    {
        // The black-box case: a 4 MB line gave a 4,000,032-character message, ESC and NUL written raw.
        QTemporaryDir dir;
        const QByteArray line
            = "\nbogus\x1b[31mred" + QByteArray(1, '\0') + QByteArray(4'000'000, 'x') + "\n";
        QVERIFY(demoWith(dir.path(), line));
        const ow::catalogue::CatalogueLoader::Outcome outcome
            = ow::catalogue::CatalogueLoader::load(dir.path());
        QCOMPARE(outcome.diagnostics.size(), 1);
        const auto &diagnostic = outcome.diagnostics.first();
        QVERIFY2(diagnostic.message.size() < 300, qPrintable(diagnostic.message.left(300)));
        QVERIFY2(diagnostic.message.contains(QStringLiteral("bogus\\x1b[31mred\\0xxx")),
            qPrintable(diagnostic.message));
        QVERIFY(diagnostic.message.contains(u'…'));
        QCOMPARE(InputExcerpt::firstUnsafe(diagnostic.toString()), -1);
        QVERIFY(diagnostic.where.line > 1);
        QCOMPARE(diagnostic.where.column, 1);

        QString out, err;
        ow::cli::Console console(&out, &err);
        QCOMPARE(ow::cli::CliApplication().run({QStringLiteral("onewindow-cli"), QStringLiteral("catalogue"),
                                                   QStringLiteral("lint"), dir.path()},
                     console),
            1);
        QVERIFY2(out.size() + err.size() < 1000, qPrintable(QString(out + err).left(1000)));
        QCOMPARE(InputExcerpt::firstUnsafe(QString(out + err).remove(u'\n')), -1);

        out.clear();
        QCOMPARE(
            ow::cli::CliApplication().run({QStringLiteral("onewindow-cli"), QStringLiteral("catalogue"),
                                              QStringLiteral("lint"), dir.path(), QStringLiteral("--json")},
                console),
            1);
        const QJsonArray list
            = QJsonDocument::fromJson(out.toUtf8()).object().value(u"diagnostics").toArray();
        QCOMPARE(list.size(), 1);
        const QString message = list.first().toObject().value(u"message").toString();
        QVERIFY(message.size() < 300);
        QCOMPARE(InputExcerpt::firstUnsafe(message), -1);
    }

    void longValueIsQuotedShort()
    {
        QTemporaryDir dir;
        QVERIFY(demoWith(dir.path(),
            "\nmaterial big-one: " + QByteArray(100'000, 'y') + "\n  category: " + QByteArray(100'000, 'z')
                + "\n"));
        const ow::catalogue::CatalogueLoader::Outcome outcome
            = ow::catalogue::CatalogueLoader::load(dir.path());
        QVERIFY(!outcome.diagnostics.isEmpty());
        for (const auto &diagnostic : outcome.diagnostics)
            QVERIFY2(diagnostic.message.size() <= ow::catalogue::Diagnostic::kMaxMessageLength,
                qPrintable(diagnostic.message.left(200)));
    }

    void folderWhereAFileIsExpectedSaysSo()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a-folder")));
        const ow::Result<QString> read = ow::TextFile::readUtf8(dir.filePath(QStringLiteral("a-folder")));
        QVERIFY(!read);
        QVERIFY2(
            read.error().message().contains(QStringLiteral("folder")), qPrintable(read.error().message()));

        // A material whose sample names the samples folder instead of an image in it.
        QTemporaryDir catalogue;
        QVERIFY(demoWith(catalogue.path(), QByteArray()));
        const QString materials = catalogue.path() + QStringLiteral("/materials");
        const QString first = QDir(materials).entryList({QStringLiteral("*.txt")}).first();
        QFile file(materials + QLatin1Char('/') + first);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\nmaterial folder-sample: 示例材料\n  category: certificate\n  sample: samples\n");
        file.close();
        const ow::catalogue::CatalogueLoader::Outcome outcome
            = ow::catalogue::CatalogueLoader::load(catalogue.path());
        bool said = false;
        for (const auto &diagnostic : outcome.diagnostics)
            said = said || diagnostic.message.contains(QStringLiteral("is a folder, not a file"));
        QVERIFY2(said,
            qPrintable(outcome.diagnostics.isEmpty() ? QString() : outcome.diagnostics.first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticExcerpt)
#include "tst_diagnosticExcerpt.moc"
