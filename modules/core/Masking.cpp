#include "core/Masking.h"

#include "core/AdministrativeDivisions.h"
#include "core/PhoneNumber.h"

#include <QList>

namespace ow {

namespace {

const QString kHidden = QStringLiteral("****");

} // namespace

QString Masking::keep(QStringView text, int head, int tail)
{
    const QList<uint> characters = text.toUcs4();
    const qsizetype count = characters.size();
    if (count == 0)
        return {};
    if (head + tail >= count) {
        head = count > 1 ? 1 : 0;
        tail = 0;
    }
    QString result;
    for (qsizetype i = 0; i < count; ++i) {
        if (i < head || i >= count - tail) {
            const char32_t c = characters.at(i);
            result.append(QStringView(QChar::fromUcs4(c)));
        } else {
            result.append(u'*');
        }
    }
    return result;
}

QString Masking::name(QStringView name)
{
    const QString trimmed = name.trimmed().toString();
    // Two characters (the commonest Chinese name length) keep only the surname: keeping the last
    // one as well would show the whole name.
    return keep(trimmed, 1, trimmed.toUcs4().size() >= 3 ? 1 : 0);
}

QString Masking::idNumber(QStringView number)
{
    return keep(number.trimmed(), 4, 4);
}

QString Masking::phone(QStringView number)
{
    if (Result<PhoneNumber> parsed = PhoneNumber::parse(number))
        return parsed->masked();
    return keep(number.trimmed(), 3, 4);
}

QString Masking::address(QStringView address)
{
    const QStringView trimmed = address.trimmed();
    if (trimmed.isEmpty())
        return {};
    qsizetype kept = AdministrativeDivisions::builtIn().leadingNamesLength(trimmed);
    if (kept == 0)
        kept = std::min<qsizetype>(6, trimmed.size() / 2);
    if (kept >= trimmed.size())
        return trimmed.toString();
    return trimmed.left(kept).toString() + kHidden;
}

} // namespace ow
