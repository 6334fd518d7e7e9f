#pragma once

#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ow::sync {

/// A catalogue editor signed in from onewindow-editor (POST /catalogues/session): the session's
/// token, kept in memory only, and who it speaks for.
struct CatalogueEditorSession
{
    QString token;
    QDateTime expires; ///< UTC
    QString hall;
    QString staffNumber;
    QString name;

    bool isValidAt(const QDateTime &now) const { return !token.isEmpty() && now.addSecs(60) < expires; }
};

/// A matter's editing lock as the server answered (catalogues/locks).
struct MatterLock
{
    QString matter;
    QString editor; ///< the staff number that holds it
    QDateTime expires; ///< UTC
    bool mine = false; ///< taken (or renewed) by this session; false: another editor holds it
};

/// What a catalogue submission needs besides the folder (docs/catalogue-review.md).
struct SubmissionRequest
{
    QString directory;
    QString catalogueId;
    QString version;
    QString reason; ///< 立, 改, 废 or 释
    QString note;
    QDate effective;
};

/// The editor's side of the catalogue review API: sign-in, matter locks, submitting a folder, the
/// editor's submissions and withdrawing one. Blocking like SyncClient: for a thread of its own
/// (ui::runHallServerRequest), never the GUI thread. A refusal's message is the server's; the field
/// it is about ("staffNumber", "password", "hall") is in the client's lastFailure().body.
class CatalogueEditorClient
{
public:
    /// How many of an editor's latest submissions submissions() reads.
    static constexpr int kMaxSubmissions = 30;

    explicit CatalogueEditorClient(SyncClient &client);

    /// Signs in with a hall account of the catalogue editor role; `hall` only where the staff number
    /// is used in several halls. The token is set into the client for the calls that follow.
    Result<CatalogueEditorSession> signIn(
        const QString &staffNumber, const QString &password, const QString &hall = {});
    /// Takes (or renews) the lock on a matter for two hours. Held by another editor: a lock with
    /// `mine` false naming who and until when, not an error.
    Result<MatterLock> lock(const QString &matter);
    Result<void> release(const QString &matter);
    /// Every lock held now, by anyone.
    Result<QList<MatterLock>> locks(const QString &staffNumber);
    /// Packs the folder as it is on disk and submits it; the answer is the submission's status with
    /// its review items. A lint failure's diagnostics are in lastFailure().body.
    Result<QJsonObject> submit(const SubmissionRequest &request);
    /// The latest submissions of `staffNumber`, newest first, each with its items and their grades.
    Result<QJsonArray> submissions(const QString &staffNumber);
    Result<QJsonObject> submission(qint64 id);
    Result<QJsonObject> withdraw(qint64 id);

private:
    static MatterLock lockFrom(const QJsonObject &object, const QString &staffNumber);

    SyncClient &m_client;
};

} // namespace ow::sync
