#include "ui/SetupDialog.h"

#include "devices/DeviceHub.h"
#include "setup/HallSetup.h"
#include "ui/DeviceStatusTable.h"
#include "ui/FileDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ow::ui {

using setup::HallSetup;

SetupDialog::SetupDialog(
    HallSetup &setup, const QString &demoCatalogue, devices::DeviceHub *hub, QWidget *parent)
    : QDialog(parent)
    , m_setup(setup)
{
    setWindowTitle(tr("Set up this workstation"));
    auto *intro = new QLabel(tr("This workstation is not set up yet. Say which hall and counter it is, "
                                "whether it works with the hall's server, and which catalogue it uses. "
                                "IT can preset all of this in the machine-wide file (see the deployment "
                                "guide); then this window does not appear."),
        this);
    intro->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(buildHall());
    left->addWidget(buildServer());
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(buildCatalogue(demoCatalogue));
    right->addWidget(buildDevices(hub));
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("setupProblem"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = m_buttons->addButton(tr("&Start OneWindow"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SetupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SetupDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(&m_setup, &HallSetup::changed, this, &SetupDialog::refresh);
    connect(&m_setup, &HallSetup::enrolmentFinished, this, [this](bool enrolled, const QString &message) {
        m_enrolmentMessage->setText(message);
        m_enrolmentMessage->setStyleSheet(
            enrolled ? QStringLiteral("color: #1a7f37;") : QStringLiteral("color: #c62828;"));
        if (enrolled) {
            // The server decides the hall and counter; show them.
            const QStringList path = HallSetup::divisionPath(m_setup.division());
            fillDivisions(m_province, QString(), path.value(0));
            m_suffix->setText(m_setup.hallSuffix());
            m_counter->setValue(m_setup.counter());
            if (!m_setup.syncedCatalogue().isEmpty() && m_setup.catalogueFolder().isEmpty())
                m_setup.setCatalogueSource(HallSetup::CatalogueSource::Synced);
        }
        refresh();
    });
    refresh();
    // Fits a 1366×768 counter screen with room for the task bar.
    resize(qMin(sizeHint().width(), 1300), qMin(sizeHint().height(), 700));
    m_province->setFocus();
}

QWidget *SetupDialog::buildHall()
{
    auto *box = new QGroupBox(tr("Hall and counter"), this);
    m_province = new QComboBox(box);
    m_prefecture = new QComboBox(box);
    m_county = new QComboBox(box);
    // Typing part of a name finds it: a province list is long to scroll with the arrow keys.
    for (QComboBox *combo : {m_province, m_prefecture, m_county}) {
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        combo->setMinimumContentsLength(14);
    }
    m_suffix = new QLineEdit(m_setup.hallSuffix(), box);
    m_suffix->setMaxLength(2);
    m_suffix->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Za-z]{0,2}")), m_suffix));
    m_suffix->setMaximumWidth(60);
    m_counter = new QSpinBox(box);
    m_counter->setRange(0, 99);
    m_counter->setValue(m_setup.counter());
    m_hallLine = new QLabel(box);
    m_hallLine->setWordWrap(true);

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Province:"), m_province);
    form->addRow(tr("Ci&ty:"), m_prefecture);
    form->addRow(tr("Cou&nty or district:"), m_county);
    form->addRow(tr("&Hall number:"), m_suffix);
    form->addRow(tr("C&ounter number:"), m_counter);
    form->addRow(tr("Case numbers start with:"), m_hallLine);

    const QStringList path = HallSetup::divisionPath(m_setup.division());
    fillDivisions(m_province, QString(), path.value(0));
    fillDivisions(m_prefecture, m_province->currentData().toString(), path.value(1));
    fillDivisions(m_county, m_prefecture->currentData().toString(), path.value(2));
    connect(m_province, &QComboBox::currentIndexChanged, this, [this] {
        fillDivisions(m_prefecture, m_province->currentData().toString(), QString());
        fillDivisions(m_county, m_prefecture->currentData().toString(), QString());
        divisionChosen();
    });
    connect(m_prefecture, &QComboBox::currentIndexChanged, this, [this] {
        fillDivisions(m_county, m_prefecture->currentData().toString(), QString());
        divisionChosen();
    });
    connect(m_county, &QComboBox::currentIndexChanged, this, &SetupDialog::divisionChosen);
    connect(m_suffix, &QLineEdit::textEdited, &m_setup, &HallSetup::setHallSuffix);
    connect(m_counter, &QSpinBox::valueChanged, &m_setup, &HallSetup::setCounter);
    return box;
}

QWidget *SetupDialog::buildServer()
{
    auto *box = new QGroupBox(tr("Server"), this);
    m_standalone = new QRadioButton(tr("Stand&alone: this counter keeps its cases and accounts itself"), box);
    m_serverMode = new QRadioButton(tr("&Enrol with the hall's server"), box);
    auto *group = new QButtonGroup(box);
    group->addButton(m_standalone);
    group->addButton(m_serverMode);
    (m_setup.connection() == HallSetup::Connection::Server ? m_serverMode : m_standalone)->setChecked(true);
    m_server = new QLineEdit(m_setup.server(), box);
    m_server->setPlaceholderText(QStringLiteral("https://onewindow.example.gov.cn:8443"));
    m_code = new QLineEdit(m_setup.enrolCode(), box);
    m_code->setPlaceholderText(tr("one-time code from the server's administrator"));
    m_enrol = new QPushButton(tr("En&rol now"), box);
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 0); // busy: the server answers or the time-out comes
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_enrolmentMessage = new QLabel(box);
    m_enrolmentMessage->setWordWrap(true);
    m_enrolmentMessage->setObjectName(QStringLiteral("enrolmentMessage"));

    auto *form = new QFormLayout(box);
    form->addRow(m_standalone);
    form->addRow(m_serverMode);
    form->addRow(tr("Server a&ddress:"), m_server);
    form->addRow(tr("Enrolment &code:"), m_code);
    form->addRow(QString(), m_enrol);
    form->addRow(m_progress);
    form->addRow(m_enrolmentMessage);

    connect(m_standalone, &QRadioButton::toggled, this, [this](bool on) {
        m_setup.setConnection(on ? HallSetup::Connection::Standalone : HallSetup::Connection::Server);
    });
    connect(m_server, &QLineEdit::textEdited, &m_setup, &HallSetup::setServer);
    connect(m_code, &QLineEdit::textEdited, &m_setup, &HallSetup::setEnrolCode);
    connect(m_code, &QLineEdit::returnPressed, m_enrol, &QPushButton::click);
    connect(m_enrol, &QPushButton::clicked, this, [this] {
        m_enrolmentMessage->setStyleSheet(QString());
        m_enrolmentMessage->setText(tr("Asking the server…"));
        m_setup.enrol();
    });
    return box;
}

QWidget *SetupDialog::buildCatalogue(const QString &demoCatalogue)
{
    auto *box = new QGroupBox(tr("Catalogue"), this);
    m_synced = new QRadioButton(tr("The newest catalogue from the ser&ver"), box);
    m_folderMode = new QRadioButton(tr("A catalogue &folder:"), box);
    auto *group = new QButtonGroup(box);
    group->addButton(m_synced);
    group->addButton(m_folderMode);
    (m_setup.catalogueSource() == HallSetup::CatalogueSource::Synced ? m_synced : m_folderMode)
        ->setChecked(true);
    m_folder = new QLineEdit(m_setup.catalogueFolder(), box);
    m_browse = new QPushButton(tr("&Browse…"), box);
    m_demo = new QPushButton(tr("Use the de&mo catalogue"), box);
    m_demo->setVisible(!demoCatalogue.isEmpty());
    m_demo->setToolTip(QDir::toNativeSeparators(demoCatalogue));

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_synced);
    layout->addWidget(m_folderMode);
    layout->addLayout(folderRow);
    layout->addWidget(m_demo, 0, Qt::AlignLeft);

    connect(m_synced, &QRadioButton::toggled, this, [this](bool on) {
        m_setup.setCatalogueSource(
            on ? HallSetup::CatalogueSource::Synced : HallSetup::CatalogueSource::Folder);
    });
    connect(m_folder, &QLineEdit::textEdited, &m_setup, &HallSetup::setCatalogueFolder);
    connect(m_browse, &QPushButton::clicked, this, &SetupDialog::browse);
    connect(m_demo, &QPushButton::clicked, this, [this, demoCatalogue] {
        m_folder->setText(demoCatalogue);
        m_folderMode->setChecked(true);
        m_setup.setCatalogueFolder(demoCatalogue);
    });
    return box;
}

QWidget *SetupDialog::buildDevices(devices::DeviceHub *hub)
{
    auto *box = new QGroupBox(tr("Devices"), this);
    auto *layout = new QVBoxLayout(box);
    if (!hub) {
        layout->addWidget(
            new QLabel(tr("No device settings yet; set them later under Tools → Devices."), box));
        return box;
    }
    auto *note
        = new QLabel(tr("A quick check; the settings are under Tools → Devices after the start."), box);
    note->setWordWrap(true);
    m_devices = new DeviceStatusTable(box);
    m_deviceTest = new QLabel(box);
    m_deviceTest->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_devices);
    layout->addWidget(m_deviceTest);
    for (devices::DeviceKind kind : devices::kDeviceKinds)
        m_devices->setStatus(hub->status(kind));
    connect(hub, &devices::DeviceHub::statusChanged, m_devices, &DeviceStatusTable::setStatus);
    connect(m_devices, &DeviceStatusTable::testRequested, hub, &devices::DeviceHub::runTest);
    connect(hub, &devices::DeviceHub::testFinished, this, [this](const devices::DeviceTestResult &result) {
        m_deviceTest->setText(result.message);
        m_deviceTest->setStyleSheet(
            result.ok ? QStringLiteral("color: #1a7f37;") : QStringLiteral("color: #c62828;"));
    });
    return box;
}

void SetupDialog::fillDivisions(QComboBox *box, const QString &parentCode, const QString &select)
{
    const QSignalBlocker quiet(box);
    box->clear();
    const QList<setup::Division> divisions
        = box == m_province ? HallSetup::provinces() : HallSetup::divisionsUnder(parentCode);
    for (const setup::Division &division : divisions)
        box->addItem(QStringLiteral("%1 %2").arg(division.name, division.code), division.code);
    box->setEnabled(!divisions.isEmpty());
    box->setCurrentIndex(select.isEmpty() ? -1 : box->findData(select));
}

void SetupDialog::divisionChosen()
{
    // The deepest level chosen: a county, or a city without counties (东莞), or a district of a
    // municipality, which sits right under the province.
    QString code = m_county->currentData().toString();
    if (code.isEmpty())
        code = m_prefecture->currentData().toString();
    m_setup.setDivision(code);
}

void SetupDialog::browse()
{
    const QString folder = FileDialog::getExistingDirectory(this, tr("Choose the catalogue folder"),
        m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text());
    if (folder.isEmpty())
        return;
    m_folder->setText(folder);
    m_folderMode->setChecked(true);
    m_setup.setCatalogueFolder(folder);
}

void SetupDialog::accept()
{
    if (!m_setup.problem().isEmpty()) {
        refresh();
        return;
    }
    if (const Result<void> saved = m_setup.save(); !saved) {
        QMessageBox::critical(this, windowTitle(), saved.error().message());
        return;
    }
    QDialog::accept();
}

void SetupDialog::refresh()
{
    const bool enrolling = m_setup.isEnrolling();
    const bool enrolled = m_setup.isEnrolled();
    const bool server = m_setup.connection() == HallSetup::Connection::Server;
    // After enrolment the server decides the hall and counter.
    for (QWidget *part : std::initializer_list<QWidget *> {m_province, m_suffix, m_counter, m_standalone})
        part->setEnabled(!enrolled && !enrolling);
    m_prefecture->setEnabled(!enrolled && !enrolling && m_prefecture->count() > 0);
    m_county->setEnabled(!enrolled && !enrolling && m_county->count() > 0);
    m_serverMode->setEnabled(!enrolling);
    m_server->setEnabled(server && !enrolled && !enrolling);
    m_code->setEnabled(server && !enrolled && !enrolling);
    m_enrol->setEnabled(server && !enrolled && !enrolling);
    m_progress->setVisible(enrolling);

    const QString division = m_setup.division();
    const QString name = HallSetup::divisionName(division);
    m_hallLine->setText(name.isEmpty() ? tr("(choose the county or district)")
                                       : tr("%1 — %2, hall %3, counter %4")
                                             .arg(m_setup.hallCode(), name, m_setup.hallSuffix())
                                             .arg(m_setup.counter(), 2, 10, QLatin1Char('0')));

    const QString synced = m_setup.syncedCatalogue();
    m_synced->setEnabled(!synced.isEmpty());
    m_synced->setToolTip(
        synced.isEmpty() ? tr("No catalogue has been synced yet.") : QDir::toNativeSeparators(synced));
    m_folder->setEnabled(m_setup.catalogueSource() == HallSetup::CatalogueSource::Folder);

    const QString problem = m_setup.problem();
    m_problem->setText(problem);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_start->setEnabled(problem.isEmpty() && !enrolling);
}

} // namespace ow::ui
