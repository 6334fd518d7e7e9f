#include "ui/MaterialDetailPanel.h"

#include "ui/SampleViewer.h"

#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

namespace {

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// "<b>title</b><br>• a<br>• b" — hidden by the caller when there is nothing to list.
QString bulletList(const QString &title, const QStringList &items)
{
    QString html = QStringLiteral("<span style='font-weight:600'>") + title.toHtmlEscaped()
        + QStringLiteral("</span>");
    for (const QString &item : items)
        html += QStringLiteral("<br>• ") + item.toHtmlEscaped();
    return html;
}

} // namespace

MaterialDetailPanel::MaterialDetailPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPanel"));
    setAttribute(Qt::WA_StyledBackground);

    m_title = wrappingLabel(QStringLiteral("panelTitle"), this);
    m_meta = wrappingLabel(QStringLiteral("panelSubtitle"), this);
    m_description = wrappingLabel(QStringLiteral("materialDescription"), this);
    m_viewer = new SampleViewer(this);
    m_errors = wrappingLabel(QStringLiteral("commonErrors"), this);
    m_errors->setTextFormat(Qt::RichText);
    m_prerequisites = wrappingLabel(QStringLiteral("prerequisites"), this);
    m_prerequisites->setTextFormat(Qt::RichText);
    m_files = wrappingLabel(QStringLiteral("materialFiles"), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_description);
    layout->addSpacing(6);
    layout->addWidget(m_viewer, 1);
    layout->addWidget(m_errors);
    layout->addWidget(m_prerequisites);
    layout->addWidget(m_files);
    showLine(nullptr, Catalogue());
}

void MaterialDetailPanel::showLine(const ChecklistLine *line, const Catalogue &catalogue)
{
    m_viewer->showLine(line, catalogue);
    if (!line) {
        m_title->setText(tr("Material"));
        m_meta->clear();
        for (QLabel *label : {m_description, m_errors, m_prerequisites, m_files})
            label->hide();
        return;
    }
    m_title->setText(line->name);
    QStringList meta {displayName(line->category)};
    if (!line->source.isEmpty())
        meta.append(tr("issued by %1").arg(line->source));
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    const Material *material = line->material;
    QStringList description;
    if (material && !material->description.isEmpty())
        description.append(material->description);
    for (const QString &note : line->notes)
        description.append(tr("Note: %1").arg(note));
    m_description->setText(description.join(QLatin1Char('\n')));
    m_description->setVisible(!description.isEmpty());

    m_errors->setText(bulletList(tr("Common errors"), line->commonErrors));
    m_errors->setVisible(!line->commonErrors.isEmpty());
    m_prerequisites->setText(bulletList(tr("Prerequisites"), line->prerequisites));
    m_prerequisites->setVisible(!line->prerequisites.isEmpty());

    QStringList files;
    if (material) {
        if (!material->blankForm.isEmpty())
            files.append(tr("Blank form: %1").arg(QFileInfo(material->blankForm).fileName()));
        if (!material->outline.isEmpty())
            files.append(tr("Content outline: %1").arg(QFileInfo(material->outline).fileName()));
        if (!material->referenceText.isEmpty())
            files.append(tr("Reference text: %1").arg(QFileInfo(material->referenceText).fileName()));
    }
    m_files->setText(files.join(QStringLiteral("    ")));
    m_files->setVisible(!files.isEmpty());
}

QString MaterialDetailPanel::commonErrorsText() const
{
    return m_errors->isVisibleTo(this) ? m_errors->text() : QString();
}

QString MaterialDetailPanel::prerequisitesText() const
{
    return m_prerequisites->isVisibleTo(this) ? m_prerequisites->text() : QString();
}

} // namespace ow::ui
