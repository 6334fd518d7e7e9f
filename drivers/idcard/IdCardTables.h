#pragma once

#include <QString>

namespace ow::drivers::idcard {

/// The code tables of the card's text block: sex (GB/T 2261.1) and nation (GB 3304), docs/hardware.md.
/// The names are card data, printed on the card in Chinese, so they are not translated; only the
/// words for a code outside the tables are.
class IdCardTables
{
public:
    /// "男" for "1", "女" for "2", "未知的性别" for "0", "未说明的性别" for "9", else empty.
    static QString sexName(const QString &code);
    /// The code for a name from sexName, else empty.
    static QString sexCode(const QString &name);
    /// "汉" for "01" … "基诺" for "56", "其他" for "97", "外国血统中国籍人士" for "98", else empty.
    static QString nationName(const QString &code);
    /// The two-digit code for a name from nationName ("汉" or "汉族"), else empty.
    static QString nationCode(const QString &name);
    /// Text for display: the table name, or a translated "unknown code" sentence.
    static QString sexText(const QString &code);
    static QString nationText(const QString &code);
};

} // namespace ow::drivers::idcard
