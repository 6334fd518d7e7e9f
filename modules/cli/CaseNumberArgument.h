#pragma once

#include "cases/CaseNumber.h"
#include "core/Result.h"

#include <QStringList>

namespace ow::cli {

/// A case number from the command line, written as it is printed on the receipt
/// (33030201-20260315-010001-7), without the dashes, or with spaces between the groups — quoted as
/// one argument or not quoted at all, so in several arguments that are joined here. The error
/// quotes the input as a short excerpt.
Result<cases::CaseNumber> parseCaseNumberArgument(const QStringList &parts);

/// A --text filter that is a case number or part of one as printed (in groups split by dashes or
/// spaces) becomes the number as stored, so it finds the case; any other text is returned unchanged.
QString caseNumberFilterText(const QString &text);

} // namespace ow::cli
