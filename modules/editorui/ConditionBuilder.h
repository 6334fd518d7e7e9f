#pragma once

#include "authoring/ConditionRows.h"
#include "authoring/DocumentEdit.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ow::authoring {
class CatalogueDocument;
class EntryCondition;
} // namespace ow::authoring

namespace ow::editorui {

/// The condition of the entry shown in the form, built from rows — a question picked by its text, an
/// operator that suits its kind, options picked by their labels or numbers within its range — with
/// the condition's text beside them, both ways: editing the rows rewrites the text; typing text that
/// parses rebuilds the rows, text that does not keeps them and shows the parser's message. Nothing is
/// written until applied (Enter): then `applied` carries the text, which the window makes one edit.
class ConditionBuilder : public QWidget
{
    Q_OBJECT

public:
    explicit ConditionBuilder(QWidget *parent = nullptr);
    ~ConditionBuilder() override;

    /// Shows an entry's condition, or hides the builder for an entry that takes none. The same entry
    /// shown again with the same condition keeps the rows not applied yet.
    void load(const authoring::CatalogueDocument *document, const authoring::NodeRef &entry, bool editable);

    /// The rows as built so far.
    const authoring::ConditionRows &rows() const { return m_rows; }
    QListWidget *rowList() const { return m_list; }
    QComboBox *questionBox() const { return m_question; }
    QComboBox *operatorBox() const { return m_operator; }
    QListWidget *optionList() const { return m_options; }
    QLineEdit *numberEdit() const { return m_number; }
    QLineEdit *textEdit() const { return m_text; }
    /// What the builder last said (a problem of the rows, the parser's message, or nothing).
    QString message() const;

    /// Adds a row after the current one and selects it.
    void addRow();
    void removeRow();
    /// Asks for the condition to be written: refused (with the message) while the text does not parse
    /// or a row has a problem.
    bool apply();

Q_SIGNALS:
    void applied(const authoring::NodeRef &entry, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setRows(const authoring::ConditionRows &rows, int current);
    void showRows(int current);
    void showRow();
    void rowEdited();
    void textEdited(const QString &text);
    void say(const QString &text, bool problem);
    const authoring::ConditionQuestion *questionOf(const QString &id) const;

    std::unique_ptr<authoring::EntryCondition> m_condition;
    authoring::ConditionRows m_rows;
    bool m_rowsShown = true; ///< false while the text is deeper than rows can show
    bool m_filling = false;
    bool m_editable = true;

    QComboBox *m_join = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QWidget *m_rowEditor = nullptr;
    QComboBox *m_question = nullptr;
    QSpinBox *m_group = nullptr;
    QComboBox *m_operator = nullptr;
    QLabel *m_optionsLabel = nullptr;
    QListWidget *m_options = nullptr;
    QLabel *m_numberLabel = nullptr;
    QLineEdit *m_number = nullptr;
    QLabel *m_toLabel = nullptr;
    QLineEdit *m_upper = nullptr;
    QLabel *m_unit = nullptr;
    QLineEdit *m_text = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ow::editorui
