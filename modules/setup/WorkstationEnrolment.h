#pragma once

#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QObject>
#include <QString>

class QThread;

namespace ow::setup {

/// Enrols this workstation with the hall's server from a one-time code, as `onewindow-cli sync
/// enrol` does: asks the server, then keeps the token, hall and counter in the store of the data
/// folder, fetches the hall's accounts and the newest published catalogue. start() runs on a thread of its
/// own (the client blocks), finished() comes back on the thread that called start().
class WorkstationEnrolment : public QObject
{
    Q_OBJECT

public:
    explicit WorkstationEnrolment(QObject *parent = nullptr);
    ~WorkstationEnrolment() override;

    /// An enrolment, and how the hall's accounts came with it.
    struct Enrolled : sync::Enrolment
    {
        int accounts = 0; ///< accounts of the hall now in the account store
        /// Why the hall's accounts could not be fetched right after the enrolment (which stands:
        /// the sync brings them, and the login waits for them); empty when they came.
        QString accountsProblem;
    };

    /// The same steps, blocking: for start() and the command line. Messages say what to do for a
    /// wrong code or a server that cannot be reached. Right after enrolling it brings the hall's
    /// accounts into the account store (sync::AccountSync), so the hall's clerks log in at the first
    /// start, also with the server down since.
    static Result<Enrolled> enrol(
        const QString &dataDirectory, const QString &server, const QString &code, const QString &machine);

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts an enrolment; ignored while one runs.
    void start(const QString &dataDirectory, const QString &server, const QString &code);
    /// The last outcome, valid after finished().
    const Result<Enrolled> &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished(bool enrolled, const QString &message);

private:
    void complete();

    QThread *m_thread = nullptr;
    Result<Enrolled> m_outcome;
};

} // namespace ow::setup
