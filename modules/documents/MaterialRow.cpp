#include "documents/MaterialRow.h"

#include <QJsonObject>

namespace ow::documents {

namespace {

template<typename Enum, std::size_t N>
Enum fromKeyword(const QString &text, const QLatin1StringView (&names)[N], Enum fallback)
{
    for (std::size_t i = 0; i < N; ++i)
        if (text == names[i])
            return static_cast<Enum>(i);
    return fallback;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

} // namespace

QString MaterialRow::pointText(const QString &pointId) const
{
    for (const Point &point : reviewPoints)
        if (point.id == pointId)
            return point.text;
    return pointId;
}

QList<MaterialRow> MaterialRow::fromChecklist(const catalogue::Checklist &checklist)
{
    QList<MaterialRow> rows;
    for (const catalogue::ChecklistLine &line : checklist.lines) {
        MaterialRow row {line.materialId, line.name, line.source, line.form, line.copies, line.medium,
            line.dataShared, line.waivable, line.notes, {}, line.matterNames};
        for (const catalogue::ReviewPoint &point : line.reviewPoints)
            row.reviewPoints.append(Point {point.id, point.text});
        rows.append(row);
    }
    return rows;
}

QList<MaterialRow> MaterialRow::fromSnapshot(const QJsonArray &snapshot)
{
    QList<MaterialRow> rows;
    for (const QJsonValue &value : snapshot) {
        const QJsonObject line = value.toObject();
        MaterialRow row;
        row.materialId = line.value(QStringLiteral("material")).toString();
        row.name = line.value(QStringLiteral("name")).toString();
        row.source = line.value(QStringLiteral("source")).toString();
        row.form = fromKeyword(line.value(QStringLiteral("form")).toString(),
            catalogue::kMaterialFormKeywords, catalogue::MaterialForm::Original);
        row.copies = line.value(QStringLiteral("copies")).toInt(1);
        row.medium = fromKeyword(line.value(QStringLiteral("medium")).toString(), catalogue::kMediumKeywords,
            catalogue::Medium::Paper);
        row.dataShared = line.value(QStringLiteral("dataShared")).toBool();
        row.waivable = line.value(QStringLiteral("waivable")).toBool();
        row.notes = strings(line.value(QStringLiteral("notes")));
        row.matters = strings(line.value(QStringLiteral("matterNames")));
        const QJsonArray points = line.value(QStringLiteral("reviewPoints")).toArray();
        for (const QJsonValue &point : points)
            row.reviewPoints.append(Point {point.toObject().value(QStringLiteral("id")).toString(),
                point.toObject().value(QStringLiteral("text")).toString()});
        rows.append(row);
    }
    return rows;
}

const MaterialRow *MaterialRow::find(const QList<MaterialRow> &rows, const QString &materialId)
{
    for (const MaterialRow &row : rows)
        if (row.materialId == materialId)
            return &row;
    return nullptr;
}

bool MaterialRow::serveSeveralMatters(const QList<MaterialRow> &rows)
{
    QStringList matters;
    for (const MaterialRow &row : rows)
        for (const QString &matter : row.matters)
            if (!matters.contains(matter))
                matters.append(matter);
    return matters.size() > 1;
}

QStringList MaterialRow::servesLine(
    const MaterialRow *row, const QList<MaterialRow> &rows, const QString &wording)
{
    if (!row || row->matters.isEmpty() || !serveSeveralMatters(rows))
        return {};
    return {wording.arg(row->matters.join(QStringLiteral("、")))};
}

} // namespace ow::documents
