#include "cases/DraftStore.h"

#include "cases/CaseJson.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSet>

namespace ow::cases {

namespace {

Failure noDraft(qint64 id)
{
    return fail(Error::Code::NotFound,
        QCoreApplication::translate("ow::cases", "There is no draft %1 (it was finished or discarded).")
            .arg(id));
}

DraftSummary summaryFrom(const storage::Rows &rows)
{
    DraftSummary s;
    s.id = rows.value(0).toLongLong();
    s.clerk = rows.value(1).toString();
    s.caseNumber = rows.value(2).toString();
    s.title = rows.value(3).toString();
    s.applicantMasked = rows.value(4).toString();
    s.created = CaseJson::timeFrom(rows.value(5).toString());
    s.updated = CaseJson::timeFrom(rows.value(6).toString());
    return s;
}

const QString kSummaryColumns
    = QStringLiteral("id, clerk, case_number, title, applicant_masked, created, updated");

} // namespace

DraftStore::DraftStore(CaseStore &store)
    : m_store(store)
{
}

Result<qint64> DraftStore::keep(const Draft &draft)
{
    const storage::Database &db = m_store.database();
    storage::Transaction transaction(db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const DraftSummary &s = draft.summary;
    const QString content = QString::fromUtf8(QJsonDocument(draft.content).toJson(QJsonDocument::Compact));
    const QString updated = CaseJson::timeText(s.updated);
    qint64 id = s.id;
    if (id == 0) {
        Result<storage::Rows> inserted = db.run(
            QStringLiteral("INSERT INTO intake_drafts (clerk, case_number, title, applicant_masked, content,"
                           " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {s.clerk, s.caseNumber, s.title, s.applicantMasked, content, CaseJson::timeText(s.created),
                updated});
        if (!inserted)
            return failWith(inserted.error());
        Result<QVariant> rowId = db.scalar(QStringLiteral("SELECT last_insert_rowid()"));
        if (!rowId)
            return failWith(rowId.error());
        id = rowId->toLongLong();
    } else {
        Result<storage::Rows> changed = db.run(
            QStringLiteral("UPDATE intake_drafts SET case_number = ?, title = ?, applicant_masked = ?,"
                           " content = ?, updated = ? WHERE id = ?"),
            {s.caseNumber, s.title, s.applicantMasked, content, updated, id});
        if (!changed)
            return failWith(changed.error());
        if (changed->numRowsAffected() == 0)
            return noDraft(id);
    }
    Result<storage::Rows> cleared
        = db.run(QStringLiteral("DELETE FROM draft_attachments WHERE draft_id = ?"), {id});
    if (!cleared)
        return failWith(cleared.error());
    for (const QString &sha256 : QSet<QString>(draft.scans.cbegin(), draft.scans.cend())) {
        Result<storage::Rows> added = db.run(
            QStringLiteral("INSERT INTO draft_attachments (draft_id, sha256) VALUES (?, ?)"), {id, sha256});
        if (!added)
            return failWith(added.error());
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return id;
}

Result<Draft> DraftStore::load(qint64 id) const
{
    const storage::Database &db = m_store.database();
    Result<storage::Rows> rows = db.run(
        QStringLiteral("SELECT %1, content FROM intake_drafts WHERE id = ?").arg(kSummaryColumns), {id});
    if (!rows)
        return failWith(rows.error());
    Result<bool> row = rows->fetch();
    if (!row)
        return failWith(row.error());
    if (!*row)
        return noDraft(id);
    Draft draft;
    draft.summary = summaryFrom(*rows);
    draft.content = QJsonDocument::fromJson(rows->value(7).toString().toUtf8()).object();
    Result<storage::Rows> scans = db.run(
        QStringLiteral("SELECT sha256 FROM draft_attachments WHERE draft_id = ? ORDER BY sha256"), {id});
    if (!scans)
        return failWith(scans.error());
    while ((row = scans->fetch()) && *row)
        draft.scans.append(scans->value(0).toString());
    if (!row)
        return failWith(row.error());
    return draft;
}

Result<QList<DraftSummary>> DraftStore::list(const QString &clerk) const
{
    const QString sql
        = QStringLiteral("SELECT %1 FROM intake_drafts%2 ORDER BY updated DESC, id DESC")
              .arg(kSummaryColumns, clerk.isEmpty() ? QString() : QStringLiteral(" WHERE clerk = ?"));
    Result<storage::Rows> rows
        = m_store.database().run(sql, clerk.isEmpty() ? QVariantList() : QVariantList {clerk});
    if (!rows)
        return failWith(rows.error());
    QList<DraftSummary> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(summaryFrom(*rows));
    if (!row)
        return failWith(row.error());
    return list;
}

Result<std::optional<qint64>> DraftStore::findByCase(const QString &caseNumber) const
{
    Result<QVariant> id = m_store.database().scalar(
        QStringLiteral("SELECT id FROM intake_drafts WHERE case_number = ? ORDER BY id DESC LIMIT 1"),
        {caseNumber});
    if (!id)
        return failWith(id.error());
    if (id->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(id->toLongLong());
}

Result<QStringList> DraftStore::discard(qint64 id)
{
    const storage::Database &db = m_store.database();
    Result<Draft> draft = load(id);
    if (!draft)
        return failWith(draft.error());
    storage::Transaction transaction(db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> removed = db.run(QStringLiteral("DELETE FROM intake_drafts WHERE id = ?"), {id});
    if (!removed)
        return failWith(removed.error());
    // The rows go first: a crash between the commit and the removal of the files leaves orphans
    // that check() reports, never a draft citing a file that is gone.
    QStringList unused;
    for (const QString &sha256 : std::as_const(draft->scans)) {
        Result<QVariant> cited
            = db.scalar(QStringLiteral("SELECT (SELECT count(*) FROM case_attachments WHERE sha256 = ?)"
                                       " + (SELECT count(*) FROM draft_attachments WHERE sha256 = ?)"),
                {sha256, sha256});
        if (!cited)
            return failWith(cited.error());
        if (cited->toInt() == 0)
            unused.append(sha256);
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    QStringList gone;
    for (const QString &sha256 : std::as_const(unused)) {
        const QString path = m_store.attachments().pathFor(sha256);
        // A scan already gone (check() reports it as missing) is no reason to keep the draft's
        // other scans.
        if (!QFile::exists(path))
            continue;
        if (!QFile::remove(path))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::cases", "The scan %1 could not be removed.")
                    .arg(QDir::toNativeSeparators(path)));
        gone.append(sha256);
    }
    return gone;
}

Result<void> DraftStore::settle(qint64 id)
{
    const storage::Database &db = m_store.database();
    storage::Transaction transaction(db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    Result<storage::Rows> removed = db.run(QStringLiteral("DELETE FROM intake_drafts WHERE id = ?"), {id});
    if (!removed)
        return failWith(removed.error());
    return transaction.commit();
}

Result<QStringList> DraftStore::citedScans() const
{
    Result<storage::Rows> rows = m_store.database().run(QStringLiteral(
        "SELECT sha256 FROM case_attachments UNION SELECT sha256 FROM draft_attachments ORDER BY 1"));
    if (!rows)
        return failWith(rows.error());
    QStringList cited;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        cited.append(rows->value(0).toString());
    if (!row)
        return failWith(row.error());
    return cited;
}

Result<StoreCheck> DraftStore::check() const
{
    Result<QStringList> cited = citedScans();
    if (!cited)
        return failWith(cited.error());
    const QSet<QString> citedSet(cited->cbegin(), cited->cend());
    StoreCheck result;
    QSet<QString> present;
    QDirIterator files(m_store.attachments().root(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString name = QFileInfo(files.next()).fileName();
        if (!AttachmentStore::isHash(name))
            continue; // a temporary file of a write under way
        present.insert(name);
        if (!citedSet.contains(name))
            result.orphanScans.append(name);
    }
    for (const QString &sha256 : std::as_const(*cited))
        if (!present.contains(sha256))
            result.missingScans.append(sha256);
    result.orphanScans.sort();
    return result;
}

} // namespace ow::cases
