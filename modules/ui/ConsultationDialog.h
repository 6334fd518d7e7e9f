#pragma once

#include "core/Result.h"

#include <QDialog>
#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ow::ui {

/// 记录咨询: a question the applicant asked during the interview and the answer the clerk gave, typed
/// in two keys from the interview — the question, Tab, the answer — and saved with Ctrl+Enter; Esc
/// leaves without recording. The matter and the answers so far are shown, and go with the record.
/// Where it is recorded is the caller's (the intake's clerk-activity log).
class ConsultationDialog : public QDialog
{
    Q_OBJECT

public:
    using Save = std::function<Result<void>(const QString &question, const QString &answer)>;

    /// `answersSoFar`: the interview's answers as the clerk reads them, in asking order.
    ConsultationDialog(
        const QString &matterName, const QStringList &answersSoFar, Save save, QWidget *parent = nullptr);

    /// Checks both fields, then saves: true when saved (the dialog is accepted). A problem names its
    /// field and puts the cursor there.
    bool save();

    QLineEdit *questionField() const { return m_question; }
    QPlainTextEdit *answerField() const { return m_answer; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void showProblem(const QString &message, QWidget *field);

    Save m_save;
    QLineEdit *m_question = nullptr;
    QPlainTextEdit *m_answer = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace ow::ui
