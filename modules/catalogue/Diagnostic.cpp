#include "catalogue/Diagnostic.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow::catalogue {

QString Diagnostic::toString() const
{
    const QString level = severity == Severity::Error
        ? QCoreApplication::translate("ow::catalogue", "error")
        : QCoreApplication::translate("ow::catalogue", "warning");
    QString text;
    if (where.isValid())
        text = where.toString() + QStringLiteral(": ");
    text += level + QStringLiteral(": ") + InputExcerpt::bounded(message, kMaxMessageLength);
    if (!rule.isEmpty())
        text += QStringLiteral(" [") + rule + QLatin1Char(']');
    return text;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace ow::catalogue
