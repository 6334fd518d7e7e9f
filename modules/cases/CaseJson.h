#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "catalogue/SituationEngine.h"
#include "core/Result.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ow::cases {

/// JSON forms of a case and its parts: what the store keeps in its text columns, what the outbox
/// sends and what `onewindow-cli case show --json` prints. Keys are stable English keywords.
class CaseJson
{
public:
    /// Whether personal data is written as given or masked (for screens, logs and the CLI).
    enum class Privacy
    {
        Full,
        Masked
    };

    /// {"answers": {"q": "opt" | ["a","b"] | 150}, "notApplicable": ["q2"]}
    static QJsonObject answers(const catalogue::Answers &answers);
    static Result<catalogue::Answers> answersFrom(const QJsonObject &object);

    /// The checklist as it was when the case was taken in: one object per line.
    static QJsonArray checklistSnapshot(const catalogue::Checklist &checklist);

    static QJsonArray materialChecks(const QList<MaterialCheck> &checks);
    static Result<QList<MaterialCheck>> materialChecksFrom(const QJsonArray &array);

    static QJsonObject attachment(const CaseAttachment &attachment);
    static Result<CaseAttachment> attachmentFrom(const QJsonObject &object);

    static QJsonObject event(const CaseEvent &event);
    static Result<CaseEvent> eventFrom(const QJsonObject &object);

    /// The whole case, with or without the applicant's personal data in clear.
    static QJsonObject caseObject(const Case &c, Privacy privacy);
    static Result<Case> caseFrom(const QJsonObject &object);

    /// ISO 8601 UTC with milliseconds ("2026-03-15T08:30:00.000Z"): sorts as text, as the store needs.
    static QString timeText(const QDateTime &time);
    static QDateTime timeFrom(const QString &text);
};

} // namespace ow::cases
