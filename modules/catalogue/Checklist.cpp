#include "catalogue/Checklist.h"

#include <QCoreApplication>

namespace ow::catalogue {

QString Reason::toString() const
{
    if (questionId.isEmpty())
        return QCoreApplication::translate("ow::catalogue", "basic material (every situation)");
    return QCoreApplication::translate("ow::catalogue", "%1: %2").arg(questionText, answerText);
}

const ChecklistLine *Checklist::find(const QString &materialId) const
{
    for (const ChecklistLine &line : lines)
        if (line.materialId == materialId)
            return &line;
    return nullptr;
}

QStringList Checklist::materialIds() const
{
    QStringList ids;
    ids.reserve(lines.size());
    for (const ChecklistLine &line : lines)
        ids.append(line.materialId);
    return ids;
}

} // namespace ow::catalogue
