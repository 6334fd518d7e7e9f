#include "editorui/NewMatterDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ow::editorui {

using authoring::NewMatterFile;

NewMatterDialog::NewMatterDialog(const authoring::CatalogueDocument &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("newMatterDialog"));
    setWindowTitle(tr("New matter"));
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("matterCode"));
    m_code->setPlaceholderText(tr("e.g. 330302-WJ-009"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("matterName"));
    m_department = new QComboBox(this);
    m_department->setObjectName(QStringLiteral("matterDepartment"));
    for (const auto &[id, name] : NewMatterFile::departments(document)) {
        m_department->addItem(name.isEmpty() ? id : name, id);
        m_department->setItemData(m_department->count() - 1, id, Qt::ToolTipRole);
    }
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("matterKind"));
    m_kind->addItem(tr("Promised case (承诺件)"), false);
    m_kind->addItem(tr("Immediate case (即办件)"), true);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("promisedDays"));
    m_days->setRange(1, 365);
    m_days->setValue(15);
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("matterFile"));
    m_file->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("matterProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a3322a;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Department:"), m_department);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Promised working days:"), m_days);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&reate"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The matter goes into a file of its own in matters/. The live lint then "
                                "says what it still needs: its materials (require lines) and questions."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_file);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_code, &QLineEdit::textChanged, this, &NewMatterDialog::update);
    connect(m_name, &QLineEdit::textChanged, this, &NewMatterDialog::update);
    connect(m_department, &QComboBox::currentIndexChanged, this, &NewMatterDialog::update);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewMatterDialog::update);
    connect(m_days, &QSpinBox::valueChanged, this, &NewMatterDialog::update);
    resize(560, sizeHint().height());
    update();
}

NewMatterFile::Fields NewMatterDialog::fields() const
{
    NewMatterFile::Fields fields;
    fields.code = m_code->text().trimmed();
    fields.name = m_name->text().trimmed();
    fields.departmentId = m_department->currentData().toString();
    fields.immediate = m_kind->currentData().toBool();
    fields.promisedDays = fields.immediate ? 0 : m_days->value();
    return fields;
}

QString NewMatterDialog::problem() const
{
    return m_problem->text();
}

void NewMatterDialog::update()
{
    const NewMatterFile::Fields current = fields();
    m_days->setEnabled(!current.immediate);
    const Result<void> checked = NewMatterFile::check(m_document, current);
    // The first thing missing is said only once the author has started on the code.
    m_problem->setText(checked || current.code.isEmpty() ? QString() : checked.error().message());
    m_file->setText(current.code.isEmpty() ? QString()
                                           : tr("It will be written into %1 when you save.")
                                                 .arg(NewMatterFile::fileFor(m_document, current.code)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(bool(checked));
}

} // namespace ow::editorui
