#include "ui/WorkstationDevices.h"

#include "cases/CaseStore.h"
#include "devices/CameraChannel.h"
#include "devices/DeviceHub.h"
#include "devices/IdCardChannel.h"
#include "devices/PrinterRouting.h"
#include "devices/ScannerChannel.h"
#include "evaluator/OnScreenEvaluator.h"
#include "idcard/IdCardSimulator.h"
#include "intake/IntakeEnvironment.h"
#include "intake/ServiceRating.h"
#include "ui/ApplicantForm.h"
#include "ui/CameraCaptureDialog.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/DevicePanel.h"
#include "ui/DeviceSettingsEditor.h"
#include "ui/DocumentPreview.h"
#include "ui/EvaluatorPadWindow.h"
#include "ui/PickupPage.h"
#include "ui/PrinterRoutingTable.h"
#include "ui/ScreenRoom.h"
#include "ui/TransferPage.h"

#include <QDialog>
#include <QEvent>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QVBoxLayout>

namespace ow::ui {

using devices::DeviceInventory;

using drivers::evaluator::Rating;

WorkstationDevices::WorkstationDevices(
    devices::DeviceHub &hub, QSettings *settings, const QString &hallName, QWidget *window)
    : QObject(window)
    , m_hub(hub)
    , m_settings(settings)
    , m_hallName(hallName)
    , m_window(window)
{
    connect(&m_hub, &devices::DeviceHub::cardRead, this, &WorkstationDevices::onCardRead);
    connect(&m_hub, &devices::DeviceHub::codeScanned, this, &WorkstationDevices::onCodeScanned);
    connect(&m_hub, &devices::DeviceHub::ratingGiven, this, &WorkstationDevices::onRatingGiven);
    connect(&m_hub, &devices::DeviceHub::ratingFailed, this,
        [this](const QString &caseNumber, drivers::evaluator::RatingFailure failure, const QString &) {
            if (!m_ratingsAsked.removeAll(caseNumber))
                return;
            Q_EMIT message(tr("Case %1 was not rated: %2")
                               .arg(caseNumber, drivers::evaluator::describeRatingFailure(failure)));
        });
    connect(&m_hub, &devices::DeviceHub::backendsReplaced, this, &WorkstationDevices::recreatePad);
    connect(&m_hub, &devices::DeviceHub::backendsReplaced, this, &WorkstationDevices::updateScanListening);
    recreatePad();
}

WorkstationDevices::~WorkstationDevices()
{
    // The pad is a top-level window facing the applicant: it has no parent to end it.
    delete m_pad;
}

void WorkstationDevices::attachIntake(
    ApplicantForm *form, DocumentPreview *preview, const intake::IntakeEnvironment &environment)
{
    m_form = form;
    connect(form, &ApplicantForm::readCardRequested, this, &WorkstationDevices::readCard);
    connect(preview, &DocumentPreview::receiptReady, this, &WorkstationDevices::printReceipt);
    preview->setPrintRouter(
        [this](const documents::Document &document) { return printDestination(document); });
    m_store = environment.store;
    m_clerkId = environment.clerkId;
    m_clerkName = environment.clerkName;
}

void WorkstationDevices::attachCaseScreens(const CaseScreens &screens)
{
    // Reprints and supplement receipts print like the intake's documents.
    if (CaseListPage *list = screens.caseListPage()) {
        connect(
            list->documentPreview(), &DocumentPreview::receiptReady, this, &WorkstationDevices::printReceipt);
        list->documentPreview()->setPrintRouter(
            [this](const documents::Document &document) { return printDestination(document); });
    }
    if (TransferPage *transfer = screens.transferPage()) // the transfer list and its folder labels
        transfer->documentPreview()->setPrintRouter(
            [this](const documents::Document &document) { return printDestination(document); });
    m_pickup = screens.pickupPage();
    if (m_pickup) { // the pickup slip and the EMS label too
        connect(m_pickup->documentPreview(), &DocumentPreview::receiptReady, this,
            &WorkstationDevices::printReceipt);
        m_pickup->documentPreview()->setPrintRouter(
            [this](const documents::Document &document) { return printDestination(document); });
    }
    m_mayApply = screens.role() == accounts::Role::Admin;
    if (m_pickup)
        m_pickup->installEventFilter(this);
    updateScanListening();
}

bool WorkstationDevices::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_pickup && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        updateScanListening();
    return QObject::eventFilter(watched, event);
}

void WorkstationDevices::updateScanListening()
{
    // A keyboard-wedge scanner watches the keys only where codes are wanted: at the pickup counter.
    if (devices::ScannerChannel *scanner = m_hub.scanner())
        scanner->setListening(m_pickup && m_pickup->isVisible());
}

void WorkstationDevices::readCard()
{
    if (m_hub.status(devices::DeviceKind::IdCard).state == devices::DeviceState::Off) {
        Q_EMIT message(
            tr("No ID card reader is connected to this workstation; type the applicant's details."));
        return;
    }
    m_cardWanted = true;
    // A demo counter has no card to place: the simulated reader gets its sample card, as in its test.
    if (devices::SharedIdCardSimulator *simulator = m_hub.idCard() ? m_hub.idCard()->simulator() : nullptr)
        simulator->placeCard(drivers::idcard::IdCardSimulator::sampleCard());
    Q_EMIT message(tr("Place the applicant's ID card on the reader."));
}

void WorkstationDevices::onCardRead(const drivers::idcard::IdCardData &card)
{
    // A card laid on the reader while the form is not shown (at the search, say) is not meant for it.
    if (!m_form || (!m_cardWanted && !m_form->isVisible()))
        return;
    m_cardWanted = false;
    m_form->fillFromCard(card.name, card.idNumber, card.address);
    Q_EMIT message(tr("The applicant's details were read from the ID card."));
}

void WorkstationDevices::onCodeScanned(const QString &code)
{
    if (!m_pickup || !m_pickup->isVisible()) {
        Q_EMIT message(tr("Scanned %1: open the pickup page (Ctrl+Shift+K) to look a case up.").arg(code));
        return;
    }
    // The EMS label is scanned into the tracking field; everything else is a receipt's code.
    if (m_pickup->trackingField()->hasFocus()) {
        m_pickup->trackingField()->setText(code);
        return;
    }
    m_pickup->codeField()->setText(code);
    m_pickup->lookUp(code);
}

void WorkstationDevices::captureMaterial(const QString &materialId, const QString &materialName)
{
    drivers::camera::DocumentCamera *camera = m_hub.camera();
    if (!camera) {
        Q_EMIT message(
            tr("No document camera is connected to this workstation; import the scanned file instead."));
        return;
    }
    if (m_capture)
        return; // one capture at a time: the camera has one preview
    m_capture = new CameraCaptureDialog(camera, m_hub.settings().camera.page, materialName,
        m_hub.cameraChannel() ? m_hub.cameraChannel()->deviceId() : QString(), m_window);
    m_capture->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_capture, &QDialog::finished, this,
        [this, materialId](int result) { onCaptureFinished(materialId, result); });
    m_capture->open();
}

void WorkstationDevices::onCaptureFinished(const QString &materialId, int result)
{
    if (!m_capture || result != QDialog::Accepted)
        return;
    const QList<QByteArray> pages = m_capture->pages();
    if (!pages.isEmpty())
        Q_EMIT pagesCaptured(materialId, pages);
}

void WorkstationDevices::requestRating(const QString &caseNumber)
{
    if (caseNumber.isEmpty() || !m_hub.evaluator())
        return;
    m_ratingsAsked.removeAll(caseNumber);
    m_ratingsAsked.append(caseNumber);
    m_hub.requestRating(caseNumber, m_clerkName, m_clerkId);
}

void WorkstationDevices::onRatingGiven(const QString &caseNumber, Rating rating)
{
    if (!m_ratingsAsked.removeAll(caseNumber) || !m_store)
        return;
    const Result<cases::CaseEvent> recorded
        = intake::ServiceRating::record(*m_store, caseNumber, rating, m_clerkId);
    if (!recorded) {
        Q_EMIT message(tr("The rating of case %1 could not be recorded: %2")
                           .arg(caseNumber, recorded.error().message()));
        return;
    }
    Q_EMIT message(rating.isBad()
            ? tr("Case %1 rated \"%2\": a bad rating, to be followed up within one working day.")
                  .arg(caseNumber, rating.label())
            : tr("Case %1 rated \"%2\".").arg(caseNumber, rating.label()));
    Q_EMIT ratingRecorded(caseNumber, rating);
}

devices::PrinterRouting WorkstationDevices::routing() const
{
    if (m_settings) {
        Result<devices::PrinterRouting> loaded = devices::PrinterRouting::load(*m_settings);
        if (loaded)
            return *loaded;
    }
    return {};
}

DocumentPreview::PrintDestination WorkstationDevices::printDestination(
    const documents::Document &document) const
{
    using Destination = DocumentPreview::PrintDestination;
    const std::optional<devices::RoutedDocument> kind
        = devices::routedDocumentFromKey(documents::keyword(document.kind));
    if (!kind)
        return {};
    const devices::PrinterRouting configured = routing();
    const devices::PrinterRoute route
        = configured.resolve(*kind, devices::PrinterRouting::Environment::system(false));
    switch (route.target) {
    case devices::PrinterChoice::Target::Printer:
        return {Destination::Kind::Printer, route.printerName, {}, route.note};
    case devices::PrinterChoice::Target::Pdf:
        return {Destination::Kind::PdfFolder, {}, configured.pdfFolder(), route.note};
    case devices::PrinterChoice::Target::Ask:
    case devices::PrinterChoice::Target::ReceiptPrinter:
        break;
    }
    return {Destination::Kind::Dialog, {}, {}, route.note};
}

bool WorkstationDevices::printReceipt(const QImage &receipt)
{
    const devices::PrinterRouting routing = this->routing();
    const bool hasPrinter = m_hub.status(devices::DeviceKind::Receipt).state != devices::DeviceState::Off;
    const devices::PrinterRoute route = routing.resolve(
        devices::RoutedDocument::ThermalReceipt, devices::PrinterRouting::Environment::system(hasPrinter));
    if (route.target != devices::PrinterChoice::Target::ReceiptPrinter || !hasPrinter) {
        Q_EMIT message(
            tr("No receipt printer is set up at this counter: print the document on paper instead."));
        return false;
    }
    if (m_hub.printReceipt(receipt) < 0) {
        Q_EMIT message(tr("The receipt printer did not take the receipt."));
        return false;
    }
    Q_EMIT message(tr("The receipt was sent to the receipt printer."));
    return true;
}

void WorkstationDevices::showDevicePanel(bool mayApply)
{
    if (!m_settings) {
        Q_EMIT message(tr("This workstation was started without device settings."));
        return;
    }
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("devicesDialog"));
    dialog->setWindowTitle(tr("Devices"));
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *panel = new DevicePanel(m_hub, *m_settings, DeviceInventory::system(), dialog);
    layout->addWidget(panel);
    if (!mayApply) {
        // Clerks may look and run the tests; changing the counter's devices is the administrator's.
        panel->editor()->setEnabled(false);
        panel->routingTable()->setEnabled(false);
        for (QPushButton *button : panel->findChildren<QPushButton *>(QStringLiteral("primaryButton")))
            button->setVisible(false);
    }
    // The panel's tables want 1200×760; a 1366×768 counter screen has less below its taskbar.
    dialog->resize(QSize(1200, 760).boundedTo(screenRoom(m_window ? m_window->screen() : nullptr)));
    dialog->open();
}

QMenu *WorkstationDevices::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Tools"), parent);
    menu->setObjectName(QStringLiteral("toolsMenu"));
    QAction *devices = menu->addAction(tr("&Devices…"));
    devices->setObjectName(QStringLiteral("devicesAction"));
    connect(devices, &QAction::triggered, this, [this] { showDevicePanel(m_mayApply); });
    return menu;
}

void WorkstationDevices::recreatePad()
{
    delete m_pad;
    auto *onScreen = qobject_cast<drivers::evaluator::OnScreenEvaluator *>(m_hub.evaluator());
    if (!onScreen)
        return;
    m_pad = new EvaluatorPadWindow(onScreen, m_hallName);
    m_pad->setAttribute(Qt::WA_DeleteOnClose, false);
    // The pad faces the applicant: the second screen when there is one.
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (screens.size() > 1)
        m_pad->setGeometry(screens.at(1)->availableGeometry());
    m_pad->show();
}

} // namespace ow::ui
