#include "ui/ChecklistModel.h"

namespace ow::ui {

using namespace ow::catalogue;

ChecklistModel::ChecklistModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

bool ChecklistModel::isBasic(const ChecklistLine &line)
{
    for (const Reason &reason : line.reasons)
        if (reason.questionId.isEmpty())
            return true;
    return line.reasons.isEmpty();
}

void ChecklistModel::setChecklist(const Checklist &checklist)
{
    beginResetModel();
    m_lines.clear();
    m_rows.clear();
    QList<ChecklistLine> situational;
    for (const ChecklistLine &line : checklist.lines)
        (isBasic(line) ? m_lines : situational).append(line);
    m_basicCount = int(m_lines.size());
    m_lines.append(situational);

    auto addGroup = [this](const QString &heading, int first, int count) {
        if (count == 0)
            return;
        m_rows.append(Row {RowKind::Heading, -1, 0, heading, count});
        for (int i = first; i < first + count; ++i)
            m_rows.append(Row {RowKind::Line, i, i + 1, {}, 0});
    };
    addGroup(tr("Basic materials, needed in every situation"), 0, m_basicCount);
    addGroup(tr("Materials for this situation"), m_basicCount, int(m_lines.size()) - m_basicCount);
    endResetModel();
}

const ChecklistLine *ChecklistModel::line(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).kind != RowKind::Line)
        return nullptr;
    return &m_lines.at(m_rows.at(row).line);
}

int ChecklistModel::rowOf(const QString &materialId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).kind == RowKind::Line && m_lines.at(m_rows.at(row).line).materialId == materialId)
            return int(row);
    return -1;
}

QStringList ChecklistModel::materialIds() const
{
    QStringList ids;
    for (const ChecklistLine &line : m_lines)
        ids.append(line.materialId);
    return ids;
}

int ChecklistModel::dataSharedCount() const
{
    return int(
        std::count_if(m_lines.begin(), m_lines.end(), [](const ChecklistLine &l) { return l.dataShared; }));
}

int ChecklistModel::waivableCount() const
{
    return int(
        std::count_if(m_lines.begin(), m_lines.end(), [](const ChecklistLine &l) { return l.waivable; }));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Headings are disabled so the keyboard cursor steps over them.
    return m_rows.at(index.row()).kind == RowKind::Line ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                                        : Qt::NoItemFlags;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == KindRole)
        return QVariant::fromValue(int(row.kind));
    if (row.kind == RowKind::Heading) {
        if (role == Qt::DisplayRole)
            return row.heading;
        if (role == CountRole)
            return row.count;
        return {};
    }
    const ChecklistLine &line = m_lines.at(row.line);
    switch (role) {
    case Qt::DisplayRole:
        return line.name;
    case Qt::ToolTipRole:
        return line.material ? line.material->description : QString();
    case NumberRole:
        return row.number;
    case MaterialIdRole:
        return line.materialId;
    case BasicRole:
        return isBasic(line);
    case ReasonsRole: {
        // A basic line sits under the basic heading, which already says why; list only the answers.
        QStringList reasons;
        for (const Reason &reason : line.reasons)
            if (!reason.questionId.isEmpty())
                reasons.append(reason.toString());
        reasons.removeDuplicates();
        return reasons;
    }
    case ChipsRole:
        // A data-shared material has nothing to hand in: its form and copies would read as paper
        // to bring (the delegate's data-sharing chip says what happens instead).
        if (line.dataShared)
            return QStringList();
        return QStringList {
            displayName(line.form), tr("copies: %1").arg(line.copies), displayName(line.medium)};
    case DataSharedRole:
        return line.dataShared;
    case WaivableRole:
        return line.waivable;
    case NotesRole:
        return line.notes;
    case MattersRole: {
        if (line.matterCodes.size() < 2)
            return QStringList();
        QStringList names;
        for (const QString &code : line.matterCodes)
            names.append(m_matterNames.value(code, code));
        return names;
    }
    default:
        return {};
    }
}

} // namespace ow::ui
