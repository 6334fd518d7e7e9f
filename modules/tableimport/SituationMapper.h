#pragma once

#include "catalogue/Catalogue.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::tableimport {

/// Reads the 所属情形 cell of a material table as a condition over a matter's questions
/// (docs/catalogue-format.md, "Importing a material table"): the options are named by their labels,
/// "；" joins parts that must all hold, "、" "，" "或" "/" separate options of which one suffices, and
/// "基本材料", "全部", "通用" or an empty cell mean every situation. A condition written in the format's
/// own language (`bath-area >= 150`) is taken as written.
class SituationMapper
{
public:
    explicit SituationMapper(const catalogue::Matter &matter);

    struct Mapping
    {
        QString condition; ///< in the format's condition language; empty for every situation
        QStringList unmatched; ///< words that name no option of the matter
        QStringList ambiguous; ///< words that name options of several questions, each with its choices
        QString invalid; ///< a condition in the format's language that does not fit the matter
        bool ok() const { return unmatched.isEmpty() && ambiguous.isEmpty() && invalid.isEmpty(); }
    };

    Mapping map(const QString &cell) const;

    /// Whether the cell means every situation (基本材料, 全部, 通用, 所有情形, empty, "/").
    static bool meansAlways(const QString &cell);

private:
    struct Choice
    {
        qsizetype question = 0; ///< index into the matter's questions
        QString option;
    };

    void index(const QString &key, qsizetype question, const QString &option);
    /// The options a word names; several only when they belong to different questions.
    QList<Choice> lookup(const QString &word) const;
    QString checkFormatCondition(const QString &text) const;
    QString combine(const QList<Choice> &choices) const;

    const catalogue::Matter &m_matter;
    QHash<QString, QList<Choice>> m_byKey;
};

} // namespace ow::tableimport
