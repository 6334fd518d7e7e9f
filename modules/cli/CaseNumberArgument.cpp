#include "cli/CaseNumberArgument.h"

#include "cli/Console.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ow::cli {

Result<cases::CaseNumber> parseCaseNumberArgument(const QStringList &parts)
{
    const QString joined = parts.join(u' ');
    Result<cases::CaseNumber> number = cases::CaseNumber::parse(joined);
    if (number)
        return number;
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::cli",
            "“%1” is not a case number as printed on the receipt "
            "(23 letters and digits, e.g. 33030201-20260315-010001-7).")
            .arg(Console::quote(joined)));
}

QString caseNumberFilterText(const QString &text)
{
    // Only groups as a receipt prints a number or the start of one — the 8-character hall code
    // first, then the date, the sequence, the check character — and not a matter code (330302-SC-001):
    // "33030201-20260315" finds every case of that hall and day.
    static const QRegularExpression printed(
        QStringLiteral("^\\s*[0-9]{6}[0-9A-Za-z]{2}([-\\s]+[0-9A-Za-z]+)+\\s*$"));
    if (!printed.match(text).hasMatch())
        return text;
    QString compact;
    for (const QChar c : text)
        if (c != u'-' && !c.isSpace())
            compact.append(c.toUpper());
    return compact;
}

} // namespace ow::cli
