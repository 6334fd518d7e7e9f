#include "ui/DeviceSettingsEditor.h"

#include "devices/DeviceStatus.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>

namespace ow::ui {

using devices::DeviceInventory;

using devices::DeviceSettings;
using devices::IdCardSettings;
using drivers::camera::CameraSettings;
using drivers::evaluator::EvaluatorSettings;
using drivers::evaluator::KeyMapping;
using drivers::receipt::CutMode;
using drivers::receipt::PaperWidth;
using drivers::receipt::ReceiptSettings;
using drivers::scanner::ScannerSettings;

namespace {

constexpr int kCustomKeys = -1;

void selectData(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

int dataOf(const QComboBox *combo)
{
    return combo->currentData().toInt();
}

/// A form on the left of the tab page: fields of one width, not stretched across a wide screen.
QFormLayout *formOn(QWidget *page)
{
    auto *column = new QWidget(page);
    column->setMaximumWidth(620);
    auto *form = new QFormLayout(column);
    form->setContentsMargins(16, 14, 16, 14);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(8);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *row = new QHBoxLayout(page);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(column, 1, Qt::AlignTop);
    row->addStretch(0);
    return form;
}

Failure invalid(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

} // namespace

DeviceSettingsEditor::DeviceSettingsEditor(DeviceInventory inventory, QWidget *parent)
    : QWidget(parent)
    , m_inventory(std::move(inventory))
    , m_base(DeviceSettings::none())
{
    setObjectName(QStringLiteral("deviceSettingsEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("deviceSettingsTabs"));
    // Short tab names, so six tabs fit beside the device list on a 1366-pixel screen.
    m_tabs->addTab(buildIdCardPage(), tr("ID card"));
    m_tabs->addTab(buildReceiptPage(), tr("Receipt"));
    m_tabs->addTab(buildEvaluatorPage(), tr("Evaluator"));
    m_tabs->addTab(buildScannerPage(), tr("Scanner"));
    m_tabs->addTab(buildCameraPage(), tr("Camera"));
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        m_tabs->setTabToolTip(tab, devices::deviceKindName(devices::kDeviceKinds[tab]));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setSettings(m_base);
}

QWidget *DeviceSettingsEditor::buildIdCardPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formOn(page);
    m_idConnection = choiceCombo(QStringLiteral("idcardConnection"),
        {{tr("None"), int(IdCardSettings::Connection::None)},
            {tr("USB (vendor bulk)"), int(IdCardSettings::Connection::Usb)},
            {tr("Serial port"), int(IdCardSettings::Connection::Serial)},
            {tr("Simulator"), int(IdCardSettings::Connection::Simulator)}});
    m_idPort = portCombo(QStringLiteral("idcardPort"));
    m_idBaud = baudCombo(QStringLiteral("idcardBaud"));
    m_idUsbIds = lineEdit(QStringLiteral("idcardUsbIds"), QStringLiteral("0400:C35A 0316:5020"));
    m_idUsbIds->setToolTip(tr("USB vendor and product ids (VID:PID) of the readers, separated by spaces."));
    m_idFingerprint = new QCheckBox(tr("Also read the fingerprint data"), page);
    watch(m_idFingerprint);
    m_idPowerUp = spinBox(QStringLiteral("idcardPowerUp"), 0, 10000, tr(" ms"));
    m_idPowerUp->setSingleStep(250);
    form->addRow(tr("&Connection:"), m_idConnection);
    form->addRow(tr("&Port:"), m_idPort);
    form->addRow(tr("&Speed:"), m_idBaud);
    form->addRow(tr("USB &ids:"), m_idUsbIds);
    form->addRow(QString(), m_idFingerprint);
    form->addRow(tr("Wait after opening:"), m_idPowerUp);
    return page;
}

QWidget *DeviceSettingsEditor::buildReceiptPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formOn(page);
    QList<std::pair<QString, int>> connections {{tr("None"), int(ReceiptSettings::Connection::None)},
        {tr("Device file"), int(ReceiptSettings::Connection::Device)},
        {tr("CUPS raw queue"), int(ReceiptSettings::Connection::Cups)}};
#ifdef Q_OS_WIN
    connections.append({tr("Windows printer"), int(ReceiptSettings::Connection::Spooler)});
#endif
    connections.append({tr("Simulator"), int(ReceiptSettings::Connection::Simulator)});
    m_receiptConnection = choiceCombo(QStringLiteral("receiptConnection"), connections);
    m_receiptDevice = lineEdit(QStringLiteral("receiptDevice"), QStringLiteral("/dev/usb/lp0"));
    m_receiptQueue = new QComboBox(page);
    m_receiptQueue->setObjectName(QStringLiteral("receiptQueue"));
    m_receiptQueue->setEditable(true);
    m_receiptQueue->addItems(m_inventory.printers);
    watch(m_receiptQueue);
    m_receiptPrinter = new QComboBox(page);
    m_receiptPrinter->setObjectName(QStringLiteral("receiptPrinter"));
    m_receiptPrinter->setEditable(true);
    m_receiptPrinter->addItems(m_inventory.printers);
    watch(m_receiptPrinter);
    m_receiptPaper = choiceCombo(QStringLiteral("receiptPaper"),
        {{tr("80 mm (576 dots)"), int(PaperWidth::Mm80)}, {tr("58 mm (384 dots)"), int(PaperWidth::Mm58)}});
    m_receiptCut = choiceCombo(QStringLiteral("receiptCut"),
        {{tr("Partial cut"), int(CutMode::Partial)}, {tr("Full cut"), int(CutMode::Full)},
            {tr("No cut"), int(CutMode::None)}});
    form->addRow(tr("&Connection:"), m_receiptConnection);
    form->addRow(tr("&Device file:"), m_receiptDevice);
    form->addRow(tr("CUPS &queue:"), m_receiptQueue);
#ifdef Q_OS_WIN
    form->addRow(tr("&Printer:"), m_receiptPrinter);
#else
    m_receiptPrinter->hide();
#endif
    form->addRow(tr("Paper &width:"), m_receiptPaper);
    form->addRow(tr("C&ut:"), m_receiptCut);
    return page;
}

QWidget *DeviceSettingsEditor::buildEvaluatorPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formOn(page);
    m_evaluatorBackend = choiceCombo(QStringLiteral("evaluatorBackend"),
        {{tr("None"), int(EvaluatorSettings::Backend::None)},
            {tr("Key pad on a serial port"), int(EvaluatorSettings::Backend::Serial)},
            {tr("Window facing the applicant"), int(EvaluatorSettings::Backend::Screen)},
            {tr("Simulator"), int(EvaluatorSettings::Backend::Simulator)}});
    m_evaluatorPort = portCombo(QStringLiteral("evaluatorPort"));
    m_evaluatorBaud = baudCombo(QStringLiteral("evaluatorBaud"));
    m_evaluatorFrame = lineEdit(QStringLiteral("evaluatorFrame"), QStringLiteral("8N1"));
    m_evaluatorKeys = choiceCombo(QStringLiteral("evaluatorKeys"),
        {{tr("Preset A: keys 3 … 0 (four keys)"), int(KeyMapping::Preset::GenerationA)},
            {tr("Preset B: keys 1 … 4, 0 = no rating"), int(KeyMapping::Preset::GenerationB)},
            {tr("Custom mapping"), kCustomKeys}});
    m_evaluatorKeyMap
        = lineEdit(QStringLiteral("evaluatorKeyMap"), QStringLiteral("41=5 42=4 43=3 44=2 45=1"));
    m_evaluatorKeyMap->setToolTip(tr("Hexadecimal byte = level (5 very satisfied … 1 very dissatisfied, 0 "
                                     "for the pad's no-rating key)."));
    m_evaluatorTimeout = spinBox(QStringLiteral("evaluatorTimeout"), 1, 3600, tr(" s"));
    form->addRow(tr("&Evaluator:"), m_evaluatorBackend);
    form->addRow(tr("&Port:"), m_evaluatorPort);
    form->addRow(tr("&Speed:"), m_evaluatorBaud);
    form->addRow(tr("&Frame:"), m_evaluatorFrame);
    form->addRow(tr("&Keys:"), m_evaluatorKeys);
    form->addRow(tr("Custom &mapping:"), m_evaluatorKeyMap);
    form->addRow(tr("&Time to answer:"), m_evaluatorTimeout);
    return page;
}

QWidget *DeviceSettingsEditor::buildScannerPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formOn(page);
    m_scannerMode = choiceCombo(QStringLiteral("scannerMode"),
        {{tr("USB keyboard (wedge)"), int(ScannerSettings::Mode::Keyboard)},
            {tr("Serial port (USB-CDC)"), int(ScannerSettings::Mode::Serial)},
            {tr("None"), int(ScannerSettings::Mode::None)}});
    m_scannerMinLength = spinBox(QStringLiteral("scannerMinLength"), 1, 1000, tr(" characters"));
    m_scannerInterval = spinBox(QStringLiteral("scannerInterval"), 5, 500, tr(" ms"));
    m_scannerInterval->setToolTip(
        tr("Raise it for a slow scanner; lower it if fast typists are taken for scans."));
    m_scannerPort = portCombo(QStringLiteral("scannerPort"));
    m_scannerBaud = baudCombo(QStringLiteral("scannerBaud"));
    form->addRow(tr("&Scanner:"), m_scannerMode);
    form->addRow(tr("Shortest &code:"), m_scannerMinLength);
    form->addRow(tr("Longest &gap between keys:"), m_scannerInterval);
    form->addRow(tr("&Port:"), m_scannerPort);
    form->addRow(tr("Spee&d:"), m_scannerBaud);
    return page;
}

QWidget *DeviceSettingsEditor::buildCameraPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formOn(page);
    m_cameraBackend = choiceCombo(QStringLiteral("cameraBackend"),
        {{tr("USB camera"), int(CameraSettings::Backend::Qt)},
            {tr("Simulator: images from a folder"), int(CameraSettings::Backend::Folder)},
            {tr("None"), int(CameraSettings::Backend::None)}});
    m_cameraDevice = new QComboBox(page);
    m_cameraDevice->setObjectName(QStringLiteral("cameraDevice"));
    m_cameraDevice->addItem(tr("The system's default camera"), QString());
    for (const drivers::camera::CameraDevice &camera : m_inventory.cameras) {
        const QString text = camera.bestFormat.isEmpty()
            ? camera.description
            : tr("%1 (%2)").arg(camera.description, camera.bestFormat);
        m_cameraDevice->addItem(text, camera.id);
    }
    watch(m_cameraDevice);
    m_cameraFolder = lineEdit(QStringLiteral("cameraFolder"), tr("a folder of page images"));
    m_cameraAutoCrop = new QCheckBox(tr("Crop to the page"), page);
    m_cameraDeskew = new QCheckBox(tr("Turn the page level"), page);
    watch(m_cameraAutoCrop);
    watch(m_cameraDeskew);
    form->addRow(tr("&Camera:"), m_cameraBackend);
    form->addRow(tr("&Device:"), m_cameraDevice);
    form->addRow(tr("&Folder:"), m_cameraFolder);
    form->addRow(QString(), m_cameraAutoCrop);
    form->addRow(QString(), m_cameraDeskew);
    return page;
}

QComboBox *DeviceSettingsEditor::portCombo(const QString &name)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    combo->setEditable(true);
    combo->addItems(m_inventory.serialPorts);
    combo->lineEdit()->setPlaceholderText(tr("e.g. /dev/ttyUSB0 or COM3"));
    watch(combo);
    return combo;
}

QComboBox *DeviceSettingsEditor::baudCombo(const QString &name)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    combo->setEditable(true);
    for (int baud : {9600, 19200, 38400, 57600, 115200})
        combo->addItem(QString::number(baud));
    watch(combo);
    return combo;
}

QComboBox *DeviceSettingsEditor::choiceCombo(
    const QString &name, const QList<std::pair<QString, int>> &choices)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    watch(combo);
    return combo;
}

QSpinBox *DeviceSettingsEditor::spinBox(const QString &name, int low, int high, const QString &suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(low, high);
    spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    spin->setMinimumWidth(150);
    spin->setSuffix(suffix);
    watch(spin);
    return spin;
}

QLineEdit *DeviceSettingsEditor::lineEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    watch(edit);
    return edit;
}

void DeviceSettingsEditor::watch(QWidget *field)
{
    const auto changed = [this] {
        updateEnabled();
        Q_EMIT edited();
    };
    if (auto *combo = qobject_cast<QComboBox *>(field)) {
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
        if (combo->isEditable())
            connect(combo, &QComboBox::editTextChanged, this, changed);
    } else if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        connect(edit, &QLineEdit::textEdited, this, changed);
    } else if (auto *spin = qobject_cast<QSpinBox *>(field)) {
        connect(spin, &QSpinBox::valueChanged, this, changed);
    } else if (auto *check = qobject_cast<QCheckBox *>(field)) {
        connect(check, &QCheckBox::toggled, this, changed);
    }
}

void DeviceSettingsEditor::updateEnabled()
{
    const auto idCard = IdCardSettings::Connection(dataOf(m_idConnection));
    m_idPort->setEnabled(idCard == IdCardSettings::Connection::Serial);
    m_idBaud->setEnabled(idCard == IdCardSettings::Connection::Serial);
    m_idUsbIds->setEnabled(idCard == IdCardSettings::Connection::Usb);
    m_idFingerprint->setEnabled(idCard != IdCardSettings::Connection::None);
    m_idPowerUp->setEnabled(
        idCard == IdCardSettings::Connection::Serial || idCard == IdCardSettings::Connection::Usb);

    const auto receipt = ReceiptSettings::Connection(dataOf(m_receiptConnection));
    m_receiptDevice->setEnabled(receipt == ReceiptSettings::Connection::Device);
    m_receiptQueue->setEnabled(receipt == ReceiptSettings::Connection::Cups);
    m_receiptPrinter->setEnabled(receipt == ReceiptSettings::Connection::Spooler);
    m_receiptPaper->setEnabled(receipt != ReceiptSettings::Connection::None);
    m_receiptCut->setEnabled(receipt != ReceiptSettings::Connection::None);

    const auto evaluator = EvaluatorSettings::Backend(dataOf(m_evaluatorBackend));
    const bool serialPad = evaluator == EvaluatorSettings::Backend::Serial;
    m_evaluatorPort->setEnabled(serialPad);
    m_evaluatorBaud->setEnabled(serialPad);
    m_evaluatorFrame->setEnabled(serialPad);
    m_evaluatorKeys->setEnabled(serialPad);
    m_evaluatorKeyMap->setEnabled(serialPad && dataOf(m_evaluatorKeys) == kCustomKeys);
    m_evaluatorTimeout->setEnabled(evaluator != EvaluatorSettings::Backend::None);

    const auto scanner = ScannerSettings::Mode(dataOf(m_scannerMode));
    m_scannerMinLength->setEnabled(scanner == ScannerSettings::Mode::Keyboard);
    m_scannerInterval->setEnabled(scanner == ScannerSettings::Mode::Keyboard);
    m_scannerPort->setEnabled(scanner == ScannerSettings::Mode::Serial);
    m_scannerBaud->setEnabled(scanner == ScannerSettings::Mode::Serial);

    const auto camera = CameraSettings::Backend(dataOf(m_cameraBackend));
    m_cameraDevice->setEnabled(camera == CameraSettings::Backend::Qt);
    m_cameraFolder->setEnabled(camera == CameraSettings::Backend::Folder);
    m_cameraAutoCrop->setEnabled(camera != CameraSettings::Backend::None);
    m_cameraDeskew->setEnabled(camera != CameraSettings::Backend::None && m_cameraAutoCrop->isChecked());
}

void DeviceSettingsEditor::setSettings(const DeviceSettings &settings)
{
    m_base = settings;
    const QSignalBlocker block(this);

    selectData(m_idConnection, int(settings.idCard.connection));
    m_idPort->setCurrentText(settings.idCard.port);
    m_idBaud->setCurrentText(QString::number(settings.idCard.baudRate));
    m_idUsbIds->setText(IdCardSettings::usbIdsText(settings.idCard.usbIds));
    m_idFingerprint->setChecked(settings.idCard.withFingerprint);
    m_idPowerUp->setValue(settings.idCard.powerUpDelayMs);

    selectData(m_receiptConnection, int(settings.receipt.connection));
    m_receiptDevice->setText(settings.receipt.device);
    m_receiptQueue->setCurrentText(settings.receipt.queue);
    m_receiptPrinter->setCurrentText(settings.receipt.printer);
    selectData(m_receiptPaper, int(settings.receipt.options.paper));
    selectData(m_receiptCut, int(settings.receipt.options.cut));

    selectData(m_evaluatorBackend, int(settings.evaluator.backend));
    m_evaluatorPort->setCurrentText(settings.evaluator.port.portName);
    m_evaluatorBaud->setCurrentText(QString::number(settings.evaluator.port.baudRate));
    m_evaluatorFrame->setText(settings.evaluator.port.frame());
    if (settings.evaluator.mapping == KeyMapping::preset(KeyMapping::Preset::GenerationA)) {
        selectData(m_evaluatorKeys, int(KeyMapping::Preset::GenerationA));
        m_evaluatorKeyMap->clear();
    } else if (settings.evaluator.mapping == KeyMapping::preset(KeyMapping::Preset::GenerationB)) {
        selectData(m_evaluatorKeys, int(KeyMapping::Preset::GenerationB));
        m_evaluatorKeyMap->clear();
    } else {
        selectData(m_evaluatorKeys, kCustomKeys);
        m_evaluatorKeyMap->setText(settings.evaluator.mapping.toString());
    }
    m_evaluatorTimeout->setValue(settings.evaluator.serial.timeoutMs / 1000);

    selectData(m_scannerMode, int(settings.scanner.mode));
    m_scannerMinLength->setValue(settings.scanner.wedge.minLength);
    m_scannerInterval->setValue(settings.scanner.wedge.maxIntervalMs);
    m_scannerPort->setCurrentText(settings.scanner.port.portName);
    m_scannerBaud->setCurrentText(QString::number(settings.scanner.port.baudRate));

    selectData(m_cameraBackend, int(settings.camera.backend));
    int cameraIndex = m_cameraDevice->findData(settings.camera.deviceId);
    if (cameraIndex < 0) {
        // A configured camera that is not plugged in now stays chosen, marked as absent.
        m_cameraDevice->addItem(
            tr("%1 (not connected)").arg(settings.camera.deviceId), settings.camera.deviceId);
        cameraIndex = m_cameraDevice->count() - 1;
    }
    m_cameraDevice->setCurrentIndex(cameraIndex);
    m_cameraFolder->setText(settings.camera.folder);
    m_cameraAutoCrop->setChecked(settings.camera.page.autoCrop);
    m_cameraDeskew->setChecked(settings.camera.page.deskew);
    updateEnabled();
}

Result<DeviceSettings> DeviceSettingsEditor::settings() const
{
    DeviceSettings result = m_base;
    const auto baudOf = [](const QComboBox *combo, qint32 &target) {
        bool ok = false;
        const int baud = combo->currentText().trimmed().toInt(&ok);
        if (!ok || baud <= 0)
            return false;
        target = baud;
        return true;
    };
    const auto badSpeed = [](const QString &device) {
        return invalid(tr("%1: the speed must be a positive whole number such as 9600.").arg(device));
    };

    const QString idName = devices::deviceKindName(devices::DeviceKind::IdCard);
    result.idCard.connection = IdCardSettings::Connection(dataOf(m_idConnection));
    result.idCard.port = m_idPort->currentText().trimmed();
    if (!baudOf(m_idBaud, result.idCard.baudRate))
        return badSpeed(idName);
    Result<QList<drivers::idcard::UsbDeviceId>> ids = IdCardSettings::parseUsbIds(m_idUsbIds->text());
    if (!ids)
        return invalid(tr("%1: %2").arg(idName, ids.error().message()));
    result.idCard.usbIds = *ids;
    result.idCard.withFingerprint = m_idFingerprint->isChecked();
    result.idCard.powerUpDelayMs = m_idPowerUp->value();
    if (result.idCard.connection == IdCardSettings::Connection::Serial && result.idCard.port.isEmpty())
        return invalid(tr("%1: choose the serial port.").arg(idName));
    if (result.idCard.connection == IdCardSettings::Connection::Usb && result.idCard.usbIds.isEmpty())
        return invalid(tr("%1: give at least one USB id.").arg(idName));

    const QString receiptName = devices::deviceKindName(devices::DeviceKind::Receipt);
    result.receipt.connection = ReceiptSettings::Connection(dataOf(m_receiptConnection));
    result.receipt.device = m_receiptDevice->text().trimmed();
    result.receipt.queue = m_receiptQueue->currentText().trimmed();
    result.receipt.printer = m_receiptPrinter->currentText().trimmed();
    result.receipt.options.paper = PaperWidth(dataOf(m_receiptPaper));
    result.receipt.options.cut = CutMode(dataOf(m_receiptCut));
    if (result.receipt.connection == ReceiptSettings::Connection::Device && result.receipt.device.isEmpty())
        return invalid(tr("%1: give the device file.").arg(receiptName));
    if (result.receipt.connection == ReceiptSettings::Connection::Cups && result.receipt.queue.isEmpty())
        return invalid(tr("%1: give the CUPS queue.").arg(receiptName));
    if (result.receipt.connection == ReceiptSettings::Connection::Spooler && result.receipt.printer.isEmpty())
        return invalid(tr("%1: choose the printer.").arg(receiptName));

    const QString evaluatorName = devices::deviceKindName(devices::DeviceKind::Evaluator);
    result.evaluator.backend = EvaluatorSettings::Backend(dataOf(m_evaluatorBackend));
    result.evaluator.port.portName = m_evaluatorPort->currentText().trimmed();
    if (!baudOf(m_evaluatorBaud, result.evaluator.port.baudRate))
        return badSpeed(evaluatorName);
    if (Result<void> frame = result.evaluator.port.setFrame(m_evaluatorFrame->text().trimmed()); !frame)
        return invalid(tr("%1: %2").arg(evaluatorName, frame.error().message()));
    if (const int keys = dataOf(m_evaluatorKeys); keys == kCustomKeys) {
        Result<KeyMapping> mapping = KeyMapping::parse(m_evaluatorKeyMap->text());
        if (!mapping)
            return invalid(tr("%1: %2").arg(evaluatorName, mapping.error().message()));
        result.evaluator.mapping = *mapping;
    } else {
        result.evaluator.mapping = KeyMapping::preset(KeyMapping::Preset(keys));
    }
    result.evaluator.serial.timeoutMs = m_evaluatorTimeout->value() * 1000;
    if (result.evaluator.backend == EvaluatorSettings::Backend::Serial
        && result.evaluator.port.portName.isEmpty())
        return invalid(tr("%1: choose the serial port.").arg(evaluatorName));

    const QString scannerName = devices::deviceKindName(devices::DeviceKind::Scanner);
    result.scanner.mode = ScannerSettings::Mode(dataOf(m_scannerMode));
    result.scanner.wedge.minLength = m_scannerMinLength->value();
    result.scanner.wedge.maxIntervalMs = m_scannerInterval->value();
    result.scanner.port.portName = m_scannerPort->currentText().trimmed();
    if (!baudOf(m_scannerBaud, result.scanner.port.baudRate))
        return badSpeed(scannerName);
    if (result.scanner.mode == ScannerSettings::Mode::Serial && result.scanner.port.portName.isEmpty())
        return invalid(tr("%1: choose the serial port.").arg(scannerName));

    const QString cameraName = devices::deviceKindName(devices::DeviceKind::Camera);
    result.camera.backend = CameraSettings::Backend(dataOf(m_cameraBackend));
    result.camera.deviceId = m_cameraDevice->currentData().toString();
    result.camera.folder = m_cameraFolder->text().trimmed();
    result.camera.page.autoCrop = m_cameraAutoCrop->isChecked();
    result.camera.page.deskew = m_cameraDeskew->isChecked();
    if (result.camera.backend == CameraSettings::Backend::Folder && result.camera.folder.isEmpty())
        return invalid(tr("%1: give the folder of images.").arg(cameraName));
    return result;
}

} // namespace ow::ui
