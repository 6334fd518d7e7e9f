// The workstation with its devices, all simulated: the card reader fills the applicant (F3), the
// document camera adds pages to a material (F6), the evaluator's rating lands on the case after
// the decision, and a scanned case number opens the case on the pickup page.

#include "../unit/CameraTestPhotos.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "cases/CaseStore.h"
#include "core/WorkingCalendar.h"
#include "devices/DeviceHub.h"
#include "documents/DocumentSamples.h"
#include "documents/HallSettings.h"
#include "evaluator/EvaluatorSimulator.h"
#include "idcard/IdCardSimulator.h"
#include "intake/IntakeSession.h"
#include "scanner/KeyboardWedgeFilter.h"
#include "scanner/ScannerSimulator.h"
#include "ui/ApplicantForm.h"
#include "ui/CameraCaptureDialog.h"
#include "ui/CaseScreens.h"
#include "ui/DecisionPage.h"
#include "ui/DocumentPreview.h"
#include "ui/EvaluatorPadWindow.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/PickupPage.h"
#include "ui/QuestionWidget.h"
#include "ui/Theme.h"
#include "ui/WorkstationDevices.h"

#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <memory>

using namespace ow;
using namespace ow::ui;
using ow::test::press;
using ow::test::type;

namespace {

constexpr int kWaitMs = 10000;
/// Monday 16 March 2026, noon UTC: the calendar knows the deadlines counted from it.
const QDateTime kNow = test::kIntakeNow;

/// The hotel of the demo catalogue: lodging, linen washed under contract, no pool or public bath,
/// central air, in person.
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

} // namespace

class TestWorkstationDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void intakeWithDevices();
    void pickupClerkLandsOnThePickupPage();
    void onScreenPadAsksTheApplicant();
    void printingFollowsTheRoutingPerDocument();
    void wedgeScannerListensOnlyAtThePickupCounter();

private:
    void openWindow(accounts::Role role);
    void interviewHotel();
    void saveScreenshot(const QString &name) const;

    test::IntakeData m_data; ///< demo catalogue, calendar, hall settings
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<devices::DeviceHub> m_hub;
    drivers::scanner::ScannerSimulator *m_scanner = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkstationDevices::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestWorkstationDevices::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);

    // One page photo for the folder camera.
    const QString photos = m_dir->filePath(QStringLiteral("camera"));
    QVERIFY(QDir().mkpath(photos));
    QVERIFY(CameraTestPhotos::pagePhoto(QSize(1600, 1200), QSizeF(620, 877), QPointF(800, 600), 3.0, 1)
                .save(QDir(photos).filePath(QStringLiteral("1.jpg")), "jpeg", 92));

    devices::DeviceSettings settings = devices::DeviceSettings::none();
    settings.idCard.connection = devices::IdCardSettings::Connection::Simulator;
    settings.receipt.connection = drivers::receipt::ReceiptSettings::Connection::Simulator;
    settings.evaluator.backend = drivers::evaluator::EvaluatorSettings::Backend::Simulator;
    settings.camera.backend = drivers::camera::CameraSettings::Backend::Folder;
    settings.camera.folder = photos;
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);
    m_hub = std::make_unique<devices::DeviceHub>();
    m_hub->apply(settings);
    auto scanner = std::make_unique<drivers::scanner::ScannerSimulator>();
    m_scanner = scanner.get();
    m_hub->replaceScanner(std::move(scanner), QStringLiteral("simulator"));
    auto *evaluator = qobject_cast<drivers::evaluator::EvaluatorSimulator *>(m_hub->evaluator());
    QVERIFY(evaluator);
    evaluator->setDelay(0);
}

void TestWorkstationDevices::cleanup()
{
    m_window.reset();
    m_hub.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

void TestWorkstationDevices::openWindow(accounts::Role role)
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(kNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    auto *devices = new WorkstationDevices(*m_hub, m_settings.get(), m_data.hall->hallName(), m_window.get());
    m_window->attachDevices(devices);
    CaseScreenContext context;
    context.store = m_store.get();
    context.calendar = *m_data.calendar;
    context.role = role;
    context.clerk = QStringLiteral("lisi");
    context.clock = Clock::fixed(kNow);
    m_window->addCaseScreens(context);
    m_window->resize(1440, 880);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestWorkstationDevices::interviewHotel()
{
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    type(QStringLiteral("ggcswsxk"));
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

void TestWorkstationDevices::saveScreenshot(const QString &name) const
{
    QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(dir);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
}

void TestWorkstationDevices::intakeWithDevices()
{
    openWindow(accounts::Role::Admin);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_hub->status(devices::DeviceKind::IdCard).state, devices::DeviceState::Connected, kWaitMs);
    interviewHotel();

    // F3 on the applicant form: the simulated reader reads its card into the form.
    press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    press(Qt::Key_F3);
    const drivers::idcard::IdCardData card = drivers::idcard::IdCardSimulator::sampleCard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->applicantForm()->applicant().idNumber, card.idNumber, kWaitMs);
    QCOMPARE(m_window->applicantForm()->applicant().name, card.name);
    auto *mobile = m_window->applicantForm()->findChild<QLineEdit *>(QStringLiteral("contactMobile"));
    QVERIFY(mobile);
    mobile->setText(QStringLiteral("13812345678"));

    // F6 in the material check: the camera dialog takes one page, Done stores it under the material.
    press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    MaterialCheckPage *check = m_window->materialCheckPage();
    const QString materialId = m_window->intakeSession()->interview().checklist.lines.constFirst().materialId;
    QCOMPARE(check->currentLine(), 0);
    press(Qt::Key_F6);
    QTRY_VERIFY(m_window->devices()->captureDialog());
    CameraCaptureDialog *dialog = m_window->devices()->captureDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY2_WITH_TIMEOUT(m_hub->camera()->state() == drivers::camera::DocumentCamera::State::Ready,
        qPrintable(m_hub->camera()->errorMessage()), kWaitMs);
    dialog->capture();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->pageCount(), 1, kWaitMs);
    dialog->accept();
    QTRY_COMPARE(m_window->intakeSession()->currentCase().attachments.size(), 1);
    const cases::CaseAttachment attachment
        = m_window->intakeSession()->currentCase().attachments.constFirst();
    QCOMPARE(attachment.materialId, materialId);
    QCOMPARE(attachment.mimeType, QStringLiteral("image/jpeg"));
    QVERIFY(attachment.size > 0);
    // Back at the window (the offscreen platform does not hand the focus back by itself).
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    check->focusFirstPending();

    // Everything received, accepted: the evaluator is asked and its rating lands on the case.
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
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY2(
        accept->isEnabled(), qPrintable(m_window->decisionPage()->decisionHint(cases::EventKind::Accepted)));
    // The applicant is not pleased: a bad rating, to be followed up.
    auto *evaluator = qobject_cast<drivers::evaluator::EvaluatorSimulator *>(m_hub->evaluator());
    QVERIFY(evaluator);
    evaluator->setAnswer(drivers::evaluator::RatingLevel::Dissatisfied);
    QSignalSpy rated(m_window->devices(), &WorkstationDevices::ratingRecorded);
    press(Qt::Key_Return);
    QVERIFY(m_window->isShowingDocument());
    const QString number = m_window->intakeSession()->currentCase().number;
    QTRY_COMPARE_WITH_TIMEOUT(rated.size(), 1, kWaitMs);
    Result<QList<cases::CaseEvent>> events = m_store->events(number);
    QVERIFY(events);
    const cases::CaseEvent &last = events->constLast();
    QCOMPARE(last.kind, cases::EventKind::Note);
    QCOMPARE(last.payload.value(QStringLiteral("evaluation")).toInt(), 2);
    QCOMPARE(last.payload.value(QStringLiteral("followUp")).toBool(), true);
    QCOMPARE(last.clerk, QStringLiteral("lisi"));

    // At the pickup page a scanned case number opens the case.
    press(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    PickupPage *pickup = m_window->caseScreens()->pickupPage();
    QVERIFY(pickup);
    QTRY_VERIFY(pickup->isVisible());
    m_scanner->scan(number);
    QTRY_VERIFY(pickup->currentCase().has_value());
    QCOMPARE(pickup->currentCase()->number, number);
    saveScreenshot(QStringLiteral("workstation-pickup.png"));
}

void TestWorkstationDevices::pickupClerkLandsOnThePickupPage()
{
    openWindow(accounts::Role::PickupClerk);
    PickupPage *pickup = m_window->caseScreens()->pickupPage();
    QVERIFY(pickup);
    QTRY_VERIFY(pickup->isVisible());
    QVERIFY(m_window->caseScreens()->caseListPage());
    // The intake is not theirs: its keys do nothing.
    press(Qt::Key_F, Qt::ControlModifier);
    QVERIFY(pickup->isVisible());
    QVERIFY(!m_window->isSearching());
    // A code scanned here is looked up; an unknown one says so.
    m_scanner->scan(QStringLiteral("33030201-20260316-07-0099"));
    QTRY_VERIFY(!pickup->message().isEmpty());
    QVERIFY(!pickup->currentCase().has_value());
}

void TestWorkstationDevices::onScreenPadAsksTheApplicant()
{
    devices::DeviceSettings settings = m_hub->settings();
    settings.evaluator.backend = drivers::evaluator::EvaluatorSettings::Backend::Screen;
    m_hub->apply(settings);
    openWindow(accounts::Role::IntakeClerk);
    EvaluatorPadWindow *pad = m_window->devices()->padWindow();
    QVERIFY(pad);
    QCOMPARE(m_window->caseScreens()->pickupPage(), nullptr); // not an intake clerk's screen

    cases::Case draft;
    draft.matterCode = QStringLiteral("330302-WJ-001");
    Result<cases::Case> created = m_store->createDraft(draft, QStringLiteral("lisi"));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message()));
    QSignalSpy rated(m_window->devices(), &WorkstationDevices::ratingRecorded);
    m_window->devices()->requestRating(created->number);
    QTRY_VERIFY(pad->isAskingForRating());
    QCOMPARE(pad->shownCaseNumber(), created->number);
    QTest::mouseClick(pad->buttonFor(drivers::evaluator::RatingLevel::VerySatisfied), Qt::LeftButton);
    QTRY_COMPARE(rated.size(), 1);
    Result<QList<cases::CaseEvent>> events = m_store->events(created->number);
    QVERIFY(events);
    QCOMPARE(events->constLast().payload.value(QStringLiteral("evaluation")).toInt(), 5);

    // Applying the settings again gives the pad a new window for the new evaluator.
    const QPointer<EvaluatorPadWindow> previous = pad;
    m_hub->apply(settings);
    QVERIFY(!previous);
    QVERIFY(m_window->devices()->padWindow());
}

void TestWorkstationDevices::printingFollowsTheRoutingPerDocument()
{
    // Refusal notices go to a PDF folder; the acceptance receipt to a printer that is not installed,
    // so it falls back (to the dialog, or to a PDF where no printer exists at all) with a note.
    const QString folder = m_dir->filePath(QStringLiteral("printed"));
    m_settings->setValue(QStringLiteral("printing/refusal"), QStringLiteral("pdf"));
    m_settings->setValue(QStringLiteral("printing/receipt"), QStringLiteral("No Such Printer 9000"));
    m_settings->setValue(QStringLiteral("printing/pdfFolder"), folder);
    openWindow(accounts::Role::IntakeClerk);

    Result<documents::DocumentSamples> samples
        = documents::DocumentSamples::make(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY2(samples, samples ? "" : qPrintable(samples.error().toString()));
    const documents::DocumentContext context = documents::DocumentSamples::context(*m_data.hall);
    Result<documents::Document> refusal = samples->document(documents::DocumentKind::RefusalNotice, context);
    Result<documents::Document> receipt
        = samples->document(documents::DocumentKind::AcceptanceReceipt, context);
    QVERIFY(refusal && receipt);

    using Destination = DocumentPreview::PrintDestination;
    const Destination toReceipt = m_window->devices()->printDestination(*receipt);
    QVERIFY(toReceipt.kind != Destination::Kind::Printer);
    QVERIFY2(toReceipt.note.contains(QStringLiteral("No Such Printer 9000")), qPrintable(toReceipt.note));
    const Destination toRefusal = m_window->devices()->printDestination(*refusal);
    QCOMPARE(toRefusal.kind, Destination::Kind::PdfFolder);
    QCOMPARE(toRefusal.folder, folder);

    // Print on the refusal writes the PDF into the folder, named after the case and the document.
    DocumentPreview *preview = m_window->findChild<DocumentPreview *>();
    QVERIFY(preview);
    preview->setDocument(*refusal, QStringLiteral("refusal"));
    QSignalSpy saved(preview, &DocumentPreview::pdfSaved);
    preview->print();
    QCOMPARE(saved.size(), 1);
    const QString path = saved.constFirst().constFirst().toString();
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QVERIFY(path.endsWith(QStringLiteral("-refusal.pdf")));
    QVERIFY(QFileInfo(path).size() > 1000);
}

void TestWorkstationDevices::wedgeScannerListensOnlyAtThePickupCounter()
{
    // A keyboard-wedge scanner types like a very fast keyboard. Keys as fast as a scanner's, ending in
    // Enter, are typing at the search; at the pickup counter they are a scan.
    m_hub->replaceScanner(
        std::make_unique<drivers::scanner::KeyboardWedgeFilter>(), QStringLiteral("keyboard"));
    openWindow(accounts::Role::Admin);
    QVERIFY(m_window->isSearching());
    QSignalSpy scanned(m_hub.get(), &devices::DeviceHub::codeScanned);
    type(QStringLiteral("ggcswsxk"));
    QCOMPARE(m_window->searchPage()->searchField()->text(), QStringLiteral("ggcswsxk"));
    press(Qt::Key_Return);
    QCOMPARE(scanned.size(), 0);
    QVERIFY(m_window->interviewPage()->isVisible());

    press(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    PickupPage *pickup = m_window->caseScreens()->pickupPage();
    QTRY_VERIFY(pickup->isVisible());
    type(QStringLiteral("33030201-20260316-070001-D"));
    press(Qt::Key_Return);
    QTRY_COMPARE(scanned.size(), 1);
    QCOMPARE(scanned.constFirst().constFirst().toString(), QStringLiteral("33030201-20260316-070001-D"));
    QCOMPARE(pickup->codeField()->text(), QStringLiteral("33030201-20260316-070001-D"));
}

QTEST_MAIN(TestWorkstationDevices)
#include "tst_workstationDevices.moc"
