#pragma once

#include "authoring/DocumentEdit.h"
#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ow::intake {
class IntakeSession;
}
namespace ow::ui {
class InterviewPage;
}
namespace ow::authoring {
class CatalogueDocument;
class LiveLint;
} // namespace ow::authoring

namespace ow::editorui {

/// The editor's preview (预览): the counter's own interview page and checklist (ui::InterviewPage over
/// an intake::IntakeSession that stores nothing), run on the catalogue as it is being edited, unsaved
/// edits included, for the matter or bundle chosen in the tree. After an edit it comes back with the
/// answers that still fit; a catalogue the loader cannot read shows the loader's errors instead of
/// an interview on a catalogue that no longer is.
class PreviewWindow : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewWindow(QWidget *parent = nullptr);
    ~PreviewWindow() override;

    /// What the preview runs: a matter (by code) or a bundle (by id).
    struct Subject
    {
        bool bundle = false;
        QString id;
        bool isValid() const { return !id.isEmpty(); }
        friend bool operator==(const Subject &, const Subject &) = default;
    };
    /// The matter or bundle whose entry holds `ref` (a question, a requirement…), or none.
    static Subject subjectAt(const authoring::CatalogueDocument &document, const authoring::NodeRef &ref);

    /// Runs `subject` on the catalogue of the last lint; a subject that is not valid keeps the one shown.
    void preview(const authoring::CatalogueDocument &document, const authoring::LiveLint &lint,
        const Subject &subject);
    /// After a lint: the same subject again on the catalogue as now edited.
    void reload(const authoring::CatalogueDocument &document, const authoring::LiveLint &lint);

    const Subject &subject() const { return m_subject; }
    ui::InterviewPage *page() const { return m_page; }
    /// Whether the loader's errors are shown instead of the interview.
    bool showsErrors() const;
    QListWidget *errors() const { return m_errors; }
    QString notice() const;

private:
    /// The interview of `catalogue` for the subject, answered as before where the answers still fit.
    void run(catalogue::CataloguePtr catalogue);
    void showErrors(const QString &text, const catalogue::Diagnostics &errors);
    /// Keeps the answers in force, by matter code, to give them again after the next edit.
    void rememberAnswers();

    Subject m_subject;
    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<intake::IntakeSession> m_session;
    QHash<QString, catalogue::Answers> m_answers;
    QLabel *m_notice = nullptr;
    QStackedWidget *m_stack = nullptr;
    ui::InterviewPage *m_page = nullptr;
    QWidget *m_errorPage = nullptr;
    QLabel *m_errorText = nullptr;
    QListWidget *m_errors = nullptr;
};

} // namespace ow::editorui
