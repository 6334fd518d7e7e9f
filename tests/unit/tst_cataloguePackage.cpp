#include "sync/CataloguePackage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::sync;
using namespace Qt::StringLiterals;

/// Catalogue packages: what is packed comes out byte for byte; damaged or unsafe packages are refused.
class TestCataloguePackage : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    static QByteArray json(const CataloguePackage &package)
    {
        return QJsonDocument(package.toJson()).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void roundTripsThroughAFolder()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"source/catalogue.txt"_s), "catalogue: x\n");
        write(dir.filePath(u"source/matters/a.txt"_s), "matter a\n");
        write(dir.filePath(u"source/samples/id.png"_s), QByteArray("\x89PNG\0\1\2", 7));
        write(dir.filePath(u"source/.hidden"_s), "left out");
        const CataloguePackage package
            = CataloguePackage::fromDirectory(dir.filePath(u"source"_s), u"lucheng"_s, u"2026.3.1"_s).value();
        QCOMPARE(package.files.size(), 3);
        QCOMPARE(package.files.at(1).path, u"matters/a.txt"_s);

        const CataloguePackage back = CataloguePackage::fromJson(json(package)).value();
        QCOMPARE(back.version, u"2026.3.1"_s);
        QCOMPARE(back.sha256(), package.sha256());
        // The package hash is over the sorted "path sha256" lines, as the server computes it.
        QStringList lines;
        for (const auto &file : package.files)
            lines.append(file.path + u' '
                + QString::fromLatin1(
                    QCryptographicHash::hash(file.data, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(package.sha256(),
            QString::fromLatin1(
                QCryptographicHash::hash(lines.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex()));

        const QString target = dir.filePath(u"installed/2026.3.1"_s);
        QVERIFY(back.unpack(target));
        QFile png(target + u"/samples/id.png"_s);
        QVERIFY(png.open(QIODevice::ReadOnly));
        QCOMPARE(png.readAll(), QByteArray("\x89PNG\0\1\2", 7));
        // Never over an existing version, and no temporary folder is left behind.
        QVERIFY(!back.unpack(target));
        QCOMPARE(QDir(dir.filePath(u"installed"_s))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList {u"2026.3.1"_s});
    }

    void folderGivenRelativeAbsoluteOrWithDotSlash_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("relative") << u"source"_s;
        QTest::newRow("dot-slash") << u"./source/"_s;
        QTest::newRow("absolute") << u"absolute"_s;
    }

    void folderGivenRelativeAbsoluteOrWithDotSlash()
    {
        // The README publishes resources/catalogue/demo, a relative folder: every file must keep its
        // path inside the folder, however the folder was named.
        QFETCH(QString, how);
        QTemporaryDir dir;
        write(dir.filePath(u"source/catalogue.txt"_s), "catalogue: x\n");
        write(dir.filePath(u"source/matters/a.txt"_s), "matter a\n");
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        const QString folder = how == u"absolute"_s ? dir.filePath(u"source"_s) : how;
        ow::Result<CataloguePackage> package = CataloguePackage::fromDirectory(folder, u"x"_s, u"1"_s);
        QDir::setCurrent(previous);
        QVERIFY2(package, package ? "" : qPrintable(package.error().message()));
        QCOMPARE(package->files.size(), 2);
        QCOMPARE(package->files.at(0).path, u"catalogue.txt"_s);
        QCOMPARE(package->files.at(1).path, u"matters/a.txt"_s);
    }

    void refusesALinkOutOfTheFolder()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"source/catalogue.txt"_s), "catalogue: x\n");
        write(dir.filePath(u"secret.txt"_s), "not for publishing\n");
        QVERIFY(QDir().mkpath(dir.filePath(u"source/forms"_s)));
        QVERIFY(QFile::link(dir.filePath(u"secret.txt"_s), dir.filePath(u"source/forms/leak.txt"_s)));
        ow::Result<CataloguePackage> package
            = CataloguePackage::fromDirectory(dir.filePath(u"source"_s), u"x"_s, u"1"_s);
        QVERIFY(!package);
        QVERIFY2(
            package.error().message().contains(u"forms/leak.txt"_s), qPrintable(package.error().message()));

        // A link that stays inside the folder is an ordinary file of the package.
        QVERIFY(QFile::remove(dir.filePath(u"source/forms/leak.txt"_s)));
        QVERIFY(
            QFile::link(dir.filePath(u"source/catalogue.txt"_s), dir.filePath(u"source/forms/same.txt"_s)));
        package = CataloguePackage::fromDirectory(dir.filePath(u"source"_s), u"x"_s, u"1"_s);
        QVERIFY(package);
        QCOMPARE(package->files.size(), 2);
    }

    void refusesDamagedOrUnsafePackages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("damaged");
        QTest::newRow("parent") << u"../outside.txt"_s << false;
        QTest::newRow("absolute") << u"/etc/passwd"_s << false;
        QTest::newRow("inner parent") << u"matters/../../x"_s << false;
        QTest::newRow("backslash") << u"..\\x"_s << false;
        QTest::newRow("inner backslash") << u"matters\\a.txt"_s << false;
        QTest::newRow("hidden file") << u"matters/.notes"_s << false;
        QTest::newRow("hidden folder") << u".git/config"_s << false;
        QTest::newRow("current folder") << u"./catalogue.txt"_s << false;
        QTest::newRow("empty part") << u"matters//a.txt"_s << false;
        QTest::newRow("trailing slash") << u"matters/"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("colon") << u"c:/x"_s << false;
        QTest::newRow("nul") << QString(u"a.txt"_s + QChar(0) + u".png"_s) << false;
        QTest::newRow("too long") << QString(513, u'a') << false;
        QTest::newRow("hash") << u"matters/a.txt"_s << true;
    }

    void refusesDamagedOrUnsafePackages()
    {
        QFETCH(QString, path);
        QFETCH(bool, damaged);
        const QByteArray data = "text";
        const QString sha
            = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        const QJsonObject package {{"id"_L1, u"x"_s}, {"version"_L1, u"1"_s},
            {"files"_L1,
                QJsonArray {QJsonObject {{"path"_L1, path}, {"sha256"_L1, damaged ? QString(64, u'0') : sha},
                    {"data"_L1, QString::fromLatin1(data.toBase64())}}}}};
        QVERIFY(!CataloguePackage::fromJson(QJsonDocument(package).toJson()));
        // Each row is refused for one reason: an unsafe path, or (with a safe path) a wrong hash.
        QCOMPARE(CataloguePackage::isSafePath(path), damaged);
    }

    void acceptsTheLongestSafePath()
    {
        QVERIFY(CataloguePackage::isSafePath(QString(512, u'a')));
        QVERIFY(CataloguePackage::isSafePath(u"matters/a.b.txt"_s));
    }

    static QJsonObject file(const QString &path, const QByteArray &data)
    {
        return QJsonObject {{"path"_L1, path},
            {"sha256"_L1,
                QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())},
            {"data"_L1, QString::fromLatin1(data.toBase64())}};
    }

    void refusesAPathNamedTwice_data()
    {
        QTest::addColumn<QString>("second");
        QTest::newRow("same") << u"matters/a.txt"_s;
        // Case-insensitive file systems would unpack both into one file.
        QTest::newRow("other case") << u"Matters/A.txt"_s;
    }

    void refusesAPathNamedTwice()
    {
        QFETCH(QString, second);
        const QJsonObject package {{"id"_L1, u"x"_s}, {"version"_L1, u"1"_s},
            {"files"_L1, QJsonArray {file(u"matters/a.txt"_s, "one"), file(second, "two")}}};
        const auto read = CataloguePackage::fromJson(QJsonDocument(package).toJson());
        QVERIFY(!read);
        QCOMPARE(read.error().code(), ow::Error::Code::Invalid);
        QVERIFY(read.error().message().contains(second));
    }

    void refusesAPackageWithoutIdVersionOrFiles_data()
    {
        QTest::addColumn<QJsonObject>("package");
        const QJsonArray files {file(u"catalogue.txt"_s, "catalogue: x\n")};
        QTest::newRow("no id") << QJsonObject {{"version"_L1, u"1"_s}, {"files"_L1, files}};
        QTest::newRow("no version") << QJsonObject {{"id"_L1, u"x"_s}, {"files"_L1, files}};
        QTest::newRow("version with a folder")
            << QJsonObject {{"id"_L1, u"x"_s}, {"version"_L1, u"a/1"_s}, {"files"_L1, files}};
        QTest::newRow("hidden version")
            << QJsonObject {{"id"_L1, u"x"_s}, {"version"_L1, u".1"_s}, {"files"_L1, files}};
        QTest::newRow("no files") << QJsonObject {{"id"_L1, u"x"_s}, {"version"_L1, u"1"_s}};
        QJsonObject notBase64 = file(u"catalogue.txt"_s, "x");
        notBase64.insert("data"_L1, u"*not base64*"_s);
        QTest::newRow("not base64") << QJsonObject {
            {"id"_L1, u"x"_s}, {"version"_L1, u"1"_s}, {"files"_L1, QJsonArray {notBase64}}};
    }

    void refusesAPackageWithoutIdVersionOrFiles()
    {
        QFETCH(QJsonObject, package);
        const auto read = CataloguePackage::fromJson(package);
        QVERIFY(!read);
        QCOMPARE(read.error().code(), ow::Error::Code::Invalid);
    }

    void refusesWhatIsNotJson()
    {
        const auto read = CataloguePackage::fromJson(QByteArray("{\"id\": "));
        QVERIFY(!read);
        QCOMPARE(read.error().code(), ow::Error::Code::Parse);
    }
};

QTEST_GUILESS_MAIN(TestCataloguePackage)
#include "tst_cataloguePackage.moc"
