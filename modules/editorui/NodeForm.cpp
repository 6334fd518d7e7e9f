#include "editorui/NodeForm.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/NewEntry.h"
#include "editorui/ConditionBuilder.h"
#include "editorui/KeywordLabels.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using authoring::NodeRef;
using catalogue::TextNode;

NodeForm::NodeForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("nodeForm"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("nodeHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("nodeId"));
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("nodeValue"));
    m_line = new QLabel(this);
    m_line->setObjectName(QStringLiteral("nodeLine"));
    m_line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_line->setWordWrap(true);

    m_attributes = new QTableWidget(0, 2, this);
    m_attributes->setObjectName(QStringLiteral("nodeAttributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->horizontalHeader()->resizeSection(0, 140);
    m_attributes->verticalHeader()->hide();
    m_attributes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attributes->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);

    auto *idLabel = new QLabel(tr("&Id:"), this);
    idLabel->setBuddy(m_id);
    auto *valueLabel = new QLabel(tr("Te&xt:"), this);
    valueLabel->setBuddy(m_value);
    auto *attributesLabel = new QLabel(tr("A&ttributes:"), this);
    attributesLabel->setBuddy(m_attributes);

    // A menu rather than a list: choosing is one act, by mouse or by keyboard (a list's Down key would
    // add every attribute it passes).
    m_newAttribute = new QPushButton(tr("Add an attribute (&N)"), this);
    m_newAttribute->setObjectName(QStringLiteral("newAttribute"));
    m_newAttributeMenu = new QMenu(m_newAttribute);
    // Shown on click rather than through setMenu(): an Alt key's click is over before the menu runs.
    connect(m_newAttribute, &QPushButton::clicked, this, [this] {
        // Asked once the menu is closed, so the keyboard goes to the new value's cell, not back here.
        const QAction *chosen
            = m_newAttributeMenu->exec(m_newAttribute->mapToGlobal(QPoint(0, m_newAttribute->height())));
        if (chosen && m_entry.isValid())
            Q_EMIT attributeAdded(m_entry, chosen->data().toString());
    });
    auto *newAttributeRow = new QHBoxLayout;
    newAttributeRow->addWidget(m_newAttribute);
    newAttributeRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(idLabel, m_id);
    form->addRow(valueLabel, m_value);
    form->addRow(tr("As written:"), m_line);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(attributesLabel);
    layout->addWidget(m_attributes, 1);
    layout->addLayout(newAttributeRow);
    m_condition = new ConditionBuilder(this);
    layout->addWidget(m_condition);
    connect(m_condition, &ConditionBuilder::applied, this, &NodeForm::conditionEdited);

    connect(m_id, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_filling && m_entry.isValid())
            Q_EMIT idEdited(m_entry, text);
    });
    connect(m_value, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_filling && m_entry.isValid())
            Q_EMIT valueEdited(m_entry, text);
    });
    connect(m_attributes, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != 1)
            return;
        Q_EMIT attributeEdited({m_entry.file, item->data(Qt::UserRole).toInt()}, item->text());
    });
    // Delete on a row (not while its value is being typed) takes the attribute away.
    auto *removeAttribute = new QAction(tr("Delete the attribute"), m_attributes);
    removeAttribute->setShortcut(QKeySequence::Delete);
    removeAttribute->setShortcutContext(Qt::WidgetShortcut);
    m_attributes->addAction(removeAttribute);
    connect(removeAttribute, &QAction::triggered, this, [this] {
        const QTableWidgetItem *value = m_attributes->item(m_attributes->currentRow(), 1);
        if (value && m_entry.isValid() && (value->flags() & Qt::ItemIsEditable))
            Q_EMIT attributeRemoved({m_entry.file, value->data(Qt::UserRole).toInt()});
    });
    show(nullptr, {});
}

void NodeForm::editAttribute(int line)
{
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        QTableWidgetItem *value = m_attributes->item(row, 1);
        if (value->data(Qt::UserRole).toInt() != line)
            continue;
        m_attributes->setFocus();
        m_attributes->setCurrentItem(value);
        m_attributes->editItem(value);
        return;
    }
}

void NodeForm::show(
    const authoring::CatalogueDocument *document, const NodeRef &entry, const NodeRef &highlight)
{
    m_document = document;
    m_entry = entry;
    fill(false);
    if (highlight.isValid() && highlight != entry)
        for (int row = 0; row < m_attributes->rowCount(); ++row)
            if (m_attributes->item(row, 1)->data(Qt::UserRole).toInt() == highlight.line)
                m_attributes->selectRow(row);
}

void NodeForm::refresh(bool keepTyped)
{
    fill(keepTyped);
}

void NodeForm::fill(bool keepFocused)
{
    m_filling = true;
    const TextNode *node = m_document && m_entry.isValid() ? m_document->node(m_entry) : nullptr;
    const bool editable = node && m_document->isEditable(m_entry.file);
    m_heading->setText(node ? keywordLabel(node->keyword) : tr("Choose an entry in the tree"));
    if (!(keepFocused && m_id->hasFocus()))
        m_id->setText(node ? node->id : QString());
    if (!(keepFocused && m_value->hasFocus()))
        m_value->setText(node ? node->value : QString());
    m_id->setEnabled(editable && !node->id.isEmpty());
    // `require ID` and a bundle's `matter CODE` take no text.
    m_value->setEnabled(
        editable && (node->hasValue || (node->keyword != u"require" && node->keyword != u"matter")));
    m_line->setText(node ? QStringLiteral("%1:%2   %3")
                               .arg(m_entry.file)
                               .arg(m_entry.line)
                               .arg(m_document->lineText(m_entry.file, m_entry.line).trimmed())
                         : QString());

    // Attributes: the lines under the entry that the tree does not show as entries of their own,
    // one row each (a line under them, like an outcome's reason under an option's outcome, too).
    const QWidget *focused = QApplication::focusWidget();
    const bool inTable = focused && (focused == m_attributes || m_attributes->isAncestorOf(focused));
    if (!(keepFocused && inTable)) {
        const int currentRow = m_attributes->currentRow();
        m_attributes->setRowCount(0);
        if (node) {
            std::function<void(const TextNode &, int)> add = [&](const TextNode &child, int depth) {
                const int row = m_attributes->rowCount();
                m_attributes->insertRow(row);
                QString label = QString(depth * 2, QLatin1Char(' ')) + keywordLabel(child.keyword);
                if (!child.id.isEmpty())
                    label += QLatin1Char(' ') + child.id;
                auto *name = new QTableWidgetItem(label);
                name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                name->setToolTip(child.keyword);
                auto *value = new QTableWidgetItem(child.value);
                value->setData(Qt::UserRole, child.where.line);
                if (!editable)
                    value->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                m_attributes->setItem(row, 0, name);
                m_attributes->setItem(row, 1, value);
                for (const TextNode &grandchild : child.children)
                    add(grandchild, depth + 1);
            };
            for (const TextNode &child : node->children) {
                const bool shownInTree = authoring::NewEntry::isEntry(child.keyword, node->keyword);
                if (!shownInTree)
                    add(child, 0);
            }
        }
        // A value kept with Enter rebuilds the rows: the keyboard stays on the row it was on.
        if (inTable) {
            m_attributes->setFocus();
            if (currentRow >= 0 && currentRow < m_attributes->rowCount())
                m_attributes->setCurrentCell(currentRow, 1);
        }
    }
    m_newAttributeMenu->clear();
    const QStringList missing = node && editable
        ? authoring::NewEntry::missingAttributes(node->keyword, node->children)
        : QStringList();
    for (const QString &keyword : missing)
        m_newAttributeMenu->addAction(QStringLiteral("%1 (%2)").arg(keywordLabel(keyword), keyword))
            ->setData(keyword);
    m_newAttribute->setEnabled(!missing.isEmpty());
    m_condition->load(m_document, node ? m_entry : NodeRef {}, editable);
    m_filling = false;
}

} // namespace ow::editorui
