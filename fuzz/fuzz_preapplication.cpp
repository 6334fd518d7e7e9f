// libFuzzer target for what the online pre-application reads from outside: the applicant's forms
// (application/x-www-form-urlencoded: the SMS forms, the registration fields) and the code a counter
// scans or a clerk types (OWP1:YS…). Any input must give bounded fields; an applicant read from a form
// must validate without crashing; a code that parses must be well formed and read back to itself.

#include "catalogue/PreApplicationCode.h"
#include "server/PreApplicationForm.h"
#include "server/PreApplicationRepository.h"
#include "server/PreApplicationVerification.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace ow::catalogue;
using namespace ow::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    if (const std::optional<PreApplicationForm> form = PreApplicationForm::parse(bytes)) {
        const QStringList answers = form->values(QStringLiteral("a"));
        if (answers.size() > PreApplicationForm::kMaxFields)
            std::abort();
        for (const QString &answer : answers)
            if (answer.size() > PreApplicationForm::kMaxValueLength)
                std::abort();
        QString problem;
        if (const std::optional<ow::cases::Applicant> applicant
            = PreApplicationForm::applicant(*form, &problem)) {
            if (applicant->name.size() > PreApplicationForm::kMaxTextLength)
                std::abort();
            (void)applicant->validate();
        } else if (problem.isEmpty()) {
            std::abort();
        }
        (void)PreApplicationVerification::isWellFormedCode(form->value(QStringLiteral("sms")));
    }
    // What an upload's first bytes are taken for.
    for (const char *mime : {"application/pdf", "image/jpeg", "image/png"})
        (void)PreApplicationRepository::looksLike(bytes.toByteArray().left(16), QString::fromLatin1(mime));

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
