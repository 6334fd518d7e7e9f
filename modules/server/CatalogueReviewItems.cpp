#include "server/CatalogueReviewItems.h"

#include "catalogue/BundleSituations.h"
#include "catalogue/CatalogueDiff.h"
#include "catalogue/PathsReport.h"
#include "catalogue/SituationEngine.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace ow::server {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

QString conditionText(const ConditionPtr &condition)
{
    return condition ? condition->toString() : QString();
}

QString optionalNumber(const std::optional<double> &value)
{
    return value ? QString::number(*value) : QString();
}

QString pointsText(const QList<ReviewPoint> &points)
{
    QStringList parts;
    for (const ReviewPoint &point : points)
        parts.append(u"%1|%2|%3"_s.arg(point.id).arg(int(point.kind)).arg(point.text));
    return parts.join(u'\x1f');
}

// What a reviewer reads of a matter, written out field by field: two versions whose texts are equal
// grade the same. Situations are items of their own; comments and file layout are not part of it.
QString matterText(const Matter &matter)
{
    QStringList parts {matter.code, matter.name, matter.mainCode, matter.departmentId,
        QString::number(int(matter.kind)), QString::number(matter.promisedDays),
        QString::number(matter.legalDays), QString::number(int(matter.frequency)), matter.keywords.join(u','),
        matter.basis};
    for (const Question &q : matter.questions) {
        parts << q.id << q.text << q.hint << QString::number(int(q.type)) << q.unit
              << optionalNumber(q.minimum) << optionalNumber(q.maximum) << conditionText(q.when);
        for (const Option &o : q.options)
            parts << o.id << o.label << conditionText(o.when) << o.materialIds.join(u',');
    }
    for (const Requirement &r : matter.requirements)
        parts << r.materialId << conditionText(r.when) << (r.form ? QString::number(int(*r.form)) : QString())
              << (r.copies ? QString::number(*r.copies) : QString())
              << (r.waivable ? QString::number(int(*r.waivable)) : QString())
              << pointsText(r.extraReviewPoints) << r.note << r.fromOption;
    for (const ScreeningOutcome &o : matter.outcomes)
        parts << o.id << QString::number(int(o.kind)) << o.reason << o.targetCode << conditionText(o.when);
    return parts.join(u'\x1e');
}

QString fileHash(const QHash<QString, QString> &files, const QString &path)
{
    return path.isEmpty() ? QString() : path + u'@' + files.value(path);
}

QString materialText(const Material &m, const QHash<QString, QString> &files)
{
    QStringList parts {m.id, m.name, QString::number(int(m.category)), m.source, QString::number(int(m.form)),
        QString::number(m.copies), QString::number(int(m.medium)), QString::number(int(m.dataShared)),
        QString::number(int(m.waivable)), m.description, pointsText(m.reviewPoints),
        m.commonErrors.join(u'\x1f'), m.prerequisites.join(u'\x1f'), fileHash(files, m.blankForm),
        fileHash(files, m.outline), fileHash(files, m.referenceText)};
    if (m.sample) {
        parts << fileHash(files, m.sample->image);
        for (const SampleMark &mark : m.sample->marks)
            parts << u"%1@%2,%3,%4,%5"_s.arg(mark.reviewPointId)
                         .arg(mark.rect.x())
                         .arg(mark.rect.y())
                         .arg(mark.rect.width())
                         .arg(mark.rect.height());
    }
    return parts.join(u'\x1e');
}

QString bundleText(const Bundle &b)
{
    QStringList parts {b.id, b.name, b.leadDepartmentId, b.keywords.join(u','), b.description};
    for (const BundleMember &member : b.members) {
        parts << member.matterCode;
        for (const auto &[question, answer] : member.presets)
            parts << question + u'=' + answer;
    }
    return parts.join(u'\x1e');
}

// What a reviewer reads of a faq: its question, its answer and when it is shown.
QString faqText(const Faq &faq)
{
    QString text = faq.question + u'\n' + faq.answer;
    if (faq.when)
        text += u"\nwhen: "_s + faq.when->toString();
    return text;
}

QString changeLines(const CatalogueDiff::SituationChange &change)
{
    QStringList lines;
    for (const CatalogueDiff::MaterialChange &m : change.gained)
        lines.append(u"+ %1 %2"_s.arg(m.materialId, m.name));
    for (const CatalogueDiff::MaterialChange &m : change.lost)
        lines.append(u"- %1 %2"_s.arg(m.materialId, m.name));
    for (const CatalogueDiff::MaterialChange &m : change.changed)
        lines.append(u"~ %1 %2: %3"_s.arg(m.materialId, m.name, m.details.join(u"; "_s)));
    if (change.outcomeBefore != change.outcomeAfter)
        lines.append(u"outcome: %1 → %2"_s.arg(change.outcomeBefore.isEmpty() ? u"-"_s : change.outcomeBefore,
            change.outcomeAfter.isEmpty() ? u"-"_s : change.outcomeAfter));
    return lines.join(u'\n');
}

// Compares the elements of two lists by id: added, removed, or changed when their texts differ.
template<typename T, typename Id, typename Text, typename Make>
void compareById(
    const QList<T> &before, const QList<T> &after, Id id, Text text, Make make, QList<ReviewItem> *out)
{
    QHash<QString, const T *> old;
    for (const T &element : before)
        old.insert(id(element), &element);
    QSet<QString> seen;
    for (const T &element : after) {
        seen.insert(id(element));
        const T *was = old.value(id(element));
        if (!was)
            out->append(make(element, ReviewItem::Change::Added));
        else if (text(*was) != text(element))
            out->append(make(element, ReviewItem::Change::Changed));
    }
    for (const T &element : before)
        if (!seen.contains(id(element)))
            out->append(make(element, ReviewItem::Change::Removed));
}

// The departments of the matters that ask for each material (as a requirement or through an option)
// in either version, sorted.
QHash<QString, QStringList> materialDepartments(const Catalogue &before, const Catalogue &after)
{
    QHash<QString, QSet<QString>> sets;
    for (const Catalogue *catalogue : {&before, &after})
        for (const Matter &matter : catalogue->matters) {
            if (matter.departmentId.isEmpty())
                continue;
            for (const Requirement &r : matter.requirements)
                sets[r.materialId].insert(matter.departmentId);
            for (const Question &q : matter.questions)
                for (const Option &o : q.options)
                    for (const QString &material : o.materialIds)
                        sets[material].insert(matter.departmentId);
        }
    QHash<QString, QStringList> lists;
    for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
        QStringList list = it.value().values();
        list.sort();
        lists.insert(it.key(), list);
    }
    return lists;
}

} // namespace

QString keyword(ReviewItem::Kind kind)
{
    switch (kind) {
    case ReviewItem::Kind::Matter:
        return u"matter"_s;
    case ReviewItem::Kind::Material:
        return u"material"_s;
    case ReviewItem::Kind::Bundle:
        return u"bundle"_s;
    case ReviewItem::Kind::Faq:
        return u"faq"_s;
    case ReviewItem::Kind::Situation:
        break;
    }
    return u"situation"_s;
}

QString keyword(ReviewItem::Change change)
{
    switch (change) {
    case ReviewItem::Change::Added:
        return u"added"_s;
    case ReviewItem::Change::Removed:
        return u"removed"_s;
    case ReviewItem::Change::Changed:
        break;
    }
    return u"changed"_s;
}

QString CatalogueReviewItems::situationId(const QString &matterCode, const QString &key)
{
    return u"situation:%1/%2"_s.arg(matterCode, key.isEmpty() ? u"-"_s : key);
}

QList<ReviewItem> CatalogueReviewItems::compute(const CataloguePtr &before,
    const QHash<QString, QString> &beforeFiles, const CataloguePtr &after,
    const QHash<QString, QString> &afterFiles)
{
    // The first version is compared with an empty catalogue: everything in it is new.
    const CataloguePtr old = before ? before : std::make_shared<const Catalogue>();
    QList<ReviewItem> items;
    QSet<QString> situationMatters; // matters with a changed situation: their matter item goes too
    QList<ReviewItem> situationItems;
    const SituationEngine oldEngine(old);
    const SituationEngine newEngine(after);
    const CatalogueDiff diff(oldEngine, newEngine);
    auto departmentOf = [&](const QString &code) {
        const Matter *matter = after->matter(code);
        if (!matter)
            matter = old->matter(code);
        return matter ? matter->departmentId : QString();
    };
    auto matterName = [&](const QString &code) {
        const Matter *matter = after->matter(code);
        if (!matter)
            matter = old->matter(code);
        return matter ? matter->name : code;
    };
    auto addSituation = [&](const QString &code, const QString &key, const QStringList &path,
                            ReviewItem::Change change, const QString &detail) {
        ReviewItem item;
        item.id = situationId(code, key);
        item.kind = ReviewItem::Kind::Situation;
        item.change = change;
        item.matter = code;
        item.department = departmentOf(code);
        item.title = path.isEmpty() ? matterName(code) : matterName(code) + u"：" + path.join(u" › "_s);
        item.walk = change != ReviewItem::Change::Removed;
        item.detail = detail;
        situationItems.append(item);
        situationMatters.insert(code);
    };
    for (const CatalogueDiff::SituationChange &change : diff.situations)
        addSituation(change.matterCode, change.key, change.path,
            change.kind == CatalogueDiff::SituationChange::Kind::Added         ? ReviewItem::Change::Added
                : change.kind == CatalogueDiff::SituationChange::Kind::Removed ? ReviewItem::Change::Removed
                                                                               : ReviewItem::Change::Changed,
            changeLines(change));
    // A whole new or removed matter: CatalogueDiff names the matter only; each of its situations is
    // walked (or was) like any other.
    for (const QString &code : diff.mattersAdded) {
        const Matter *matter = after->matter(code);
        for (const Situation &s : newEngine.situations(*matter, PathsReport::kSituationLimit)) {
            QStringList lines;
            for (const ChecklistLine &line : s.checklist.lines)
                lines.append(u"+ %1 %2"_s.arg(line.materialId, line.name));
            addSituation(code, s.key, s.path, ReviewItem::Change::Added, lines.join(u'\n'));
        }
    }
    for (const QString &code : diff.mattersRemoved) {
        const Matter *matter = old->matter(code);
        for (const Situation &s : oldEngine.situations(*matter, PathsReport::kSituationLimit))
            addSituation(code, s.key, s.path, ReviewItem::Change::Removed, QString());
    }

    compareById(
        old->matters, after->matters, [](const Matter &m) { return m.code; }, matterText,
        [](const Matter &m, ReviewItem::Change change) {
            return ReviewItem {u"matter:"_s + m.code, ReviewItem::Kind::Matter, change, m.name, m.code,
                m.departmentId, false, QString()};
        },
        &items);
    // A matter whose own text is the same but whose checklists changed (a shared material's new
    // copies, say) is reviewed as a matter too.
    for (const QString &code : std::as_const(situationMatters)) {
        const QString id = u"matter:"_s + code;
        if (std::none_of(items.cbegin(), items.cend(), [&](const ReviewItem &i) { return i.id == id; }))
            items.append(ReviewItem {id, ReviewItem::Kind::Matter, ReviewItem::Change::Changed,
                matterName(code), code, departmentOf(code), false,
                QCoreApplication::translate("ow::server", "situations changed through shared materials")});
    }
    std::sort(
        items.begin(), items.end(), [](const ReviewItem &a, const ReviewItem &b) { return a.id < b.id; });
    // A material's back offices are those of every matter that asks for it, before or after: a
    // change of its text alone (no situation gains or loses it) is signed off by them all.
    const QHash<QString, QStringList> users = materialDepartments(*old, *after);
    compareById(
        old->materials, after->materials, [](const Material &m) { return m.id; },
        [&](const Material &m) {
            return materialText(m, old->material(m.id) == &m ? beforeFiles : afterFiles);
        },
        [&](const Material &m, ReviewItem::Change change) {
            return ReviewItem {u"material:"_s + m.id, ReviewItem::Kind::Material, change, m.name, QString(),
                users.value(m.id).join(u','), false, QString()};
        },
        &items);
    compareById(
        old->bundles, after->bundles, [](const Bundle &b) { return b.id; }, bundleText,
        [](const Bundle &b, ReviewItem::Change change) {
            return ReviewItem {u"bundle:"_s + b.id, ReviewItem::Kind::Bundle, change, b.name, QString(),
                b.leadDepartmentId, false, QString()};
        },
        &items);
    items.append(faqItems(*old, *after));
    items.append(bundleSituations(*old, *after, newEngine, situationItems));
    items.append(situationItems);
    return items;
}

QList<ReviewItem> CatalogueReviewItems::bundleSituations(const Catalogue &before, const Catalogue &after,
    const SituationEngine &engine, const QList<ReviewItem> &situationItems)
{
    // Every combination of a bundle's matters would be hundreds of walks: a bundle is walked once for
    // each changed situation of a member matter, on the first bundle situation that holds it, and on
    // its first situation when the bundle itself changed, so that each change is seen merged.
    QList<ReviewItem> items;
    const BundleSituations combinations(engine);
    for (const Bundle &bundle : after.bundles) {
        const Bundle *old = before.bundle(bundle.id);
        QList<std::pair<qsizetype, const ReviewItem *>> changed;
        for (qsizetype m = 0; m < bundle.members.size(); ++m)
            for (const ReviewItem &item : situationItems)
                if (item.walk && item.matter == bundle.members.at(m).matterCode)
                    changed.append({m, &item});
        const bool redefined = !old || bundleText(*old) != bundleText(bundle);
        if (!redefined && changed.isEmpty())
            continue;
        bool truncated = false;
        const QList<BundleSituation> all = combinations.of(bundle, PathsReport::kSituationLimit, &truncated);
        QSet<QString> added;
        auto add = [&](const BundleSituation &situation, const QString &detail) {
            QStringList keys;
            QStringList paths;
            for (qsizetype m = 0; m < situation.keys.size(); ++m) {
                keys.append(situation.keys.at(m).isEmpty() ? u"-"_s : situation.keys.at(m));
                paths.append(situation.paths.value(m).join(u" › "_s));
            }
            const QString key = keys.join(u" | "_s);
            if (added.contains(key))
                return;
            added.insert(key);
            items.append(ReviewItem {bundleSituationId(bundle.id, key), ReviewItem::Kind::Situation,
                old ? ReviewItem::Change::Changed : ReviewItem::Change::Added,
                bundle.name + u"：" + paths.join(u" | "_s), QString(), bundle.leadDepartmentId, true,
                detail});
        };
        if (redefined && !all.isEmpty())
            add(all.first(),
                QCoreApplication::translate("ow::server", "the bundle's matters or preset answers changed"));
        for (const auto &[memberCode, item] : std::as_const(changed)) {
            QString key = item->id.mid(item->id.indexOf(u'/') + 1);
            if (key == u"-"_s)
                key.clear();
            // A named copy: clang before 16 cannot capture a structured binding.
            const auto member = memberCode;
            const auto holding = std::find_if(all.cbegin(), all.cend(),
                [&](const BundleSituation &s) { return s.keys.value(member) == key; });
            if (holding != all.cend())
                add(*holding, item->matter + u": "_s + QString(item->detail).replace(u'\n', u"; "_s));
        }
    }
    return items;
}

QList<ReviewItem> CatalogueReviewItems::faqItems(const Catalogue &before, const Catalogue &after)
{
    QList<ReviewItem> items;
    // One owner (matter or bundle) in both versions, either possibly absent: its faqs compared by id.
    auto compareOwner = [&](const QString &prefix, const QString &ownerId, const QString &ownerName,
                            const QString &matterCode, const QString &department, const QList<Faq> *was,
                            const QList<Faq> *is) {
        const QList<Faq> none;
        compareById(
            was ? *was : none, is ? *is : none, [](const Faq &f) { return f.id; }, faqText,
            [&](const Faq &f, ReviewItem::Change change) {
                return ReviewItem {prefix + ownerId + u'/' + f.id, ReviewItem::Kind::Faq, change,
                    ownerName + u"：" + f.question, matterCode, department, false, faqText(f)};
            },
            &items);
    };
    QSet<QString> seen;
    for (const Catalogue *catalogue : {&after, &before})
        for (const Matter &m : catalogue->matters) {
            if (seen.contains(m.code))
                continue;
            seen.insert(m.code);
            const Matter *was = before.matter(m.code);
            const Matter *is = after.matter(m.code);
            compareOwner(u"faq:"_s, m.code, m.name, m.code, m.departmentId, was ? &was->faqs : nullptr,
                is ? &is->faqs : nullptr);
        }
    seen.clear();
    for (const Catalogue *catalogue : {&after, &before})
        for (const Bundle &b : catalogue->bundles) {
            if (seen.contains(b.id))
                continue;
            seen.insert(b.id);
            const Bundle *was = before.bundle(b.id);
            const Bundle *is = after.bundle(b.id);
            compareOwner(u"bundle-faq:"_s, b.id, b.name, QString(), b.leadDepartmentId,
                was ? &was->faqs : nullptr, is ? &is->faqs : nullptr);
        }
    return items;
}

QString CatalogueReviewItems::bundleSituationId(const QString &bundleId, const QString &key)
{
    return u"bundle-situation:%1/%2"_s.arg(bundleId, key);
}

} // namespace ow::server
