#include "sync/ResultDocumentFetch.h"

#include "sync/SyncProtocol.h"

#include <QCoreApplication>

namespace ow::sync {

using namespace ow::cases;

namespace {

/// A PDF starts with "%PDF-"; readers allow some bytes before it, so the first kilobyte is searched.
bool looksLikePdf(const QByteArray &bytes)
{
    return QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 1024)).indexOf("%PDF-") >= 0;
}

} // namespace

Result<void> ResultDocumentFetch::check(const ResultDocument &document, const QByteArray &bytes)
{
    if (bytes.size() != document.size)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The server sent %1 bytes; the department announced %2.")
                .arg(bytes.size())
                .arg(document.size));
    if (AttachmentStore::hashOf(bytes) != document.sha256)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::sync", "The file the server sent does not match the SHA-256 the department announced."));
    if (!looksLikePdf(bytes))
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::sync", "The file is not a PDF document."));
    return {};
}

Result<ResultDocumentFetch::Report> ResultDocumentFetch::run()
{
    const ResultDocuments documents(m_store.database());
    Result<QList<ResultDocument>> due = documents.toFetch(kBatch);
    if (!due)
        return failWith(due.error());
    Report report;
    for (const ResultDocument &document : std::as_const(*due)) {
        Result<void> done = fetch(document, report);
        if (!done)
            return failWith(done.error());
    }
    Result<ResultDocumentCounts> counts = documents.counts();
    if (!counts)
        return failWith(counts.error());
    report.waiting = int(counts->waiting + counts->failed);
    return report;
}

Result<void> ResultDocumentFetch::fetch(const ResultDocument &document, Report &report)
{
    const ResultDocuments documents(m_store.database());
    const AttachmentStore &files = m_store.attachments();
    // Stored by an earlier run that stopped before marking it (or the same file of another case).
    if (files.contains(document.sha256) && files.verify(document.sha256)) {
        ++report.fetched;
        return documents.markFetched(document, m_client.clock().nowUtc());
    }
    if (document.size <= 0 || document.size > ResultDocuments::kMaxSize)
        return {}; // announced with an impossible size: nothing can match it (the reason is kept)
    Result<QByteArray> bytes
        = m_client.download(protocol::kAttachments + u'/' + document.sha256, nullptr, document.size);
    if (!bytes) {
        const HttpFailure &failure = m_client.lastFailure();
        if (failure.retryable()) {
            // The server went away or failed: the round stops here and the worker backs off.
            Result<void> noted = documents.markWaiting(document, bytes.error().message());
            if (!noted)
                return noted;
            return failWith(bytes.error());
        }
        if (failure.status == 404) {
            // The event came before the bytes did (or before the hall became a holder).
            return documents.markWaiting(document,
                QCoreApplication::translate("ow::sync", "The server does not hold the document yet."));
        }
        ++report.failed;
        return documents.markFailed(document, bytes.error().message());
    }
    if (Result<void> checked = check(document, *bytes); !checked) {
        ++report.failed;
        return documents.markFailed(document, checked.error().message());
    }
    // Through a temporary file and a rename: never half a document under its name.
    Result<QString> stored = files.put(*bytes);
    if (!stored)
        return failWith(stored.error());
    ++report.fetched;
    return documents.markFetched(document, m_client.clock().nowUtc());
}

} // namespace ow::sync
