// libFuzzer target for the QR payloads a counter reads at pickup: the scanner's text is taken for a
// case link ".../s/<token>" or a case number. Any text must give a well-formed token or nothing.

#include "cases/CaseNumber.h"
#include "cases/PickupDesk.h"
#include "cases/QrToken.h"

#include <QString>
#include <QUrl>
#include <cstdint>
#include <cstdlib>

using namespace ow::cases;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    if (const std::optional<QString> token = PickupDesk::tokenFromLink(text))
        if (!QrToken::isWellFormed(*token) || token->size() != QrToken::kLength)
            std::abort();

    const ow::Result<QString> fromLink
        = QrToken::fromLink(QUrl(QStringLiteral("https://hall.example.gov.cn/s")), QUrl(text));
    if (fromLink && !QrToken::isWellFormed(*fromLink))
        std::abort();

    const ow::Result<CaseNumber> number = CaseNumber::parse(text.trimmed());
    if (number && number->toString().size() != CaseNumber::kLength)
        std::abort();
    return 0;
}
