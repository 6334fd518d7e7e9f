#include "cases/AttachmentStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

/// Content-addressed attachment files: naming, fan-out, deduplication, verification on read.
class TestAttachmentStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString root() const { return m_dir->filePath(u"attachments"_s); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void nameIsTheSha256InTwoLevels()
    {
        AttachmentStore store(root());
        const QByteArray bytes = "scan of a business licence";
        const QString expected
            = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString sha = store.put(bytes).value();
        QCOMPARE(sha, expected);
        QCOMPARE(store.pathFor(sha), root() + u'/' + sha.left(2) + u'/' + sha.mid(2, 2) + u'/' + sha);
        QCOMPARE(filesUnder(root()), QStringList {sha.left(2) + u'/' + sha.mid(2, 2) + u'/' + sha});
        QCOMPARE(store.read(sha).value(), bytes);
        QVERIFY(store.contains(sha));
        QVERIFY(store.verify(sha));
    }

    void emptyAndBinaryContent()
    {
        AttachmentStore store(root());
        QByteArray binary;
        for (int i = 0; i < 70000; ++i)
            binary.append(char(i * 31 % 256));
        for (const QByteArray &bytes : {QByteArray(), binary})
            QCOMPARE(store.read(store.put(bytes).value()).value(), bytes);
    }

    void sameBytesAreStoredOnce()
    {
        AttachmentStore store(root());
        const QString first = store.put("same").value();
        const QFileInfo before(store.pathFor(first));
        const QString second = store.put("same").value();
        QCOMPARE(second, first);
        QCOMPARE(filesUnder(root()).size(), 1);
        QCOMPARE(QFileInfo(store.pathFor(first)).lastModified(), before.lastModified());
        store.put("different").value();
        QCOMPARE(filesUnder(root()).size(), 2);
    }

    void putFileStreamsAndDeduplicates()
    {
        AttachmentStore store(root());
        const QString source = m_dir->filePath(u"scan.jpg"_s);
        QByteArray big(3 * 1024 * 1024 + 17, 'x'); // more than one chunk
        big[12345] = 'y';
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(big);
        file.close();
        const QString sha = store.putFile(source).value();
        QCOMPARE(sha, AttachmentStore::hashOf(big));
        QCOMPARE(store.put(big).value(), sha);
        QCOMPARE(filesUnder(root()).size(), 1); // no temporary files left behind
        QCOMPARE(store.read(sha).value(), big);
        QVERIFY(!store.putFile(m_dir->filePath(u"missing.jpg"_s)));
    }

    void damageIsDetectedOnRead()
    {
        AttachmentStore store(root());
        const QString sha = store.put("original scan").value();
        QFile file(store.pathFor(sha));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("tampered scan");
        file.close();
        const auto read = store.read(sha);
        QVERIFY(!read);
        QCOMPARE(read.error().code(), ow::Error::Code::Invalid);
        QVERIFY(read.error().message().contains(sha));
        QVERIFY(!store.verify(sha));
        // Storing the right bytes again repairs the file.
        QCOMPARE(store.put("original scan").value(), sha);
        QCOMPARE(store.read(sha).value(), QByteArray("original scan"));
    }

    void missingAndMalformedHashes()
    {
        AttachmentStore store(root());
        const QString absent = AttachmentStore::hashOf("never stored");
        QCOMPARE(store.read(absent).error().code(), ow::Error::Code::NotFound);
        QVERIFY(!store.contains(absent));
        QVERIFY(!store.read(u"../../etc/passwd"_s));
        QVERIFY(!store.read(absent.toUpper()));
        QVERIFY(!AttachmentStore::isHash(absent.left(63)));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentStore.moc"
