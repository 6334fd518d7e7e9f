#pragma once

#include "catalogue/SituationEngine.h"

#include <QAbstractListModel>
#include <QHash>

namespace ow::ui {

/// The checklist as list rows: a heading for the basic materials, their lines, a heading for the
/// situation materials, their lines. Lines are numbered 1…n across both groups.
class ChecklistModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< RowKind
        NumberRole, ///< 1-based line number (lines only)
        MaterialIdRole,
        BasicRole, ///< the line is a basic material (every situation)
        ReasonsRole, ///< QStringList of Reason::toString() for the answers requiring it
        ChipsRole, ///< QStringList: form, copies, medium
        DataSharedRole,
        WaivableRole,
        NotesRole, ///< QStringList
        CountRole, ///< headings: how many lines follow
        MattersRole, ///< QStringList: names of the matters using the line, when several
    };
    enum class RowKind
    {
        Heading,
        Line
    };

    explicit ChecklistModel(QObject *parent = nullptr);

    void setChecklist(const catalogue::Checklist &checklist);
    /// Names to show for matter codes, for bundles, whose lines say which matters use them.
    void setMatterNames(const QHash<QString, QString> &names) { m_matterNames = names; }
    /// The line at a row, or null for a heading.
    const catalogue::ChecklistLine *line(int row) const;
    int rowOf(const QString &materialId) const;
    /// Material ids in the order shown.
    QStringList materialIds() const;
    int lineCount() const { return int(m_lines.size()); }
    int basicCount() const { return m_basicCount; }
    int dataSharedCount() const;
    int waivableCount() const;

    static bool isBasic(const catalogue::ChecklistLine &line);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        RowKind kind = RowKind::Line;
        int line = -1; ///< index into m_lines
        int number = 0;
        QString heading;
        int count = 0;
    };

    QList<catalogue::ChecklistLine> m_lines; ///< basic first, then situation lines, each in catalogue order
    QList<Row> m_rows;
    int m_basicCount = 0;
    QHash<QString, QString> m_matterNames;
};

} // namespace ow::ui
