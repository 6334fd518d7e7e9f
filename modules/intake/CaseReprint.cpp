#include "intake/CaseReprint.h"

#include "documents/CaseDocuments.h"
#include "documents/SupplementReceipt.h"
#include "intake/IntakeDecision.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace ow::intake {

using documents::DocumentKind;

namespace {

/// The counter's decision, the latest one (a correction notice may be followed by an acceptance of
/// the same case after it was corrected).
const cases::CaseEvent *decisionOf(const QList<cases::CaseEvent> &events)
{
    for (qsizetype i = events.size() - 1; i >= 0; --i)
        if (IntakeDecision::isCounterDecision(events.at(i).kind))
            return &events.at(i);
    return nullptr;
}

bool hasSupplement(const cases::Case &c)
{
    return std::any_of(
        c.materialChecks.cbegin(), c.materialChecks.cend(), [](const cases::MaterialCheck &check) {
            return check.status == cases::MaterialCheck::Status::Supplemented;
        });
}

} // namespace

QList<DocumentKind> CaseReprint::available(const cases::Case &c, const QList<cases::CaseEvent> &events)
{
    QList<DocumentKind> kinds;
    if (!c.checklist.isEmpty())
        kinds.append(DocumentKind::Checklist);
    if (const cases::CaseEvent *decision = decisionOf(events)) {
        IntakeDecision decided;
        decided.kind = decision->kind;
        kinds.append(decided.documentKind());
    }
    if (hasSupplement(c))
        kinds.append(DocumentKind::SupplementReceipt);
    return kinds;
}

Result<documents::Document> CaseReprint::make(DocumentKind kind, const cases::Case &c,
    const QList<cases::CaseEvent> &events, const IntakeEnvironment &environment,
    const catalogue::Catalogue *catalogue)
{
    if (!available(c, events).contains(kind))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "The case %1 was never given this document; it cannot be reprinted.")
                .arg(c.number));
    const QString counter = environment.store ? environment.store->workstation().counter : QString();
    const documents::DocumentContext context(
        environment.settings, environment.clock.nowLocal(), environment.clerkName, counter);
    const cases::CaseEvent *decision = decisionOf(events);
    const documents::DecisionDetails details
        = documents::DecisionDetails::fromPayload(decision ? decision->payload : QJsonObject());
    Result<documents::Document> document
        = documents::CaseDocuments::make(kind, c, details, context, catalogue);
    if (!document)
        return document;
    documents::markReprint(*document, context);
    return document;
}

Result<void> CaseReprint::recordOutput(const IntakeEnvironment &environment, const QString &caseNumber,
    const documents::Document &document, IntakeSession::Output output, bool reprint)
{
    if (!environment.canStoreCases())
        return {};
    QJsonObject detail {{QStringLiteral("document"), documents::keyword(document.kind)}};
    if (reprint)
        detail.insert(QStringLiteral("reprint"), true);
    cases::AuditEntry entry;
    entry.clerk = environment.clerkId;
    entry.counter = environment.store->workstation().counter;
    entry.action = IntakeSession::auditAction(output);
    entry.target = caseNumber;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    Result<cases::AuditEntry> recorded = environment.store->auditLog().record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

} // namespace ow::intake
