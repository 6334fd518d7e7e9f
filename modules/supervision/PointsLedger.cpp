#include "supervision/PointsLedger.h"

#include "cases/CaseJson.h"
#include "supervision/FollowUp.h"

#include <QJsonArray>
#include <algorithm>

namespace ow::supervision {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::EventKind;

QJsonObject PointItem::toJson() const
{
    QJsonObject object {{u"at"_s, cases::CaseJson::timeText(at)}, {u"kind"_s, kind}, {u"points"_s, points},
        {u"case"_s, caseNumber}, {u"matter"_s, matter}, {u"event"_s, event}, {u"reason"_s, reason}};
    if (!by.isEmpty())
        object.insert(u"by"_s, by);
    if (submission != 0)
        object.insert(u"submission"_s, double(submission));
    return object;
}

QJsonObject ClerkPoints::toJson(bool withItems) const
{
    QJsonObject object {{u"staffNumber"_s, staffNumber}, {u"name"_s, name}, {u"points"_s, points},
        {u"grade"_s, grade}, {u"qualifiedMatters"_s, qualifiedMatters}, {u"rank"_s, rank}};
    if (withItems) {
        QJsonArray list;
        for (const PointItem &item : items)
            list.append(item.toJson());
        object.insert(u"items"_s, list);
    }
    return object;
}

PointsLedger::PointsLedger(PointsRules rules, QDate month, QHash<QString, QString> names, QStringList roster)
    : m_rules(rules)
    , m_first(month.year(), month.month(), 1)
    , m_last(m_first.addMonths(1).addDays(-1))
    , m_windowStart(m_first.addMonths(1 - rules.qualifiedMonths))
    , m_names(std::move(names))
{
    for (const QString &staffNumber : roster)
        clerk(staffNumber);
}

bool PointsLedger::inMonth(const QDateTime &at) const
{
    const QDate day = at.toLocalTime().date();
    return day >= m_first && day <= m_last;
}

bool PointsLedger::inWindow(const QDateTime &at) const
{
    const QDate day = at.toLocalTime().date();
    return day >= m_windowStart && day <= m_last;
}

PointsLedger::Clerk &PointsLedger::clerk(const QString &staffNumber, const QString &name)
{
    Clerk &found = m_clerks[staffNumber];
    if (found.name.isEmpty())
        found.name = m_names.value(staffNumber, name.isEmpty() ? staffNumber : name);
    return found;
}

void PointsLedger::addCase(const cases::Case &c, const QList<CaseEvent> &events)
{
    const QString matter = c.matterCode;
    bool received = false;
    for (const CaseEvent &e : events) {
        if (!received && (e.kind == EventKind::Accepted || e.kind == EventKind::AcceptedWithWaiver)) {
            // Taken in once, by the clerk who accepted it first (the first handler); an acceptance
            // after a correction notice is the same case.
            received = true;
            if (e.clerk.isEmpty() || !inWindow(e.time))
                continue;
            Clerk &who = clerk(e.clerk);
            ++who.casesByMatter[matter];
            if (inMonth(e.time))
                who.items.append(PointItem {e.time, QString(PointItem::kCaseReceived), m_rules.caseReceived,
                    c.number.isEmpty() ? e.caseNumber : c.number, matter, e.id, {}, {}, 0});
            continue;
        }
        if (const int level = FollowUp::ratingOf(e); level && !e.clerk.isEmpty() && inMonth(e.time))
            clerk(e.clerk).items.append(PointItem {e.time, QString(PointItem::kRating),
                m_rules.rating[level - 1], c.number.isEmpty() ? e.caseNumber : c.number, matter, e.id,
                u"rating %1"_s.arg(level), {}, 0});
    }
}

void PointsLedger::addActivity(const cases::ClerkActivity &activity)
{
    if (activity.kind == cases::ClerkActivity::kConsultation) {
        if (inMonth(activity.at))
            clerk(activity.staffNumber, activity.clerkName)
                .items.append(PointItem {activity.at, QString(PointItem::kConsultation), m_rules.consultation,
                    {}, activity.matter, activity.id, {}, {}, 0});
        return;
    }
    if (!activity.passed() || !inWindow(activity.at))
        return;
    Clerk &who = clerk(activity.staffNumber, activity.clerkName);
    // A bundle's practice is recorded under the bundle's id with its matters in the detail.
    const QJsonArray members = activity.detail.value("matters"_L1).toArray();
    if (activity.detail.contains("bundle"_L1) && !members.isEmpty()) {
        for (const QJsonValue &m : members)
            if (!m.toString().isEmpty())
                who.practisedMatters.insert(m.toString());
    } else {
        who.practisedMatters.insert(activity.matter);
    }
    if (inMonth(activity.at))
        who.items.append(PointItem {activity.at, QString(PointItem::kPracticePassed), m_rules.practicePassed,
            {}, activity.matter, activity.id, activity.detail.value("situation"_L1).toString(), {}, 0});
}

void PointsLedger::addCatalogueItem(const CatalogueItemPublished &item)
{
    if (!m_names.contains(item.editor) || !inMonth(item.published))
        return;
    clerk(item.editor)
        .items.append(PointItem {item.published, QString(PointItem::kCatalogueItem), m_rules.catalogueItem,
            {}, item.matter, item.item, item.title, {}, item.submission});
}

void PointsLedger::addCorrection(const PointCorrection &correction)
{
    if (correction.month != m_first)
        return;
    clerk(correction.staffNumber)
        .items.append(PointItem {correction.at, QString(PointItem::kCorrection), correction.points, {}, {},
            correction.id, correction.reason, correction.by, 0});
}

QList<ClerkPoints> PointsLedger::ranking() const
{
    QList<ClerkPoints> list;
    for (auto it = m_clerks.cbegin(); it != m_clerks.cend(); ++it) {
        ClerkPoints p;
        p.staffNumber = it.key();
        p.name = it->name;
        p.items = it->items;
        std::stable_sort(p.items.begin(), p.items.end(),
            [](const PointItem &a, const PointItem &b) { return a.at < b.at; });
        for (const PointItem &item : std::as_const(p.items))
            p.points += item.points;
        QSet<QString> qualified = it->practisedMatters;
        for (auto m = it->casesByMatter.cbegin(); m != it->casesByMatter.cend(); ++m)
            if (*m >= m_rules.qualifiedCases)
                qualified.insert(m.key());
        p.qualifiedMatters = int(qualified.size());
        p.grade = m_rules.grade(p.points, p.qualifiedMatters);
        list.append(p);
    }
    std::sort(list.begin(), list.end(), [](const ClerkPoints &a, const ClerkPoints &b) {
        return a.points != b.points ? a.points > b.points : a.staffNumber < b.staffNumber;
    });
    for (qsizetype i = 0; i < list.size(); ++i)
        list[i].rank = i > 0 && list.at(i - 1).points == list.at(i).points ? list.at(i - 1).rank : int(i + 1);
    return list;
}

} // namespace ow::supervision
