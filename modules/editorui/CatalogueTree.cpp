#include "editorui/CatalogueTree.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/NewEntry.h"
#include "editorui/KeywordLabels.h"

#include <QHeaderView>
#include <QSet>

namespace ow::editorui {

using authoring::NewEntry;
using authoring::NodeRef;
using catalogue::TextNode;

namespace {

constexpr int kFileRole = Qt::UserRole;
constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;

} // namespace

CatalogueTree::CatalogueTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("catalogueTree"));
    setColumnCount(2);
    setHeaderLabels({tr("Entry"), tr("Text")});
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->resizeSection(0, 320);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    connect(this, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem *current) { Q_EMIT nodeSelected(nodeOf(current)); });
}

NodeRef CatalogueTree::nodeOf(const QTreeWidgetItem *item)
{
    if (!item)
        return {};
    return {item->data(0, kFileRole).toString(), item->data(0, kLineRole).toInt()};
}

NodeRef CatalogueTree::currentNode() const
{
    return nodeOf(currentItem());
}

QTreeWidgetItem *CatalogueTree::groupFor(const QString &file) const
{
    if (file.startsWith(u"materials/"))
        return m_materialsGroup;
    if (file.startsWith(u"matters/"))
        return m_mattersGroup;
    if (file.startsWith(u"bundles/"))
        return m_bundlesGroup;
    return m_catalogueGroup;
}

void CatalogueTree::load(const authoring::CatalogueDocument *document)
{
    const QSignalBlocker blocker(this);
    clear();
    m_files.clear();
    m_document = document;
    const auto group = [this](const QString &title) {
        auto *item = new QTreeWidgetItem(this, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setFirstColumnSpanned(true);
        return item;
    };
    m_catalogueGroup = group(tr("Catalogue and departments"));
    m_materialsGroup = group(tr("Material library"));
    m_mattersGroup = group(tr("Matters"));
    m_bundlesGroup = group(tr("Bundles"));
    for (const QString &file : document->files()) {
        FileItems &record = m_files[file];
        record.group = groupFor(file);
        addEntries(file, record, record.group->childCount());
    }
    for (QTreeWidgetItem *item : {m_catalogueGroup, m_materialsGroup, m_mattersGroup, m_bundlesGroup}) {
        item->setText(1, tr("%n entries", nullptr, item->childCount()));
        item->setExpanded(true);
    }
}

void CatalogueTree::addEntries(const QString &file, FileItems &record, int position)
{
    QList<QTreeWidgetItem *> made;
    for (const TextNode &node : m_document->nodes(file)) {
        QTreeWidgetItem *item = makeItem(file, node, record);
        made.append(item);
    }
    record.group->insertChildren(position, made);
    record.items = made;
}

QTreeWidgetItem *CatalogueTree::makeItem(const QString &file, const TextNode &node, FileItems &record)
{
    auto *item = new QTreeWidgetItem;
    item->setData(0, kFileRole, file);
    item->setData(0, kLineRole, node.where.line);
    item->setData(0, kKeyRole, QString(node.keyword + QLatin1Char(' ') + node.id));
    describe(item, node);
    record.byLine.insert(node.where.line, item);
    for (const TextNode &child : node.children) {
        if (NewEntry::isEntry(child.keyword, node.keyword))
            item->addChild(makeItem(file, child, record));
        else
            mapLines(child, item, record);
    }
    return item;
}

void CatalogueTree::mapLines(const TextNode &node, QTreeWidgetItem *entry, FileItems &record)
{
    record.byLine.insert(node.where.line, entry);
    for (const TextNode &child : node.children)
        mapLines(child, entry, record);
}

void CatalogueTree::describe(QTreeWidgetItem *item, const TextNode &node)
{
    item->setText(0,
        node.id.isEmpty() ? keywordLabel(node.keyword)
                          : keywordLabel(node.keyword) + QLatin1Char(' ') + node.id);
    QString text = node.value;
    for (const TextNode &child : node.children)
        if (child.keyword == u"when")
            text += (text.isEmpty() ? QString() : QStringLiteral("  ")) + tr("[when %1]").arg(child.value);
    item->setText(1, text);
    item->setToolTip(1, text);
}

QString CatalogueTree::pathKey(const QTreeWidgetItem *item)
{
    QString key;
    for (; item && item->data(0, kFileRole).isValid(); item = item->parent())
        key.prepend(item->data(0, kKeyRole).toString() + QLatin1Char('/'));
    return key;
}

void CatalogueTree::rebuildFile(const QString &file)
{
    auto it = m_files.find(file);
    if (it != m_files.end() && !m_document->contains(file)) {
        // A file made in the editor and undone again.
        const QSignalBlocker blocker(this);
        QTreeWidgetItem *group = it->group;
        qDeleteAll(it->items);
        m_files.erase(it);
        group->setText(1, tr("%n entries", nullptr, group->childCount()));
        return;
    }
    if (it == m_files.end()) {
        if (!m_document || !m_document->contains(file))
            return;
        // A new file: its entries stand before those of the next file of its folder.
        FileItems record;
        record.group = groupFor(file);
        int position = record.group->childCount();
        const QStringList order = m_document->files();
        for (qsizetype i = order.indexOf(file) + 1; i < order.size(); ++i) {
            const auto next = m_files.constFind(order.at(i));
            if (next != m_files.cend() && next->group == record.group && !next->items.isEmpty()) {
                position = record.group->indexOfChild(next->items.first());
                break;
            }
        }
        it = m_files.insert(file, record);
        const QSignalBlocker blocker(this);
        addEntries(file, it.value(), position);
        it->group->setText(1, tr("%n entries", nullptr, it->group->childCount()));
        return;
    }
    FileItems &record = it.value();
    // What was open stays open: entries are known again by their keywords and ids.
    QSet<QString> expanded;
    std::function<void(QTreeWidgetItem *)> remember = [&](QTreeWidgetItem *item) {
        if (item->isExpanded())
            expanded.insert(pathKey(item));
        for (int i = 0; i < item->childCount(); ++i)
            remember(item->child(i));
    };
    for (QTreeWidgetItem *item : std::as_const(record.items))
        remember(item);

    const QSignalBlocker blocker(this);
    const int position = record.items.isEmpty() ? record.group->childCount()
                                                : record.group->indexOfChild(record.items.first());
    qDeleteAll(record.items);
    record.items.clear();
    record.byLine.clear();
    addEntries(file, record, position);

    std::function<void(QTreeWidgetItem *)> restore = [&](QTreeWidgetItem *item) {
        if (expanded.contains(pathKey(item)))
            item->setExpanded(true);
        for (int i = 0; i < item->childCount(); ++i)
            restore(item->child(i));
    };
    for (QTreeWidgetItem *item : std::as_const(record.items))
        restore(item);
    record.group->setText(1, tr("%n entries", nullptr, record.group->childCount()));
}

void CatalogueTree::refreshTexts(const QString &file)
{
    const auto it = m_files.constFind(file);
    if (it == m_files.constEnd())
        return;
    std::function<void(const TextNode &)> visit = [&](const TextNode &node) {
        if (QTreeWidgetItem *item = it->byLine.value(node.where.line);
            item && item->data(0, kLineRole).toInt() == node.where.line) {
            item->setData(0, kKeyRole, QString(node.keyword + QLatin1Char(' ') + node.id));
            describe(item, node);
        }
        for (const TextNode &child : node.children)
            visit(child);
    };
    for (const TextNode &node : m_document->nodes(file))
        visit(node);
}

QTreeWidgetItem *CatalogueTree::itemFor(const NodeRef &ref) const
{
    const auto it = m_files.constFind(ref.file);
    if (it == m_files.constEnd())
        return nullptr;
    if (QTreeWidgetItem *item = it->byLine.value(ref.line))
        return item;
    // A line that is no node (a comment, a line in error): the entry whose block holds it.
    const NodeRef inside = m_document->nodeAt(ref.file, ref.line);
    return inside.isValid() ? it->byLine.value(inside.line) : nullptr;
}

bool CatalogueTree::select(const NodeRef &ref)
{
    QTreeWidgetItem *item = itemFor(ref);
    if (!item)
        return false;
    for (QTreeWidgetItem *parent = item->parent(); parent; parent = parent->parent())
        parent->setExpanded(true);
    setCurrentItem(item);
    scrollToItem(item);
    return true;
}

} // namespace ow::editorui
