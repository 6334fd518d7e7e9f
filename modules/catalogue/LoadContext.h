#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"
#include "catalogue/TextTree.h"

#include <QHash>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>
#include <optional>
#include <span>

namespace ow::catalogue {

/// The rule ids of docs/catalogue-format.md §11 that the loader reports.
enum class Rule
{
    Parse,
    MissingField,
    DuplicateId,
    UnknownId,
    Condition,
    FileMissing,
    MarkUnknownPoint,
    MarkOutside
};

/// The ids defined so far, for checking references while reading: departments are read before
/// materials, materials before matters, matters before bundles. Holds the first definition of each id.
struct Lookups
{
    QHash<QString, const Department *> departments;
    QHash<QString, const Material *> materials;
    QHash<QString, const Matter *> matters;
    bool departmentsKnown = true; ///< false when departments.txt could not be read
};

/// The single-valued fields already written in one block, with their lines. A block has a few, so a
/// flat list beats a hash (which would allocate for every block of a large catalogue).
class SeenFields
{
public:
    /// The line `keyword` was first written on, 0 when it was not.
    int lineOf(QStringView keyword) const
    {
        for (const auto &[seen, line] : m_fields)
            if (seen == keyword)
                return line;
        return 0;
    }
    bool contains(QStringView keyword) const { return lineOf(keyword) != 0; }
    void add(const QString &keyword, int line) { m_fields.append({keyword, line}); }

private:
    QVarLengthArray<std::pair<QString, int>, 12> m_fields;
};

/// What the readers of one catalogue share: its folder, the diagnostics found so far and the value checks of
/// §2.
class LoadContext
{
public:
    explicit LoadContext(QString rootDir);

    const QString &rootDir() const { return m_rootDir; }
    /// Whether `absolutePath`, once its links are followed, is still inside the catalogue folder:
    /// a link in the folder must never bring in a file from elsewhere on the machine.
    bool staysInside(const QString &absolutePath) const;
    Diagnostics &diagnostics() { return m_diagnostics; }
    Lookups &lookups() { return m_lookups; }

    void error(Rule rule, const SourceLocation &where, const QString &message);
    void addAll(const Diagnostics &diagnostics);

    /// Reports a keyword that may not stand where it was written, listing the ones that may.
    void unknownKeyword(const TextNode &node, const QString &container, QStringView allowed);
    /// A line like `category: form`: no id, a non-empty value, nothing indented under it.
    bool plainField(const TextNode &node, bool allowChildren = false);
    /// A line like `form-point ID: TEXT`: an id and a non-empty value.
    bool idAndValue(const TextNode &node, bool allowChildren = false);
    /// A line like `require ID`: an id and no value.
    bool idOnly(const TextNode &node);
    /// Reports a field written twice in one block; returns false for the second.
    bool once(SeenFields &seen, const TextNode &node);
    /// Reports every line indented under a node that takes none.
    void noChildren(const TextNode &node);

    std::optional<bool> yesNo(const TextNode &node);
    std::optional<int> integer(const TextNode &node, int minimum);
    std::optional<double> number(const TextNode &node);
    /// One of `names` (in the order of the enum); reports the choices when the value is none of them.
    std::optional<int> choice(const TextNode &node, std::span<const QLatin1StringView> names);

    /// A path relative to the catalogue folder: reports `file-missing` when it is outside it or absent.
    bool checkFile(const TextNode &node);
    /// The size of a PNG or JPEG image in the folder; nullopt when it is neither or cannot be read.
    /// Remembered per path, as materials may share a sample.
    std::optional<QSize> imageSize(const QString &relativePath);

    /// The shape of a decimal number: digits with at most one '.', an optional leading '-'.
    static std::optional<double> parseNumber(QStringView text);
    /// Splits a list value at ',', '，' and '、', trimming and dropping empty items.
    static QStringList splitList(QStringView text);
    /// "file:line" of a location, for messages that point at another definition.
    static QString place(const SourceLocation &where);

private:
    QString m_rootDir;
    mutable QString m_canonicalRoot; ///< m_rootDir with its links followed, found on first use
    Diagnostics m_diagnostics;
    Lookups m_lookups;
    QHash<QString, std::optional<QSize>> m_imageSizes;
};

} // namespace ow::catalogue
