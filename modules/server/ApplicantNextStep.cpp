#include "server/ApplicantNextStep.h"

#include "cases/CaseJson.h"
#include "cases/SupplementWatch.h"

namespace ow::server {

using namespace ow::cases;
using namespace Qt::StringLiterals;

ApplicantNextStep ApplicantNextStep::of(
    CaseState state, const QJsonObject &snapshot, const QJsonArray &events)
{
    ApplicantNextStep step;
    QList<CaseEvent> parsed;
    for (const QJsonValue &value : events) {
        // An event the server stored but this version cannot read says nothing to the applicant.
        Result<CaseEvent> event = CaseJson::eventFrom(value.toObject());
        if (!event)
            continue;
        if (event->kind == EventKind::Mailed)
            step.trackingNumber = event->payload.value(u"trackingNumber"_s).toString().left(32);
        if (event->kind == EventKind::Note && event->payload.contains(u"evaluation"_s))
            step.rated = true;
        parsed.append(*event);
    }
    if (SupplementWatch::isOpen(state)) {
        Result<Case> c = CaseJson::caseFrom(snapshot);
        step.awaited = Supplements::awaited(c ? *c : Case(), parsed);
    }
    return step;
}

} // namespace ow::server
