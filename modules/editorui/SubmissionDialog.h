#pragma once

#include "sync/CatalogueEditorClient.h"
#include "sync/SyncSettings.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ow::editorui {

/// 提交审核: the saved catalogue folder submitted to the hall's server for business review — the
/// reason (立/改/废/释), a note, the day counters switch to it (a calendar, tomorrow unless chosen) —
/// uploaded off the GUI thread while a busy bar runs; the answer lists the submission's review
/// items, or the server's refusal (with the lint's errors when there are any).
class SubmissionDialog : public QDialog
{
    Q_OBJECT

public:
    /// `request` carries the folder, catalogue id and version; the dialog fills in the rest.
    SubmissionDialog(QWidget *parent, const sync::SyncSettings &server, sync::SubmissionRequest request,
        const QDate &today);

    /// The submission's status after it was accepted by the server; empty before.
    const QJsonObject &answer() const { return m_answer; }

Q_SIGNALS:
    /// The server took the submission (the editor's locks on its matters are released there).
    void submitted(const QJsonObject &status);

private:
    void submit();
    void showAnswer(const QJsonObject &status);

    sync::SyncSettings m_server;
    sync::SubmissionRequest m_request;
    QComboBox *m_reason = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QDateEdit *m_effective = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QTreeWidget *m_items = nullptr;
    QPushButton *m_submit = nullptr;
    QJsonObject m_answer;
};

} // namespace ow::editorui
