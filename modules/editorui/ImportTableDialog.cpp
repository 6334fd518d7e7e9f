#include "editorui/ImportTableDialog.h"

#include "tableimport/MaterialTable.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using tableimport::ImportDraft;

namespace {

QString rowsText(const QList<int> &rows)
{
    QStringList numbers;
    for (int row : rows)
        numbers.append(QString::number(row));
    return numbers.join(QStringLiteral(", "));
}

} // namespace

ImportTableDialog::ImportTableDialog(const QString &directory, QHash<QString, QString> texts,
    const QString &tablePath, const QString &matterCode, QWidget *parent)
    : QDialog(parent)
    , m_result(std::make_shared<std::optional<Result<ImportDraft>>>())
{
    setObjectName(QStringLiteral("importTableDialog"));
    setWindowTitle(tr("Import a material table into %1").arg(matterCode));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 3);
    m_progress->setTextVisible(false);
    m_plan = new QTreeWidget(this);
    m_plan->setObjectName(QStringLiteral("importPlan"));
    m_plan->setColumnCount(3);
    m_plan->setHeaderLabels({tr("Row"), tr("Material or column"), tr("What the import does")});
    m_plan->header()->resizeSection(0, 150);
    m_plan->header()->resizeSection(1, 300);
    m_plan->setAlternatingRowColors(true);
    m_plan->setUniformRowHeights(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import into the matter"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_plan, 1);
    layout->addWidget(m_buttons);
    resize(1100, 620);

    m_summary->setText(tr("Reading %1…").arg(QFileInfo(tablePath).fileName()));
    // Reading and planning a table of thousands of rows, then linting the catalogue with it, takes a
    // moment: it runs here, on a snapshot of the texts, while the window stays responsive.
    QPointer<ImportTableDialog> self(this);
    m_thread.reset(QThread::create(
        [result = m_result, directory, texts = std::move(texts), tablePath, matterCode, self] {
            Result<tableimport::MaterialTable> table = tableimport::readTableFile(tablePath);
            if (!table) {
                *result = Result<ImportDraft>(failWith(table.error()));
                return;
            }
            *result = ImportDraft::make(directory, texts, *table, matterCode, QFileInfo(tablePath).fileName(),
                [self](ImportDraft::Step step) {
                    QMetaObject::invokeMethod(
                        self,
                        [self, step] {
                            if (self)
                                self->showStep(step);
                        },
                        Qt::QueuedConnection);
                });
        }));
    connect(m_thread.get(), &QThread::finished, this, &ImportTableDialog::collect);
    m_thread->start();
}

ImportTableDialog::~ImportTableDialog()
{
    if (m_thread)
        m_thread->wait();
}

const ImportDraft *ImportTableDialog::draft() const
{
    return m_draft ? &*m_draft : nullptr;
}

QString ImportTableDialog::summary() const
{
    return m_summary->text();
}

void ImportTableDialog::showStep(ImportDraft::Step step)
{
    if (!m_thread)
        return;
    switch (step) {
    case ImportDraft::Step::Loading:
        m_summary->setText(tr("Loading the catalogue as edited…"));
        m_progress->setValue(1);
        break;
    case ImportDraft::Step::Planning:
        m_summary->setText(tr("Mapping the table's rows onto the matter…"));
        m_progress->setValue(2);
        break;
    case ImportDraft::Step::Checking:
        m_summary->setText(tr("Checking the catalogue with the import…"));
        m_progress->setValue(3);
        break;
    }
}

void ImportTableDialog::collect()
{
    if (!m_thread)
        return;
    m_thread->wait();
    m_thread.reset();
    m_progress->hide();
    Result<ImportDraft> &result = **m_result;
    if (!result) {
        m_failure = result.error().message();
        m_summary->setText(tr("The table cannot be imported: %1").arg(m_failure));
        m_summary->setStyleSheet(QStringLiteral("color: %1;").arg(ui::Theme::danger().name()));
    } else {
        m_draft = std::move(*result);
        showPlan(*m_draft);
    }
    Q_EMIT planned();
}

void ImportTableDialog::showPlan(const ImportDraft &draft)
{
    const tableimport::ImportPlan &plan = draft.plan;
    const auto group = [this](const QString &title, int count) {
        auto *item = new QTreeWidgetItem(m_plan, {tr("%1 (%2)").arg(title).arg(count)});
        item->setFirstColumnSpanned(true);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setExpanded(true);
        return item;
    };
    const auto add
        = [](QTreeWidgetItem *parent, const QString &row, const QString &what, const QString &text) {
              auto *item = new QTreeWidgetItem(parent, {row, what, text});
              item->setToolTip(2, text);
              return item;
          };
    const QColor danger = ui::Theme::danger();
    if (!plan.refused.isEmpty()) {
        QTreeWidgetItem *refused = group(tr("Rows refused"), int(plan.refused.size()));
        refused->setForeground(0, danger);
        for (const tableimport::RowRefusal &refusal : plan.refused) {
            QTreeWidgetItem *item = add(refused, tr("row %1").arg(refusal.row),
                refusal.column.isEmpty() ? tr("the whole row") : refusal.column, refusal.reason);
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, danger);
        }
    }
    if (!draft.errors.isEmpty()) {
        QTreeWidgetItem *errors = group(tr("Errors the import would bring"), int(draft.errors.size()));
        errors->setForeground(0, danger);
        for (const catalogue::Diagnostic &diagnostic : draft.errors)
            add(errors, QStringLiteral("%1:%2").arg(diagnostic.where.file).arg(diagnostic.where.line),
                diagnostic.rule, diagnostic.message);
    }
    const int created = plan.createdCount();
    QTreeWidgetItem *made = group(tr("Materials created"), created);
    QTreeWidgetItem *reused
        = group(tr("Materials reused from the library"), int(plan.materials.size()) - created);
    for (const tableimport::PlannedMaterial &material : plan.materials)
        add(material.created ? made : reused, rowsText(material.rows), material.id, material.name);
    QTreeWidgetItem *requirements
        = group(tr("Requirements added to the matter"), int(plan.requirements.size()));
    for (const tableimport::PlannedRequirement &requirement : plan.requirements)
        add(requirements, tr("row %1").arg(requirement.row),
            QStringLiteral("require %1").arg(requirement.materialId),
            requirement.condition.isEmpty() ? tr("in every situation (basic material)")
                                            : tr("when: %1").arg(requirement.condition));
    if (!plan.notes.isEmpty()) {
        QTreeWidgetItem *notes = group(tr("Notes"), int(plan.notes.size()));
        for (const tableimport::RowNote &note : plan.notes)
            add(notes, tr("row %1").arg(note.row), QString(), note.text);
    }
    if (!draft.warnings.isEmpty()) {
        QTreeWidgetItem *warnings = group(tr("Warnings in the imported lines"), int(draft.warnings.size()));
        for (const catalogue::Diagnostic &diagnostic : draft.warnings)
            add(warnings, QStringLiteral("%1:%2").arg(diagnostic.where.file).arg(diagnostic.where.line),
                diagnostic.rule, diagnostic.message);
    }

    QString text = tr("%1: header on row %2, %3 rows under it.")
                       .arg(plan.sheet.isEmpty()
                               ? plan.tableName
                               : plan.tableName + QStringLiteral(" [") + plan.sheet + QLatin1Char(']'))
                       .arg(plan.headerRow)
                       .arg(plan.rowsRead);
    if (!plan.ignoredColumns.isEmpty())
        text += QLatin1Char(' ')
            + tr("Columns ignored: %1.").arg(plan.ignoredColumns.join(QStringLiteral(", ")));
    const bool applicable = draft.applicable();
    if (!plan.refused.isEmpty())
        text += QLatin1Char(' ')
            + tr("%n row(s) cannot be imported, so nothing is: correct them in the table (or the catalogue) "
                 "and import again.",
                nullptr, int(plan.refused.size()));
    else if (!draft.errors.isEmpty())
        text += QLatin1Char(' ')
            + tr("The import would bring errors into the catalogue, so nothing is imported.");
    else if (!applicable)
        text += QLatin1Char(' ') + tr("The table adds nothing to the matter.");
    else
        text += QLatin1Char(' ')
            + tr("Importing adds these lines to the open catalogue as one step (Ctrl+Z takes it back); "
                 "nothing "
                 "is written until you save.");
    m_summary->setText(text);
    if (!applicable)
        m_summary->setStyleSheet(QStringLiteral("color: %1;").arg(danger.name()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(applicable);
    if (applicable)
        m_buttons->button(QDialogButtonBox::Ok)->setFocus();
    else
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
}

} // namespace ow::editorui
