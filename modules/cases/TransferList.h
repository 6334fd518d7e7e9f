#pragma once

#include "cases/Case.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>

namespace ow::cases {

/// One material of a case's folder as the department receives it.
struct TransferMaterial
{
    QString materialId;
    QString name;
    bool original = false; ///< the original is in the folder (原件)
    bool copy = false; ///< a copy is in the folder (复印件)
    int copies = 0; ///< how many (份)
    int pages = 0; ///< pages scanned at the counter; 0 when none were

    QJsonObject toJson() const;
    static TransferMaterial fromJson(const QJsonObject &object);
    /// The paper materials of a case's folder: received or supplied later, not data-shared, not
    /// electronic only; pages counted from the case's scans of each material.
    static QList<TransferMaterial> ofCase(const Case &c);

    friend bool operator==(const TransferMaterial &, const TransferMaterial &) = default;
};

/// One case folder on a transfer list.
struct TransferItem
{
    QString caseNumber;
    QString matterName;
    QString applicantMasked;
    QList<TransferMaterial> materials;

    int pageCount() const;
    friend bool operator==(const TransferItem &, const TransferItem &) = default;
};

/// How the receiver confirmed a list: which folders arrived, which were missing, which extra
/// folders (not on the list) were handed over with it.
struct TransferConfirmation
{
    QDateTime time; ///< UTC
    QString receiver; ///< the department clerk who confirmed
    QStringList received; ///< case numbers
    QStringList missing;
    QStringList extra; ///< case numbers, or what was scanned when it names no case this store holds

    friend bool operator==(const TransferConfirmation &, const TransferConfirmation &) = default;
};

/// 移交清单 (guide 三(四)1): the paper a counter hands to one department at one handover slot,
/// folder by folder. The list is not stored as a row of its own: it is the TransferListed events
/// of its cases (and its confirmation their Transferred and TransferFlagged events), so it is made
/// offline and reaches the server and every workstation of the hall with the case events.
struct TransferList
{
    QString id; ///< "<hall>-<yyyyMMdd>-<counter number>-<HHmm>-<department>", see makeId
    QString hall;
    QString counter;
    QString departmentId;
    QString departmentName;
    QDate day; ///< the hall's day the list is for
    QTime slot; ///< the handover time
    QDateTime made; ///< UTC, when the newest folder was put on it
    QString clerk; ///< who made it
    QList<TransferItem> items;
    std::optional<TransferConfirmation> confirmation;

    bool isConfirmed() const { return confirmation.has_value(); }
    const TransferItem *findItem(const QString &caseNumber) const;
    int pageCount() const;

    /// The list's id: readable, unique per counter, department, day and slot, and of characters a
    /// keyboard-wedge scanner types on any keyboard layout.
    static QString makeId(const QString &hall, const QDate &day, int counterNumber, const QTime &slot,
        const QString &departmentId);
    /// What the list's QR code encodes: "OWTL:<id>".
    static QString scanText(const QString &id);
    /// The list id in what a scanner typed or a clerk entered (the QR code's text or the id alone);
    /// nothing when it is not a transfer list's code.
    static std::optional<QString> idFromScan(QStringView text);
    /// Whether the id is of the shape makeId() gives.
    static bool isWellFormedId(QStringView id);

    friend bool operator==(const TransferList &, const TransferList &) = default;
};

/// The receiver's check of the folders handed over against a list, scan by scan, without widgets:
/// the confirm screen and the CLI feed it what the scanner reads.
class TransferCheck
{
public:
    enum class Outcome
    {
        Received, ///< a folder of the list
        Repeated, ///< scanned before
        Extra, ///< not on the list
    };

    explicit TransferCheck(TransferList list);

    const TransferList &list() const { return m_list; }
    /// A folder whose label names `caseNumber` (or, for a label this store cannot resolve, the text
    /// scanned) was handed over.
    Outcome scan(const QString &caseNumber);
    QStringList received() const { return m_received; }
    QStringList extra() const { return m_extra; }
    /// The list's folders not scanned yet, in list order.
    QStringList missing() const;
    bool isComplete() const { return missing().isEmpty() && m_extra.isEmpty(); }

private:
    TransferList m_list;
    QStringList m_received;
    QStringList m_extra;
};

} // namespace ow::cases
