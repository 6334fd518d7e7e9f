#include "catalogue/MatterSearch.h"

#include "catalogue/Pinyin.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace ow::catalogue {

namespace {

/// Longest query the pinyin matcher takes: positions in the query are bits of a quint64.
constexpr int MaxPinyinQuery = 64;

/// Single letters and digits, so that Latin characters in a name are readings too.
constexpr char Alphanumerics[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/// Toneless syllables written with v for ü, and the same typed with u, which many clerks do.
constexpr std::array<std::pair<const char *, const char *>, 4> UmlautVariants = {{
    {"lv", "lu"},
    {"nv", "nu"},
    {"lve", "lue"},
    {"nve", "nue"},
}};

/// Full-width ASCII (Ｉ, １) behaves as ASCII, so names typed with a Chinese IME still match.
char32_t normalizeChar(char32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    return QChar::toCaseFolded(c);
}

/// Case-folded text without spaces; `positions`, when given, maps each QChar of it back to `text`.
QString foldKey(QStringView text, QList<qsizetype> *positions)
{
    QString key;
    key.reserve(text.size());
    if (positions) {
        positions->clear();
        positions->reserve(text.size());
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (!QChar::isSpace(c)) {
            const char32_t folded = normalizeChar(c);
            if (QChar::requiresSurrogates(folded)) {
                key += QChar(QChar::highSurrogate(folded));
                key += QChar(QChar::lowSurrogate(folded));
                if (positions) {
                    positions->append(i);
                    positions->append(i + width - 1);
                }
            } else {
                key += QChar(char16_t(folded));
                if (positions)
                    positions->append(i);
            }
        }
        i += width - 1;
    }
    return key;
}

quint64 letterBit(char c)
{
    return c >= 'a' ? quint64(1) << (c - 'a') : quint64(1) << (26 + c - '0');
}

int frequencyRank(FrequencyClass frequency)
{
    switch (frequency) {
    case FrequencyClass::High:
        return 0;
    case FrequencyClass::Middle:
        return 1;
    case FrequencyClass::Low:
        return 2;
    }
    return 2;
}

} // namespace

MatterSearch::MatterSearch(CataloguePtr catalogue)
    : m_catalogue(std::move(catalogue))
{
    if (!m_catalogue)
        return;
    const Catalogue &c = *m_catalogue;
    m_entries.reserve(std::size_t(c.matters.size() + c.bundles.size()));
    for (qsizetype i = 0; i < c.matters.size(); ++i) {
        const Matter &matter = c.matters.at(i);
        addEntry(SearchTarget::Matter, i, matter.code, matter.name, matter.keywords, matter.frequency);
    }
    for (qsizetype i = 0; i < c.bundles.size(); ++i) {
        const Bundle &bundle = c.bundles.at(i);
        // A bundle has no frequency of its own; it is as busy as its busiest matter.
        FrequencyClass frequency = FrequencyClass::Low;
        for (const BundleMember &member : bundle.members)
            if (const Matter *matter = c.matter(member.matterCode);
                matter && frequencyRank(matter->frequency) < frequencyRank(frequency))
                frequency = matter->frequency;
        addEntry(SearchTarget::Bundle, i, bundle.id, bundle.name, bundle.keywords, frequency);
    }
}

void MatterSearch::addEntry(SearchTarget target, qsizetype index, const QString &code, const QString &name,
    const QStringList &keywords, FrequencyClass frequency)
{
    Entry entry;
    entry.target = target;
    entry.index = index;
    entry.frequency = frequency;
    entry.codeKey = foldKey(code, nullptr);
    entry.nameKey = foldKey(name, &entry.nameKeyPos);
    QStringList words = keywords;
    // Clerks and applicants call a bundle 一件事; it is every bundle's keyword, after its own.
    if (target == SearchTarget::Bundle)
        words.append(QStringLiteral("一件事"));
    for (const QString &keyword : std::as_const(words)) {
        entry.keywordKeys.append(foldKey(keyword, nullptr));
        entry.keywords.append(addUnits(keyword));
    }
    entry.nameLength = name.size();
    entry.name = addUnits(name);
    m_entries.push_back(std::move(entry));
}

MatterSearch::Span MatterSearch::addUnits(QStringView name)
{
    Span span;
    span.firstUnit = quint32(m_units.size());
    const auto addReading = [&](const char *text, qsizetype length) {
        const bool twoLetterInitial
            = length >= 2 && text[1] == 'h' && (text[0] == 'z' || text[0] == 'c' || text[0] == 's');
        m_readings.push_back({text, quint8(length), quint8(twoLetterInitial ? 2 : 1)});
        for (qsizetype i = 0; i < length; ++i)
            span.letterMask |= letterBit(text[i]);
    };

    for (qsizetype i = 0; i < name.size(); ++i) {
        char32_t c = name.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(name.at(i), name.at(i + 1));
            width = 2;
        }
        Unit unit;
        unit.firstReading = quint32(m_readings.size());
        unit.nameStart = i;
        unit.nameLength = width;
        i += width - 1;

        const auto syllables = Pinyin::syllables(c);
        const char32_t plain = normalizeChar(c);
        if (!syllables.empty()) {
            for (const QLatin1StringView syllable : syllables) {
                addReading(syllable.data(), syllable.size());
                for (const auto &[withV, withU] : UmlautVariants)
                    if (syllable == QLatin1StringView(withV))
                        addReading(withU, qsizetype(std::strlen(withU)));
            }
        } else if (plain >= 'a' && plain <= 'z') {
            addReading(Alphanumerics + (plain - 'a'), 1);
        } else if (plain >= '0' && plain <= '9') {
            addReading(Alphanumerics + 26 + (plain - '0'), 1);
        } else if (!QChar::isLetterOrNumber(c)) {
            continue; // punctuation, brackets, spaces: pinyin skips them
        }
        // A letter pinyin cannot spell stays as a unit without readings, so no match runs across it.
        unit.readingCount = quint32(m_readings.size()) - unit.firstReading;
        m_units.push_back(unit);
    }
    span.unitCount = quint32(m_units.size()) - span.firstUnit;
    return span;
}

QList<SearchHit> MatterSearch::search(QStringView query, int limit) const
{
    const QString key = foldKey(query, nullptr);
    if (key.isEmpty())
        return {};

    // The pinyin form of the query: ASCII letters and digits only; an apostrophe (xi'an) is a separator.
    std::array<char, MaxPinyinQuery> pinyin {};
    int pinyinLength = 0;
    quint64 pinyinMask = 0;
    bool pinyinUsable = true;
    for (const QChar ch : key) {
        const char16_t u = ch.unicode();
        if (u == u'\'')
            continue;
        const bool alphanumeric = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
        if (!alphanumeric || pinyinLength == MaxPinyinQuery) {
            pinyinUsable = false;
            break;
        }
        pinyin[std::size_t(pinyinLength++)] = char(u);
        pinyinMask |= letterBit(char(u));
    }
    pinyinUsable = pinyinUsable && pinyinLength > 0;

    std::vector<Candidate> candidates;
    candidates.reserve(std::min<std::size_t>(m_entries.size(), 256));
    for (quint32 i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        Candidate candidate;
        candidate.entry = i;
        if (matchText(entry, key, candidate)
            || (pinyinUsable && matchPinyin(entry, pinyin.data(), pinyinLength, pinyinMask, candidate)))
            candidates.push_back(candidate);
    }

    const auto before = [this](const Candidate &a, const Candidate &b) { return ranksBefore(a, b); };
    const std::size_t wanted
        = limit > 0 ? std::min(candidates.size(), std::size_t(limit)) : candidates.size();
    std::partial_sort(candidates.begin(), candidates.begin() + qsizetype(wanted), candidates.end(), before);

    QList<SearchHit> hits;
    hits.reserve(qsizetype(wanted));
    for (std::size_t i = 0; i < wanted; ++i)
        hits.append(toHit(candidates[i]));
    return hits;
}

bool MatterSearch::matchText(const Entry &entry, QStringView key, Candidate &candidate) const
{
    if (entry.codeKey == key) {
        candidate.match = SearchMatch::ExactCode;
        return true;
    }
    if (entry.codeKey.startsWith(key)) {
        candidate.match = SearchMatch::CodePrefix;
        return true;
    }
    const qsizetype at = entry.nameKey.indexOf(key);
    if (at >= 0) {
        candidate.match = at == 0 ? SearchMatch::NamePrefix : SearchMatch::NameSubstring;
        candidate.nameStart = entry.nameKeyPos.at(at);
        candidate.nameLength = entry.nameKeyPos.at(at + key.size() - 1) + 1 - candidate.nameStart;
        return true;
    }
    for (qsizetype k = 0; k < entry.keywordKeys.size(); ++k) {
        if (entry.keywordKeys.at(k).contains(key)) {
            candidate.match = SearchMatch::Keyword;
            candidate.keywordIndex = k;
            return true;
        }
    }
    return false;
}

bool MatterSearch::matchPinyin(
    const Entry &entry, const char *query, int length, quint64 queryMask, Candidate &candidate) const
{
    if (const auto units = matchSpan(entry.name, query, length, queryMask)) {
        const Unit &first = m_units[entry.name.firstUnit + units->first];
        const Unit &last = m_units[entry.name.firstUnit + units->second - 1];
        candidate.match = units->first == 0 ? SearchMatch::PinyinPrefix : SearchMatch::PinyinInside;
        candidate.nameStart = first.nameStart;
        candidate.nameLength = last.nameStart + last.nameLength - first.nameStart;
        return true;
    }
    for (qsizetype k = 0; k < entry.keywords.size(); ++k) {
        if (matchSpan(entry.keywords.at(k), query, length, queryMask)) {
            candidate.match = SearchMatch::KeywordPinyin;
            candidate.keywordIndex = k;
            return true;
        }
    }
    return false;
}

std::optional<std::pair<quint32, quint32>> MatterSearch::matchSpan(
    const Span &span, const char *query, int length, quint64 queryMask) const
{
    // Cheap rejection: a letter no reading of the text contains can never be matched.
    if ((queryMask & ~span.letterMask) != 0)
        return std::nullopt;
    for (quint32 start = 0; start < span.unitCount; ++start) {
        const int end = matchPinyinFrom(span, start, query, length);
        if (end >= 0)
            return std::pair {start, quint32(end)};
    }
    return std::nullopt;
}

int MatterSearch::matchPinyinFrom(const Span &span, quint32 start, const char *query, int length) const
{
    // Bit p of `reached` says the units so far can consume exactly query[0, p). Each unit moves
    // every reached position on by a whole syllable or by its initial; the query is matched once
    // a position reaches its end, or the query ends inside a syllable (the last may be cut short).
    quint64 reached = 1;
    for (quint32 u = start; u < span.unitCount; ++u) {
        const Unit &unit = m_units[span.firstUnit + u];
        const int matchedEnd = int(u) + 1;
        quint64 next = 0;
        for (quint64 positions = reached; positions != 0; positions &= positions - 1) {
            const int p = std::countr_zero(positions);
            const char *rest = query + p;
            const int restLength = length - p;
            for (quint32 r = 0; r < unit.readingCount; ++r) {
                const Reading &reading = m_readings[unit.firstReading + r];
                if (reading.text[0] != rest[0])
                    continue;
                if (reading.length >= restLength) {
                    if (std::memcmp(reading.text, rest, std::size_t(restLength)) == 0)
                        return matchedEnd;
                } else if (std::memcmp(reading.text, rest, reading.length) == 0) {
                    next |= quint64(1) << (p + reading.length);
                }
                // Just the initial: restLength > 1 here, or the prefix test above has returned.
                next |= quint64(1) << (p + 1);
                if (reading.initialLength == 2 && reading.length > 2 && rest[1] == reading.text[1]) {
                    if (restLength == 2)
                        return matchedEnd;
                    next |= quint64(1) << (p + 2);
                }
            }
        }
        if (next == 0)
            return -1;
        reached = next;
    }
    return -1;
}

bool MatterSearch::ranksBefore(const Candidate &a, const Candidate &b) const
{
    if (a.match != b.match)
        return a.match < b.match;
    const Entry &ea = m_entries[a.entry];
    const Entry &eb = m_entries[b.entry];
    if (ea.frequency != eb.frequency)
        return frequencyRank(ea.frequency) < frequencyRank(eb.frequency);
    if (ea.nameLength != eb.nameLength)
        return ea.nameLength < eb.nameLength;
    if (const int byCode = codeOf(ea).compare(codeOf(eb)); byCode != 0)
        return byCode < 0;
    if (ea.target != eb.target)
        return ea.target == SearchTarget::Matter;
    return a.entry < b.entry;
}

SearchHit MatterSearch::toHit(const Candidate &candidate) const
{
    const Entry &entry = m_entries[candidate.entry];
    SearchHit hit;
    hit.target = entry.target;
    hit.match = candidate.match;
    hit.code = codeOf(entry);
    hit.name = nameOf(entry);
    if (entry.target == SearchTarget::Matter)
        hit.matter = &m_catalogue->matters.at(entry.index);
    else
        hit.bundle = &m_catalogue->bundles.at(entry.index);
    hit.nameStart = candidate.nameStart;
    hit.nameLength = candidate.nameLength;
    hit.keywordIndex = candidate.keywordIndex;
    return hit;
}

const QString &MatterSearch::codeOf(const Entry &entry) const
{
    return entry.target == SearchTarget::Matter ? m_catalogue->matters.at(entry.index).code
                                                : m_catalogue->bundles.at(entry.index).id;
}

const QString &MatterSearch::nameOf(const Entry &entry) const
{
    return entry.target == SearchTarget::Matter ? m_catalogue->matters.at(entry.index).name
                                                : m_catalogue->bundles.at(entry.index).name;
}

} // namespace ow::catalogue
