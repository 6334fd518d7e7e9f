// The workstation's dialogs answer each Alt key once, in both languages: the accounts dialog with
// its account form, the login dialog (first administrator, login, switch user), the document camera
// and the first-run setup. A key used twice does nothing useful for the clerk who presses it.

#include "../unit/CameraTestPhotos.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "accounts/AccountStore.h"
#include "camera/FolderCamera.h"
#include "setup/HallSetup.h"
#include "setup/WorkstationConfig.h"
#include "ui/AccountsDialog.h"
#include "ui/CameraCaptureDialog.h"
#include "ui/LoginDialog.h"
#include "ui/SetupDialog.h"
#include "ui/Theme.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ow;
using namespace ow::ui;
using namespace ow::drivers::camera;

class TestDialogMnemonics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Theme::apply(*qApp); }
    void init();
    void cleanup();

    void accountsDialog_data() { languages(); }
    void accountsDialog();
    void loginDialog_data() { languages(); }
    void loginDialog();
    void cameraDialog_data() { languages(); }
    void cameraDialog();
    void setupDialog_data() { languages(); }
    void setupDialog();

private:
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }
    /// Fails naming each key `dialog` answers to twice.
    static void checkKeys(QWidget *dialog, const QString &what)
    {
        QCoreApplication::processEvents();
        const QStringList clash = test::collisions(test::windowMnemonics(dialog));
        QVERIFY2(clash.isEmpty(),
            qPrintable(
                QStringLiteral("%1: Alt keys used twice: %2").arg(what, clash.join(QStringLiteral("; ")))));
    }
    std::unique_ptr<accounts::AccountStore> openStore() const
    {
        auto store = accounts::AccountStore::open(m_dir->filePath(QStringLiteral("cases.db")));
        return store ? std::move(*store) : nullptr;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTranslator> m_translator;
};

void TestDialogMnemonics::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFETCH(QString, language);
    if (language == QStringLiteral("en"))
        return; // the sources are English
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/onewindow_%1.qm").arg(language)));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
}

void TestDialogMnemonics::cleanup()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
    m_dir.reset();
}

void TestDialogMnemonics::accountsDialog()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->createFirstAdmin(
        QStringLiteral("9001"), QStringLiteral("王芳"), QStringLiteral("hall-admin-1")));
    AccountsDialog dialog(*store, QStringLiteral("9001"), std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    checkKeys(&dialog, QStringLiteral("accounts"));
}

void TestDialogMnemonics::loginDialog()
{
    auto store = openStore();
    QVERIFY(store);
    {
        LoginDialog first(*store); // no account yet: the first administrator
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        checkKeys(&first, QStringLiteral("first administrator"));
    }
    QVERIFY(store->createFirstAdmin(
        QStringLiteral("9001"), QStringLiteral("王芳"), QStringLiteral("hall-admin-1")));
    LoginDialog login(*store);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    checkKeys(&login, QStringLiteral("login"));
}

void TestDialogMnemonics::cameraDialog()
{
    QVERIFY(CameraTestPhotos::pagePhoto(QSize(1600, 1200), QSizeF(620, 877), QPointF(820, 610), 6.0, 1)
                .save(m_dir->filePath(QStringLiteral("1.jpg")), "jpeg", 92));
    FolderCamera camera(m_dir->path());
    CameraCaptureDialog dialog(&camera, PageOptions {}, QStringLiteral("营业执照副本"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(camera.state(), DocumentCamera::State::Ready);
    checkKeys(&dialog, QStringLiteral("camera"));
}

void TestDialogMnemonics::setupDialog()
{
    Result<setup::WorkstationConfig> config = setup::WorkstationConfig::load(
        {}, m_dir->filePath(QStringLiteral("user.ini")), m_dir->filePath(QStringLiteral("machine.conf")));
    QVERIFY(config);
    setup::HallSetup setup(*config, m_dir->filePath(QStringLiteral("data")));
    SetupDialog dialog(setup, QString(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    checkKeys(&dialog, QStringLiteral("setup"));
}

QTEST_MAIN(TestDialogMnemonics)
#include "tst_dialogMnemonics.moc"
