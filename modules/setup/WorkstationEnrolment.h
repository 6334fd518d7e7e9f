#pragma once

#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QObject>
#include <QString>

class QThread;

namespace ow::setup {

/// Enrols this workstation with the hall's server from a one-time code, as `onewindow-cli sync
/// enrol` does: asks the server, then keeps the token, hall and counter in the store of the data
/// folder, and fetches the newest published catalogue. start() runs on a thread of its own (the client
/// blocks), finished() comes back on the thread that called start().
class WorkstationEnrolment : public QObject
{
    Q_OBJECT

public:
    explicit WorkstationEnrolment(QObject *parent = nullptr);
    ~WorkstationEnrolment() override;

    /// The same steps, blocking: for start() and the command line. Messages say what to do for a
    /// wrong code or a server that cannot be reached.
    static Result<sync::Enrolment> enrol(
        const QString &dataDirectory, const QString &server, const QString &code, const QString &machine);

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts an enrolment; ignored while one runs.
    void start(const QString &dataDirectory, const QString &server, const QString &code);
    /// The last outcome, valid after finished().
    const Result<sync::Enrolment> &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished(bool enrolled, const QString &message);

private:
    void complete();

    QThread *m_thread = nullptr;
    Result<sync::Enrolment> m_outcome;
};

} // namespace ow::setup
