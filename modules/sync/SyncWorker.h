#pragma once

#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncClient.h"

#include <QObject>
#include <QTimeZone>
#include <limits>
#include <memory>

namespace ow::sync {

/// Runs sync rounds for one data folder on its own thread, with its own store connection and HTTP
/// client: right away, whenever woken (a case was saved), every poll interval while online, and
/// after a network error with a back-off of 2 s doubling to 60 s. Reports for the status bar.
/// Every wait is measured on `clock`, so a test advances a ManualClock instead of sleeping.
///
/// Create it, move it to its thread, then call start() there (SyncService does all this).
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    static constexpr int kFirstBackoffMs = 2000;
    static constexpr int kMaxBackoffMs = 60000;

    explicit SyncWorker(QString dataDirectory, Clock clock = {}, QObject *parent = nullptr);
    ~SyncWorker() override;

    /// Milliseconds between rounds while everything goes well (default 30 s).
    void setPollInterval(int milliseconds) { m_pollInterval = milliseconds; }
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes; }
    /// The hall's time zone for the day a catalogue version takes effect, when the server names none.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    /// The wait before the next round after failures; 0 while the server answers.
    int backoff() const { return m_backoff; }

    /// Opens the store and the client in the calling (worker) thread and runs the first round.
    void start();
    /// Runs a round as soon as the current one (if any) is over.
    void wake();
    /// Stops scheduling rounds.
    void stop();

Q_SIGNALS:
    void statusChanged(bool online, qint64 pendingEvents, qint64 pendingBytes, const QString &lastError);
    /// After every round: whether it went through, and the error otherwise.
    void roundFinished(bool ok, const QString &error);
    /// The catalogue to use changed to `directory`: a newer version was unpacked (checked at start and
    /// hourly), or the version fetched ahead reached its effective day by the worker's clock (looked
    /// at every round, offline too); the workstation offers it at its next start.
    void catalogueInstalled(const QString &directory);
    /// A round changed the hall's accounts in the account store (a clerk added, disabled, renamed,
    /// given roles or a reset password): the window checks the signed-in clerk again.
    void accountsChanged();
    /// A round recorded events or whole cases from the server (results, supplements asked for,
    /// transfers): the screens listing cases read the store again.
    void eventsReceived();

private:
    void runRound();
    void report(bool online, const QString &error);
    void schedule(int milliseconds);
    void updateCatalogue();
    void switchCatalogueWhenDue();

    QString m_dataDirectory;
    Clock m_clock;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<accounts::AccountStore> m_accounts;
    std::unique_ptr<SyncClient> m_client;
    ClockTimer *m_timer = nullptr;
    int m_pollInterval = 30000;
    qint64 m_chunkSize = 1024 * 1024;
    int m_backoff = 0;
    bool m_running = false;
    bool m_wakeAgain = false;
    bool m_stopped = false;
    /// On the clock's monotonic reading; the first round checks.
    qint64 m_nextCatalogueCheckMs = std::numeric_limits<qint64>::min();
    QTimeZone m_zone = CatalogueUpdater::defaultTimeZone();
    QString m_catalogueInUse; ///< the folder latestLocalCatalogue named last
};

} // namespace ow::sync
