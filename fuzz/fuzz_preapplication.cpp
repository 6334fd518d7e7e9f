// libFuzzer target for what the online pre-application reads from outside: the code a counter
// scans or a clerk types (OWP1:YS…). A code that parses must be well formed and read back to itself.

#include "catalogue/PreApplicationCode.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace ow::catalogue;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ow::Result<PreApplicationCode> code = PreApplicationCode::parse(text);
    if (code) {
        if (!PreApplicationCode::isValidCode(code->code))
            std::abort();
        const ow::Result<PreApplicationCode> again = PreApplicationCode::parse(code->toText());
        if (!again || again->code != code->code)
            std::abort();
    }
    return 0;
}
