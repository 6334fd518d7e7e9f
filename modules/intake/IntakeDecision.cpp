#include "intake/IntakeDecision.h"

#include <QJsonArray>

namespace ow::intake {

namespace {

QJsonArray texts(const QStringList &list)
{
    QJsonArray array;
    for (const QString &text : list)
        if (!text.trimmed().isEmpty())
            array.append(text.trimmed());
    return array;
}

} // namespace

IntakeDecision IntakeDecision::acceptWithWaiver()
{
    IntakeDecision decision;
    decision.kind = cases::EventKind::AcceptedWithWaiver;
    return decision;
}

IntakeDecision IntakeDecision::correction(QStringList items)
{
    IntakeDecision decision;
    decision.kind = cases::EventKind::CorrectionNotice;
    decision.items = std::move(items);
    return decision;
}

IntakeDecision IntakeDecision::refusal(QStringList reasons, Ground ground, QString referTo)
{
    IntakeDecision decision;
    decision.kind = cases::EventKind::Refused;
    decision.reasons = std::move(reasons);
    decision.ground = ground;
    decision.referTo = std::move(referTo);
    return decision;
}

QJsonObject IntakeDecision::payload() const
{
    QJsonObject payload;
    switch (kind) {
    case cases::EventKind::CorrectionNotice:
        if (const QJsonArray list = texts(items); !list.isEmpty())
            payload.insert(QStringLiteral("items"), list);
        break;
    case cases::EventKind::Refused: {
        // An empty list is left out so the store's rule "a refusal states its reasons" can refuse it.
        if (const QJsonArray list = texts(reasons); !list.isEmpty())
            payload.insert(QStringLiteral("reasons"), list);
        if (ground == Ground::NotRequired)
            payload.insert(QStringLiteral("ground"), QStringLiteral("not-required"));
        else if (ground == Ground::NotCompetent)
            payload.insert(QStringLiteral("ground"), QStringLiteral("not-competent"));
        if (!referTo.trimmed().isEmpty())
            payload.insert(QStringLiteral("referTo"), referTo.trimmed());
        break;
    }
    default:
        break;
    }
    return payload;
}

documents::DocumentKind IntakeDecision::documentKind() const
{
    switch (kind) {
    case cases::EventKind::AcceptedWithWaiver:
        return documents::DocumentKind::WaiverNotice;
    case cases::EventKind::CorrectionNotice:
        return documents::DocumentKind::CorrectionNotice;
    case cases::EventKind::Refused:
        return documents::DocumentKind::RefusalNotice;
    default:
        return documents::DocumentKind::AcceptanceReceipt;
    }
}

bool IntakeDecision::isCounterDecision(cases::EventKind kind)
{
    return kind == cases::EventKind::Accepted || kind == cases::EventKind::AcceptedWithWaiver
        || kind == cases::EventKind::CorrectionNotice || kind == cases::EventKind::Refused;
}

std::optional<documents::DocumentKind> IntakeDecision::documentKindFor(cases::CaseState state)
{
    switch (state) {
    case cases::CaseState::Draft:
        return std::nullopt;
    case cases::CaseState::CorrectionNotice:
        return documents::DocumentKind::CorrectionNotice;
    case cases::CaseState::AcceptedWithWaiver:
        return documents::DocumentKind::WaiverNotice;
    case cases::CaseState::Refused:
        return documents::DocumentKind::RefusalNotice;
    default:
        // Every later state of an accepted case: the receipt is what the counter issued.
        return documents::DocumentKind::AcceptanceReceipt;
    }
}

} // namespace ow::intake
