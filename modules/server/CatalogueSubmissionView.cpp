#include "server/CatalogueSubmissionView.h"

#include <QJsonArray>
#include <QSet>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

const QString kReviewed = u"reviewed"_s;

} // namespace

CatalogueSubmissionView::CatalogueSubmissionView(const storage::Database &db)
    : m_db(db)
{
}

Result<QList<QVariantList>> CatalogueSubmissionView::rows(
    const storage::Database &db, const QString &sql, const QVariantList &values)
{
    Result<storage::Rows> result = db.run(sql, values);
    if (!result)
        return failWith(result.error());
    QList<QVariantList> list;
    Result<bool> row = false;
    while ((row = result->fetch()) && *row)
        list.append(result->row());
    if (!row)
        return failWith(row.error());
    return list;
}

QString CatalogueSubmissionView::counterOf(const QString &hall, const QString &counter)
{
    return hall + u'/' + counter;
}

Result<QStringList> CatalogueSubmissionView::departments(qint64 id) const
{
    Result<QList<QVariantList>> found = rows(m_db,
        u"SELECT DISTINCT department FROM catalogue_review_items WHERE submission = ? AND department <> ''"
        u" ORDER BY department"_s,
        {id});
    if (!found)
        return failWith(found.error());
    // A material's item names every department whose matters ask for it.
    QStringList list;
    for (const QVariantList &row : std::as_const(*found))
        for (const QString &department : row.at(0).toString().split(u',', Qt::SkipEmptyParts))
            if (!list.contains(department))
                list.append(department);
    list.sort();
    return list;
}

Result<std::optional<QJsonObject>> CatalogueSubmissionView::status(qint64 id) const
{
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(u"SELECT version, catalogue_id, base_version, state, reason, note, effective, "
                        u"editor, replaces, submitted,"
                        u" updated FROM catalogue_submissions WHERE id = ?"_s,
            {id});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QJsonObject>();
    const QVariantList head = **found;
    QJsonObject status {{u"id"_s, id}, {u"version"_s, head.at(0).toString()},
        {u"catalogue"_s, head.at(1).toString()}, {u"baseVersion"_s, head.at(2).toString()},
        {u"state"_s, head.at(3).toString()}, {u"reason"_s, head.at(4).toString()},
        {u"note"_s, head.at(5).toString()}, {u"effective"_s, head.at(6).toString()},
        {u"editor"_s, head.at(7).toString()}, {u"replaces"_s, head.at(8).toLongLong()},
        {u"submitted"_s, head.at(9).toString()}, {u"updated"_s, head.at(10).toString()},
        {u"countersNeeded"_s, kCountersNeeded}};
    Result<QList<QVariantList>> items = rows(m_db,
        u"SELECT item, kind, change, title, matter, department, walk, detail, grade, comment, reviewer, "
        u"graded"
        u" FROM catalogue_review_items WHERE submission = ? ORDER BY position"_s,
        {id});
    if (!items)
        return failWith(items.error());
    Result<QList<QVariantList>> walks = rows(m_db,
        u"SELECT item, hall, counter, clerk, objection, time, answers FROM catalogue_walks WHERE submission "
        u"= ?"
        u" ORDER BY id"_s,
        {id});
    if (!walks)
        return failWith(walks.error());
    Result<QList<QVariantList>> signOffs = rows(m_db,
        u"SELECT department, signer, objection, time FROM catalogue_signoffs WHERE submission = ? ORDER BY id"_s,
        {id});
    if (!signOffs)
        return failWith(signOffs.error());
    QHash<QString, QSet<QString>> counters;
    QJsonArray objections;
    QJsonArray walkLog;
    for (const QVariantList &w : std::as_const(*walks)) {
        const QString objection = w.at(4).toString();
        if (objection.isEmpty())
            counters[w.at(0).toString()].insert(counterOf(w.at(1).toString(), w.at(2).toString()));
        else
            objections.append(QJsonObject {{u"source"_s, u"walk"_s}, {u"item"_s, w.at(0).toString()},
                {u"text"_s, objection}, {u"by"_s, w.at(3).toString()},
                {u"counter"_s, counterOf(w.at(1).toString(), w.at(2).toString())}});
        walkLog.append(QJsonObject {{u"item"_s, w.at(0).toString()}, {u"hall"_s, w.at(1).toString()},
            {u"counter"_s, w.at(2).toString()}, {u"clerk"_s, w.at(3).toString()}, {u"objection"_s, objection},
            {u"time"_s, w.at(5).toString()}, {u"answers"_s, w.at(6).toString()}});
    }
    QJsonArray itemList;
    int graded = 0;
    for (const QVariantList &i : std::as_const(*items)) {
        QJsonObject item {{u"item"_s, i.at(0).toString()}, {u"kind"_s, i.at(1).toString()},
            {u"change"_s, i.at(2).toString()}, {u"title"_s, i.at(3).toString()},
            {u"matter"_s, i.at(4).toString()}, {u"department"_s, i.at(5).toString()},
            {u"walk"_s, i.at(6).toInt() != 0}, {u"detail"_s, i.at(7).toString()},
            {u"grade"_s, i.at(8).toString()}, {u"comment"_s, i.at(9).toString()},
            {u"reviewer"_s, i.at(10).toString()}, {u"graded"_s, i.at(11).toString()}};
        if (i.at(6).toInt() != 0) {
            QStringList list = counters.value(i.at(0).toString()).values();
            list.sort();
            item.insert(u"counters"_s, QJsonArray::fromStringList(list));
        }
        const QString grade = i.at(8).toString();
        graded += grade.isEmpty() ? 0 : 1;
        if (!grade.isEmpty() && grade != u"高"_s)
            objections.append(QJsonObject {{u"source"_s, u"review"_s}, {u"item"_s, i.at(0).toString()},
                {u"grade"_s, grade}, {u"text"_s, i.at(9).toString()}, {u"by"_s, i.at(10).toString()}});
        itemList.append(item);
    }
    Result<QStringList> concerned = departments(id);
    if (!concerned)
        return failWith(concerned.error());
    QJsonArray signOffList;
    for (const QVariantList &s : std::as_const(*signOffs)) {
        signOffList.append(
            QJsonObject {{u"department"_s, s.at(0).toString()}, {u"signer"_s, s.at(1).toString()},
                {u"objection"_s, s.at(2).toString()}, {u"time"_s, s.at(3).toString()}});
        if (!s.at(2).toString().isEmpty())
            objections.append(
                QJsonObject {{u"source"_s, u"sign-off"_s}, {u"department"_s, s.at(0).toString()},
                    {u"text"_s, s.at(2).toString()}, {u"by"_s, s.at(1).toString()}});
    }
    status.insert(u"items"_s, itemList);
    status.insert(u"graded"_s, graded);
    status.insert(u"walks"_s, walkLog);
    status.insert(u"departments"_s, QJsonArray::fromStringList(*concerned));
    status.insert(u"signOffs"_s, signOffList);
    status.insert(u"objections"_s, objections);
    return std::optional(status);
}

Result<QJsonArray> CatalogueSubmissionView::list() const
{
    Result<QList<QVariantList>> found = rows(m_db,
        u"SELECT id, version, state, reason, effective, editor, submitted, replaces FROM "
        u"catalogue_submissions"
        u" ORDER BY id DESC"_s);
    if (!found)
        return failWith(found.error());
    QJsonArray list;
    for (const QVariantList &row : std::as_const(*found))
        list.append(QJsonObject {{u"id"_s, row.at(0).toLongLong()}, {u"version"_s, row.at(1).toString()},
            {u"state"_s, row.at(2).toString()}, {u"reason"_s, row.at(3).toString()},
            {u"effective"_s, row.at(4).toString()}, {u"editor"_s, row.at(5).toString()},
            {u"submitted"_s, row.at(6).toString()}, {u"replaces"_s, row.at(7).toLongLong()}});
    return list;
}

Result<QJsonArray> CatalogueSubmissionView::pendingWalks(const Credential &workstation) const
{
    Result<QList<QVariantList>> items = rows(m_db,
        u"SELECT i.submission, s.version, i.item, i.title, i.matter, i.change, i.detail FROM "
        u"catalogue_review_items i"
        u" JOIN catalogue_submissions s ON s.id = i.submission WHERE s.state = ? AND i.walk = 1"
        u" ORDER BY i.submission, i.position"_s,
        {kReviewed});
    if (!items)
        return failWith(items.error());
    Result<QList<QVariantList>> walks = rows(m_db,
        u"SELECT w.submission, w.item, w.hall, w.counter FROM catalogue_walks w JOIN catalogue_submissions s"
        u" ON s.id = w.submission WHERE s.state = ? AND w.objection = ''"_s,
        {kReviewed});
    if (!walks)
        return failWith(walks.error());
    QHash<QString, QSet<QString>> counters;
    for (const QVariantList &w : std::as_const(*walks))
        counters[w.at(0).toString() + u' ' + w.at(1).toString()].insert(
            counterOf(w.at(2).toString(), w.at(3).toString()));
    const QString here = counterOf(workstation.hall, workstation.counter);
    QJsonArray list;
    for (const QVariantList &i : std::as_const(*items)) {
        const QSet<QString> done = counters.value(i.at(0).toString() + u' ' + i.at(2).toString());
        if (done.size() >= kCountersNeeded || done.contains(here))
            continue;
        const QString item = i.at(2).toString();
        const QString key = item.section(u'/', 1);
        QJsonObject walk {{u"submission"_s, i.at(0).toLongLong()}, {u"version"_s, i.at(1).toString()},
            {u"item"_s, item}, {u"title"_s, i.at(3).toString()}, {u"matter"_s, i.at(4).toString()},
            {u"situation"_s, key == u"-"_s ? QString() : key}, {u"change"_s, i.at(5).toString()},
            {u"detail"_s, i.at(6).toString()}, {u"counters"_s, int(done.size())},
            {u"countersNeeded"_s, kCountersNeeded}};
        // A bundle's situation: each member matter's answers, in the bundle's order.
        if (item.startsWith(u"bundle-situation:"_s)) {
            walk.insert(u"bundle"_s, item.section(u':', 1).section(u'/', 0, 0));
            walk.insert(u"situation"_s, key);
        }
        list.append(walk);
    }
    return list;
}

} // namespace ow::server
