#include "documents/PdfToUnicodeFix.h"

#include "documents/CjkRadicalTable.h"

#include <QList>
#include <QMap>
#include <QString>
#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace ow::documents {

namespace {

const QByteArray kCMapStart = QByteArrayLiteral("/CIDInit /ProcSet findresource begin");
const QByteArray kStream = QByteArrayLiteral("stream\n");
const QByteArray kEndStream = QByteArrayLiteral("endstream");

struct Edit
{
    qsizetype position = 0; ///< where the replaced bytes start in the original file
    qsizetype length = 0; ///< how many original bytes are replaced
    QByteArray bytes; ///< what replaces them
};

/// Reads a run of `<hex>` as UTF-16 code units.
std::optional<QString> fromHex(QByteArrayView hex)
{
    if (hex.size() % 4 != 0 || hex.isEmpty())
        return std::nullopt;
    QString text;
    for (qsizetype i = 0; i < hex.size(); i += 4) {
        bool ok = false;
        const uint unit = hex.sliced(i, 4).toUInt(&ok, 16);
        if (!ok)
            return std::nullopt;
        text.append(QChar(char16_t(unit)));
    }
    return text;
}

QByteArray toHex(const QString &text)
{
    QByteArray hex;
    for (QChar c : text)
        hex += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return '<' + hex + '>';
}

/// What the glyph should read as: radicals as their ideographs, control characters as spaces.
QString repaired(const QString &text)
{
    if (text.size() != 1)
        return text;
    const char16_t c = text.front().unicode();
    if (c < 0x20)
        return QStringLiteral(" ");
    const auto *found = std::lower_bound(std::begin(kCjkRadicalIdeographs), std::end(kCjkRadicalIdeographs),
        c, [](const std::pair<char16_t, char32_t> &entry, char16_t key) { return entry.first < key; });
    if (found != std::end(kCjkRadicalIdeographs) && found->first == c)
        return QString::fromUcs4(&found->second, 1);
    return text;
}

/// Tokens of a CMap: hex strings (without brackets), "[", "]" and keywords.
QList<QByteArray> tokens(QByteArrayView text)
{
    QList<QByteArray> list;
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text.at(i);
        if (c == '<') {
            const qsizetype end = text.indexOf('>', i);
            if (end < 0)
                break;
            list.append('<' + text.sliced(i + 1, end - i - 1).toByteArray());
            i = end + 1;
        } else if (c == '[' || c == ']') {
            list.append(QByteArray(1, c));
            ++i;
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++i;
        } else {
            qsizetype end = i;
            while (end < text.size() && !QByteArrayView(" \n\r\t<[]").contains(text.at(end)))
                ++end;
            list.append(text.sliced(i, end - i).toByteArray());
            i = end;
        }
    }
    return list;
}

/// Glyph → text of one ToUnicode CMap as Qt writes it (bfchar and both forms of bfrange).
std::optional<QMap<uint, QString>> parseCMap(QByteArrayView cmap)
{
    const QList<QByteArray> list = tokens(cmap);
    QMap<uint, QString> map;
    const auto code = [](const QByteArray &token) -> std::optional<uint> {
        bool ok = false;
        const uint value = token.mid(1).toUInt(&ok, 16);
        return token.startsWith('<') && ok ? std::optional<uint>(value) : std::nullopt;
    };
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i) == "beginbfchar") {
            for (++i; i + 1 < list.size() && list.at(i) != "endbfchar"; i += 2) {
                const auto glyph = code(list.at(i));
                const auto text = fromHex(QByteArrayView(list.at(i + 1)).sliced(1));
                if (!glyph || !text)
                    return std::nullopt;
                map.insert(*glyph, *text);
            }
        } else if (list.at(i) == "beginbfrange") {
            for (++i; i + 2 < list.size() && list.at(i) != "endbfrange";) {
                const auto low = code(list.at(i));
                const auto high = code(list.at(i + 1));
                if (!low || !high || *high < *low)
                    return std::nullopt;
                if (list.at(i + 2) == "[") {
                    i += 3;
                    for (uint glyph = *low; glyph <= *high; ++glyph, ++i) {
                        const auto text
                            = i < list.size() ? fromHex(QByteArrayView(list.at(i)).sliced(1)) : std::nullopt;
                        if (!text)
                            return std::nullopt;
                        map.insert(glyph, *text);
                    }
                    if (i >= list.size() || list.at(i) != "]")
                        return std::nullopt;
                    ++i;
                } else {
                    auto text = fromHex(QByteArrayView(list.at(i + 2)).sliced(1));
                    if (!text)
                        return std::nullopt;
                    for (uint glyph = *low; glyph <= *high; ++glyph) {
                        map.insert(glyph, *text);
                        text->back() = QChar(char16_t(text->back().unicode() + 1));
                    }
                    i += 3;
                }
            }
        }
    }
    return map;
}

QByteArray writeCMap(const QMap<uint, QString> &map)
{
    QByteArray out = kCMapStart
        + QByteArrayLiteral("\n12 dict begin\nbegincmap\n"
                            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    const QList<uint> glyphs = map.keys();
    for (qsizetype start = 0; start < glyphs.size(); start += 100) {
        const qsizetype count = std::min<qsizetype>(100, glyphs.size() - start); // the PDF limit per block
        out += QByteArray::number(count) + " beginbfchar\n";
        for (qsizetype i = start; i < start + count; ++i)
            out += toHex(QString(QChar(char16_t(glyphs.at(i))))) + ' '
                + toHex(repaired(map.value(glyphs.at(i)))) + '\n';
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

/// The edits for one ToUnicode stream whose data starts at `cmapAt`, or nothing if it is not in
/// the form Qt writes (`<< /Length N >>` with a direct length).
std::optional<QList<Edit>> fixStream(const QByteArray &pdf, qsizetype cmapAt)
{
    const qsizetype streamKeyword = pdf.lastIndexOf(kStream, cmapAt);
    if (streamKeyword < 0 || streamKeyword + kStream.size() != cmapAt)
        return std::nullopt;
    const qsizetype lengthKey = pdf.lastIndexOf("/Length ", streamKeyword);
    const qsizetype dictEnd = pdf.lastIndexOf(">>", streamKeyword);
    if (lengthKey < 0 || dictEnd < lengthKey)
        return std::nullopt;
    const qsizetype digits = lengthKey + 8;
    qsizetype digitsEnd = digits;
    while (digitsEnd < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf.at(digitsEnd))))
        ++digitsEnd;
    bool ok = false;
    const qsizetype length = pdf.mid(digits, digitsEnd - digits).toLongLong(&ok);
    if (!ok || pdf.mid(digitsEnd, dictEnd - digitsEnd).trimmed() != "" || cmapAt + length > pdf.size())
        return std::nullopt;
    const auto map = parseCMap(QByteArrayView(pdf).sliced(cmapAt, length));
    if (!map || map->isEmpty())
        return std::nullopt;
    const QByteArray cmap = writeCMap(*map);
    return QList<Edit> {
        Edit {digits, digitsEnd - digits, QByteArray::number(cmap.size())}, Edit {cmapAt, length, cmap}};
}

} // namespace

QByteArray PdfToUnicodeFix::apply(const QByteArray &pdf)
{
    QList<Edit> edits;
    for (qsizetype at = pdf.indexOf(kCMapStart); at >= 0; at = pdf.indexOf(kCMapStart, at + 1)) {
        const auto more = fixStream(pdf, at);
        if (!more)
            return pdf;
        edits += *more;
    }
    const qsizetype xref = pdf.lastIndexOf("\nxref\n");
    const qsizetype startxref = pdf.lastIndexOf("startxref\n");
    if (edits.isEmpty() || xref < 0 || startxref < xref)
        return pdf;
    std::sort(
        edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.position < b.position; });
    const auto moved = [&edits](qsizetype offset) {
        qsizetype shift = 0;
        for (const Edit &edit : std::as_const(edits))
            if (edit.position < offset)
                shift += edit.bytes.size() - edit.length;
        return offset + shift;
    };

    // The cross-reference table: "xref\n0 N\n" and N entries of 20 bytes, "oooooooooo ggggg n\r\n".
    const qsizetype tableAt = xref + 1;
    const qsizetype headerEnd = pdf.indexOf('\n', tableAt + 5);
    const QList<QByteArray> header = pdf.mid(tableAt + 5, headerEnd - tableAt - 5).trimmed().split(' ');
    bool ok = header.size() == 2;
    const qsizetype count = ok ? header.at(1).toLongLong(&ok) : 0;
    const qsizetype entriesAt = headerEnd + 1;
    if (!ok || header.at(0) != "0" || entriesAt + count * 20 > startxref)
        return pdf;
    QByteArray table = pdf.mid(tableAt, entriesAt + count * 20 - tableAt);
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype entry = entriesAt - tableAt + i * 20;
        if (table.at(entry + 17) != 'n')
            continue;
        const qsizetype offset = table.mid(entry, 10).toLongLong(&ok);
        if (!ok)
            return pdf;
        table.replace(entry, 10, QByteArray::number(moved(offset)).rightJustified(10, '0'));
    }

    QByteArray out;
    out.reserve(pdf.size() + 4096);
    qsizetype from = 0;
    for (const Edit &edit : std::as_const(edits)) {
        out += QByteArrayView(pdf).sliced(from, edit.position - from);
        out += edit.bytes;
        from = edit.position + edit.length;
    }
    out += QByteArrayView(pdf).sliced(from, tableAt - from);
    out += table;
    out += QByteArrayView(pdf).sliced(entriesAt + count * 20, startxref - entriesAt - count * 20);
    const qsizetype xrefOffset = pdf.mid(startxref + 10).split('\n').value(0).trimmed().toLongLong(&ok);
    if (!ok)
        return pdf;
    out += "startxref\n" + QByteArray::number(moved(xrefOffset)) + "\n%%EOF\n";
    return out;
}

} // namespace ow::documents
