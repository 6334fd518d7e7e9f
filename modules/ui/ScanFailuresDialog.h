#pragma once

#include "cases/ScanFailureList.h"
#include "core/Clock.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ow::cases {
class CaseStore;
}

namespace ow::ui {

/// The scans the sync set aside because they cannot be read, opened from the status bar's warning:
/// case number, material and reason for each; the clerk re-scans the material and has it read
/// again, or gives the scan up (confirmed first) so the case is sent without it.
class ScanFailuresDialog : public QDialog
{
    Q_OBJECT

public:
    ScanFailuresDialog(
        const cases::CaseStore &store, Clock clock = Clock::system(), QWidget *parent = nullptr);

    /// Lines shown (one per case citing a scan set aside).
    int lineCount() const;
    /// Selects line `row`, as a click would.
    void selectLine(int row);
    void retrySelected();
    void discardSelected();

Q_SIGNALS:
    /// A scan is to be read again or was given up: the sync should run now.
    void decided();

private:
    void reload();
    void updateButtons();
    /// The scan of the selected line, or empty.
    QString selectedScan() const;
    void showError(const QString &message);

    const cases::CaseStore &m_store;
    Clock m_clock;
    QList<cases::ScanFailureLine> m_lines;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace ow::ui
