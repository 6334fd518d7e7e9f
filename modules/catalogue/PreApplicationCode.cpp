#include "catalogue/PreApplicationCode.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace ow::catalogue {

namespace {

/// Longer input is refused before it is looked at: a scanner log or a pasted page is no code.
constexpr qsizetype kMaxTextLength = 64;

} // namespace

bool PreApplicationCode::isQrText(QStringView text)
{
    return text.trimmed().startsWith(kQrPrefix, Qt::CaseInsensitive);
}

bool PreApplicationCode::isValidCode(QStringView code)
{
    if (code.size() != kLength || !code.startsWith(kCodePrefix))
        return false;
    for (const QChar c : code.mid(kCodePrefix.size()))
        if (c.unicode() > 0x7f || !kAlphabet.contains(c))
            return false;
    return true;
}

Result<PreApplicationCode> PreApplicationCode::parse(QStringView text)
{
    text = text.trimmed();
    if (text.size() > kMaxTextLength)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::catalogue", "a pre-application code is not longer than %1 characters")
                .arg(kMaxTextLength));
    if (isQrText(text))
        text = text.mid(kQrPrefix.size());
    // Typed codes come in lower case as often as not; the alphabet has no letter whose case matters.
    const QString upper = text.toString().toUpper();
    if (!isValidCode(upper))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::catalogue", "this is not a pre-application code: %1")
                .arg(InputExcerpt::excerpt(text)));
    return PreApplicationCode {upper};
}

PreApplicationCode PreApplicationCode::generate()
{
    QString code = kCodePrefix;
    QRandomGenerator *random = QRandomGenerator::system();
    for (qsizetype i = 0; i < kRandomLength; ++i)
        code += kAlphabet.at(qsizetype(random->bounded(quint32(kAlphabet.size()))));
    return PreApplicationCode {code};
}

QString PreApplicationCode::toText() const
{
    return kQrPrefix + code;
}

} // namespace ow::catalogue
