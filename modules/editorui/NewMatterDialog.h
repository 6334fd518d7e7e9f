#pragma once

#include "authoring/NewMatterFile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ow::editorui {

/// 新建事项: asks a new matter's code, name, department (by name) and kind, shows the file it will
/// be written into, and allows creating it only when the fields make a matter the catalogue can take.
class NewMatterDialog : public QDialog
{
    Q_OBJECT

public:
    NewMatterDialog(const authoring::CatalogueDocument &document, QWidget *parent = nullptr);

    authoring::NewMatterFile::Fields fields() const;
    QLineEdit *codeEdit() const { return m_code; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *departmentBox() const { return m_department; }
    QComboBox *kindBox() const { return m_kind; }
    QSpinBox *daysBox() const { return m_days; }
    QString problem() const;

private:
    void update();

    const authoring::CatalogueDocument &m_document;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_department = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_days = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ow::editorui
