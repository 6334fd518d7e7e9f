#pragma once

#include "core/Result.h"
#include "storage/Rows.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace ow::cases {

/// Work a clerk does at the counter that leaves no case behind, recorded for supervision's points
/// (积分制) and grades (考级): a consultation (a checklist given without a case, or a question
/// answered and recorded with its answer) or a practice quiz
/// (月考). Kept in the case store with an outbox row and sent to the server like case events
/// (docs/supervision.md, docs/sync-protocol.md).
struct ClerkActivity
{
    static constexpr QLatin1StringView kConsultation = QLatin1StringView("consultation");
    static constexpr QLatin1StringView kPractice = QLatin1StringView("practice");

    QString id; ///< UUID; the same activity sent twice is stored once
    QString kind; ///< kConsultation or kPractice
    QString staffNumber; ///< the clerk's login (工号)
    QString clerkName;
    QDateTime at; ///< when it happened (UTC)
    QString matter; ///< the matter's code (a bundle's id for a bundle's consultation)
    /// Practice: {"situation", "score", "maxScore", "passed", "missed": […]};
    /// consultation: {"answers": {…}, "checklistPrinted": bool} for a checklist given, or
    /// {"question", "answer", "answers"?: {…}, "checklistPrinted"?: bool} for a question the clerk
    /// recorded with the answer given (question 1–200 characters, answer 1–1,000).
    QJsonObject detail;

    static constexpr int kMaxQuestion = 200;
    static constexpr int kMaxAnswer = 1000;

    static bool isKnownKind(const QString &kind);
    /// Whether a practice activity counts as passed (false for any other kind).
    bool passed() const;
    /// A consultation's recorded question; empty for a checklist given and for other kinds.
    QString question() const;
    /// What is wrong with a consultation's detail, naming the field, or an empty string.
    static QString consultationProblem(const QJsonObject &detail);

    /// What is wrong with it (unknown kind, no clerk, no time, a detail of the wrong shape), or an
    /// empty string. The workstation checks before recording and the server before storing.
    QString problem() const;

    /// {"id", "kind", "staffNumber", "clerkName", "at", "matter", "detail"}: the wire and outbox form.
    QJsonObject toJson() const;
    /// Reads the wire form; fails (Invalid) with problem() when it does not hold an activity.
    static Result<ClerkActivity> fromJson(const QJsonObject &object);

    /// Every row of a query selecting id, kind, staff number, clerk name, time, matter and detail
    /// (JSON text), in that order: the workstation's log and the server's store read them alike.
    static Result<QList<ClerkActivity>> readAll(storage::Rows &rows);
};

} // namespace ow::cases
