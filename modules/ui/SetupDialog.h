#pragma once

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace ow::devices {
class DeviceHub;
}
namespace ow::setup {
class HallSetup;
}

namespace ow::ui {

class DeviceStatusTable;

/// The first-run hall setup, for IT: the hall (division picker by name and hall number), the
/// counter, enrolment with the hall's server or standalone, the catalogue, and a quick look at the
/// devices. It renders setup::HallSetup and sends the choices; Start saves them.
class SetupDialog : public QDialog
{
    Q_OBJECT

public:
    /// `demoCatalogue` is offered as one choice of folder when not empty; `hub` may be null (no
    /// device check then).
    SetupDialog(setup::HallSetup &setup, const QString &demoCatalogue, devices::DeviceHub *hub,
        QWidget *parent = nullptr);

    // For tests: the parts a person uses.
    QComboBox *provinceBox() const { return m_province; }
    QComboBox *prefectureBox() const { return m_prefecture; }
    QComboBox *countyBox() const { return m_county; }
    QLineEdit *hallSuffixEdit() const { return m_suffix; }
    QSpinBox *counterBox() const { return m_counter; }
    QRadioButton *standaloneButton() const { return m_standalone; }
    QRadioButton *serverButton() const { return m_serverMode; }
    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *enrolCodeEdit() const { return m_code; }
    QPushButton *enrolButton() const { return m_enrol; }
    QLabel *enrolmentLabel() const { return m_enrolmentMessage; }
    QRadioButton *syncedCatalogueButton() const { return m_synced; }
    QRadioButton *folderCatalogueButton() const { return m_folderMode; }
    QLineEdit *folderEdit() const { return m_folder; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *startButton() const { return m_start; }
    QLabel *problemLabel() const { return m_problem; }

private:
    QWidget *buildHall();
    QWidget *buildServer();
    QWidget *buildCatalogue(const QString &demoCatalogue);
    QWidget *buildDevices(devices::DeviceHub *hub);
    /// Fills `box` with `divisions` ("鹿城区 330302"), keeping `select` chosen when it is there.
    void fillDivisions(QComboBox *box, const QString &parentCode, const QString &select);
    void divisionChosen();
    void browse();
    void accept() override;
    /// Renders the setup's state: enabled parts, the hall line, the first problem.
    void refresh();

    setup::HallSetup &m_setup;
    QComboBox *m_province = nullptr;
    QComboBox *m_prefecture = nullptr;
    QComboBox *m_county = nullptr;
    QLineEdit *m_suffix = nullptr;
    QSpinBox *m_counter = nullptr;
    QLabel *m_hallLine = nullptr;
    QRadioButton *m_standalone = nullptr;
    QRadioButton *m_serverMode = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_enrol = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_enrolmentMessage = nullptr;
    QRadioButton *m_synced = nullptr;
    QRadioButton *m_folderMode = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_demo = nullptr;
    DeviceStatusTable *m_devices = nullptr;
    QLabel *m_deviceTest = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_start = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ow::ui
