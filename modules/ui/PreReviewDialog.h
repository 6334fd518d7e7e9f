#pragma once

#include "sync/PreApplicationClient.h"
#include "ui/CaseScreenContext.h"

#include <QDialog>
#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace ow::ui {

class CameraImageView;

/// 网上预审: the hall's back office reads the online pre-applications submitted for its hall (the
/// applicant masked in the list), opens one to see the checklist its answers give, the applicant and
/// the scans, and accepts it for the counter or returns it with reasons (one a line, at least one).
/// Everything goes through the hall's server with this workstation's token, off the GUI thread.
/// Keyboard first: Alt+W the list, Alt+C the scans, Alt+F the reasons, Alt+A accept, Alt+T return.
class PreReviewDialog : public QDialog
{
    Q_OBJECT

public:
    PreReviewDialog(const CaseScreenContext &context, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QListWidget *scanList() const { return m_scans; }
    QTextBrowser *detail() const { return m_detail; }
    QPlainTextEdit *reasonsField() const { return m_reasons; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *returnButton() const { return m_return; }
    QString statusText() const;
    CameraImageView *preview() const { return m_preview; }

    /// Reads the hall's submitted pre-applications again.
    void refresh();

private:
    void openCurrent();
    void showScan(int row);
    void decide(bool accept);
    void say(const QString &text, bool problem);
    QString detailHtml() const;

    CaseScreenContext m_context;
    QList<sync::PreApplicationSummary> m_summaries;
    std::optional<sync::PreApplication> m_open;
    QList<sync::FetchedScan> m_openScans;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_detail = nullptr;
    QListWidget *m_scans = nullptr;
    CameraImageView *m_preview = nullptr;
    QPlainTextEdit *m_reasons = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_return = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ow::ui
