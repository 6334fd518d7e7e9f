#pragma once

#include "catalogue/TextTree.h"

#include <QStringList>

namespace ow::authoring {

/// A frequently asked question turned into a `faq` block of a matter or bundle (docs/catalogue-format.md
/// §15): its id made from the question's pinyin initials, not yet used among the entry's children, and
/// the question and answer each on one line within the format's lengths.
class FaqEntry
{
public:
    static constexpr int kMaxIdLength = 24;

    /// The id for `question` among `siblings`: the pinyin initials ("可以委托他人代办吗？" →
    /// "kywtrdbm"), "faq" when it has none, with -2, -3… when taken.
    static QString idFor(const QString &question, const QList<catalogue::TextNode> &siblings);
    /// The block's lines, two spaces per level: `faq ID: QUESTION` and `  answer: ANSWER`. Line breaks
    /// in either become spaces and each is cut to the format's length.
    static QStringList block(
        const QString &question, const QString &answer, const QList<catalogue::TextNode> &siblings);
};

} // namespace ow::authoring
