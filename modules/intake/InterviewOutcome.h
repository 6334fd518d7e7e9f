#pragma once

#include "catalogue/SituationEngine.h"
#include "core/Result.h"
#include "documents/ChecklistSheet.h"

#include <QList>

namespace ow::intake {

/// What the interview settled, without its widgets: one matter, or the matters of a bundle, each with
/// the engine's evaluation of the answers, and the checklist of the whole (merged for a bundle).
struct InterviewOutcome
{
    struct Part
    {
        const catalogue::Matter *matter = nullptr;
        catalogue::Evaluation evaluation;
    };

    const catalogue::Bundle *bundle = nullptr;
    QList<Part> parts;
    catalogue::Checklist checklist;

    bool isComplete() const;
    /// "公共场所卫生许可（新发证）" or the bundle's name.
    QString name() const;
    /// Fails, saying which matter is unanswered, when a part has not reached a situation.
    Result<void> checkComplete() const;

    /// The case fields that come from the catalogue and the answers (matter or bundle, department,
    /// case type, promised days, catalogue version, effective answers, situation, checklist snapshot).
    /// A bundle is recorded under its id with its lead department; its answers and situation keys
    /// carry the matter code ("330302-SC-002/agent"), since question ids repeat across matters.
    void fillCase(const catalogue::Catalogue &catalogue, cases::Case &c) const;

    /// The printable checklist before any case exists.
    documents::ChecklistSubject checklistSubject(const catalogue::Catalogue &catalogue) const;
};

} // namespace ow::intake
