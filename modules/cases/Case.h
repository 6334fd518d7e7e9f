#pragma once

#include "cases/Applicant.h"
#include "cases/CaseState.h"
#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::cases {

/// A review point the clerk found not met on a material, with the reason told to the applicant.
struct FailedPoint
{
    QString pointId;
    QString reason;
    friend bool operator==(const FailedPoint &, const FailedPoint &) = default;
};

/// How a data-shared material (数据共享) came to the case: fetched from the data-sharing platform
/// (who issued it, when it was fetched, the platform's reference), or taken on paper because the
/// fetch failed, with the clerk's reason. Empty for every other material.
struct SharedFetch
{
    QString source; ///< the issuing authority or platform the answer named
    QDateTime fetchedAt; ///< UTC; invalid when not fetched
    QString reference; ///< the platform's reference of the answer
    QString paperReason; ///< why the paper was taken instead of the fetched document

    bool isFetched() const { return fetchedAt.isValid(); }
    bool isEmpty() const { return !isFetched() && paperReason.isEmpty(); }
    friend bool operator==(const SharedFetch &, const SharedFetch &) = default;
};

/// What happened to one checklist material at the counter.
struct MaterialCheck
{
    enum class Status
    {
        Pending, ///< not looked at yet
        Received, ///< handed in
        Missing, ///< not handed in (goes on the correction notice)
        Waived, ///< 容缺: accepted missing, to be supplied by supplementDeadline
        DataShared, ///< fetched by the hall through data sharing (数据共享)
        Supplemented, ///< a waived or requested material supplied later
    };

    QString materialId;
    Status status = Status::Pending;
    bool originalSeen = false; ///< the original was verified (核验原件)
    bool copyKept = false; ///< a copy was kept (收复印件)
    int copies = 0; ///< copies received
    QDate supplementDeadline; ///< Waived: the date it is due
    QStringList pointsTicked; ///< review point ids the clerk checked and found met
    QList<FailedPoint> failedPoints;
    QString note;
    SharedFetch shared; ///< data-shared materials: fetched, or taken on paper and why

    friend bool operator==(const MaterialCheck &, const MaterialCheck &) = default;
};

/// A scan or photo kept with a case; the bytes are in the AttachmentStore under `sha256`.
struct CaseAttachment
{
    QString sha256; ///< lower-case hex
    QString materialId; ///< empty: not tied to a material (e.g. a signed receipt)
    QString fileName; ///< as the scanner or the clerk named it
    QString mimeType;
    qint64 size = 0;
    QDateTime added; ///< UTC

    friend bool operator==(const CaseAttachment &, const CaseAttachment &) = default;
};

/// 办件: one application, from intake to pickup, with everything the counter recorded.
/// `state` is a cache of the state derived from the case's events; the store keeps it in step.
struct Case
{
    qint64 id = 0; ///< row id in the local store; 0 = not stored
    QString number; ///< 统一申报编码, see CaseNumber
    QString qrToken; ///< unguessable token the QR code links to, see QrToken

    QString matterCode;
    QString matterName;
    QString departmentId;
    QString departmentName;
    catalogue::MatterKind caseType = catalogue::MatterKind::Promised; ///< 审批类型: promised / immediate
    int promisedDays = 0; ///< 承诺时间 in working days
    int quantity = 1; ///< 申报数量

    QString catalogueId;
    QString catalogueVersion; ///< the catalogue version the checklist came from
    catalogue::Answers answers;
    QString situationKey; ///< "q=a;q2=b", as the engine names the situation
    QJsonArray checklist; ///< snapshot of the checklist lines, see CaseJson::checklistSnapshot

    Applicant applicant;
    QList<MaterialCheck> materialChecks;
    QList<CaseAttachment> attachments;

    QString firstHandler; ///< 首办责任人: the clerk who opened the case
    QString counter;
    QString hall; ///< hall code, the first part of the case number
    /// The queue ticket (取号) the applicant was called with, e.g. "A012"; empty for a walk-in
    /// taken without the queue. Ties the case, and its rating, to the hall's queue figures.
    QString ticket;

    QDate promisedDeadline; ///< last working day for the decision; null until accepted
    QString calendarVersion; ///< the holiday calendar version the deadline was computed with

    CaseState state = CaseState::Draft;
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC

    const MaterialCheck *findCheck(const QString &materialId) const;
    /// A material as people read it: its name in the checklist snapshot, the id only when the
    /// case holds no snapshot of it.
    QString materialName(const QString &materialId) const;

    friend bool operator==(const Case &, const Case &) = default;
};

QString keyword(MaterialCheck::Status status);
std::optional<MaterialCheck::Status> materialStatusFromKeyword(QStringView text);
QString displayName(MaterialCheck::Status status);

} // namespace ow::cases
