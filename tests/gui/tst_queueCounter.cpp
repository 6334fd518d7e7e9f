// The counter's side of the hall's queue in the real main window, in Chinese, against a real
// onewindow-server on loopback: the clerk opens the counter, a ticket taken at the kiosk with the
// hotel's matter, an ID card and a mobile number waits, F9 calls it, the interview of its matter
// opens and the registration is already filled from the card; going on from the interview serves
// the ticket, and accepting the case finishes it on the server. The case keeps the ticket number.
// Without a queue the bar says so and the counter works as before. Saves a screenshot at 1366×768.

#include "../unit/QueueHallSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "intake/IntakeSession.h"
#include "sync/QueueService.h"
#include "ui/ApplicantForm.h"
#include "ui/ChoiceDialog.h"
#include "ui/DecisionPage.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/QuestionWidget.h"
#include "ui/QueueBar.h"
#include "ui/Theme.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>

using namespace ow;
using namespace ow::ui;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kMatter = u"330302-WJ-001"_s;

/// The hotel: lodging, linen washed under contract, no pool or public bath, central air conditioning,
/// the owner in person.
const QHash<QString, Qt::Key> kHotelKeys {
    {u"place-type"_s, Qt::Key_1},
    {u"linen-washing"_s, Qt::Key_2},
    {u"lodging-facilities"_s, Qt::Key_1},
    {u"central-ac"_s, Qt::Key_1},
    {u"agent"_s, Qt::Key_1},
};

/// The Alt letter of a menu or button text ("叫号(&Q)" → Q), or 0.
QChar mnemonicOf(const QString &text)
{
    const qsizetype at = text.indexOf(u'&');
    return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toUpper() : QChar();
}

QuestionWidget *focusedQuestion()
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

} // namespace

class TestQueueCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void calledTicketOpensItsIntakeAndEndsWithTheDecision();
    void withoutQueueTheCounterTakesWalkIns();
    void transferToAnotherCounterNamesTheClerk();

private:
    void openWindow();
    QString field(const QString &name) const;

    test::IntakeData m_data;
    QTranslator m_translator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QueueHall> m_hall;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestQueueCounter::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
    QVERIFY(m_translator.load(u":/i18n/onewindow_zh_CN.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
}

void TestQueueCounter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->filePath(u"counter"_s));
    QVERIFY(m_store);
}

void TestQueueCounter::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_hall.reset();
    m_dir.reset();
}

void TestQueueCounter::openWindow()
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = u"lisi"_s;
    environment.clerkName = u"李四"_s;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->resize(1366, 768);
}

QString TestQueueCounter::field(const QString &name) const
{
    auto *edit = m_window->applicantForm()->findChild<QLineEdit *>(name);
    return edit ? edit->text() : u"(no field %1)"_s.arg(name);
}

void TestQueueCounter::calledTicketOpensItsIntakeAndEndsWithTheDecision()
{
    m_hall = std::make_unique<QueueHall>(m_dir->filePath(u"server"_s));
    QVERIFY2(m_hall->start(), qPrintable(m_hall->server().startError()));
    const QString kiosk = m_hall->enrol(u"K01"_s);
    const QString token = m_hall->enrol(u"W07"_s);
    QVERIFY(!kiosk.isEmpty() && !token.isEmpty());

    openWindow();
    auto *service
        = new sync::QueueService(m_hall->url(), token, u"W07"_s, u"lisi"_s, Clock(), m_window.get());
    auto *bar = new QueueBar(m_window.get());
    m_window->attachQueue(bar);
    // As the workstation does: the bar names the clerk (the screenshot shows 李四, not the login).
    bar->setClerkName([](const QString &login) { return login == u"lisi"_s ? u"李四"_s : login; });
    bar->setService(service);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(bar->status().reachable);
    QVERIFY(m_window->findChild<QMenu *>(u"queueMenu"_s));
    // Alt letters: the queue's menu shares none with the other menus, nor its entries with each
    // other, and the bar's buttons take none from the page below.
    QSet<QChar> menuKeys;
    for (QAction *menu : m_window->menuBar()->actions()) {
        const QChar key = mnemonicOf(menu->text());
        QVERIFY2(!key.isNull() && !menuKeys.contains(key), qPrintable(menu->text()));
        menuKeys.insert(key);
    }
    QSet<QChar> entryKeys;
    for (QAction *entry : m_window->findChild<QMenu *>(u"queueMenu"_s)->actions()) {
        if (entry->isSeparator())
            continue;
        const QChar key = mnemonicOf(entry->text());
        QVERIFY2(!key.isNull() && !entryKeys.contains(key), qPrintable(entry->text()));
        entryKeys.insert(key);
    }
    for (QToolButton *button : bar->findChildren<QToolButton *>())
        QVERIFY2(!button->text().contains(u'&'), qPrintable(button->text()));

    // The clerk opens the counter; a ticket is taken at the kiosk with the card swiped.
    QVERIFY(!bar->callNextAction()->isEnabled());
    bar->findChild<QAction *>(u"queueOpen"_s)->trigger();
    QTRY_COMPARE(bar->status().counterState, u"open"_s);
    QCOMPARE(bar->status().clerk, u"lisi"_s);
    const HttpResult issued = m_hall->post(kiosk, u"tickets"_s,
        {{u"matter"_s, kMatter}, {u"mobile"_s, u"13812345678"_s},
            {u"idCard"_s,
                QJsonObject {{u"name"_s, u"张三"_s}, {u"idNumber"_s, u"11010519491231002X"_s},
                    {u"address"_s, u"浙江省温州市鹿城区示例路8号"_s}}}});
    QCOMPARE(issued.status, 201);
    const QString number = issued.json().value(u"number"_s).toString();
    bar->service()->refresh();
    QTRY_COMPARE(bar->status().waiting, 1);
    QTRY_VERIFY(bar->callNextAction()->isEnabled());

    // F9 from the search: the ticket's matter opens, nothing typed.
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    test::press(Qt::Key_F9);
    QTRY_VERIFY(!m_window->isSearching());
    QCOMPARE(m_window->interviewPage()->session()->parts().constFirst().matter->code, kMatter);
    QCOMPARE(m_window->intakeSession()->currentCase().ticket, number);
    QTRY_COMPARE(bar->status().current.number, number);
    QVERIFY2(bar->text().contains(number), qPrintable(bar->text()));

    InterviewPage *page = m_window->interviewPage();
    for (int guard = 0; guard < 10 && !page->session()->isComplete(); ++guard) {
        QuestionWidget *current = focusedQuestion();
        QVERIFY2(current, "no question has the focus");
        QVERIFY(kHotelKeys.contains(current->question().id));
        test::press(kHotelKeys.value(current->question().id));
    }
    QVERIFY(page->session()->isComplete());

    // The registration is filled from the kiosk's card and mobile number.
    test::press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    QCOMPARE(field(u"applicantName"_s), u"张三"_s);
    QCOMPARE(field(u"applicantIdNumber"_s), u"11010519491231002X"_s);
    QCOMPARE(field(u"contactMobile"_s), u"13812345678"_s);
    QVERIFY2(m_window->applicantForm()->validate(),
        qPrintable(m_window->applicantForm()->validate().error().message()));
    // Going on from the interview: the person is at the counter, the ticket is served.
    QTRY_COMPARE(bar->status().current.state, u"serving"_s);
    // The bar fits the counter's 1366×768 screen with the ticket in view.
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(minimum.width() <= 1366 && minimum.height() <= 768,
        qPrintable(u"%1×%2"_s.arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(m_window->width(), 1366);
    QVERIFY(m_window->frameGeometry().height() <= 768);
    auto *status = bar->findChild<QLabel *>(u"queueStatus"_s);
    QVERIFY(status && status->width() >= 360);
    test::saveScreenshot(*m_window, u"queue-counter-called.png"_s);

    test::press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    MaterialCheckPage *check = m_window->materialCheckPage();
    for (int guard = 0; guard < 60 && check->pendingCount() > 0; ++guard) {
        const int before = check->pendingCount();
        test::press(Qt::Key_Return, Qt::ControlModifier);
        if (check->pendingCount() < before)
            continue;
        test::press(Qt::Key_R);
        if (check->pendingCount() < before)
            continue;
        test::press(Qt::Key_Down);
    }
    QCOMPARE(check->pendingCount(), 0);
    test::press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY2(
        accept->isEnabled(), qPrintable(m_window->decisionPage()->decisionHint(cases::EventKind::Accepted)));
    QCOMPARE(QApplication::focusWidget(), accept);
    test::press(Qt::Key_Return);
    QVERIFY(m_window->isShowingDocument());

    // The decision ends the ticket's service on the server; the case keeps its number.
    QTRY_VERIFY(!bar->status().current.isValid());
    const QJsonArray tickets = m_hall->get(token, u"tickets"_s).json().value(u"tickets"_s).toArray();
    QCOMPARE(tickets.size(), 1);
    QCOMPARE(tickets.at(0).toObject().value(u"state"_s).toString(), u"done"_s);
    QCOMPARE(tickets.at(0).toObject().value(u"clerk"_s).toString(), u"lisi"_s);
    Result<cases::Case> stored = m_store->findByNumber(m_window->intakeSession()->currentCase().number);
    QVERIFY(stored);
    QCOMPARE(stored->state, cases::CaseState::Accepted);
    QCOMPARE(stored->ticket, number);
    QCOMPARE(stored->applicant.idNumber, u"11010519491231002X"_s);
}

void TestQueueCounter::withoutQueueTheCounterTakesWalkIns()
{
    openWindow();
    auto *bar = new QueueBar(m_window.get());
    m_window->attachQueue(bar);
    bar->setService(nullptr);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY2(bar->text().contains(u"排队"_s), qPrintable(bar->text()));
    QVERIFY(!bar->callNextAction()->isEnabled());
    // F9 does nothing; the search works as before.
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    test::press(Qt::Key_F9);
    QVERIFY(m_window->isSearching());
    test::type(u"ggcswsxk"_s);
    test::press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    QVERIFY(m_window->intakeSession()->currentCase().ticket.isEmpty());
}

void TestQueueCounter::transferToAnotherCounterNamesTheClerk()
{
    m_hall = std::make_unique<QueueHall>(m_dir->filePath(u"server"_s));
    QVERIFY2(m_hall->start(), qPrintable(m_hall->server().startError()));
    const QString kiosk = m_hall->enrol(u"K01"_s);
    const QString token = m_hall->enrol(u"W07"_s);
    const QString other = m_hall->enrol(u"W08"_s);
    QVERIFY(!kiosk.isEmpty() && !token.isEmpty() && !other.isEmpty());
    QCOMPARE(
        m_hall->post(other, u"counters/W08"_s, {{u"state"_s, u"open"_s}, {u"clerk"_s, u"wangwu"_s}}).status,
        200);

    openWindow();
    auto *service
        = new sync::QueueService(m_hall->url(), token, u"W07"_s, u"lisi"_s, Clock(), m_window.get());
    auto *bar = new QueueBar(m_window.get());
    m_window->attachQueue(bar);
    const QHash<QString, QString> names {{u"lisi"_s, u"李四"_s}};
    bar->setClerkName([names](const QString &login) { return names.value(login, login); });
    bar->setService(service);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_VERIFY(bar->status().reachable);
    bar->findChild<QAction *>(u"queueOpen"_s)->trigger();
    // A round trip to the hall's server: on a loaded machine it has taken longer than QTRY's 5 s.
    QTRY_COMPARE_WITH_TIMEOUT(bar->status().counterState, u"open"_s, 30000);
    // The bar names the clerk, not the login.
    QVERIFY2(bar->text().contains(u"李四"_s), qPrintable(bar->text()));
    QVERIFY2(!bar->text().contains(u"lisi"_s), qPrintable(bar->text()));

    QCOMPARE(m_hall->post(kiosk, u"tickets"_s, {{u"matter"_s, kMatter}}).status, 201);
    bar->service()->refresh();
    QTRY_VERIFY(bar->callNextAction()->isEnabled());
    QTRY_VERIFY(bar->status().waiting == 1);
    test::press(Qt::Key_F9);
    QTRY_VERIFY(bar->status().current.isValid());
    const QString number = bar->status().current.number;

    // F8: the choice of where to goes through the dialog seam; W08 is chosen.
    const int asked = ChoiceDialog::askCount();
    ChoiceDialog::setNextAnswer(0);
    test::press(Qt::Key_F8);
    QTRY_COMPARE(ChoiceDialog::askCount(), asked + 1);
    QVERIFY2(ChoiceDialog::lastQuestion().contains(number), qPrintable(ChoiceDialog::lastQuestion()));
    QCOMPARE(ChoiceDialog::lastItems().value(0), u"W08 窗口"_s);
    QTRY_VERIFY(!bar->status().current.isValid());
    const HttpResult there = m_hall->post(other, u"counters/W08/call"_s, {{u"clerk"_s, u"wangwu"_s}});
    QCOMPARE(there.status, 200);
    QCOMPARE(there.json().value(u"ticket"_s).toObject().value(u"number"_s).toString(), number);

    // Cancelling the choice transfers nothing.
    QCOMPARE(m_hall->post(kiosk, u"tickets"_s, {{u"matter"_s, kMatter}}).status, 201);
    bar->service()->refresh();
    QTRY_VERIFY(bar->status().waiting == 1);
    test::press(Qt::Key_F9);
    QTRY_VERIFY(bar->status().current.isValid());
    ChoiceDialog::setNextAnswer(std::nullopt);
    test::press(Qt::Key_F8);
    QTRY_COMPARE(ChoiceDialog::askCount(), asked + 2);
    const QJsonArray tickets = m_hall->get(token, u"tickets"_s).json().value(u"tickets"_s).toArray();
    QVERIFY(!tickets.isEmpty());
    QCOMPARE(tickets.last().toObject().value(u"number"_s).toString(), bar->status().current.number);
    QCOMPARE(tickets.last().toObject().value(u"state"_s).toString(), u"called"_s);
}

// The counter's screen, 1366×768, as tst_workstationLayout sets it.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestQueueCounter>(argc, argv, ow::test::ScreenLanguage::English);
}
#include "tst_queueCounter.moc"
