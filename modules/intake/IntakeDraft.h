#pragma once

#include "core/Result.h"

#include <QJsonObject>

namespace ow::intake {

class IntakeSession;

/// The draft form of an open intake, written to the case store's drafts (cases::DraftStore) and read
/// back: the matter or bundle, each part's answers, the agent tick, the applicant, the material
/// checks, the scans, the case number once numbered and the step the window showed.
class IntakeDraft
{
public:
    static QJsonObject content(const IntakeSession &session);
    /// Puts a draft's content into a session that has not opened anything yet.
    static Result<void> restore(IntakeSession &session, const QJsonObject &content);
};

} // namespace ow::intake
