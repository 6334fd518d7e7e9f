#include "editorui/PreviewWindow.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/LiveLint.h"
#include "authoring/PreviewAnswers.h"
#include "catalogue/CatalogueLoader.h"
#include "intake/IntakeSession.h"
#include "ui/InterviewPage.h"
#include "ui/Theme.h"

#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QScreen>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using authoring::NodeRef;
using catalogue::Diagnostic;

PreviewWindow::PreviewWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("previewWindow"));

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("previewNotice"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(12, 6, 12, 6);
    m_notice->setStyleSheet(QStringLiteral("background: %1; color: %2;")
                                .arg(ui::Theme::warningSoft().name(), ui::Theme::warning().name()));

    m_page = new ui::InterviewPage(this);
    // The page's way back leads out of the preview.
    connect(m_page, &ui::InterviewPage::backRequested, this, &QWidget::close);
    auto *close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(close, &QShortcut::activated, this, &QWidget::close);

    m_errorPage = new QWidget(this);
    m_errorText = new QLabel(m_errorPage);
    m_errorText->setObjectName(QStringLiteral("panelTitle"));
    m_errorText->setWordWrap(true);
    m_errors = new QListWidget(m_errorPage);
    m_errors->setObjectName(QStringLiteral("previewErrors"));
    auto *errorLayout = new QVBoxLayout(m_errorPage);
    errorLayout->setContentsMargins(20, 16, 20, 16);
    errorLayout->addWidget(m_errorText);
    errorLayout->addWidget(m_errors, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_page);
    m_stack->addWidget(m_errorPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);

    setWindowTitle(tr("Preview"));
    const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1366, 768);
    resize(QSize(1366, 768).boundedTo(room));
}

PreviewWindow::~PreviewWindow()
{
    // The page shows the session: it lets go of it before the session goes.
    m_page->endSession();
}

PreviewWindow::Subject PreviewWindow::subjectAt(
    const authoring::CatalogueDocument &document, const NodeRef &ref)
{
    NodeRef top = ref;
    for (NodeRef up = document.parentOf(top); up.isValid(); up = document.parentOf(top))
        top = up;
    const catalogue::TextNode *node = document.node(top);
    if (!node || node->id.isEmpty())
        return {};
    if (node->keyword == u"matter" && top.file.startsWith(u"matters/"))
        return {false, node->id};
    if (node->keyword == u"bundle" && top.file.startsWith(u"bundles/")) {
        // A bundle's member line names a matter: the preview runs that matter.
        const catalogue::TextNode *own = document.node(ref);
        if (own && own->keyword == u"matter" && ref != top && !own->id.isEmpty())
            return {false, own->id};
        return {true, node->id};
    }
    return {};
}

void PreviewWindow::preview(
    const authoring::CatalogueDocument &document, const authoring::LiveLint &lint, const Subject &subject)
{
    if (subject.isValid())
        m_subject = subject;
    reload(document, lint);
}

void PreviewWindow::reload(const authoring::CatalogueDocument &document, const authoring::LiveLint &lint)
{
    if (!m_subject.isValid()) {
        showErrors(
            tr("Choose a matter or a bundle in the tree (or an entry inside one), then press F5."), {});
        return;
    }
    catalogue::CataloguePtr catalogue = lint.errorCount() == 0 ? lint.catalogue() : nullptr;
    if (!catalogue) {
        // The lint found errors: whether the loader could still read the whole catalogue says whether
        // an interview can run on it.
        const catalogue::CatalogueLoader::Outcome outcome
            = catalogue::CatalogueLoader::load(document.directory(), document.texts());
        if (!outcome.catalogue) {
            catalogue::Diagnostics errors;
            for (const Diagnostic &diagnostic : outcome.diagnostics)
                if (diagnostic.severity == Diagnostic::Severity::Error)
                    errors.append(diagnostic);
            showErrors(tr("The catalogue as edited cannot be loaded, so there is no interview to show. "
                          "Correct these errors (the problems panel leads to each), and the preview "
                          "comes back by itself:"),
                errors);
            return;
        }
        catalogue = outcome.catalogue;
    }
    const bool present = m_subject.bundle ? catalogue->bundle(m_subject.id) != nullptr
                                          : catalogue->matter(m_subject.id) != nullptr;
    if (!present) {
        showErrors(m_subject.bundle ? tr("The catalogue as edited has no bundle %1.").arg(m_subject.id)
                                    : tr("The catalogue as edited has no matter %1.").arg(m_subject.id),
            {});
        return;
    }
    run(catalogue);
}

void PreviewWindow::run(catalogue::CataloguePtr catalogue)
{
    rememberAnswers();

    // No store and no clerk: the intake ends at the checklist, and nothing is written anywhere.
    auto session = std::make_unique<intake::IntakeSession>(intake::IntakeEnvironment {}, catalogue);
    if (m_subject.bundle)
        session->openBundle(*catalogue->bundle(m_subject.id));
    else
        session->openMatter(*catalogue->matter(m_subject.id));
    const qsizetype parts = session->liveInterview()->parts().size();
    for (qsizetype p = 0; p < parts; ++p) {
        const catalogue::Matter &matter = *session->liveInterview()->parts().at(p).matter;
        for (const auto &[question, answer] :
            authoring::PreviewAnswers::carried(matter, m_answers.value(matter.code)))
            if (!session->liveInterview()->isPreset(int(p), question))
                session->setAnswer(int(p), question, answer);
    }
    m_page->start(session.get());
    m_session = std::move(session);
    m_catalogue = std::move(catalogue);
    m_stack->setCurrentWidget(m_page);
    const intake::InterviewSession::Part &first = m_session->liveInterview()->parts().constFirst();
    const QString name = m_subject.bundle ? m_catalogue->bundle(m_subject.id)->name : first.matter->name;
    setWindowTitle(tr("Preview — %1").arg(name));
    m_notice->setText(tr("Preview: the counter's interview and checklist on the catalogue as edited, "
                         "changes not yet saved included. Nothing is recorded. After an edit it comes back "
                         "with the answers that still fit. Esc closes it."));
}

void PreviewWindow::showErrors(const QString &text, const catalogue::Diagnostics &errors)
{
    // Nothing of the catalogue before the edit stays on screen; its answers are kept for after.
    rememberAnswers();
    m_page->endSession();
    m_session.reset();
    m_errorText->setText(text);
    m_errors->clear();
    for (const Diagnostic &diagnostic : errors)
        m_errors->addItem(diagnostic.toString());
    m_errors->setVisible(!errors.isEmpty());
    m_stack->setCurrentWidget(m_errorPage);
    m_notice->setText(tr("Preview: nothing to show."));
    setWindowTitle(tr("Preview"));
}

void PreviewWindow::rememberAnswers()
{
    if (!m_session || !m_session->liveInterview())
        return;
    for (const intake::InterviewSession::Part &part : m_session->liveInterview()->parts())
        m_answers.insert(part.matter->code, part.evaluation.effectiveAnswers);
}

bool PreviewWindow::showsErrors() const
{
    return m_stack->currentWidget() == m_errorPage;
}

QString PreviewWindow::notice() const
{
    return m_stack->currentWidget() == m_errorPage ? m_errorText->text() : m_notice->text();
}

} // namespace ow::editorui
