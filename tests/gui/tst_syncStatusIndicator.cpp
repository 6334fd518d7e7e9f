#include "ui/SyncStatusIndicator.h"

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
        QVERIFY(indicator.toolTip().contains(u"MiB"_s) || indicator.toolTip().contains(u"MB"_s));

        indicator.setStatus(true, 0, 0, {});
        QVERIFY(indicator.isOnline());
        QCOMPARE(indicator.text(), u"Online"_s);
        QVERIFY(!indicator.toolTip().contains(u"cannot be reached"_s));
    }
};

QTEST_MAIN(TestSyncStatusIndicator)
#include "tst_syncStatusIndicator.moc"
