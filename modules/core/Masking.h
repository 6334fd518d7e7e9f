#pragma once

#include <QString>
#include <QStringView>

namespace ow {

/// Hides most of a person's data for lists, receipts seen by others, and logs, keeping enough to
/// tell records apart. Lengths are counted in characters as a reader sees them (a rare ideograph
/// outside the BMP is one character), and '*' replaces what is hidden.
class Masking
{
public:
    /// Keeps the first `head` and the last `tail` characters and replaces the rest with one '*'
    /// each. When that would hide nothing, everything but the first character is hidden instead
    /// (everything, for one character), so the result never gives the whole text away.
    static QString keep(QStringView text, int head, int tail);

    /// A person's name: "张*" for 张三, "张*丰" for 张三丰, "欧**娜" for 欧阳娜娜; "*" for one character.
    static QString name(QStringView name);
    /// An ID number (citizen ID, passport, …): first 4 and last 4 shown, "3303**********1234".
    static QString idNumber(QStringView number);
    /// A phone number: "138****5678" for a mobile, "0577-****1234" for a landline; any other text
    /// keeps its first 3 and last 4 characters.
    static QString phone(QStringView number);
    /// An address: the division names it starts with stay ("浙江省温州市鹿城区"), the rest becomes
    /// "****" whatever its length. Without known division names, the first 6 characters stay (at
    /// most half of the address).
    static QString address(QStringView address);
};

} // namespace ow
