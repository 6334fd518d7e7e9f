#pragma once

#include <QString>

namespace ow::editorui {

/// The name catalogue staff know a keyword of the format by (问题 for `question`, 容缺 for
/// `waivable`), in the interface's language; the keyword itself when it has none.
QString keywordLabel(const QString &keyword);

} // namespace ow::editorui
