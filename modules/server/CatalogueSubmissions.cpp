#include "server/CatalogueSubmissions.h"

#include "cases/CaseJson.h"
#include "server/CatalogueSubmissionView.h"
#include "server/DepartmentLogChain.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QSet>

namespace ow::server {

using namespace Qt::StringLiterals;
using Status = CatalogueSubmissions::Step::Status;

namespace {

const QString kInReview = u"in-review"_s;
const QString kReturned = u"returned"_s;
const QString kReviewed = u"reviewed"_s;
const QString kWalked = u"walked"_s;
const QString kAccepted = u"accepted"_s;
const QString kPublished = u"published"_s;
const QString kWithdrawn = u"withdrawn"_s;

CatalogueSubmissions::Step refused(Status status, const QString &message)
{
    CatalogueSubmissions::Step step;
    step.status = status;
    step.message = message;
    return step;
}

} // namespace

CatalogueSubmissions::CatalogueSubmissions(
    const storage::Database &db, CatalogueRepository &catalogues, QString directory, Clock clock)
    : m_db(db)
    , m_catalogues(catalogues)
    , m_view(db)
    , m_directory(std::move(directory))
    , m_clock(std::move(clock))
{
}

bool CatalogueSubmissions::isReason(const QString &reason)
{
    return reason == u"立"_s || reason == u"改"_s || reason == u"废"_s || reason == u"释"_s;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::submit(
    const sync::CataloguePackage &package, const QByteArray &body, const Submission &submission)
{
    if (!isReason(submission.reason))
        return refused(Status::Invalid,
            QCoreApplication::translate("ow::server", "The reason must be one of 立, 改, 废 and 释."));
    if (submission.editor.trimmed().isEmpty())
        return refused(Status::Invalid,
            QCoreApplication::translate("ow::server", "The submission must name its editor."));
    if (!submission.effective.isValid() || submission.effective < m_catalogues.today())
        return refused(Status::Invalid,
            QCoreApplication::translate(
                "ow::server", "The effective day must be a date from today on (YYYY-MM-DD)."));
    if (submission.replaces != 0) {
        Result<QString> state = stateOf(submission.replaces);
        if (!state)
            return failWith(state.error());
        if (*state != kReturned)
            return refused(Status::Invalid,
                QCoreApplication::translate("ow::server",
                    "Submission %1 was not returned; only a returned submission is submitted again.")
                    .arg(submission.replaces));
    }
    Result<bool> published = m_catalogues.isPublished(package.version);
    if (!published)
        return failWith(published.error());
    Result<QVariant> pending = m_db.scalar(u"SELECT count(*) FROM catalogue_submissions WHERE version = ?"
                                           u" AND state NOT IN ('returned', 'published', 'withdrawn')"_s,
        {package.version});
    if (!pending)
        return failWith(pending.error());
    if (*published || pending->toInt() > 0)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server",
                "Version %1 is published or under review already; give the catalogue a new version.")
                .arg(package.version));

    CatalogueRepository::Outcome lint;
    catalogue::CataloguePtr after;
    QHash<QString, QString> afterFiles;
    Result<bool> good = m_catalogues.check(package, &lint, &after, &afterFiles);
    if (!good)
        return failWith(good.error());
    if (!*good) {
        Step step
            = refused(lint.status == CatalogueRepository::Outcome::Status::LintFailed ? Status::LintFailed
                                                                                      : Status::Invalid,
                lint.message);
        step.diagnostics = lint.diagnostics;
        return step;
    }
    Result<std::optional<QJsonObject>> current = m_catalogues.current();
    if (!current)
        return failWith(current.error());
    const QString base = *current ? (*current)->value(u"version"_s).toString() : QString();
    catalogue::CataloguePtr before;
    QHash<QString, QString> beforeFiles;
    if (!base.isEmpty()) {
        Result<catalogue::CataloguePtr> loaded = m_catalogues.load(base, &beforeFiles);
        if (!loaded)
            return failWith(loaded.error());
        before = *loaded;
    }
    const QList<ReviewItem> items = CatalogueReviewItems::compute(before, beforeFiles, after, afterFiles);
    if (items.isEmpty())
        return refused(Status::Invalid,
            QCoreApplication::translate(
                "ow::server", "Nothing differs from the current version %1: there is nothing to review.")
                .arg(base));

    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    QSet<QString> matters;
    for (const ReviewItem &item : items)
        if (!item.matter.isEmpty())
            matters.insert(item.matter);
    Result<QList<QVariantList>> locks = CatalogueSubmissionView::rows(
        m_db, u"SELECT matter, editor FROM catalogue_locks WHERE expires > ?"_s, {now});
    if (!locks)
        return failWith(locks.error());
    for (const QVariantList &lock : std::as_const(*locks))
        if (matters.contains(lock.at(0).toString()) && lock.at(1).toString() != submission.editor)
            return refused(Status::Conflict,
                QCoreApplication::translate("ow::server",
                    "Matter %1 is being edited by %2; it cannot be submitted by another editor until the "
                    "lock "
                    "is released.")
                    .arg(lock.at(0).toString(), lock.at(1).toString()));

    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> inserted = m_db.run(u"INSERT INTO catalogue_submissions (version, catalogue_id, "
                                              u"package_sha256, path, base_version, reason,"
                                              u" note, effective, editor, state, replaces, submitted, "
                                              u"updated) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                              u" RETURNING id"_s,
        {package.version, package.id, package.sha256(), base, submission.reason, submission.note,
            submission.effective.toString(Qt::ISODate), submission.editor, kInReview, submission.replaces,
            now, now});
    if (!inserted)
        return failWith(inserted.error());
    Result<bool> row = inserted->fetch();
    if (!row)
        return failWith(row.error());
    if (!*row)
        return fail(Error::Code::Internal, u"INSERT … RETURNING gave no id"_s);
    const qint64 id = inserted->value(0).toLongLong();
    m_db.finishStatements();
    int position = 0;
    for (const ReviewItem &item : items) {
        Result<storage::Rows> added = m_db.run(u"INSERT INTO catalogue_review_items (submission, item, kind, "
                                               u"change, title, matter, department, walk,"
                                               u" detail, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {id, item.id, keyword(item.kind), keyword(item.change), item.title, item.matter, item.department,
                item.walk ? 1 : 0, item.detail, position++});
        if (!added)
            return failWith(added.error());
    }
    // Submitting ends the editing: the editor's locks on the matters it touches are released.
    for (const QString &matter : std::as_const(matters)) {
        Result<storage::Rows> released = m_db.run(
            u"DELETE FROM catalogue_locks WHERE matter = ? AND editor = ?"_s, {matter, submission.editor});
        if (!released)
            return failWith(released.error());
    }
    const QString relative = u"submissions/%1.json"_s.arg(id);
    Result<storage::Rows> located
        = m_db.run(u"UPDATE catalogue_submissions SET path = ? WHERE id = ?"_s, {relative, id});
    if (!located)
        return failWith(located.error());
    if (!QDir().mkpath(m_directory + u"/submissions"_s))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The folder %1 could not be created.")
                .arg(m_directory + u"/submissions"_s));
    QSaveFile file(m_directory + u'/' + relative);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        return fail(Error::Code::Io, file.errorString());
    m_db.finishStatements();
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    step.body.insert(u"warnings"_s, QJsonArray::fromStringList(lint.warnings));
    return step;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::review(qint64 id, const QStringList &items,
    const QString &grade, const QString &comment, const QString &reviewer)
{
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    if (const Step *refusal = std::get_if<Step>(&*found))
        return *refusal;
    const Row &submission = std::get<Row>(*found);
    if (submission.state != kInReview)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server", "Submission %1 is %2, not in review.")
                .arg(id)
                .arg(submission.state));
    if (grade != u"高"_s && grade != u"中"_s && grade != u"低"_s)
        return refused(
            Status::Invalid, QCoreApplication::translate("ow::server", "The grade must be 高, 中 or 低."));
    if (grade != u"高"_s && comment.trimmed().isEmpty())
        return refused(Status::Invalid,
            QCoreApplication::translate(
                "ow::server", "A grade of 中 or 低 needs a comment saying what to improve."));
    if (reviewer.trimmed().isEmpty())
        return refused(
            Status::Invalid, QCoreApplication::translate("ow::server", "The review must name its reviewer."));
    if (reviewer.trimmed() == submission.editor)
        return refused(Status::Invalid,
            QCoreApplication::translate("ow::server", "The editor of a version does not review it."));
    if (items.isEmpty())
        return refused(Status::Invalid, QCoreApplication::translate("ow::server", "Name the items graded."));
    Result<QList<QVariantList>> known = CatalogueSubmissionView::rows(
        m_db, u"SELECT item FROM catalogue_review_items WHERE submission = ?"_s, {id});
    if (!known)
        return failWith(known.error());
    QSet<QString> ids;
    for (const QVariantList &row : std::as_const(*known))
        ids.insert(row.at(0).toString());
    for (const QString &item : items)
        if (!ids.contains(item))
            return refused(Status::Invalid,
                QCoreApplication::translate("ow::server", "Submission %1 has no review item “%2”.")
                    .arg(id)
                    .arg(item));
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    for (const QString &item : items) {
        Result<storage::Rows> graded
            = m_db.run(u"UPDATE catalogue_review_items SET grade = ?, comment = ?,"
                       u" reviewer = ?, graded = ? WHERE submission = ? AND item = ?"_s,
                {grade, comment, reviewer.trimmed(), now, id, item});
        if (!graded)
            return failWith(graded.error());
        Result<storage::Rows> logged
            = m_db.run(u"INSERT INTO catalogue_reviews (submission, item, grade, comment,"
                       u" reviewer, time) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {id, item, grade, comment, reviewer.trimmed(), now});
        if (!logged)
            return failWith(logged.error());
    }
    done = advance(id);
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    return step;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::walk(qint64 id, const QString &situation,
    const Credential &workstation, const QString &clerk, const QString &objection, const QString &answers)
{
    const QString item = situation.startsWith(u"situation:"_s) || situation.startsWith(u"bundle-situation:"_s)
        ? situation
        : u"situation:"_s + situation;
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    if (const Step *refusal = std::get_if<Step>(&*found))
        return *refusal;
    const QString state = std::get<Row>(*found).state;
    if (clerk.trimmed().isEmpty())
        return refused(Status::Invalid,
            QCoreApplication::translate("ow::server", "The walk must name the clerk who did it."));
    Result<QVariant> walkable = m_db.scalar(
        u"SELECT count(*) FROM catalogue_review_items WHERE submission = ? AND item = ? AND walk = 1"_s,
        {id, item});
    if (!walkable)
        return failWith(walkable.error());
    if (walkable->toInt() == 0)
        return refused(Status::Invalid,
            QCoreApplication::translate("ow::server", "Submission %1 has no situation “%2” to walk.")
                .arg(id)
                .arg(situation));
    if (state != kReviewed)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server",
                "Submission %1 is %2: situations are walked once it is reviewed and until they are done.")
                .arg(id)
                .arg(state));
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> walked
        = m_db.run(u"INSERT INTO catalogue_walks (submission, item, hall, counter, workstation,"
                   u" clerk, objection, time, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {id, item, workstation.hall, workstation.counter, workstation.id, clerk.trimmed(),
                objection.trimmed(), cases::CaseJson::timeText(m_clock.nowUtc()), answers.trimmed()});
    if (!walked)
        return failWith(walked.error());
    done = objection.trimmed().isEmpty() ? advance(id) : setState(id, kReturned);
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    return step;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::signOff(
    qint64 id, const Credential &by, const QString &signer, const QString &objection)
{
    const QString &department = by.department;
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    if (const Step *refusal = std::get_if<Step>(&*found))
        return *refusal;
    const QString state = std::get<Row>(*found).state;
    Result<QStringList> concerned = m_view.departments(id);
    if (!concerned)
        return failWith(concerned.error());
    if (!concerned->contains(department))
        return refused(Status::Forbidden,
            QCoreApplication::translate("ow::server",
                "Submission %1 changes nothing of department %2; its sign-off is not asked for.")
                .arg(id)
                .arg(department));
    if (signer.trimmed().isEmpty())
        return refused(
            Status::Invalid, QCoreApplication::translate("ow::server", "The sign-off must name who signs."));
    if (state != kWalked)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server",
                "Submission %1 is %2: the back office signs off after every changed situation was walked.")
                .arg(id)
                .arg(state));
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    Result<storage::Rows> signedOff
        = m_db.run(u"INSERT INTO catalogue_signoffs (submission, department, signer,"
                   u" objection, time) VALUES (?, ?, ?, ?, ?)"_s,
            {id, department, signer.trimmed(), objection.trimmed(), now});
    if (!signedOff)
        return failWith(signedOff.error());
    // A catalogue serves every hall, so the row has none: each hall's supervisors see it.
    DepartmentAction action;
    action.time = now;
    action.department = department;
    action.keyId = by.id;
    action.action = DepartmentAction::kCatalogueSignOff;
    action.kind = objection.trimmed().isEmpty() ? u"signed-off"_s : u"objected"_s;
    action.subject = QString::number(id);
    action.clerk = signer.trimmed();
    action.detail = objection.trimmed();
    if (Result<DepartmentAction> logged = DepartmentLogChain(m_db).append(action); !logged)
        return failWith(logged.error());
    done = objection.trimmed().isEmpty() ? advance(id) : setState(id, kReturned);
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    return step;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::publish(
    qint64 id, const QString &by, std::optional<QDate> effective)
{
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    if (const Step *refusal = std::get_if<Step>(&*found))
        return *refusal;
    const Row row = std::get<Row>(*found);
    const QString &state = row.state;
    if (state != kAccepted)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server",
                "Submission %1 is %2: only an accepted version (every item 高, every changed situation "
                "walked "
                "at "
                "%3 counters, signed off) is published.")
                .arg(id)
                .arg(state)
                .arg(kCountersNeeded));
    const QDate today = m_catalogues.today();
    if (effective && (!effective->isValid() || *effective < today))
        return refused(Status::Invalid,
            QCoreApplication::translate(
                "ow::server", "The effective day must be a date from today on (YYYY-MM-DD)."));
    QFile file(m_directory + u'/' + row.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, file.errorString());
    const QByteArray body = file.readAll();
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromJson(body);
    if (!package)
        return failWith(package.error());
    Result<bool> taken = m_catalogues.isPublished(package->version);
    if (!taken)
        return failWith(taken.error());
    if (*taken)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server", "Version %1 was published meanwhile.")
                .arg(package->version));
    CatalogueRepository::Publication publication;
    publication.version = package->version;
    // A day that passed while the version was reviewed and walked: it takes effect today.
    publication.effective
        = effective ? *effective : std::max(QDate::fromString(row.effective, Qt::ISODate), today);
    publication.reason = row.reason;
    publication.note = row.note;
    publication.publishedBy = by;
    publication.submission = id;
    Result<void> done = m_catalogues.publishReviewed(*package, body, publication);
    if (!done)
        return failWith(done.error());
    storage::Transaction transaction(m_db);
    done = transaction.begin();
    if (!done)
        return failWith(done.error());
    done = setState(id, kPublished);
    if (!done)
        return failWith(done.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    return step;
}

Result<CatalogueSubmissions::Step> CatalogueSubmissions::withdraw(qint64 id, const QString &editor)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    if (const Step *refusal = std::get_if<Step>(&*found))
        return *refusal;
    const Row &submission = std::get<Row>(*found);
    const QString &state = submission.state;
    if (submission.editor != editor.trimmed())
        return refused(Status::Forbidden,
            QCoreApplication::translate("ow::server", "Only its editor %1 withdraws submission %2.")
                .arg(submission.editor)
                .arg(id));
    if (state == kPublished || state == kReturned || state == kWithdrawn)
        return refused(Status::Conflict,
            QCoreApplication::translate("ow::server", "Submission %1 is %2; it can no longer be withdrawn.")
                .arg(id)
                .arg(state));
    done = setState(id, kWithdrawn);
    if (!done)
        return failWith(done.error());
    // The editor's locks on its matters go with it, taken again or not since it was submitted.
    Result<storage::Rows> released = m_db.run(u"DELETE FROM catalogue_locks WHERE editor = ? AND matter IN"
                                              u" (SELECT matter FROM catalogue_review_items"
                                              u" WHERE submission = ? AND matter <> '')"_s,
        {editor.trimmed(), id});
    if (!released)
        return failWith(released.error());
    m_db.finishStatements();
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QJsonObject>> status = m_view.status(id);
    if (!status)
        return failWith(status.error());
    Step step;
    step.body = **status;
    return step;
}

Result<std::variant<CatalogueSubmissions::Row, CatalogueSubmissions::Step>>
CatalogueSubmissions::findSubmission(qint64 id) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        u"SELECT state, editor, path, effective, reason, note FROM catalogue_submissions WHERE id = ?"_s,
        {id});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::variant<Row, Step>(refused(Status::NotFound,
            QCoreApplication::translate("ow::server", "There is no submission %1.").arg(id)));
    const QVariantList &columns = **found;
    return std::variant<Row, Step>(
        Row {columns.at(0).toString(), columns.at(1).toString(), columns.at(2).toString(),
            columns.at(3).toString(), columns.at(4).toString(), columns.at(5).toString()});
}

Result<QString> CatalogueSubmissions::stateOf(qint64 id) const
{
    Result<std::variant<Row, Step>> found = findSubmission(id);
    if (!found)
        return failWith(found.error());
    const Row *row = std::get_if<Row>(&*found);
    return row ? row->state : QString();
}

Result<void> CatalogueSubmissions::setState(qint64 id, const QString &state)
{
    Result<storage::Rows> updated
        = m_db.run(u"UPDATE catalogue_submissions SET state = ?, updated = ? WHERE id = ?"_s,
            {state, cases::CaseJson::timeText(m_clock.nowUtc()), id});
    if (!updated)
        return failWith(updated.error());
    return {};
}

Result<void> CatalogueSubmissions::advance(qint64 id)
{
    Result<QString> state = stateOf(id);
    if (!state)
        return failWith(state.error());
    if (*state == kInReview) {
        Result<QList<QVariantList>> grades = CatalogueSubmissionView::rows(
            m_db, u"SELECT grade FROM catalogue_review_items WHERE submission = ?"_s, {id});
        if (!grades)
            return failWith(grades.error());
        bool allGraded = true;
        bool allHigh = true;
        for (const QVariantList &row : std::as_const(*grades)) {
            allGraded = allGraded && !row.at(0).toString().isEmpty();
            allHigh = allHigh && row.at(0).toString() == u"高"_s;
        }
        // Decided when the last item is graded, so the editor gets every comment at once.
        if (!allGraded)
            return {};
        if (!allHigh)
            return setState(id, kReturned);
        *state = kReviewed;
        Result<void> set = setState(id, kReviewed);
        if (!set)
            return set;
    }
    if (*state == kReviewed) {
        Result<QList<QVariantList>> walks = CatalogueSubmissionView::rows(m_db,
            u"SELECT i.item, w.hall, w.counter FROM catalogue_review_items i LEFT JOIN catalogue_walks w"
            u" ON w.submission = i.submission AND w.item = i.item AND w.objection = ''"
            u" WHERE i.submission = ? AND i.walk = 1"_s,
            {id});
        if (!walks)
            return failWith(walks.error());
        QHash<QString, QSet<QString>> counters;
        for (const QVariantList &row : std::as_const(*walks)) {
            QSet<QString> &set = counters[row.at(0).toString()];
            if (!row.at(1).isNull() && !row.at(1).toString().isEmpty())
                set.insert(CatalogueSubmissionView::counterOf(row.at(1).toString(), row.at(2).toString()));
        }
        for (const QSet<QString> &set : std::as_const(counters))
            if (set.size() < kCountersNeeded)
                return {};
        *state = kWalked;
        Result<void> set = setState(id, kWalked);
        if (!set)
            return set;
    }
    if (*state == kWalked) {
        Result<QStringList> concerned = m_view.departments(id);
        if (!concerned)
            return failWith(concerned.error());
        Result<QList<QVariantList>> signedOff = CatalogueSubmissionView::rows(m_db,
            u"SELECT DISTINCT department FROM catalogue_signoffs WHERE submission = ? AND objection = ''"_s,
            {id});
        if (!signedOff)
            return failWith(signedOff.error());
        QSet<QString> done;
        for (const QVariantList &row : std::as_const(*signedOff))
            done.insert(row.at(0).toString());
        for (const QString &department : std::as_const(*concerned))
            if (!done.contains(department))
                return {};
        return setState(id, kAccepted);
    }
    return {};
}

} // namespace ow::server
