#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace ow::documents {

/// What each hall setting may hold, checked when a settings file is loaded so a file that would
/// break a document is refused at start with its file and line, never discovered at print time.
/// The rules are listed for hall administrators in resources/documents/README.md.
class HallSettingsRules
{
public:
    enum class Kind
    {
        Line, ///< a name, label, column header, date format or other text on one line
        Paragraph, ///< a sentence of a document or the footer: may hold a few line breaks
        Url, ///< hall.public-base-url
    };

    static constexpr qsizetype kMaxLineLength = 100;
    static constexpr qsizetype kMaxParagraphLength = 500;
    static constexpr qsizetype kMaxLineBreaks = 4;
    static constexpr qsizetype kMaxUrlLength = 200;

    static Kind kind(QStringView section, QStringView key);
    /// The numbers of the %1…%99 placeholders in `text`, in ascending order without repeats — the
    /// escapes QString::arg() fills in ("%L1" counts as 1; a "%" before anything else is just a "%").
    static QList<int> placeholders(QStringView text);

    /// Checks `value` of `key` in `section`: not empty, no control characters (a line break only in
    /// a paragraph, at most kMaxLineBreaks), within its length, and — when `defaultValue` is given —
    /// exactly the placeholders of the default. `where` locates the error.
    static Result<void> check(QStringView section, QStringView key, const QString &value,
        const QString *defaultValue, const SourceLocation &where);
};

} // namespace ow::documents
