#pragma once

#include "authoring/DocumentEdit.h"

#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QLineEdit;
class QTableWidget;

namespace ow::authoring {
class CatalogueDocument;
}

namespace ow::editorui {

class ConditionBuilder;

/// The selected entry's own line — its id and its text, with the line as written in its file — and
/// its attributes (the lines under it that are not entries of their own), each editable. Sends every
/// change as an intent; the window turns it into an edit on the undo stack.
class NodeForm : public QWidget
{
    Q_OBJECT

public:
    explicit NodeForm(QWidget *parent = nullptr);

    /// Shows an entry; `highlight` is an attribute line to select (a problem's line), if any.
    void show(const authoring::CatalogueDocument *document, const authoring::NodeRef &entry,
        const authoring::NodeRef &highlight = {});
    /// Reads the shown entry again after an edit of its file; with `keepTyped`, the field being typed
    /// in is left alone (the edit came from it).
    void refresh(bool keepTyped);
    const authoring::NodeRef &entry() const { return m_entry; }

    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *valueEdit() const { return m_value; }
    QTableWidget *attributes() const { return m_attributes; }
    /// Opens the menu of the attributes the entry may still get; choosing one asks for it to be added.
    QPushButton *newAttribute() const { return m_newAttribute; }
    /// Starts typing the value of the attribute on `line` (one just added).
    void editAttribute(int line);
    /// The condition of a question, option, requirement or outcome, built from rows (hidden otherwise).
    ConditionBuilder *conditionBuilder() const { return m_condition; }

Q_SIGNALS:
    void idEdited(const authoring::NodeRef &ref, const QString &id);
    void valueEdited(const authoring::NodeRef &ref, const QString &value);
    /// An attribute's value changed in the table (one edit per committed cell).
    void attributeEdited(const authoring::NodeRef &ref, const QString &value);
    /// The entry's condition applied from the builder (empty: no condition).
    void conditionEdited(const authoring::NodeRef &entry, const QString &text);
    /// An attribute of this keyword chosen to be added to the entry, its value to be typed.
    void attributeAdded(const authoring::NodeRef &entry, const QString &keyword);
    /// The attribute line chosen in the table deleted (Delete), with the lines under it.
    void attributeRemoved(const authoring::NodeRef &attribute);

private:
    void fill(bool keepFocused);

    const authoring::CatalogueDocument *m_document = nullptr;
    authoring::NodeRef m_entry;
    QLabel *m_heading = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_line = nullptr;
    QTableWidget *m_attributes = nullptr;
    QPushButton *m_newAttribute = nullptr;
    QMenu *m_newAttributeMenu = nullptr;
    ConditionBuilder *m_condition = nullptr;
    bool m_filling = false;
};

} // namespace ow::editorui
