#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"

#include <QList>
#include <QPair>

namespace ow::authoring {

/// The answers of the editor's preview that still fit a matter after the catalogue was edited, so
/// the preview comes back where the author was: the question is still there with the same type, the
/// options chosen are still its options, a number is still within its min and max. Which of them the
/// interview then keeps (a question no longer asked drops its answer) is the situation engine's call.
class PreviewAnswers
{
public:
    /// `given` as fits `matter`, in the matter's asking order.
    static QList<QPair<QString, catalogue::Answer>> carried(
        const catalogue::Matter &matter, const catalogue::Answers &given);
};

} // namespace ow::authoring
