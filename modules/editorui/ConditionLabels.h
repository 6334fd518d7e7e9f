#pragma once

#include "authoring/ConditionRows.h"

#include <QCoreApplication>

namespace ow::editorui {

/// The words the condition builder shows for operators and rows, in the interface's language: names
/// of questions and options, never their ids.
class ConditionLabels
{
    Q_DECLARE_TR_FUNCTIONS(ow::editorui::ConditionLabels)

public:
    /// "是", "都不是", "≥ 大于或等于", "范围 a ≤ x < b"…; a literal row's words need `literal`.
    static QString operatorLabel(const authoring::ConditionOperator &oper, bool literal = true);
    /// A row as a phrase: "且 经营场所属于哪一类？ 是 沐浴场所" (the join word for rows after the
    /// first; brackets around a group of several rows).
    static QString rowPhrase(const authoring::ConditionRows &rows, int index,
        const QList<authoring::ConditionQuestion> &questions);
    /// The word joining groups (`outer`) or the rows of one group.
    static QString joinWord(authoring::ConditionRows::Join join, bool outer);
};

} // namespace ow::editorui
