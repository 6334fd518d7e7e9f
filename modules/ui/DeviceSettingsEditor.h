#pragma once

#include "core/Result.h"
#include "devices/DeviceInventory.h"
#include "devices/DeviceSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace ow::ui {

/// The settings of every device, one tab each: which backend, and what it needs (port, speed, USB
/// ids, key mapping, scan timing, camera, receipt sink). Fields a backend does not use are disabled.
/// Settings the editor does not show (e.g. the receipt's dithering) are kept as they were given.
class DeviceSettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceSettingsEditor(devices::DeviceInventory inventory, QWidget *parent = nullptr);

    void setSettings(const devices::DeviceSettings &settings);
    /// The settings as edited; an error names the device and the field.
    Result<devices::DeviceSettings> settings() const;

    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void edited();

private:
    QWidget *buildIdCardPage();
    QWidget *buildReceiptPage();
    QWidget *buildEvaluatorPage();
    QWidget *buildScannerPage();
    QWidget *buildCameraPage();
    QComboBox *portCombo(const QString &name);
    QComboBox *baudCombo(const QString &name);
    QComboBox *choiceCombo(const QString &name, const QList<std::pair<QString, int>> &choices);
    QSpinBox *spinBox(const QString &name, int low, int high, const QString &suffix);
    QLineEdit *lineEdit(const QString &name, const QString &placeholder);
    void watch(QWidget *field);
    void updateEnabled();

    devices::DeviceInventory m_inventory;
    devices::DeviceSettings m_base;
    QTabWidget *m_tabs = nullptr;

    QComboBox *m_idConnection = nullptr;
    QComboBox *m_idPort = nullptr;
    QComboBox *m_idBaud = nullptr;
    QLineEdit *m_idUsbIds = nullptr;
    QCheckBox *m_idFingerprint = nullptr;
    QSpinBox *m_idPowerUp = nullptr;

    QComboBox *m_receiptConnection = nullptr;
    QLineEdit *m_receiptDevice = nullptr;
    QComboBox *m_receiptQueue = nullptr;
    QComboBox *m_receiptPrinter = nullptr;
    QComboBox *m_receiptPaper = nullptr;
    QComboBox *m_receiptCut = nullptr;

    QComboBox *m_evaluatorBackend = nullptr;
    QComboBox *m_evaluatorPort = nullptr;
    QComboBox *m_evaluatorBaud = nullptr;
    QLineEdit *m_evaluatorFrame = nullptr;
    QComboBox *m_evaluatorKeys = nullptr;
    QLineEdit *m_evaluatorKeyMap = nullptr;
    QSpinBox *m_evaluatorTimeout = nullptr;

    QComboBox *m_scannerMode = nullptr;
    QSpinBox *m_scannerMinLength = nullptr;
    QSpinBox *m_scannerInterval = nullptr;
    QComboBox *m_scannerPort = nullptr;
    QComboBox *m_scannerBaud = nullptr;

    QComboBox *m_cameraBackend = nullptr;
    QComboBox *m_cameraDevice = nullptr;
    QLineEdit *m_cameraFolder = nullptr;
    QCheckBox *m_cameraAutoCrop = nullptr;
    QCheckBox *m_cameraDeskew = nullptr;
};

} // namespace ow::ui
