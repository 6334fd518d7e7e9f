#pragma once

#include "cases/ComplaintLog.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace ow::ui {

/// 我登记的投诉: the complaints a clerk recorded at this workstation, newest first, each with the
/// number the server gave it once synced, "waiting to be sent" until then, or the server's reason
/// when it refused one (kept here, so nothing typed is lost).
class ComplaintListDialog : public QDialog
{
    Q_OBJECT

public:
    ComplaintListDialog(const cases::CaseStore &store, const QString &staffNumber, QWidget *parent = nullptr);

    /// Reads the log again (after a sync round).
    void refresh();

    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }

private:
    cases::ComplaintLog m_log;
    QString m_staffNumber;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ow::ui
