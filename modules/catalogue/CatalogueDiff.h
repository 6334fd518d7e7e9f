#pragma once

#include "catalogue/SituationEngine.h"

#include <QJsonObject>

namespace ow::catalogue {

/// What changed between two catalogue versions, situation by situation: which situations appeared or
/// vanished and which materials each kept situation gained, lost or now asks for differently.
class CatalogueDiff
{
public:
    struct MaterialChange
    {
        QString materialId;
        QString name;
        QStringList details; ///< e.g. "copies 1 → 2" (empty for gained or lost lines)
    };
    struct SituationChange
    {
        QString matterCode;
        QString key;
        QStringList path;
        enum class Kind
        {
            Added,
            Removed,
            Changed
        } kind
            = Kind::Changed;
        QList<MaterialChange> gained;
        QList<MaterialChange> lost;
        QList<MaterialChange> changed;
        /// The screening outcome the situation ends in, before and after, as PathsReport::outcomeText
        /// words it; empty for none. A situation whose outcome alone changed is a change too.
        QString outcomeBefore;
        QString outcomeAfter;
    };

    CatalogueDiff(const SituationEngine &oldEngine, const SituationEngine &newEngine);

    QStringList mattersAdded;
    QStringList mattersRemoved;
    QList<SituationChange> situations;

    bool isEmpty() const
    {
        return mattersAdded.isEmpty() && mattersRemoved.isEmpty() && situations.isEmpty();
    }
    QString text() const;
    QJsonObject json() const;

private:
    void compareMatter(const Matter &oldMatter, const Matter &newMatter, const SituationEngine &oldEngine,
        const SituationEngine &newEngine);
};

} // namespace ow::catalogue
