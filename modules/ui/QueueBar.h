#pragma once

#include "sync/QueueService.h"

#include <QList>
#include <QPointer>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace ow::ui {

/// The counter's side of the hall's queue across the top of the window: this counter's state and
/// clerk, the ticket called here and how many wait for it, and the calls — next (F9), recall,
/// no-show, park, transfer — plus opening, pausing and closing the counter. Without a queue service
/// (a standalone counter) or with the server out of reach it says so, and the counter takes
/// walk-ins as before. The requests run in the service's thread; the bar renders what comes back.
class QueueBar : public QWidget
{
    Q_OBJECT

public:
    explicit QueueBar(QWidget *parent = nullptr);

    /// The hall's queue for this counter; null: a counter without one.
    void setService(sync::QueueService *service);
    sync::QueueService *service() const { return m_service; }
    const sync::QueueStatus &status() const { return m_status; }
    QString text() const;
    /// The clerk's name for a login (the hall's accounts): the bar names the clerk, never the login.
    void setClerkName(std::function<QString(const QString &login)> nameOf) { m_nameOf = std::move(nameOf); }

    /// The "Queue" menu with every call; its keys work wherever the window has the focus.
    QMenu *createMenu(QWidget *parent);
    QAction *callNextAction() const { return m_callNext; }

public Q_SLOTS:
    /// The person called is at the counter (the clerk went on from the interview): served from now.
    void applicantArrived();
    /// The intake of ticket `number` was decided: the ticket is done.
    void ticketFinished(const QString &number);
    /// The workstation was locked (the counter is paused) or unlocked (it opens again if the lock
    /// paused it); connect the session guard's lockedChanged.
    void workstationLocked(bool locked);
    /// The clerk leaves this window: switching user pauses the counter, quitting closes it. Waits a
    /// few seconds at most; a server out of reach is left as it is, without a word.
    void leaveCounter(bool switchingUser);

Q_SIGNALS:
    /// A call brought this ticket: the window opens its intake.
    void ticketCalled(const ow::sync::QueueTicket &ticket);
    /// A sentence for the status bar.
    void message(const QString &text, bool problem);

private:
    void showStatus(const sync::QueueStatus &status);
    void chooseTransfer(const QStringList &counters, const QStringList &areas);
    void updateActions();
    QAction *addCall(const QString &text, const QKeySequence &key, const QString &tip);

    QPointer<sync::QueueService> m_service;
    sync::QueueStatus m_status;
    bool m_heard = false; ///< the service has reported at least once
    std::function<QString(const QString &)> m_nameOf;
    QLabel *m_label = nullptr;
    QList<QAction *> m_actions;
    QAction *m_callNext = nullptr;
    QAction *m_recall = nullptr;
    QAction *m_noShow = nullptr;
    QAction *m_park = nullptr;
    QAction *m_transfer = nullptr;
    QAction *m_open = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_close = nullptr;
};

} // namespace ow::ui
