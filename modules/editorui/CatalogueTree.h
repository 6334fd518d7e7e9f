#pragma once

#include "authoring/DocumentEdit.h"
#include "catalogue/TextTree.h"

#include <QHash>
#include <QTreeWidget>

namespace ow::authoring {
class CatalogueDocument;
}

namespace ow::editorui {

/// The open catalogue as a tree: the catalogue and its departments, the material library, the matters
/// with their questions, options, requirements and outcomes, and the bundles. Each entry knows its
/// node; lines that are attributes of an entry (a question's `when:`) lead to that entry.
class CatalogueTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit CatalogueTree(QWidget *parent = nullptr);

    /// Builds the whole tree (opening a catalogue).
    void load(const authoring::CatalogueDocument *document);
    /// Builds the entries of one file again after lines were added, moved or removed there; what was
    /// expanded stays expanded.
    void rebuildFile(const QString &file);
    /// Refreshes the texts of one file's entries after a line changed in place.
    void refreshTexts(const QString &file);

    /// The entry of a node or, for an attribute line, of the entry it belongs to.
    QTreeWidgetItem *itemFor(const authoring::NodeRef &ref) const;
    /// Selects the entry of a node (see itemFor); false when there is none.
    bool select(const authoring::NodeRef &ref);
    /// The node of the current entry (invalid when a group or nothing is selected).
    authoring::NodeRef currentNode() const;
    static authoring::NodeRef nodeOf(const QTreeWidgetItem *item);

Q_SIGNALS:
    void nodeSelected(const authoring::NodeRef &ref);

private:
    struct FileItems
    {
        QTreeWidgetItem *group = nullptr;
        QList<QTreeWidgetItem *> items; ///< the file's top-level entries, in order
        QHash<int, QTreeWidgetItem *> byLine; ///< every line of a node → its entry
    };

    QTreeWidgetItem *groupFor(const QString &file) const;
    void addEntries(const QString &file, FileItems &record, int position);
    QTreeWidgetItem *makeItem(const QString &file, const catalogue::TextNode &node, FileItems &record);
    void mapLines(const catalogue::TextNode &node, QTreeWidgetItem *entry, FileItems &record);
    static void describe(QTreeWidgetItem *item, const catalogue::TextNode &node);
    static QString pathKey(const QTreeWidgetItem *item);

    const authoring::CatalogueDocument *m_document = nullptr;
    QTreeWidgetItem *m_catalogueGroup = nullptr;
    QTreeWidgetItem *m_materialsGroup = nullptr;
    QTreeWidgetItem *m_mattersGroup = nullptr;
    QTreeWidgetItem *m_bundlesGroup = nullptr;
    QHash<QString, FileItems> m_files;
};

} // namespace ow::editorui
