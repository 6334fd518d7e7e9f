#pragma once

#include "catalogue/TextTree.h"

#include <QStringList>

namespace ow::authoring {

/// The entries an author adds: which kind of entry goes under which, and the lines a new one starts
/// with — a placeholder id not yet used among its siblings and a placeholder text to write over.
class NewEntry
{
public:
    /// The keyword of the entries the tree shows under a node of this keyword (a matter's questions, a
    /// question's options, a material's review points, a bundle's matters), empty for none.
    static QString childKeyword(const QString &parentKeyword);
    /// Whether the tree shows a line of this keyword, written under one of `parentKeyword` (empty at
    /// the top of a file), as an entry; the other lines are attributes of their entry (a matter's
    /// `department:`, an outcome's `matter:`).
    static bool isEntry(const QString &keyword, const QString &parentKeyword);
    /// The first lines of a new entry of `keyword` among `siblings` (two spaces per level).
    static QStringList block(const QString &keyword, const QList<catalogue::TextNode> &siblings);
    /// The attribute lines the format allows under an entry of `keyword` that `children` do not hold
    /// yet, in the order of docs/catalogue-format.md (`when:` is the condition builder's).
    static QStringList missingAttributes(const QString &keyword, const QList<catalogue::TextNode> &children);
};

} // namespace ow::authoring
