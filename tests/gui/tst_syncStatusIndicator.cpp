#include "ui/SyncStatusIndicator.h"

#include <QLocale>
#include <QTest>

using namespace ow::ui;
using namespace Qt::StringLiterals;

/// The status bar's sync light: online or offline, and how many events wait.
class TestSyncStatusIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOffline()
    {
        SyncStatusIndicator indicator;
        QVERIFY(!indicator.isOnline());
        QCOMPARE(indicator.text(), u"Offline"_s);
    }

    void showsWaitingEventsAndError()
    {
        SyncStatusIndicator indicator;
        indicator.setStatus(false, 3, 2 * 1024 * 1024, u"The server cannot be reached"_s);
        QVERIFY(!indicator.isOnline());
        QVERIFY2(indicator.text().contains(u"3 event"_s), qPrintable(indicator.text()));
        QVERIFY(indicator.toolTip().contains(u"The server cannot be reached"_s));
        // The size as the locale writes it ("2.00 MiB" in English).
        const QString size = QLocale().formattedDataSize(2 * 1024 * 1024);
        QVERIFY2(indicator.toolTip().contains(size), qPrintable(indicator.toolTip()));

        indicator.setStatus(true, 0, 0, {});
        QVERIFY(indicator.isOnline());
        QCOMPARE(indicator.text(), u"Online"_s);
        QVERIFY(!indicator.toolTip().contains(u"cannot be reached"_s));
    }

    void warnsWhileOnline()
    {
        // A scan set aside or a wrong clock: online, but the label carries a warning sign and the
        // tooltip says what.
        SyncStatusIndicator indicator;
        indicator.setStatus(true, 2, 0, u"This computer's clock is 5 minutes ahead of the server's"_s);
        QVERIFY(indicator.isOnline());
        QVERIFY2(indicator.text().endsWith(QChar(0x26A0)), qPrintable(indicator.text()));
        QVERIFY(indicator.toolTip().contains(u"5 minutes ahead"_s));
        indicator.setStatus(true, 0, 0, {});
        QCOMPARE(indicator.text(), u"Online"_s);
    }
};

QTEST_MAIN(TestSyncStatusIndicator)
#include "tst_syncStatusIndicator.moc"
