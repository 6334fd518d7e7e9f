#pragma once

#include "cases/CaseEvent.h"

#include <QString>

namespace ow::ui {

/// One line of what an event's payload says, for the case timeline: the reasons of a refusal, the
/// items of a correction notice, who collected a result, the tracking number of a mailing, a note.
class EventSummary
{
public:
    /// Personal data in the payload (the collector's name and ID number) is masked unless
    /// `personalDataVisible`.
    static QString of(const cases::CaseEvent &event, bool personalDataVisible);
};

} // namespace ow::ui
