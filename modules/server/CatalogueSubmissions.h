#pragma once

#include "core/Clock.h"
#include "server/CatalogueRepository.h"
#include "server/CatalogueReviewItems.h"
#include "server/CatalogueSubmissionView.h"
#include "server/CredentialStore.h"
#include "storage/Database.h"

#include <QDate>
#include <QJsonObject>
#include <variant>

namespace ow::server {

/// The way of a catalogue version from its editor to the counters (docs/catalogue-review.md): it is
/// submitted with a reason (立改废释) and an effective day, linted, and split into review items
/// (every changed matter, material, bundle and situation against the current version); reviewers
/// grade each item 高/中/低 (any 中 or 低 returns it to the editor with the comments); every changed
/// situation is walked at three or more different counters without objection (模拟受理); the back
/// office of each department concerned signs it off; only then is it published, effective on its day.
///
/// States: in-review → returned | reviewed → walked → accepted → published; an objection at a walk
/// or a sign-off returns it too. A returned submission is final: the editor submits again, naming it.
/// Its editor may withdraw it (withdrawn, also final) at any time before it is published or returned.
class CatalogueSubmissions
{
public:
    static constexpr int kCountersNeeded = CatalogueSubmissionView::kCountersNeeded;

    /// What an action came to. Anything but Done leaves the submission as it was.
    struct Step
    {
        enum class Status
        {
            Done,
            NotFound,
            Invalid, ///< a value the request should not have sent
            Conflict, ///< not now: the submission's state, a lock, a version taken
            Forbidden, ///< another department's
            LintFailed,
        };
        Status status = Status::Done;
        QString message;
        QJsonObject body;
        QStringList diagnostics; ///< LintFailed: the errors
    };

    struct Submission
    {
        QString reason; ///< 立, 改, 废 or 释
        QString note;
        QDate effective;
        QString editor;
        qint64 replaces = 0; ///< the returned submission this one answers; 0 for none
    };

    CatalogueSubmissions(
        const storage::Database &db, CatalogueRepository &catalogues, QString directory, Clock clock);

    static bool isReason(const QString &reason);

    /// Lints the package and stores it with its review items; the editor's locks on its matters are
    /// released. Body: the submission's status().
    Result<Step> submit(
        const sync::CataloguePackage &package, const QByteArray &body, const Submission &submission);
    /// Grades items (高, 中 or 低; 中 and 低 need a comment); once every item is graded the submission
    /// is reviewed (all 高) or returned.
    Result<Step> review(qint64 id, const QStringList &items, const QString &grade, const QString &comment,
        const QString &reviewer);
    /// A counter walked a situation of a matter or a bundle (`objection` empty: without objection),
    /// with the answers it walked. Counters count once per situation however often they walk it; an
    /// objection returns the submission.
    Result<Step> walk(qint64 id, const QString &situation, const Credential &workstation,
        const QString &clerk, const QString &objection, const QString &answers = {});
    /// The back office of a department signs off with its key, or objects (which returns the
    /// submission); either is a row of the departments' log, in the same transaction.
    Result<Step> signOff(qint64 id, const Credential &by, const QString &signer, const QString &objection);
    /// Its editor takes a submission back before publication: it is withdrawn, no walk or sign-off
    /// is offered for it any more, its version may be submitted again, and the editor's locks on its
    /// matters are released. Another editor's submission is Forbidden.
    Result<Step> withdraw(qint64 id, const QString &editor);
    /// Publishes an accepted submission, effective on its day (or `effective`, when given).
    Result<Step> publish(qint64 id, const QString &by, std::optional<QDate> effective);

    const CatalogueSubmissionView &view() const { return m_view; }

private:
    /// A submission as the steps read it.
    struct Row
    {
        QString state;
        QString editor;
        QString path; ///< the package's file, under the server's catalogue folder
        QString effective; ///< YYYY-MM-DD as submitted
        QString reason;
        QString note;
    };

    /// Moves the submission on as far as its grades, walks and sign-offs allow.
    Result<void> advance(qint64 id);
    /// The submission `id`, or the step refusing any action on it (NotFound) when there is none.
    Result<std::variant<Row, Step>> findSubmission(qint64 id) const;
    /// Its state; empty when there is no such submission.
    Result<QString> stateOf(qint64 id) const;
    Result<void> setState(qint64 id, const QString &state);

    const storage::Database &m_db;
    CatalogueRepository &m_catalogues;
    CatalogueSubmissionView m_view;
    QString m_directory;
    Clock m_clock;
};

} // namespace ow::server
