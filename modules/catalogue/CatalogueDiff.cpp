#include "catalogue/CatalogueDiff.h"

#include "catalogue/PathsReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace ow::catalogue {

namespace {

QString outcomeOf(const Situation &situation, const SituationEngine &engine)
{
    return situation.outcome ? PathsReport::outcomeText(*situation.outcome, engine.catalogue()) : QString();
}

QStringList attributeChanges(const ChecklistLine &before, const ChecklistLine &after)
{
    QStringList details;
    auto note = [&](const QString &what, const QString &from, const QString &to) {
        if (from != to)
            details.append(QStringLiteral("%1 %2 → %3").arg(what, from, to));
    };
    note(QCoreApplication::translate("ow::catalogue", "form"), displayName(before.form),
        displayName(after.form));
    note(QCoreApplication::translate("ow::catalogue", "copies"), QString::number(before.copies),
        QString::number(after.copies));
    note(QCoreApplication::translate("ow::catalogue", "medium"), displayName(before.medium),
        displayName(after.medium));
    note(QCoreApplication::translate("ow::catalogue", "data-shared"),
        before.dataShared ? QCoreApplication::translate("ow::catalogue", "yes")
                          : QCoreApplication::translate("ow::catalogue", "no"),
        after.dataShared ? QCoreApplication::translate("ow::catalogue", "yes")
                         : QCoreApplication::translate("ow::catalogue", "no"));
    note(QCoreApplication::translate("ow::catalogue", "waivable"),
        before.waivable ? QCoreApplication::translate("ow::catalogue", "yes")
                        : QCoreApplication::translate("ow::catalogue", "no"),
        after.waivable ? QCoreApplication::translate("ow::catalogue", "yes")
                       : QCoreApplication::translate("ow::catalogue", "no"));
    if (before.name != after.name)
        note(QCoreApplication::translate("ow::catalogue", "name"), before.name, after.name);
    if (before.reviewPoints.size() != after.reviewPoints.size())
        note(QCoreApplication::translate("ow::catalogue", "review points"),
            QString::number(before.reviewPoints.size()), QString::number(after.reviewPoints.size()));
    return details;
}

QJsonArray changesJson(const QList<CatalogueDiff::MaterialChange> &changes)
{
    QJsonArray array;
    for (const auto &change : changes)
        array.append(QJsonObject {{QStringLiteral("material"), change.materialId},
            {QStringLiteral("name"), change.name},
            {QStringLiteral("details"), QJsonArray::fromStringList(change.details)}});
    return array;
}

} // namespace

CatalogueDiff::CatalogueDiff(const SituationEngine &oldEngine, const SituationEngine &newEngine)
{
    const Catalogue &before = oldEngine.catalogue();
    const Catalogue &after = newEngine.catalogue();
    for (const Matter &matter : before.matters)
        if (!after.matter(matter.code))
            mattersRemoved.append(matter.code);
    for (const Matter &matter : after.matters) {
        const Matter *old = before.matter(matter.code);
        if (!old)
            mattersAdded.append(matter.code);
        else
            compareMatter(*old, matter, oldEngine, newEngine);
    }
}

void CatalogueDiff::compareMatter(const Matter &oldMatter, const Matter &newMatter,
    const SituationEngine &oldEngine, const SituationEngine &newEngine)
{
    const QList<Situation> before = oldEngine.situations(oldMatter, PathsReport::kSituationLimit);
    const QList<Situation> after = newEngine.situations(newMatter, PathsReport::kSituationLimit);
    QHash<QString, const Situation *> oldByKey;
    for (const Situation &situation : before)
        oldByKey.insert(situation.key, &situation);
    QSet<QString> newKeys;
    for (const Situation &situation : after) {
        newKeys.insert(situation.key);
        SituationChange change;
        change.matterCode = newMatter.code;
        change.key = situation.key;
        change.path = situation.path;
        const Situation *old = oldByKey.value(situation.key);
        change.outcomeAfter = outcomeOf(situation, newEngine);
        if (!old) {
            change.kind = SituationChange::Kind::Added;
            for (const ChecklistLine &line : situation.checklist.lines)
                change.gained.append({line.materialId, line.name, {}});
            situations.append(change);
            continue;
        }
        for (const ChecklistLine &line : situation.checklist.lines) {
            const ChecklistLine *was = old->checklist.find(line.materialId);
            if (!was)
                change.gained.append({line.materialId, line.name, {}});
            else if (const QStringList details = attributeChanges(*was, line); !details.isEmpty())
                change.changed.append({line.materialId, line.name, details});
        }
        for (const ChecklistLine &line : old->checklist.lines)
            if (!situation.checklist.find(line.materialId))
                change.lost.append({line.materialId, line.name, {}});
        change.outcomeBefore = outcomeOf(*old, oldEngine);
        const bool outcomeChanged = change.outcomeBefore != change.outcomeAfter;
        if (!outcomeChanged)
            change.outcomeBefore = change.outcomeAfter = QString(); // said only where it changed
        if (!change.gained.isEmpty() || !change.lost.isEmpty() || !change.changed.isEmpty() || outcomeChanged)
            situations.append(change);
    }
    for (const Situation &situation : before) {
        if (newKeys.contains(situation.key))
            continue;
        SituationChange change;
        change.matterCode = oldMatter.code;
        change.key = situation.key;
        change.path = situation.path;
        change.kind = SituationChange::Kind::Removed;
        change.outcomeBefore = outcomeOf(situation, oldEngine);
        for (const ChecklistLine &line : situation.checklist.lines)
            change.lost.append({line.materialId, line.name, {}});
        situations.append(change);
    }
}

QString CatalogueDiff::text() const
{
    QString out;
    for (const QString &code : mattersAdded)
        out += QCoreApplication::translate("ow::catalogue", "matter %1 added").arg(code) + QLatin1Char('\n');
    for (const QString &code : mattersRemoved)
        out += QCoreApplication::translate("ow::catalogue", "matter %1 removed").arg(code)
            + QLatin1Char('\n');
    for (const SituationChange &change : situations) {
        const QString key = change.key.isEmpty() ? QStringLiteral("-") : change.key;
        switch (change.kind) {
        case SituationChange::Kind::Added:
            out += QCoreApplication::translate("ow::catalogue", "matter %1: situation %2 added")
                       .arg(change.matterCode, key);
            break;
        case SituationChange::Kind::Removed:
            out += QCoreApplication::translate("ow::catalogue", "matter %1: situation %2 removed")
                       .arg(change.matterCode, key);
            break;
        case SituationChange::Kind::Changed:
            out += QCoreApplication::translate("ow::catalogue", "matter %1: situation %2 changed")
                       .arg(change.matterCode, key);
            break;
        }
        out += QLatin1Char('\n');
        for (const MaterialChange &m : change.gained)
            out += QStringLiteral("  + %1 %2\n").arg(m.materialId, m.name);
        for (const MaterialChange &m : change.lost)
            out += QStringLiteral("  - %1 %2\n").arg(m.materialId, m.name);
        for (const MaterialChange &m : change.changed)
            out += QStringLiteral("  ~ %1 %2: %3\n")
                       .arg(m.materialId, m.name, m.details.join(QStringLiteral("; ")));
        if (!change.outcomeBefore.isEmpty() || !change.outcomeAfter.isEmpty())
            out += QStringLiteral("  outcome: %1 → %2\n")
                       .arg(change.outcomeBefore.isEmpty() ? QStringLiteral("-") : change.outcomeBefore,
                           change.outcomeAfter.isEmpty() ? QStringLiteral("-") : change.outcomeAfter);
    }
    if (isEmpty())
        out += QCoreApplication::translate("ow::catalogue", "no differences in any situation")
            + QLatin1Char('\n');
    return out;
}

QJsonObject CatalogueDiff::json() const
{
    QJsonArray changes;
    for (const SituationChange &change : situations) {
        const QString kind = change.kind == SituationChange::Kind::Added ? QStringLiteral("added")
            : change.kind == SituationChange::Kind::Removed              ? QStringLiteral("removed")
                                                                         : QStringLiteral("changed");
        QJsonObject entry {{QStringLiteral("matter"), change.matterCode},
            {QStringLiteral("situation"), change.key},
            {QStringLiteral("path"), QJsonArray::fromStringList(change.path)}, {QStringLiteral("kind"), kind},
            {QStringLiteral("gained"), changesJson(change.gained)},
            {QStringLiteral("lost"), changesJson(change.lost)},
            {QStringLiteral("changed"), changesJson(change.changed)}};
        if (!change.outcomeBefore.isEmpty())
            entry.insert(QStringLiteral("outcomeBefore"), change.outcomeBefore);
        if (!change.outcomeAfter.isEmpty())
            entry.insert(QStringLiteral("outcomeAfter"), change.outcomeAfter);
        changes.append(entry);
    }
    return QJsonObject {{QStringLiteral("mattersAdded"), QJsonArray::fromStringList(mattersAdded)},
        {QStringLiteral("mattersRemoved"), QJsonArray::fromStringList(mattersRemoved)},
        {QStringLiteral("situations"), changes}};
}

} // namespace ow::catalogue
