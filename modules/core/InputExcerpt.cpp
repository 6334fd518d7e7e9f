#include "core/InputExcerpt.h"

namespace ow {

namespace {

const QChar kEllipsis(u'…');

/// How one unit at `i` is written: itself, or an escape. A surrogate pair is kept whole.
qsizetype appendEscaped(QString &out, QStringView text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
        out.append(text[i]);
        out.append(text[i + 1]);
        return 2;
    }
    switch (c) {
    case 0:
        out.append(QLatin1StringView("\\0"));
        return 1;
    case u'\t':
        out.append(QLatin1StringView("\\t"));
        return 1;
    case u'\n':
        out.append(QLatin1StringView("\\n"));
        return 1;
    case u'\r':
        out.append(QLatin1StringView("\\r"));
        return 1;
    default:
        break;
    }
    if (c < 0x100 && InputExcerpt::isUnsafe(c))
        out.append(QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0')));
    else if (InputExcerpt::isUnsafe(c) || QChar::isSurrogate(c))
        out.append(QStringLiteral("\\u{%1}").arg(QString::number(c, 16).toUpper().rightJustified(4, u'0')));
    else
        out.append(text[i]);
    return 1;
}

/// The escaped form of text[from, to), stopping before `budget` characters would be exceeded.
/// Returns where it stopped.
qsizetype appendWithin(QString &out, QStringView text, qsizetype from, qsizetype to, qsizetype budget)
{
    qsizetype i = from;
    while (i < to) {
        QString piece;
        const qsizetype used = appendEscaped(piece, text, i);
        if (out.size() + piece.size() > budget)
            break;
        out.append(piece);
        i += used;
    }
    return i;
}

} // namespace

bool InputExcerpt::isUnsafe(char16_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

qsizetype InputExcerpt::firstUnsafe(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            ++i;
            continue;
        }
        if (isUnsafe(c) || QChar::isSurrogate(c))
            return i;
    }
    return -1;
}

QString InputExcerpt::escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();)
        i += appendEscaped(out, text, i);
    return out;
}

QString InputExcerpt::excerpt(QStringView text, qsizetype position, qsizetype width)
{
    width = std::max<qsizetype>(width, 8);
    position = std::clamp<qsizetype>(position, 0, text.size());
    // Start a little before the position so the reader sees what leads up to it; never split a pair.
    qsizetype start = std::max<qsizetype>(0, position - width / 4);
    if (start > 0 && QChar::isLowSurrogate(text[start].unicode()))
        --start;
    const QString lead = start > 0 ? QString(kEllipsis) : QString();
    QString out = lead;
    if (appendWithin(out, text, start, text.size(), width) == text.size())
        return out;
    // It does not all fit: again, leaving room for the closing ellipsis (an escape is never split).
    out = lead;
    appendWithin(out, text, start, text.size(), width - 1);
    return out + kEllipsis;
}

QString InputExcerpt::bounded(QStringView message, qsizetype maxLength)
{
    maxLength = std::max<qsizetype>(maxLength, 8);
    QString out;
    if (appendWithin(out, message, 0, message.size(), maxLength) == message.size())
        return out;
    out.clear();
    appendWithin(out, message, 0, message.size(), maxLength - 1);
    return out + kEllipsis;
}

} // namespace ow
