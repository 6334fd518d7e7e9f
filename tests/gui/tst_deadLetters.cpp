// Cases → Undelivered pushes (推送失败) against a real onewindow-server on loopback, in Chinese on the
// counter's 1366×768 screen: the server started with push settings that give a delivery up at its
// first failed attempt, the case's department registered at an address where nothing listens, a case
// accepted at this counter synced; its push dies. The action only for a supervisor; the supervisor
// signs in with their password in the window (never kept), the dead letter is listed with the
// department by name, the case number, what was pushed in words, its attempts, its error and when it
// was given up; Enter on it asks first (Cancel: nothing sent), then puts it back in line, and once the
// department's system is up the delivery arrives and the list is empty. The screenshot for
// docs/supervision.md.

#include "../unit/CaseTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "accounts/PasswordHash.h"
#include "deptsim/DepartmentSimulator.h"
#include "server/DeliveryOutbox.h"
#include "server/DepartmentEndpoints.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "ui/CaseScreens.h"
#include "ui/ConfirmDialog.h"
#include "ui/DeadLettersWindow.h"
#include "ui/SupervisorDeskPage.h"
#include "ui/Theme.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"watch-pass-7"_s;

} // namespace

class TestDeadLetters : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<cases::CaseStore> m_store;
    QString m_number;
    QByteArray m_secret;
    quint16 m_departmentPort = 0;

    ui::CaseScreenContext context(accounts::Role role = accounts::Role::Supervisor) const
    {
        ui::CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = *WorkingCalendar::loadBuiltIn();
        c.role = role;
        c.clerk = u"3001"_s;
        c.clerkName = u"李监察"_s;
        c.clock = Clock::system();
        c.settings = documents::HallSettings::builtIn().value();
        c.hall = *sync::SyncSettings::read(*m_store);
        return c;
    }
    /// The server's deliveries: all, or the dead ones.
    QList<server::Delivery> deliveries(bool deadOnly)
    {
        auto db = server::ServerSchema::open(m_server->databaseSpec());
        if (!db)
            return {};
        const Result<QList<server::Delivery>> list
            = server::DeliveryOutbox(**db, Clock::system()).list(deadOnly);
        return list ? *list : QList<server::Delivery>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::Theme::apply(*qApp);
        // Given up at the first failed attempt, so the test need not wait for the back-off.
        const QString settings = m_dir.filePath(u"push.ini"_s);
        QFile file(settings);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[push]\nattempts = 1\nfirst-retry-seconds = 1\n");
        file.close();
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        m_server->setExtraArguments({u"--push-settings"_s, settings});
        QVERIFY(m_server->start());
        {
            QTcpServer probe; // a free port where nothing listens yet: the department's system is down
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_departmentPort = probe.serverPort();
        }
        {
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            QVERIFY(accounts.add(cases::testing::workstation().hall, u"test"_s, u"3001"_s, u"李监察"_s,
                u"supervisor"_s, accounts::PasswordHash::create(kPassword)));
            const Result<QString> secret
                = server::DepartmentEndpoints(**db, Clock::system())
                      .setUrl(u"wj"_s, QUrl(u"http://127.0.0.1:%1/push"_s.arg(m_departmentPort)));
            QVERIFY(secret);
            m_secret = secret->toLatin1();
        }
        m_store = enrolled(*m_server, m_dir.filePath(u"counter"_s), u"W07"_s);
        m_number = acceptCase(*m_store, 0, 0, 1).number;
        QString output;
        QCOMPARE(runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--data-dir"_s, m_dir.filePath(u"counter"_s)},
                     &output),
            0);
        QTRY_COMPARE_WITH_TIMEOUT(deliveries(true).size(), 1, 30000);
    }

    void onlyForSupervisors()
    {
        QStackedWidget stack;
        ui::CaseScreens clerk(context(accounts::Role::IntakeClerk), &stack, &stack);
        QVERIFY(!clerk.deadLettersAction());
        QVERIFY(!clerk.showDeadLetters());
        ui::CaseScreens supervisor(context(), &stack, &stack);
        QVERIFY(supervisor.deadLettersAction());
        QVERIFY(supervisor.createMenu(&stack)->actions().contains(supervisor.deadLettersAction()));
        // And from the desk.
        auto *button = supervisor.supervisorDesk()->findChild<QPushButton *>(u"deskDeadLetters"_s);
        QVERIFY(button);
        button->click();
        auto *fromDesk = stack.findChild<ui::DeadLettersWindow *>();
        QVERIFY(fromDesk);
        fromDesk->close();
    }

    void listedWithNamesThenResent()
    {
        QStackedWidget stack;
        stack.resize(1366, 768);
        ui::CaseScreens screens(context(), &stack, &stack);
        stack.show();
        ui::DeadLettersWindow *window = screens.showDeadLetters();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // Not signed in yet: the password first, never kept.
        QVERIFY(window->passwordField()->isVisible());
        QCOMPARE(window->table()->rowCount(), 0);
        window->passwordField()->setFocus();
        QTest::keyClicks(window->passwordField(), kPassword);
        QTest::keyClick(window->passwordField(), Qt::Key_Return);
        QVERIFY2(window->letters().size() == 1, qPrintable(window->statusLabel()->text()));
        QVERIFY(window->passwordField()->text().isEmpty());
        QVERIFY(!window->passwordField()->isVisible());

        QTableWidget *table = window->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), u"区卫生健康局"_s);
        QCOMPARE(table->item(0, 1)->text(), m_number);
        QCOMPARE(table->item(0, 2)->text(), cases::displayName(cases::EventKind::Accepted));
        QCOMPARE(table->item(0, 3)->text(), u"1"_s);
        QVERIFY(!table->item(0, 4)->text().isEmpty());
        QVERIFY(!table->item(0, 5)->text().isEmpty());
        QVERIFY(test::collisions(test::windowMnemonics(window)).isEmpty());
        QVERIFY(window->width() <= 1366 && window->height() <= 768);
        test::saveScreenshot(*window, u"zh-dead-letters.png"_s);

        // Enter asks first; cancelled, nothing is sent.
        const int asked = ui::ConfirmDialog::askCount();
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Cancel);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(ui::ConfirmDialog::askCount(), asked + 1);
        QVERIFY(ui::ConfirmDialog::lastText().contains(m_number));
        QVERIFY(ui::ConfirmDialog::lastText().contains(u"区卫生健康局"_s));
        QCOMPARE(deliveries(true).size(), 1);

        // The department's system is back; the push resent arrives there, once.
        deptsim::DepartmentSimulator simulator(
            {m_secret, {}, {}, 0, 0, deptsim::DepartmentSimulator::Outcome::Approve, 0, {}, u"deptsim"_s},
            Clock::system());
        QVERIFY(simulator.open());
        deptsim::PushReceiver receiver(
            [&simulator](const deptsim::PushRequest &request) { return simulator.handle(request); });
        QVERIFY(receiver.listen(QHostAddress::LocalHost, m_departmentPort));
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(ui::ConfirmDialog::askCount(), asked + 2);
        QVERIFY2(window->letters().isEmpty(), qPrintable(window->statusLabel()->text()));
        QVERIFY(window->statusLabel()->text().contains(m_number));
        QTRY_COMPARE_WITH_TIMEOUT(simulator.processed().size(), 1, 30000);
        QTRY_COMPARE(deliveries(false).first().state, u"delivered"_s);
        window->close();
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestDeadLetters>(argc, argv);
}

#include "tst_deadLetters.moc"
