#pragma once

#include "core/Result.h"
#include "tableimport/ImportDraft.h"

#include <QDialog>
#include <QHash>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QThread;
class QTreeWidget;

namespace ow::editorui {

/// 导入材料表: plans a department's material table into one matter of the open catalogue
/// (tableimport::ImportDraft, on another thread, with its steps shown), then shows the plan — the
/// materials created and reused, the requirements added, the notes, and every refused row with its
/// row, column and reason — and allows the import only when nothing is refused: all or nothing. The
/// caller applies the draft's texts as edits of the open document; nothing is written to disk here.
class ImportTableDialog : public QDialog
{
    Q_OBJECT

public:
    /// Starts planning at once; `texts` is a snapshot of the open catalogue's files.
    ImportTableDialog(const QString &directory, QHash<QString, QString> texts, const QString &tablePath,
        const QString &matterCode, QWidget *parent = nullptr);
    ~ImportTableDialog() override;

    /// Whether the planning has ended (with a plan or an error).
    bool isPlanned() const { return !m_thread; }
    /// The draft once planned; null while planning or when the import failed as a whole.
    const tableimport::ImportDraft *draft() const;
    /// The reason the table could not be planned at all (empty otherwise).
    QString failure() const { return m_failure; }
    QTreeWidget *planView() const { return m_plan; }
    QString summary() const;

Q_SIGNALS:
    void planned();

private:
    void showStep(tableimport::ImportDraft::Step step);
    void collect();
    void showPlan(const tableimport::ImportDraft &draft);

    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::optional<Result<tableimport::ImportDraft>>> m_result;
    std::optional<tableimport::ImportDraft> m_draft;
    QString m_failure;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeWidget *m_plan = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ow::editorui
