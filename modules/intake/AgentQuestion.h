#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"

#include <optional>

namespace ow::intake {

/// Where a matter asks whether an agent applies (委托他人办理), so the registration form's agent
/// tick can answer it and the authorisation letter joins the checklist. Catalogues model it as a
/// single-choice question `agent` (options `agent` and `self`) or as the option `agent` of a
/// multi-choice question of circumstances.
class AgentQuestion
{
public:
    struct Change
    {
        QString questionId;
        catalogue::Answer answer;
    };

    /// The answer that says `agent` for `matter`, given the current answer to that question;
    /// nothing when the matter does not ask, or when the answer already says so.
    static std::optional<Change> answerFor(
        const catalogue::Matter &matter, const catalogue::Answers &current, bool agent);
};

} // namespace ow::intake
