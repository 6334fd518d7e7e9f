#pragma once

#include "catalogue/Catalogue.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>
#include <utility>
#include <vector>

namespace ow::catalogue {

/// What a search hit is: a matter or a bundle (一件事).
enum class SearchTarget
{
    Matter,
    Bundle
};

/// How a hit matched, best first; hits are ranked by this before anything else.
enum class SearchMatch
{
    ExactCode, ///< the query is the matter's code (a bundle's id)
    CodePrefix, ///< the code starts with the query
    NamePrefix, ///< the name starts with the query
    NameSubstring, ///< the name contains the query
    Keyword, ///< a keyword contains the query
    PinyinPrefix, ///< the name's pinyin, from its first character, matches ("ggcs", "gonggcs")
    PinyinInside, ///< the pinyin of a later part of the name matches ("wsxk")
    KeywordPinyin, ///< a keyword's pinyin or initials match ("yyzz" for the keyword 营业执照)
};

/// One result of MatterSearch::search(): which matter or bundle, how it matched and where in its name.
struct SearchHit
{
    SearchTarget target = SearchTarget::Matter;
    SearchMatch match = SearchMatch::NameSubstring;
    QString code; ///< the matter's code, or the bundle's id
    QString name;
    const Matter *matter = nullptr; ///< set for a matter; points into the searched catalogue
    const Bundle *bundle = nullptr; ///< set for a bundle; points into the searched catalogue
    qsizetype nameStart = -1; ///< first QChar of the name that matched; -1 when the code or a keyword matched
    qsizetype nameLength = 0; ///< how many QChars of the name matched (for highlighting)
    /// For SearchMatch::Keyword and KeywordPinyin: the index of the keyword that matched; for a bundle,
    /// the index one past its keywords stands for the word 一件事, which every bundle answers to.
    qsizetype keywordIndex = -1;

    bool isBundle() const { return target == SearchTarget::Bundle; }
};

/// Finds matters and bundles as a clerk types: by code, name, keyword, full pinyin or pinyin initials
/// of the name or of a keyword. Every bundle also answers to the word 一件事 (and its pinyin), what
/// clerks and applicants call a bundle.
///
/// Everything a query needs (folded strings, the readings of every character of every name) is
/// computed once, in the constructor, so a search is a scan over flat arrays. Matching ignores
/// case and spaces; in pinyin, each character consumes its whole syllable or just its initial
/// (g, or zh/ch/sh), the last one may be cut short, any reading of a polyphonic character counts,
/// and u may be typed for ü (v). Pinyin queries longer than 64 letters match only by name.
/// The searched catalogue is kept alive by the search, so the pointers in the hits stay valid.
class MatterSearch
{
public:
    explicit MatterSearch(CataloguePtr catalogue);

    /// The best hits for the query, at most `limit` (all when limit ≤ 0), ranked by match quality,
    /// then frequency class (high first), then shorter name, then code. Empty for an empty query.
    QList<SearchHit> search(QStringView query, int limit = 50) const;

    const CataloguePtr &catalogue() const { return m_catalogue; }

private:
    /// One way to read a character: a syllable from the pinyin table, or a letter or digit as itself.
    struct Reading
    {
        const char *text = nullptr; ///< not terminated; lives as long as the program
        quint8 length = 0;
        quint8 initialLength = 1; ///< 2 for zh, ch, sh
    };

    /// One character of a name that takes part in pinyin matching.
    struct Unit
    {
        quint32 firstReading = 0;
        quint32 readingCount = 0; ///< 0 for a letter pinyin cannot spell: pinyin matching stops there
        qsizetype nameStart = 0;
        qsizetype nameLength = 0; ///< 2 for a character outside the BMP
    };

    /// The units of one text (a name or a keyword) in m_units.
    struct Span
    {
        quint32 firstUnit = 0;
        quint32 unitCount = 0;
        quint64 letterMask = 0; ///< every letter or digit any reading contains
    };

    /// A matter or bundle, prepared for matching.
    struct Entry
    {
        SearchTarget target = SearchTarget::Matter;
        qsizetype index = 0; ///< in Catalogue::matters or Catalogue::bundles
        FrequencyClass frequency = FrequencyClass::Low;
        QString codeKey; ///< case-folded, spaces removed
        QString nameKey; ///< case-folded, spaces removed
        QList<qsizetype> nameKeyPos; ///< nameKey index → name index
        QStringList keywordKeys; ///< case-folded, spaces removed
        Span name;
        QList<Span> keywords; ///< one per keyword key, in the same order
        qsizetype nameLength = 0;
    };

    /// A hit before it is turned into a SearchHit, small so that ranking moves little memory.
    struct Candidate
    {
        quint32 entry = 0;
        SearchMatch match = SearchMatch::NameSubstring;
        qsizetype nameStart = -1;
        qsizetype nameLength = 0;
        qsizetype keywordIndex = -1;
    };

    void addEntry(SearchTarget target, qsizetype index, const QString &code, const QString &name,
        const QStringList &keywords, FrequencyClass frequency);
    Span addUnits(QStringView text);
    bool matchText(const Entry &entry, QStringView key, Candidate &candidate) const;
    bool matchPinyin(
        const Entry &entry, const char *query, int length, quint64 queryMask, Candidate &candidate) const;
    /// Where in the span the query matches as pinyin: the first and one-past-last unit, or nothing.
    std::optional<std::pair<quint32, quint32>> matchSpan(
        const Span &span, const char *query, int length, quint64 queryMask) const;
    int matchPinyinFrom(const Span &span, quint32 start, const char *query, int length) const;
    bool ranksBefore(const Candidate &a, const Candidate &b) const;
    SearchHit toHit(const Candidate &candidate) const;
    const QString &codeOf(const Entry &entry) const;
    const QString &nameOf(const Entry &entry) const;

    CataloguePtr m_catalogue;
    std::vector<Entry> m_entries;
    std::vector<Unit> m_units;
    std::vector<Reading> m_readings;
};

} // namespace ow::catalogue
