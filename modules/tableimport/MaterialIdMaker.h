#pragma once

#include <QSet>
#include <QString>

namespace ow::tableimport {

/// Makes readable material ids for the materials an import creates: the pinyin of the standard name,
/// one syllable per character joined by "-" (户口本 → hu-kou-ben), Latin letters and digits kept
/// lower-cased, everything else a separator; at most kMaxLength characters, cut between syllables;
/// "-2", "-3", … added when the id is taken.
class MaterialIdMaker
{
public:
    static constexpr qsizetype kMaxLength = 64;

    /// `taken`: the ids the catalogue already has.
    explicit MaterialIdMaker(QSet<QString> taken)
        : m_taken(std::move(taken))
    {
    }

    /// A new id for the name, never one given before or taken.
    QString make(const QString &name);

    /// The id's stem before uniqueness: the pinyin rule alone.
    static QString stem(const QString &name);

private:
    QSet<QString> m_taken;
};

} // namespace ow::tableimport
