#include "intake/SupplementSession.h"

#include "cases/CaseLifecycle.h"
#include "documents/SupplementReceipt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <algorithm>
#include <utility>

namespace ow::intake {

using cases::AwaitedMaterial;
using cases::MaterialCheck;

namespace {

Failure refuse(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

/// A checklist line as the case's snapshot recorded it (the catalogue may have moved on since).
catalogue::ChecklistLine lineFor(const cases::Case &c, const AwaitedMaterial &awaited)
{
    catalogue::ChecklistLine line;
    line.materialId = awaited.materialId;
    line.name = awaited.name;
    for (const QJsonValue &value : c.checklist) {
        const QJsonObject object = value.toObject();
        if (object.value(QStringLiteral("material")).toString() != awaited.materialId)
            continue;
        line.name = object.value(QStringLiteral("name")).toString(awaited.name);
        line.copies = object.value(QStringLiteral("copies")).toInt(1);
        line.source = object.value(QStringLiteral("source")).toString();
        const QString form = object.value(QStringLiteral("form")).toString();
        for (int i = 0; i < int(std::size(catalogue::kMaterialFormKeywords)); ++i)
            if (form == catalogue::kMaterialFormKeywords[i])
                line.form = catalogue::MaterialForm(i);
        line.waivable = true; // it was waived or asked for: it stays open until handed in
        for (const QJsonValue &pointValue : object.value(QStringLiteral("reviewPoints")).toArray()) {
            const QJsonObject p = pointValue.toObject();
            catalogue::ReviewPoint point;
            point.id = p.value(QStringLiteral("id")).toString();
            point.kind = p.value(QStringLiteral("kind")).toString() == QStringLiteral("content")
                ? catalogue::ReviewKind::Content
                : catalogue::ReviewKind::Form;
            point.text = p.value(QStringLiteral("text")).toString();
            point.matterCode = p.value(QStringLiteral("matter")).toString();
            line.reviewPoints.append(point);
        }
    }
    return line;
}

} // namespace

SupplementSession::SupplementSession(
    IntakeEnvironment environment, cases::Case c, QList<cases::CaseEvent> events)
    : m_environment(std::move(environment))
    , m_case(std::move(c))
    , m_events(std::move(events))
{
    m_awaited = cases::Supplements::awaited(m_case, m_events);
    catalogue::Checklist checklist;
    QList<MaterialCheck> start;
    for (const AwaitedMaterial &a : std::as_const(m_awaited)) {
        checklist.lines.append(lineFor(m_case, a));
        MaterialCheck check;
        check.materialId = a.materialId;
        check.status = a.source == AwaitedMaterial::Source::Waiver ? MaterialCheck::Status::Waived
                                                                   : MaterialCheck::Status::Missing;
        check.supplementDeadline = a.source == AwaitedMaterial::Source::Waiver ? a.deadline : QDate();
        start.append(check);
    }
    m_checks.setChecklist(checklist, start);
}

Result<std::unique_ptr<SupplementSession>> SupplementSession::open(
    const IntakeEnvironment &environment, const QString &caseNumber)
{
    if (!environment.canStoreCases())
        return refuse(QCoreApplication::translate("ow::intake",
            "This workstation has no case store or no logged-in clerk: cases cannot be saved here."));
    Result<cases::Case> c = environment.store->findByNumber(caseNumber);
    if (!c)
        return failWith(c.error());
    Result<QList<cases::CaseEvent>> events = environment.store->events(caseNumber);
    if (!events)
        return failWith(events.error());
    Result<cases::CaseState> allowed
        = cases::CaseLifecycle::apply(c->state, cases::EventKind::SupplementReceived);
    if (!allowed)
        return failWith(allowed.error());
    std::unique_ptr<SupplementSession> session(new SupplementSession(environment, *c, *events));
    if (session->m_awaited.isEmpty())
        return refuse(
            QCoreApplication::translate("ow::intake", "The case %1 awaits no material.").arg(caseNumber));
    return session;
}

Result<QList<cases::CaseAttachment>> SupplementSession::importFiles(
    const QString &materialId, const QStringList &paths)
{
    const QMimeDatabase mimes;
    QList<cases::CaseAttachment> added;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        Result<QString> sha256 = m_environment.store->attachments().putFile(path);
        if (!sha256)
            return failWith(sha256.error());
        cases::CaseAttachment attachment;
        attachment.sha256 = *sha256;
        attachment.materialId = materialId;
        attachment.fileName = info.fileName();
        attachment.mimeType = mimes.mimeTypeForFile(info).name();
        attachment.size = info.size();
        attachment.added = m_environment.clock.nowUtc();
        m_scans.append(attachment);
        added.append(attachment);
    }
    return added;
}

Result<QList<cases::CaseAttachment>> SupplementSession::importScans(
    const QString &materialId, const QList<QByteArray> &jpegPages)
{
    const QTemporaryDir folder;
    if (!folder.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::intake", "The scanned pages could not be written: %1")
                .arg(folder.errorString()));
    QStringList paths;
    for (qsizetype i = 0; i < jpegPages.size(); ++i) {
        const QString path = QDir(folder.path()).filePath(QStringLiteral("supplement-%1.jpg").arg(i + 1));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(jpegPages.at(i)) != jpegPages.at(i).size())
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::intake", "The scanned pages could not be written: %1")
                    .arg(file.errorString()));
        paths.append(path);
    }
    return importFiles(materialId, paths);
}

QList<cases::HandedIn> SupplementSession::handedIn() const
{
    QList<cases::HandedIn> list;
    for (int i = 0; i < m_checks.size(); ++i) {
        const MaterialCheck &check = m_checks.check(i);
        if (check.status != MaterialCheck::Status::Received
            && check.status != MaterialCheck::Status::Supplemented)
            continue;
        cases::HandedIn h {check.materialId, m_checks.line(i).name, {}};
        for (const cases::CaseAttachment &a : m_scans)
            if (a.materialId == check.materialId)
                h.scans.append(a.sha256);
        list.append(h);
    }
    return list;
}

Result<void> SupplementSession::check() const
{
    for (int i = 0; i < m_checks.size(); ++i)
        if (!m_checks.check(i).failedPoints.isEmpty())
            return refuse(QCoreApplication::translate(
                "ow::intake", "%1 fails a review point: hand it back with the reason instead of taking it.")
                              .arg(m_checks.line(i).name));
    if (handedIn().isEmpty())
        return refuse(QCoreApplication::translate(
            "ow::intake", "Nothing is marked as handed in: mark what the applicant brought as received."));
    return {};
}

Result<documents::Document> SupplementSession::record()
{
    Result<void> ready = check();
    if (!ready)
        return failWith(ready.error());
    const QList<cases::HandedIn> handed = handedIn();
    cases::Case updated = m_case;
    for (const cases::HandedIn &h : handed) {
        const int index = m_checks.indexOf(h.materialId);
        MaterialCheck check = m_checks.check(index);
        check.status = MaterialCheck::Status::Supplemented;
        check.supplementDeadline = QDate();
        const auto same = std::find_if(updated.materialChecks.begin(), updated.materialChecks.end(),
            [&](const MaterialCheck &c) { return c.materialId == h.materialId; });
        if (same != updated.materialChecks.end())
            *same = check;
        else
            updated.materialChecks.append(check); // asked for by the department, not on the checklist
    }
    updated.attachments += m_scans;
    cases::CaseEvent event;
    event.kind = cases::Supplements::kindFor(m_case.state, m_awaited, handed);
    event.clerk = m_environment.clerkId;
    event.time = m_environment.clock.nowUtc(); // the day the clock resumes is the day it was handed in
    event.payload = cases::Supplements::payload(m_awaited, handed);
    Result<cases::CaseEvent> stored = m_environment.store->save(updated, event);
    if (!stored)
        return failWith(stored.error());
    m_recorded = *stored;
    Result<cases::Case> reread = m_environment.store->findByNumber(m_case.number);
    if (!reread)
        return failWith(reread.error());
    m_case = *reread;
    m_events.append(*stored);
    const QString counter = m_environment.store->workstation().counter;
    const documents::DocumentContext context(
        m_environment.settings, m_environment.clock.nowLocal(), m_environment.clerkName, counter);
    QList<AwaitedMaterial> outstanding = cases::Supplements::awaited(m_case, m_events);
    m_awaited = outstanding;
    m_scans.clear();
    return documents::SupplementReceipt::make(m_case, handed, outstanding, context);
}

Result<void> SupplementSession::abandon()
{
    const QList<cases::CaseAttachment> scans = std::exchange(m_scans, {});
    for (const cases::CaseAttachment &scan : scans) {
        Result<QVariant> cited = m_environment.store->database().scalar(
            QStringLiteral("SELECT (SELECT count(*) FROM case_attachments WHERE sha256 = ?)"
                           " + (SELECT count(*) FROM draft_attachments WHERE sha256 = ?)"),
            {scan.sha256, scan.sha256});
        if (!cited)
            return failWith(cited.error());
        const QString path = m_environment.store->attachments().pathFor(scan.sha256);
        if (cited->toInt() == 0 && QFile::exists(path) && !QFile::remove(path))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::intake", "The scan %1 could not be removed.")
                    .arg(QDir::toNativeSeparators(path)));
    }
    return {};
}

} // namespace ow::intake
