#include "cli/CliApplication.h"
#include "documents/HallSettings.h"
#include "documents/HallSettingsRules.h"
#include "documents/IniFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using ow::documents::HallSettings;
using ow::documents::HallSettingsRules;

/// Hall settings files that would break a document are refused when loaded, with file and line.
class TestHallSettingsValidation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    /// Writes `text` (UTF-8) to a new file and returns its path.
    QString write(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("hall-%1.ini").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    /// The error of loading `text`, as "line: message"; empty when it loads.
    QString refusal(const QByteArray &text)
    {
        const QString path = write(text);
        const ow::Result<HallSettings> loaded = HallSettings::load(path);
        if (loaded)
            return {};
        if (loaded.error().where().file != path)
            return QStringLiteral("error without the file: ") + loaded.error().toString();
        return QString::number(loaded.error().where().line) + QStringLiteral(": ") + loaded.error().message();
    }

private Q_SLOTS:
    void handoverTimesAreCheckedAtLoad()
    {
        // A slot that is no time, slots out of order and a bad day end: refused with the line.
        QVERIFY(refusal("[hall]\nname = X\n[handover]\nslots = 11:30, 25:00\n")
                    .startsWith(u"4: [handover] slots"_qs));
        QVERIFY(refusal("[handover]\nwj = 16:30, 11:30\n").startsWith(u"2: [handover] wj"_qs));
        QVERIFY(refusal("[handover]\nday-end = 5pm\n").startsWith(u"2: [handover] day-end"_qs));
        // A key that cannot be a department's id is a typo, as elsewhere.
        QVERIFY(refusal("[handover]\nw j = 10:00\n").startsWith(u"2: "_qs));

        const ow::Result<HallSettings> loaded = HallSettings::load(
            write("[handover]\nslots = 11:00，16:00\nday-end = 18:00\nwj = 10:00, 15:00\n"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        const ow::cases::TransferSlots slots = loaded->transferSlots();
        QCOMPARE(slots.slotsFor(u"wj"_qs), (QList<QTime> {QTime(10, 0), QTime(15, 0)}));
        QCOMPARE(slots.slotsFor(u"jt"_qs), (QList<QTime> {QTime(11, 0), QTime(16, 0)}));
        QCOMPARE(slots.dayEnd(), QTime(18, 0));
        // The defaults: 11:30 and 16:30, the day ending at 17:30.
        const ow::cases::TransferSlots defaults = HallSettings::builtIn()->transferSlots();
        QCOMPARE(defaults.defaults(), (QList<QTime> {QTime(11, 30), QTime(16, 30)}));
        QCOMPARE(defaults.dayEnd(), QTime(17, 30));
    }

    void defaultsPassTheirOwnRules()
    {
        QVERIFY(HallSettings::builtIn().has_value());
        const ow::Result<QList<ow::documents::IniFile::Entry>> entries
            = ow::documents::IniFile::read(QStringLiteral(":/ow/documents/hall-settings.ini"));
        QVERIFY(entries.has_value());
        QVERIFY(entries->size() > 100);
        for (const auto &entry : *entries) {
            const ow::Result<void> valid
                = HallSettingsRules::check(entry.section, entry.key, entry.value, &entry.value, {});
            QVERIFY2(
                valid.has_value(), qPrintable(entry.key + QStringLiteral(": ") + valid.error().message()));
        }
    }

    void placeholdersAreFoundAsQStringArgFindsThem()
    {
        QCOMPARE(HallSettingsRules::placeholders(u"%1年%2月%3日"), (QList<int> {1, 2, 3}));
        QCOMPARE(HallSettingsRules::placeholders(u"%2 then %1 and %1 again"), (QList<int> {1, 2}));
        QCOMPARE(HallSettingsRules::placeholders(u"100% sure, %L1, %12"), (QList<int> {1, 12}));
        QCOMPARE(HallSettingsRules::placeholders(u"no placeholders %"), QList<int> {});
    }

    void removedPlaceholderIsRefused()
    {
        // The black-box case: the time limit printed without its number.
        const QString message = refusal("[common]\n# the number is gone\nworking-days = 个工作日\n");
        QVERIFY2(message.startsWith(QStringLiteral("3: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[common] working-days")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("%1")), qPrintable(message));

        // The receipt that no longer states the promised time limit or the deadline.
        const QString promise = refusal("[receipt]\npromise = 本事项为承诺件，将按时作出决定。\n");
        QVERIFY2(promise.startsWith(QStringLiteral("2: ")), qPrintable(promise));
        QVERIFY2(promise.contains(QStringLiteral("%1, %2")), qPrintable(promise));
    }

    void addedPlaceholderIsRefused()
    {
        const QString extra = refusal("[receipt]\npromise = 承诺%1个工作日，于%2前作出决定%9。\n");
        QVERIFY2(extra.startsWith(QStringLiteral("2: ")), qPrintable(extra));
        QVERIFY2(extra.contains(QStringLiteral("%9")), qPrintable(extra));

        const QString none = refusal("[hall]\nname = %1行政服务中心\n");
        QVERIFY2(none.startsWith(QStringLiteral("2: ")), qPrintable(none));
        QVERIFY2(none.contains(QStringLiteral("no placeholder")), qPrintable(none));
    }

    void reorderedWordingIsAccepted()
    {
        QCOMPARE(refusal("[receipt]\npromise = 将于%2前作出决定，时限%1个工作日。\n"), QString());
        QCOMPARE(refusal("[hall]\nname = 100%满意的服务大厅\n"), QString());
    }

    void lineBreaksAreBounded()
    {
        // The black-box case: 20,000 line breaks made a receipt image too tall to write.
        const QByteArray many = "[receipt]\nkeep = 请妥善保管" + QByteArray("\\n").repeated(20000) + "。\n";
        const QString message = refusal(many);
        QVERIFY2(message.startsWith(QStringLiteral("2: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("20000")), qPrintable(message));
        QVERIFY(message.size() < 200);

        QCOMPARE(refusal("[receipt]\nkeep = 一\\n二\\n三\\n四\\n五\n"), QString());
        const QString inLabel = refusal("[common]\nlabel.matter = 申请\\n事项\n");
        QVERIFY2(inLabel.contains(QStringLiteral("one line")), qPrintable(inLabel));
    }

    void controlCharactersAreRefusedAndEscaped()
    {
        const QString message = refusal("[hall]\nname = 鹿城\x1b[31m中心\n");
        QVERIFY2(message.startsWith(QStringLiteral("2: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\\x1b[31m")), qPrintable(message));
        QVERIFY2(!message.contains(QChar(u'\x1b')), "the message carries the raw escape character");
        QVERIFY(!refusal(QByteArray("[hall]\nname = a\0b\n", 18)).isEmpty());
    }

    void lengthsAreBounded()
    {
        const QByteArray hundred = QString(100, QChar(u'厅')).toUtf8();
        QCOMPARE(refusal("[hall]\nname = " + hundred + "\n"), QString());
        const QString message = refusal("[hall]\nname = " + hundred + "厅\n");
        QVERIFY2(message.contains(QStringLiteral("101")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("100")), qPrintable(message));

        const QByteArray long4mb = QByteArray(4'000'000, 'x');
        const QString huge = refusal("[receipt]\nkeep = " + long4mb + "\n");
        QVERIFY2(huge.contains(QStringLiteral("4000000")), qPrintable(huge));
        QVERIFY(huge.size() < 200);
        const QString badKey = refusal("[receipt]\n" + long4mb + "! = x\n");
        QVERIFY2(badKey.size() < 300, qPrintable(badKey.left(300)));
    }

    void emptyValueIsRefused()
    {
        const QString message = refusal("[hall]\nseal =\n");
        QVERIFY2(message.startsWith(QStringLiteral("2: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[hall] seal")), qPrintable(message));
    }

    void cliChecksASettingsFile()
    {
        const QString good = write("[hall]\nname = 示例中心\n");
        const QString bad = write("[hall]\nname = 示例中心\n[common]\nworking-days = 个工作日\n");
        QString out, err;
        ow::cli::Console console(&out, &err);
        const QString program = QStringLiteral("onewindow-cli");
        QCOMPARE(ow::cli::CliApplication().run(
                     {program, QStringLiteral("document"), QStringLiteral("check-settings"), good}, console),
            0);
        QVERIFY2(out.contains(good), qPrintable(out));
        QCOMPARE(ow::cli::CliApplication().run(
                     {program, QStringLiteral("document"), QStringLiteral("check-settings"), bad}, console),
            1);
        QVERIFY2(err.startsWith(bad + QStringLiteral(":4: ")), qPrintable(err));
        QCOMPARE(ow::cli::CliApplication().run(
                     {program, QStringLiteral("document"), QStringLiteral("check-settings")}, console),
            2);
    }
};

QTEST_GUILESS_MAIN(TestHallSettingsValidation)
#include "tst_hallSettingsValidation.moc"
