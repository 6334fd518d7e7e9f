#include "ui/DevicePanel.h"

#include "devices/DeviceHub.h"
#include "ui/DeviceSettingsEditor.h"
#include "ui/DeviceStatusTable.h"
#include "ui/PrinterRoutingTable.h"
#include "ui/Theme.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using devices::DeviceInventory;

using devices::DeviceKind;

DevicePanel::DevicePanel(
    devices::DeviceHub &hub, QSettings &settings, DeviceInventory inventory, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("casePage")); // the grey page background of the workstation's pages
    setWindowTitle(tr("Devices"));

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *title = new QLabel(tr("Devices"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(
        tr("The devices of this counter: their state, a test for each, their settings, and where each "
           "document is printed."),
        header);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle->setWordWrap(true);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(20, 12, 20, 12);
    headerLayout->setSpacing(2);
    headerLayout->addWidget(title);
    headerLayout->addWidget(subtitle);

    m_statusTable = new DeviceStatusTable(this);
    connect(m_statusTable, &DeviceStatusTable::testRequested, this,
        [this](DeviceKind kind) { m_hub.runTest(kind); });

    m_editor = new DeviceSettingsEditor(inventory, this);
    m_settingsMessage = new QLabel(this);
    m_settingsMessage->setObjectName(QStringLiteral("fieldHint"));
    m_settingsMessage->setWordWrap(true);
    m_revert = new QPushButton(tr("&Revert"), this);
    m_revert->setObjectName(QStringLiteral("flatButton"));
    m_apply = new QPushButton(tr("&Apply and restart devices"), this);
    m_apply->setObjectName(QStringLiteral("primaryButton"));
    connect(m_apply, &QPushButton::clicked, this, &DevicePanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &DevicePanel::revert);
    auto *footer = new QWidget(this);
    auto *footerLayout = new QHBoxLayout(footer);
    footerLayout->setContentsMargins(0, 0, 0, 0);
    footerLayout->addWidget(m_settingsMessage, 1);
    footerLayout->addWidget(m_revert);
    footerLayout->addWidget(m_apply);

    if (Result<devices::PrinterRouting> routing = devices::PrinterRouting::load(settings))
        m_routing = *routing;
    else
        m_settingsMessage->setText(routing.error().message());
    m_routingTable = new PrinterRoutingTable(
        {inventory.printers, inventory.defaultPrinter,
            hub.settings().receipt.connection != drivers::receipt::ReceiptSettings::Connection::None},
        this);
    m_routingTable->setRouting(m_routing);

    m_log = new QListWidget(this);
    m_log->setObjectName(QStringLiteral("readyList"));
    m_log->setWordWrap(true);
    m_log->setFocusPolicy(Qt::NoFocus);
    m_log->setSelectionMode(QAbstractItemView::NoSelection);

    // The printers of documents are settings too: one tab beside the devices', under one Apply.
    auto *routingPage = new QWidget(this);
    auto *routingLayout = new QVBoxLayout(routingPage);
    routingLayout->setContentsMargins(12, 12, 12, 12);
    routingLayout->addWidget(m_routingTable);
    m_editor->tabs()->addTab(routingPage, tr("Printers"));
    m_editor->tabs()->setTabToolTip(m_editor->tabs()->count() - 1, tr("Which printer each document goes to"));

    auto *left = new QVBoxLayout;
    left->setSpacing(16);
    // The device list gets room to wrap a long error message; the log scrolls.
    left->addWidget(card(tr("Devices at this counter"), m_statusTable), 3);
    left->addWidget(card(tr("Test results"), m_log), 2);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(16, 16, 16, 16);
    body->setSpacing(16);
    body->addLayout(left, 2);
    body->addWidget(card(tr("Settings"), m_editor, footer), 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addLayout(body, 1);

    connect(&m_hub, &devices::DeviceHub::statusChanged, m_statusTable, &DeviceStatusTable::setStatus);
    connect(&m_hub, &devices::DeviceHub::backendsReplaced, this, &DevicePanel::refreshStatuses);
    connect(&m_hub, &devices::DeviceHub::testFinished, this, &DevicePanel::logResult);
    connect(m_editor, &DeviceSettingsEditor::edited, this, [this] { setDirty(true); });
    connect(m_routingTable, &PrinterRoutingTable::edited, this, [this] { setDirty(true); });

    m_editor->setSettings(m_hub.settings());
    refreshStatuses();
    setDirty(false);
    setTabOrder(m_statusTable->testButton(DeviceKind::Camera), m_editor);
}

QWidget *DevicePanel::card(const QString &title, QWidget *content, QWidget *footer)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("card"));
    auto *heading = new QLabel(title, frame);
    heading->setObjectName(QStringLiteral("cardTitle"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(content, 1);
    if (footer)
        layout->addWidget(footer);
    return frame;
}

bool DevicePanel::apply()
{
    const auto tone = [this](const QString &value) {
        m_settingsMessage->setProperty("tone", value);
        m_settingsMessage->style()->unpolish(m_settingsMessage);
        m_settingsMessage->style()->polish(m_settingsMessage);
    };
    Result<devices::DeviceSettings> edited = m_editor->settings();
    if (!edited) {
        m_settingsMessage->setText(edited.error().message());
        tone(QStringLiteral("danger"));
        return false;
    }
    edited->save(m_settings);
    m_routing = m_routingTable->routing();
    m_routing.save(m_settings);
    m_settings.sync();
    m_hub.apply(*edited);
    m_routingTable->setHasReceiptPrinter(
        edited->receipt.connection != drivers::receipt::ReceiptSettings::Connection::None);
    m_settingsMessage->setText(tr("Saved. The devices were restarted with these settings."));
    tone(QStringLiteral("success"));
    setDirty(false);
    Q_EMIT routingChanged(m_routing);
    return true;
}

void DevicePanel::revert()
{
    m_editor->setSettings(m_hub.settings());
    m_routingTable->setRouting(m_routing);
    m_settingsMessage->clear();
    setDirty(false);
}

void DevicePanel::refreshStatuses()
{
    for (DeviceKind kind : devices::kDeviceKinds)
        m_statusTable->setStatus(m_hub.status(kind));
}

void DevicePanel::logResult(const devices::DeviceTestResult &result)
{
    const QString line = tr("%1  %2 %3: %4")
                             .arg(result.finishedAt.toString(QStringLiteral("HH:mm:ss")),
                                 result.ok ? QStringLiteral("✓") : QStringLiteral("✗"),
                                 devices::deviceKindName(result.kind), result.message);
    auto *item = new QListWidgetItem(line);
    item->setForeground(result.ok ? Theme::success() : Theme::danger());
    item->setData(Qt::UserRole, result.ok);
    m_log->insertItem(0, item);
    while (m_log->count() > kLogLength)
        delete m_log->takeItem(m_log->count() - 1);
}

void DevicePanel::setDirty(bool dirty)
{
    m_apply->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

} // namespace ow::ui
