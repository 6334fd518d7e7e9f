#pragma once

#include <QString>
#include <QStringList>

namespace ow::authoring {

/// A node of an open catalogue: its file (relative to the catalogue folder) and the 1-based line of
/// its keyword. Lines move when lines above change, so a ref is good until the next edit of its file;
/// every edit says where its node is afterwards.
struct NodeRef
{
    QString file;
    int line = 0;

    bool isValid() const { return !file.isEmpty() && line > 0; }
    friend bool operator==(const NodeRef &, const NodeRef &) = default;
};

/// One change to one file: the lines from `first` (0-based) that were `removed`, and the lines put
/// there instead. Lines carry their own line ends, so applying and undoing give back the bytes.
struct Edit
{
    QString file;
    int first = 0;
    QStringList removed;
    QStringList inserted;
    NodeRef focus; ///< the node the edit is about, where it stands after the edit (invalid: none)
    NodeRef focusBefore; ///< the same node before the edit

    /// The edit that undoes this one.
    Edit inverse() const { return Edit {file, first, inserted, removed, focusBefore, focus}; }
    bool isNoOp() const { return removed == inserted; }
};

} // namespace ow::authoring
