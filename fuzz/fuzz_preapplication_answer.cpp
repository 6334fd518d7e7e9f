// libFuzzer target for what the counter reads from the hall's server about an online
// pre-application (GET /api/v1/preapplications/<code>): any bytes as its JSON answer. A
// pre-application read from it has its code, matter and state, and only scans with an id, a size
// and a SHA-256 of 64 hex digits.

#include "cases/AttachmentStore.h"
#include "sync/PreApplicationClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

using namespace ow::sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    const ow::Result<PreApplication> read = PreApplication::fromJson(object);
    if (!read)
        return 0;
    if (read->code.isEmpty() || read->matter.isEmpty() || read->state.isEmpty())
        std::abort();
    for (const PreApplicationScan &scan : read->scans)
        if (scan.id.isEmpty() || scan.size < 0 || !ow::cases::AttachmentStore::isHash(scan.sha256))
            std::abort();
    return 0;
}
