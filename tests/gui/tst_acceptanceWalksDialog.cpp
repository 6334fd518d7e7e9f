// The acceptance walks (模拟受理) at the counter: the changed situations this counter may walk are
// listed with what changed; "walked, no objection" and "record objection" (only with a text) send
// the walk with the selected situation and refresh the list; a server that cannot be asked is said
// so. The screenshot is taken in Chinese.

#include "GuiTestSupport.h"
#include "ui/AcceptanceWalksDialog.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace ow;
using namespace ow::ui;
using namespace Qt::StringLiterals;

namespace {

sync::PendingWalk walk(qint64 submission, const QString &item, const QString &title, const QString &detail,
    int counters, const QString &change = u"changed"_s)
{
    sync::PendingWalk w;
    w.submission = submission;
    w.version = u"2026.12.1"_s;
    w.item = item;
    w.title = title;
    w.matter = item.section(u':', 1).section(u'/', 0, 0);
    w.situation = item.section(u'/', 1);
    w.change = change;
    w.detail = detail;
    w.counters = counters;
    return w;
}

QPushButton *button(QDialog &dialog, const QString &text)
{
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

} // namespace

class TestAcceptanceWalksDialog : public QObject
{
    Q_OBJECT

    QList<sync::PendingWalk> m_pending;
    QStringList m_recorded; // "item|objection"
    bool m_serverAway = false;

    AcceptanceWalksDialog::Fetch fetch()
    {
        return [this]() -> Result<QList<sync::PendingWalk>> {
            if (m_serverAway)
                return fail(Error::Code::Io, u"Connection refused"_s);
            return m_pending;
        };
    }
    AcceptanceWalksDialog::Record record()
    {
        return [this](const sync::PendingWalk &w, const QString &objection) -> Result<void> {
            m_recorded.append(w.item + u'|' + objection);
            m_pending.removeIf([&](const sync::PendingWalk &p) { return p.item == w.item; });
            return {};
        };
    }

private Q_SLOTS:
    void init()
    {
        m_serverAway = false;
        m_recorded.clear();
        m_pending = {walk(4, u"situation:330302-GA-001/premises=rented"_s,
                         u"旅馆业特种行业许可证核发：租用"_s, u"+ lease 房屋租赁合同"_s, 1),
            walk(4, u"situation:330302-WJ-001/place-type=bath;bath-area=200"_s,
                u"公共场所卫生许可（新发证）：沐浴场所 › 200 平方米"_s,
                u"~ fire-check 消防安全检查合格证: copies 1 → 2"_s, 2)};
    }

    void walkWithoutObjection()
    {
        AcceptanceWalksDialog dialog(fetch(), record());
        auto *list = dialog.findChild<QTreeWidget *>();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(1)->text(3), u"2 of 3"_s);
        auto *detail = dialog.findChildren<QPlainTextEdit *>().at(0);
        QVERIFY2(detail->toPlainText().contains(u"房屋租赁合同"_s), qPrintable(detail->toPlainText()));
        QPushButton *object = button(dialog, u"Record objection"_s);
        QVERIFY(!object->isEnabled());
        list->setCurrentItem(list->topLevelItem(1));
        QTest::mouseClick(button(dialog, u"Walked, no objection"_s), Qt::LeftButton);
        QCOMPARE(m_recorded, QStringList({u"situation:330302-WJ-001/place-type=bath;bath-area=200|"_s}));
        QCOMPARE(list->topLevelItemCount(), 1);
    }

    void objectionNeedsItsText()
    {
        AcceptanceWalksDialog dialog(fetch(), record());
        QPushButton *done = button(dialog, u"Walked, no objection"_s);
        QPushButton *object = button(dialog, u"Record objection"_s);
        auto *objection = dialog.findChildren<QPlainTextEdit *>().at(1);
        objection->setPlainText(u"清单缺少营业执照"_s);
        QVERIFY(object->isEnabled());
        QVERIFY(!done->isEnabled());
        QTest::mouseClick(object, Qt::LeftButton);
        QCOMPARE(m_recorded, QStringList({u"situation:330302-GA-001/premises=rented|清单缺少营业执照"_s}));
        QVERIFY(objection->toPlainText().isEmpty());
    }

    void serverAwayIsSaid()
    {
        m_serverAway = true;
        AcceptanceWalksDialog dialog(fetch(), record());
        QCOMPARE(dialog.findChild<QTreeWidget *>()->topLevelItemCount(), 0);
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said = said || label->text().contains(u"Connection refused"_s);
        QVERIFY(said);
        QVERIFY(!button(dialog, u"Walked, no objection"_s)->isEnabled());
    }

    void screenshotInChinese()
    {
        QTranslator chinese;
        QVERIFY(chinese.load(u":/i18n/onewindow_zh_CN.qm"_s));
        QCoreApplication::installTranslator(&chinese);
        m_pending.append(walk(4, u"situation:330302-GA-001/premises=own"_s,
            u"旅馆业特种行业许可证核发：自有"_s, u"- property-cert 不动产权证书"_s, 0, u"added"_s));
        AcceptanceWalksDialog dialog(fetch(), record());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.width() <= 1366 && dialog.height() <= 768);
        ow::test::saveScreenshot(dialog, u"acceptance-walks.png"_s);
        QCoreApplication::removeTranslator(&chinese);
    }
};

QTEST_MAIN(TestAcceptanceWalksDialog)
#include "tst_acceptanceWalksDialog.moc"
