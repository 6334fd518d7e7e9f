#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <span>

namespace ow::catalogue {

/// Toneless Hanyu Pinyin readings of Chinese characters, from the Unihan table compiled into the library.
///
/// The table (resources/pinyin/hanzi-pinyin.txt) is read once, on first use, and kept for the life
/// of the program; every function is safe to call from any thread.
class Pinyin
{
public:
    /// The readings of one character, the most common first, lower-case ASCII without tones and
    /// with ü written v: {"xing", "hang", "heng"} for 行. Empty for anything the table does not
    /// know (Latin letters, digits, punctuation, the rarest ideographs). The views point into the
    /// table and stay valid for the life of the program.
    static std::span<const QLatin1StringView> syllables(char32_t character);

    /// Same as syllables(), as strings.
    static QStringList readings(char32_t character);

    /// True when the table has at least one reading for the character.
    static bool isKnown(char32_t character);

    /// The first letter of the most common reading of each known character; ASCII letters and
    /// digits are kept (lower-cased), everything else is dropped. "公共场所卫生许可" → "ggcswsxk".
    static QString initials(QStringView text);

    /// The most common reading of each known character, run together; ASCII letters and digits
    /// kept (lower-cased), everything else dropped. "公共场所" → "gonggongchangsuo".
    static QString spell(QStringView text);

    /// How many characters the table knows; 0 only if the compiled-in table could not be read.
    static qsizetype characterCount();
};

} // namespace ow::catalogue
