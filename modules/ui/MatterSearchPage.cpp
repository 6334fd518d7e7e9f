#include "ui/MatterSearchPage.h"

#include "catalogue/GuideCode.h"
#include "catalogue/PreApplicationCode.h"
#include "catalogue/SituationEngine.h"
#include "ui/SearchResultDelegate.h"
#include "ui/SearchResultModel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

MatterSearchPage::MatterSearchPage(CataloguePtr catalogue, QWidget *parent)
    : QWidget(parent)
    , m_catalogue(catalogue)
    , m_model(new SearchResultModel(std::move(catalogue), this))
{
    setObjectName(QStringLiteral("searchPage"));

    auto *title = new QLabel(tr("Which matter does the applicant come for?"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Name, code, keyword or pinyin initials, e.g. ggcswsxk"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("panelSubtitle"));
    m_resume = new QLabel(this);
    m_resume->setObjectName(QStringLiteral("resumeHint"));
    m_resume->hide();

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SearchResultDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setMouseTracking(true);
    m_view->setFocusPolicy(Qt::NoFocus); // the field keeps the keyboard; Up/Down are forwarded
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    connect(m_field, &QLineEdit::textChanged, this, &MatterSearchPage::updateResults);
    connect(m_field, &QLineEdit::returnPressed, this, &MatterSearchPage::openCurrent);
    connect(m_view, &QListView::clicked, this, [this] { openCurrent(); });

    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("searchColumn"));
    column->setMaximumWidth(960);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(title);
    columnLayout->addWidget(m_field);
    auto *status = new QHBoxLayout;
    status->addWidget(m_count, 1);
    status->addWidget(m_resume);
    columnLayout->addLayout(status);
    columnLayout->addWidget(m_view, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->addStretch(1);
    layout->addWidget(column, 12);
    layout->addStretch(1);

    updateResults();
}

void MatterSearchPage::focusSearch()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void MatterSearchPage::setResumable(const QString &name)
{
    m_resume->setText(name.isEmpty() ? QString() : tr("Alt+→ resumes: %1").arg(name));
    m_resume->setVisible(!name.isEmpty());
}

void MatterSearchPage::updateResults()
{
    m_model->setQuery(m_field->text());
    const int count = m_model->rowCount();
    if (GuideCode::isGuideCode(m_field->text()))
        m_count->setText(tr("A guide code from the self-service checklist: Enter opens its matter with the "
                            "applicant's answers."));
    else if (!preApplicationCode().isEmpty())
        m_count->setText(
            tr("A pre-application code: Enter fetches what the applicant submitted online from the "
               "hall's server."));
    else if (m_field->text().trimmed().isEmpty())
        m_count->setText(tr("All %1 matters and bundles, the most frequent first.").arg(count));
    else if (count == 0)
        m_count->setText(tr("Nothing matches. Try fewer characters, the code, or pinyin initials."));
    else
        m_count->setText(tr("%n result(s). Up/Down to choose, Enter to open.", nullptr, count));
    if (count > 0)
        m_view->setCurrentIndex(m_model->index(0));
}

void MatterSearchPage::openCurrent()
{
    if (GuideCode::isGuideCode(m_field->text())) {
        openGuideCode();
        return;
    }
    if (PreApplicationCode::isQrText(m_field->text())) {
        const Result<PreApplicationCode> code = PreApplicationCode::parse(m_field->text());
        if (!code)
            m_count->setText(tr("The pre-application code cannot be read: %1").arg(code.error().message()));
        else
            Q_EMIT preApplicationCodeRead(code->code);
        return;
    }
    if (const QString code = preApplicationCode(); !code.isEmpty()) {
        Q_EMIT preApplicationCodeRead(code);
        return;
    }
    const SearchHit *hit = m_model->hit(m_view->currentIndex().row());
    if (!hit)
        return;
    if (hit->bundle)
        Q_EMIT bundleChosen(hit->bundle);
    else if (hit->matter)
        Q_EMIT matterChosen(hit->matter);
}

void MatterSearchPage::openGuideCode()
{
    const Result<GuideCode> code = GuideCode::parse(m_field->text());
    if (!code) {
        m_count->setText(tr("The guide code cannot be read: %1").arg(code.error().message()));
        return;
    }
    const Matter *matter = m_catalogue->matter(code->matterCode);
    if (!matter) {
        m_count->setText(tr("The guide code names matter %1, which this catalogue does not have.")
                             .arg(code->matterCode.left(64)));
        return;
    }
    // Answers an older catalogue version allowed and this one does not are left for the clerk to ask.
    const Answers answers = code->answersFor(SituationEngine(m_catalogue), *matter);
    Q_EMIT guideCodeRead(matter, answers);
}

QString MatterSearchPage::preApplicationCode() const
{
    // A typed code stands alone in the field; no matter's name or code looks like one.
    const Result<PreApplicationCode> code = PreApplicationCode::parse(m_field->text());
    return code ? code->code : QString();
}

bool MatterSearchPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // The list moves while the field keeps the keyboard, so typing can go on at once.
            QApplication::sendEvent(m_view, key);
            return true;
        case Qt::Key_Escape:
            if (!m_field->text().isEmpty()) {
                m_field->clear();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ow::ui
