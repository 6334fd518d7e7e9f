#pragma once

#include "cases/Case.h"
#include "catalogue/Checklist.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace ow::intake {
class SharedMaterialFetch;
} // namespace ow::intake

namespace ow::ui {

/// A data-shared material's row in the material check (数据共享): the one key that fetches it (F7),
/// the fetch under way, where and when the fetched document came from, or why the fetch failed with
/// the paper offered instead (a reason required). It renders the check and the fetch's state and
/// sends the clerk's intents; hidden for every other material.
class SharedMaterialBox : public QWidget
{
    Q_OBJECT

public:
    explicit SharedMaterialBox(QWidget *parent = nullptr);

    /// The fetch whose state is shown (not owned); null: nothing is configured.
    void setFetch(const intake::SharedMaterialFetch *fetch) { m_fetch = fetch; }
    /// Shows `line` and its check; hidden when either is null or the line is not data-shared.
    void showMaterial(const catalogue::ChecklistLine *line, const cases::MaterialCheck *check);
    /// F7 on the page: asks for the material shown (nothing when none is).
    void requestFetch();

    QPushButton *fetchButton() const { return m_fetchButton; }
    QLineEdit *paperReason() const { return m_paperReason; }
    QPushButton *paperButton() const { return m_paperButton; }
    /// The sentence under the key: fetching, fetched from where and when, failed and why.
    QString stateText() const;

Q_SIGNALS:
    void fetchRequested(const QString &materialId);
    void paperRequested(const QString &materialId, const QString &reason);

private:
    void takePaper();

    const intake::SharedMaterialFetch *m_fetch = nullptr;
    QString m_materialId;
    QLabel *m_title = nullptr;
    QPushButton *m_fetchButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_state = nullptr; ///< beside the title: fetching, fetched, taken on paper
    QLabel *m_problem = nullptr; ///< under it: why the fetch failed
    QWidget *m_paperRow = nullptr;
    QLineEdit *m_paperReason = nullptr;
    QPushButton *m_paperButton = nullptr;
};

} // namespace ow::ui
