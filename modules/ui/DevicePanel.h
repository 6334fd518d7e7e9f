#pragma once

#include "devices/DeviceInventory.h"
#include "devices/DeviceStatus.h"
#include "devices/PrinterRouting.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSettings;

namespace ow::devices {
class DeviceHub;
}

namespace ow::ui {

class DeviceSettingsEditor;
class DeviceStatusTable;
class PrinterRoutingTable;

/// The device page of the workstation: every device with its state, backend and test button, a log
/// of the test results, the settings of each device, and which printer each document goes to.
/// Apply saves the settings to `settings` and gives them to the hub, which restarts the backends.
/// The panel does no device I/O itself: tests go through the hub, lists of ports, printers and
/// cameras come from the inventory.
class DevicePanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kLogLength = 50;

    /// `hub` and `settings` must outlive the panel.
    DevicePanel(devices::DeviceHub &hub, QSettings &settings,
        devices::DeviceInventory inventory = devices::DeviceInventory::system(), QWidget *parent = nullptr);

    /// The routing as saved (what printing code should follow).
    const devices::PrinterRouting &routing() const { return m_routing; }

    DeviceStatusTable *statusTable() const { return m_statusTable; }
    DeviceSettingsEditor *editor() const { return m_editor; }
    PrinterRoutingTable *routingTable() const { return m_routingTable; }
    QListWidget *testLog() const { return m_log; }

    /// Saves and applies the edited settings; false (with the reason shown) when they are not valid.
    bool apply();
    /// Puts back the settings in use.
    void revert();

Q_SIGNALS:
    void routingChanged(const ow::devices::PrinterRouting &routing);

private:
    QWidget *card(const QString &title, QWidget *content, QWidget *footer = nullptr);
    void refreshStatuses();
    void logResult(const devices::DeviceTestResult &result);
    void setDirty(bool dirty);

    devices::DeviceHub &m_hub;
    QSettings &m_settings;
    devices::PrinterRouting m_routing;
    DeviceStatusTable *m_statusTable = nullptr;
    DeviceSettingsEditor *m_editor = nullptr;
    PrinterRoutingTable *m_routingTable = nullptr;
    QListWidget *m_log = nullptr;
    QLabel *m_settingsMessage = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace ow::ui
