// The workstation on a 1366×768 counter screen, in Simplified Chinese and in English: every page of
// the window and the devices dialog fit the screen with the status bar in view; no two things a
// clerk can reach on one page (buttons, boxes, tabs, the menu bar) answer to the same Alt key, nor two
// entries of one menu; the window's shortcuts still work after a dialog has closed without a window
// manager. Saves a screenshot of every page at that size.

#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "MnemonicSupport.h"
#include "cases/CaseStore.h"
#include "devices/DeviceHub.h"
#include "ui/ApplicantForm.h"
#include "ui/CaseScreens.h"
#include "ui/DecisionPage.h"
#include "ui/DocumentPreview.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/QuestionWidget.h"
#include "ui/ShortcutsDialog.h"
#include "ui/Theme.h"
#include "ui/WorkstationDevices.h"

#include <QAbstractButton>
#include <QDialog>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <memory>

using namespace ow;
using namespace ow::ui;
using ow::test::press;

namespace {

/// The counter screen of the walk-through, less a taskbar: the most a window's frame may take.
constexpr QSize kScreen(1366, 768);
constexpr QSize kRoom(1366, 728);

const QHash<QString, Qt::Key> kHotelKeys {
    {QStringLiteral("place-type"), Qt::Key_1},
    {QStringLiteral("linen-washing"), Qt::Key_2},
    {QStringLiteral("lodging-facilities"), Qt::Key_1},
    {QStringLiteral("central-ac"), Qt::Key_1},
    {QStringLiteral("agent"), Qt::Key_1},
};

QuestionWidget *focusedQuestion()
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

bool fits(const QSize &size, const QSize &room)
{
    return size.width() <= room.width() && size.height() <= room.height();
}

QString sizeText(const QSize &size)
{
    return QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
}

using test::collisions;
using test::mnemonicOf;
using test::windowMnemonics;

/// Collisions among the entries of each menu of the menu bar (inside an open menu a letter alone
/// chooses an entry).
QStringList menuCollisions(QWidget *window)
{
    QStringList found;
    for (QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        for (QAction *top : bar->actions()) {
            QMenu *menu = top->menu();
            if (!menu)
                continue;
            QMultiHash<QChar, QString> keys;
            for (QAction *action : menu->actions())
                if (action->isVisible() && !action->isSeparator())
                    if (const QChar key = mnemonicOf(action->text()); !key.isNull())
                        keys.insert(key, action->text());
            for (const QString &collision : collisions(keys))
                found.append(top->text() + QStringLiteral(" → ") + collision);
        }
    }
    return found;
}

} // namespace

class TestWorkstationLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void screenIsTheCounterScreen();
    void windowStartsWithinTheScreen();
    void everyPageFitsAndKeepsItsAltKeys_data();
    void everyPageFitsAndKeepsItsAltKeys();
    void devicesDialogFitsAndKeepsItsAltKeys_data();
    void devicesDialogFitsAndKeepsItsAltKeys();
    void shortcutsWorkAfterADialogCloses();

private:
    void useLanguage(const QString &language);
    void openWindow();
    void interviewHotel();
    void checkPage(const QString &page, bool screenshot = true);
    QStackedWidget *pages() const;
    void saveScreenshot(QWidget *widget, const QString &name) const;

    test::IntakeData m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<devices::DeviceHub> m_hub;
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<MainWindow> m_window;
    QString m_language;
};

void TestWorkstationLayout::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestWorkstationLayout::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);
    m_hub = std::make_unique<devices::DeviceHub>();
    m_hub->apply(devices::DeviceSettings::none());
    useLanguage(QStringLiteral("zh_CN"));
}

void TestWorkstationLayout::cleanup()
{
    m_window.reset();
    m_hub.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
}

void TestWorkstationLayout::useLanguage(const QString &language)
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
    m_language = language;
    if (language == QStringLiteral("en"))
        return; // the sources are English
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/onewindow_%1.qm").arg(language)));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
}

void TestWorkstationLayout::openWindow()
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->attachDevices(
        new WorkstationDevices(*m_hub, m_settings.get(), m_data.hall->hallName(), m_window.get()));
    CaseScreenContext context;
    context.store = m_store.get();
    context.calendar = *m_data.calendar;
    context.role = accounts::Role::Admin;
    context.clerk = QStringLiteral("lisi");
    context.clock = Clock::fixed(test::kIntakeNow);
    m_window->addCaseScreens(context);
    m_window->show(); // at the size the window chose for itself
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

QStackedWidget *TestWorkstationLayout::pages() const
{
    // The stack of pages is the central widget's; the pages hold stacks of their own.
    for (QStackedWidget *stack : m_window->centralWidget()->findChildren<QStackedWidget *>())
        if (stack->parentWidget() == m_window->centralWidget())
            return stack;
    return nullptr;
}

void TestWorkstationLayout::interviewHotel()
{
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    test::type(QStringLiteral("ggcswsxk"));
    press(Qt::Key_Return);
    InterviewPage *page = m_window->interviewPage();
    QVERIFY(page->session());
    for (int guard = 0; guard < 10 && !page->session()->isComplete(); ++guard) {
        QuestionWidget *current = focusedQuestion();
        QVERIFY2(current, "no question has the focus");
        press(kHotelKeys.value(current->question().id, Qt::Key_1));
    }
    QVERIFY(page->session()->isComplete());
}

void TestWorkstationLayout::saveScreenshot(QWidget *widget, const QString &name) const
{
    QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

/// The page shown now fits the room with the status bar in view, and its Alt keys are its own.
void TestWorkstationLayout::checkPage(const QString &page, bool screenshot)
{
    QCoreApplication::processEvents(); // let the layouts settle
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(fits(minimum, kRoom),
        qPrintable(QStringLiteral("%1 (%2): the window needs at least %3, the screen has %4")
                       .arg(page, m_language, sizeText(minimum), sizeText(kRoom))));
    QVERIFY2(fits(m_window->frameGeometry().size(), kRoom),
        qPrintable(
            QStringLiteral("%1: the window is %2").arg(page, sizeText(m_window->frameGeometry().size()))));
    const QRect bar = m_window->statusBar()->geometry();
    QVERIFY2(bar.bottom() < m_window->height()
            && bar.height() >= m_window->statusBar()->minimumSizeHint().height(),
        qPrintable(QStringLiteral("%1: the status bar is cut off").arg(page)));
    const QStringList clash = collisions(windowMnemonics(m_window.get())) + menuCollisions(m_window.get());
    QVERIFY2(clash.isEmpty(),
        qPrintable(QStringLiteral("%1 (%2): Alt keys used twice: %3")
                       .arg(page, m_language, clash.join(QStringLiteral("; ")))));
    if (screenshot && m_language == QStringLiteral("zh_CN"))
        saveScreenshot(m_window.get(), QStringLiteral("screen-1366-%1.png").arg(page));
}

void TestWorkstationLayout::screenIsTheCounterScreen()
{
    // main() below sets the offscreen screen; everything else here depends on it.
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), kScreen);
}

void TestWorkstationLayout::windowStartsWithinTheScreen()
{
    openWindow();
    const QSize frame = m_window->frameGeometry().size();
    QVERIFY2(fits(frame, kRoom), qPrintable(sizeText(frame)));
    // It takes the room there is, not a corner of it.
    QVERIFY2(frame.width() >= kRoom.width() - 40 && frame.height() >= kRoom.height() - 80,
        qPrintable(sizeText(frame)));
    // Where there is room the window takes its own size; a taskbar the system does not report is
    // allowed for.
    const QRect big(0, 0, 1920, 1080);
    QCOMPARE(MainWindow::initialSize(big.adjusted(0, 0, 0, -40), big), QSize(1440, 880));
    const QRect counter(QPoint(0, 0), kScreen);
    QCOMPARE(MainWindow::initialSize(counter, counter), kRoom);
    QCOMPARE(MainWindow::initialSize(counter.adjusted(0, 0, 0, -48), counter), QSize(1366, 720));
}

void TestWorkstationLayout::everyPageFitsAndKeepsItsAltKeys_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestWorkstationLayout::everyPageFitsAndKeepsItsAltKeys()
{
    QFETCH(QString, language);
    useLanguage(language);
    openWindow();
    checkPage(QStringLiteral("search"));
    interviewHotel();
    checkPage(QStringLiteral("interview"));

    press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    ApplicantForm *form = m_window->applicantForm();
    cases::Applicant applicant;
    applicant.name = QStringLiteral("张三丰");
    applicant.idNumber = QStringLiteral("11010519491231002X");
    applicant.contactName = QStringLiteral("张三丰");
    applicant.contactMobile = QStringLiteral("13812345678");
    applicant.deliverByPost = true; // the recipient's box too
    applicant.recipientName = QStringLiteral("张三丰");
    applicant.recipientMobile = QStringLiteral("13812345678");
    applicant.recipientProvince = QStringLiteral("浙江省");
    applicant.recipientCity = QStringLiteral("温州市");
    applicant.recipientDistrict = QStringLiteral("鹿城区");
    applicant.recipientAddress = QStringLiteral("五马街 1 号");
    form->setApplicant(applicant);
    checkPage(QStringLiteral("applicant"));

    press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    MaterialCheckPage *check = m_window->materialCheckPage();
    check->focusFirstPending();
    checkPage(QStringLiteral("materials"));
    for (int guard = 0; guard < 60 && check->pendingCount() > 0; ++guard) {
        const int before = check->pendingCount();
        press(Qt::Key_Return, Qt::ControlModifier);
        if (check->pendingCount() < before)
            continue;
        press(Qt::Key_R);
        if (check->pendingCount() < before)
            continue;
        press(Qt::Key_Down);
    }
    QCOMPARE(check->pendingCount(), 0);

    press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    checkPage(QStringLiteral("decision"));
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY2(
        accept->isEnabled(), qPrintable(m_window->decisionPage()->decisionHint(cases::EventKind::Accepted)));
    accept->click();
    QTRY_VERIFY(m_window->isShowingDocument());
    checkPage(QStringLiteral("document"));

    // Whatever else the window holds (case list, pickup counter and the pages still to come).
    QStackedWidget *stack = pages();
    QVERIFY(stack);
    const QStringList walked {QStringLiteral("MatterSearchPage"), QStringLiteral("InterviewPage"),
        QStringLiteral("RegistrationPage"), QStringLiteral("MaterialCheckPage"),
        QStringLiteral("DecisionPage"), QStringLiteral("DocumentPreview")};
    for (int i = 0; i < stack->count(); ++i) {
        stack->setCurrentIndex(i);
        const QString page
            = QString::fromLatin1(stack->widget(i)->metaObject()->className()).section(u':', -1);
        checkPage(page, !walked.contains(page)); // a picture of each page once
    }
}

void TestWorkstationLayout::devicesDialogFitsAndKeepsItsAltKeys_data()
{
    everyPageFitsAndKeepsItsAltKeys_data();
}

void TestWorkstationLayout::devicesDialogFitsAndKeepsItsAltKeys()
{
    QFETCH(QString, language);
    useLanguage(language);
    openWindow();
    m_window->devices()->showDevicePanel(true);
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("devicesDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QSize minimum = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
    QVERIFY2(fits(minimum, kRoom), qPrintable(sizeText(minimum)));
    QVERIFY2(
        fits(dialog->frameGeometry().size(), kRoom), qPrintable(sizeText(dialog->frameGeometry().size())));
    // Each tab of the panel on its own: only the shown tab's fields answer to Alt keys.
    QList<QTabWidget *> tabs = dialog->findChildren<QTabWidget *>();
    tabs.prepend(nullptr);
    for (QTabWidget *tab : std::as_const(tabs)) {
        for (int i = 0; i < (tab ? tab->count() : 1); ++i) {
            if (tab)
                tab->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QStringList clash = collisions(windowMnemonics(dialog));
            QVERIFY2(clash.isEmpty(),
                qPrintable(QStringLiteral("devices (%1): Alt keys used twice: %2")
                               .arg(language, clash.join(QStringLiteral("; ")))));
        }
    }
    if (language == QStringLiteral("zh_CN"))
        saveScreenshot(dialog, QStringLiteral("screen-1366-devices.png"));
    dialog->reject();
}

void TestWorkstationLayout::shortcutsWorkAfterADialogCloses()
{
    openWindow();
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());

    // A modal dialog over the window, closed again; nothing but the workstation hands the focus back.
    m_window->devices()->showDevicePanel(false);
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("devicesDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->reject();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());

    // F1, sent to the window as the keyboard would: its keyboard reference opens.
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(m_window->shortcutsDialog());
    QVERIFY(m_window->shortcutsDialog()->isVisible());
    // That one closed too, Ctrl+F still finds the search field.
    m_window->shortcutsDialog()->close();
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
}

/// The offscreen screen of a 1366×768 counter, set before the application starts.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestWorkstationLayout>(argc, argv, ow::test::ScreenLanguage::English);
}

#include "tst_workstationLayout.moc"
