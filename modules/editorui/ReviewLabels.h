#pragma once

#include <QJsonObject>
#include <QString>

class QTreeWidget;

namespace ow::editorui {

/// How the editor shows a submission of the review server (docs/catalogue-review.md): its state in
/// words, and its review items with their grades, comments and reviewers in a list.
namespace ReviewLabels {

/// "in-review" → 审核中 (in the UI language), and so on; an unknown state as it came.
QString state(const QString &state);
/// A reason 立/改/废/释 with its meaning: "改（修改）".
QString reason(const QString &reason);
/// Whether its editor may still withdraw a submission in this state.
bool isWithdrawable(const QString &state);
/// Fills a four-column list (item, change, grade, comment) with the status's review items; the 中
/// and 低 ones stand out, their comment and reviewer in the tooltip too.
void fillItems(QTreeWidget *list, const QJsonObject &status);

} // namespace ReviewLabels

} // namespace ow::editorui
