#pragma once

#include "cases/CaseStore.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::cases {

/// An intake draft as the case list shows it: no personal data in clear.
struct DraftSummary
{
    qint64 id = 0;
    QString clerk;
    QString caseNumber; ///< empty until the draft is numbered (Ctrl+S or a decision)
    QString title; ///< the matter's or bundle's name
    QString applicantMasked;
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC
};

/// A draft with its content: what the intake needs to come back as the clerk left it.
struct Draft
{
    DraftSummary summary;
    QJsonObject content; ///< the intake's own form (intake::IntakeDraft); opaque here
    QStringList scans; ///< SHA-256 of the scans the draft holds
};

/// What `onewindow-cli case check-store` reports about the attachment folder.
struct StoreCheck
{
    QStringList orphanScans; ///< files no case and no draft cites (SHA-256)
    QStringList missingScans; ///< cited by a case or a draft, not in the folder
};

/// The open intakes kept in the case store (table intake_drafts), so nothing typed is lost to a
/// crash, and the attachment bookkeeping that goes with them: a discarded draft takes its scans
/// along unless a case or another draft cites them too. Every write is one transaction.
class DraftStore
{
public:
    explicit DraftStore(CaseStore &store);

    /// Writes the draft (a new row when its id is 0) with its scans; returns its id.
    Result<qint64> keep(const Draft &draft);
    Result<Draft> load(qint64 id) const;
    /// Newest first; an empty clerk lists every clerk's drafts.
    Result<QList<DraftSummary>> list(const QString &clerk = {}) const;
    /// The draft of a numbered case, if one is kept.
    Result<std::optional<qint64>> findByCase(const QString &caseNumber) const;
    /// Forgets the draft and removes the scan files nothing else cites; a numbered case keeps its
    /// own scans. Returns the files removed.
    Result<QStringList> discard(qint64 id);
    /// Drops the draft once its case is decided: the case holds everything now.
    Result<void> settle(qint64 id);

    /// Compares the attachment folder with what cases and drafts cite.
    Result<StoreCheck> check() const;

private:
    Result<QStringList> citedScans() const;

    CaseStore &m_store;
};

} // namespace ow::cases
