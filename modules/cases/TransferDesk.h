#pragma once

#include "cases/CaseStore.h"
#include "cases/TransferList.h"
#include "cases/TransferSlots.h"
#include "core/Clock.h"

#include <QList>
#include <QString>

namespace ow::cases {

/// 材料交接 (guide 三(四)1) without widgets: which paper is waiting for each department, the
/// transfer list of a handover slot (recorded on its cases as TransferListed events), finding a
/// list again from its QR code, the receiver's confirmation (Transferred for each folder handed
/// over, TransferFlagged for a missing or extra folder, all in one transaction) and the lists still
/// not confirmed at the end of the day. Everything is in the case store and its outbox, so it works
/// offline and reaches the server with the next sync.
class TransferDesk
{
public:
    /// `clerk` records the events: the intake clerk who makes a list, the receiver who confirms it.
    TransferDesk(CaseStore &store, QString clerk, Clock clock, TransferSlots slots = {});

    const TransferSlots &slots() const { return m_slots; }

    /// A department with paper waiting at this counter.
    struct Waiting
    {
        QString departmentId;
        QString departmentName;
        int folders = 0;
    };
    /// The departments with cases accepted at this counter whose paper is not on a list yet.
    Result<QList<Waiting>> waiting() const;

    /// The list the department's waiting paper would go on now, without recording anything: its
    /// slot is the next handover time (the day's last once all have passed).
    Result<TransferList> prepare(const QString &departmentId) const;
    /// Puts the department's waiting paper on the list of the current slot (a list of the slot
    /// made earlier and not yet confirmed gains the new folders) and returns the whole list.
    /// Invalid when nothing is waiting.
    Result<TransferList> make(const QString &departmentId);

    /// A list by its id or the text of its QR code; NotFound when no case of this store is on it.
    Result<TransferList> find(const QString &idOrScan) const;
    /// The lists made on the hall's day `day`, in the order they were made.
    Result<QList<TransferList>> listsOn(const QDate &day) const;
    /// Lists not confirmed although their day is over (or ended at the hall's day end), from the
    /// last `days` days: for the supervisor.
    Result<QList<TransferList>> overdue(int days = 14) const;

    /// The case number a folder label's scan names (the case's QR link or its number); the text
    /// itself when it names no case of this store.
    QString folderOf(const QString &scan) const;
    /// The receiver's confirmation of the list with the folders scanned: each folder on the list
    /// becomes transferred, a missing or extra one is flagged. Refused for a list confirmed before.
    Result<TransferConfirmation> confirm(const QString &idOrScan, const QStringList &scans);

private:
    /// Cases of this counter for the department (all departments when empty) whose paper is not on
    /// an open list.
    Result<QList<Case>> waitingCases(const QString &departmentId) const;
    /// The list ids a case's events put it on and took it off: the open one, if any.
    Result<QString> openListOf(const QString &caseNumber) const;
    Result<QList<TransferList>> listsBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const;
    TransferList skeleton(const QString &departmentId, const QString &departmentName) const;

    CaseStore &m_store;
    QString m_clerk;
    Clock m_clock;
    TransferSlots m_slots;
};

} // namespace ow::cases
