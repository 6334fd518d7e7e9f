#include "idcard/IdCardTables.h"

#include <QCoreApplication>
#include <array>

namespace ow::drivers::idcard {

namespace {

// GB 3304-91 order, as listed in docs/hardware.md; index 0 is code 01.
constexpr std::array<const char16_t *, 56> kNations
    = {u"汉", u"蒙古", u"回", u"藏", u"维吾尔", u"苗", u"彝", u"壮", u"布依", u"朝鲜", u"满", u"侗", u"瑶",
        u"白", u"土家", u"哈尼", u"哈萨克", u"傣", u"黎", u"傈僳", u"佤", u"畲", u"高山", u"拉祜", u"水",
        u"东乡", u"纳西", u"景颇", u"柯尔克孜", u"土", u"达斡尔", u"仫佬", u"羌", u"布朗", u"撒拉", u"毛南",
        u"仡佬", u"锡伯", u"阿昌", u"普米", u"塔吉克", u"怒", u"乌孜别克", u"俄罗斯", u"鄂温克", u"德昂",
        u"保安", u"裕固", u"京", u"塔塔尔", u"独龙", u"鄂伦春", u"赫哲", u"门巴", u"珞巴", u"基诺"};

bool isTwoDigits(const QString &code)
{
    return code.size() == 2 && code.at(0).isDigit() && code.at(1).isDigit();
}

} // namespace

QString IdCardTables::sexName(const QString &code)
{
    const QString c = code.trimmed();
    if (c == u"1")
        return QStringLiteral("男");
    if (c == u"2")
        return QStringLiteral("女");
    if (c == u"0")
        return QStringLiteral("未知的性别");
    if (c == u"9")
        return QStringLiteral("未说明的性别");
    return {};
}

QString IdCardTables::sexCode(const QString &name)
{
    for (const QString &code :
        {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("9")})
        if (sexName(code) == name.trimmed())
            return code;
    return {};
}

QString IdCardTables::nationName(const QString &code)
{
    const QString c = code.trimmed();
    if (!isTwoDigits(c))
        return {};
    const int n = c.toInt();
    if (n >= 1 && n <= int(kNations.size()))
        return QString::fromUtf16(kNations[std::size_t(n - 1)]);
    if (n == 97)
        return QStringLiteral("其他");
    if (n == 98)
        return QStringLiteral("外国血统中国籍人士");
    return {};
}

QString IdCardTables::nationCode(const QString &name)
{
    QString n = name.trimmed();
    // Forms print "汉族"; the card stores the code of "汉".
    if (n.size() > 1 && n.endsWith(u'族'))
        n.chop(1);
    for (int code = 1; code <= 98; ++code) {
        const QString c = QStringLiteral("%1").arg(code, 2, 10, QLatin1Char('0'));
        if (!nationName(c).isEmpty() && nationName(c) == n)
            return c;
    }
    return {};
}

QString IdCardTables::sexText(const QString &code)
{
    const QString name = sexName(code);
    if (!name.isEmpty())
        return name;
    return QCoreApplication::translate("ow::drivers::idcard", "unknown sex code '%1'").arg(code.trimmed());
}

QString IdCardTables::nationText(const QString &code)
{
    const QString name = nationName(code);
    if (!name.isEmpty())
        return name;
    return QCoreApplication::translate("ow::drivers::idcard", "unknown nation code '%1'").arg(code.trimmed());
}

} // namespace ow::drivers::idcard
