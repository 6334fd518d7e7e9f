#pragma once

#include <QWidget>

class QLabel;

namespace ow::ui {

/// The status bar's sync light: a green or grey dot for online or offline and "N events waiting",
/// with the last error and the bytes of scans waiting in the tooltip. Fed by
/// sync::SyncWorker::statusChanged (connect it queued; the worker runs on its own thread). While it
/// shows a warning, a click asks for the details (the scans set aside: ScanFailuresDialog).
class SyncStatusIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusIndicator(QWidget *parent = nullptr);

    bool isOnline() const { return m_online; }
    QString text() const;

    void setStatus(bool online, qint64 pendingEvents, qint64 pendingBytes, const QString &lastError);
    bool isWarning() const { return m_warning; }

Q_SIGNALS:
    /// The clerk clicked the light while it warned.
    void detailsRequested();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool m_online = false;
    bool m_warning = false;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace ow::ui
