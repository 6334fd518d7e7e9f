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

    void refusesDamagedOrUnsafePackages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("damaged");
        QTest::newRow("parent") << u"../outside.txt"_s << false;
        QTest::newRow("absolute") << u"/etc/passwd"_s << false;
        QTest::newRow("inner parent") << u"matters/../../x"_s << false;
        QTest::newRow("backslash") << u"..\\x"_s << false;
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
    }
};

QTEST_GUILESS_MAIN(TestCataloguePackage)
#include "tst_cataloguePackage.moc"
