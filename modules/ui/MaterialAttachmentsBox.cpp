#include "ui/MaterialAttachmentsBox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

MaterialAttachmentsBox::MaterialAttachmentsBox(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    // The buttons answer to Ctrl+I and F6 on the page; Tab stays on the content.
    auto *import = new QPushButton(tr("Import file…  Ctrl+I"), this);
    import->setObjectName(QStringLiteral("flatButton"));
    import->setFocusPolicy(Qt::NoFocus);
    connect(import, &QPushButton::clicked, this, &MaterialAttachmentsBox::importClicked);
    auto *scan = new QPushButton(tr("Scan  F6"), this);
    scan->setObjectName(QStringLiteral("flatButton"));
    scan->setFocusPolicy(Qt::NoFocus);
    connect(scan, &QPushButton::clicked, this, &MaterialAttachmentsBox::scanClicked);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    // Room for three files; the review points above get the rest of the height.
    m_list->setFixedHeight(3 * m_list->fontMetrics().height() + 22);
    connect(m_list, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { Q_EMIT openRequested(item->data(Qt::UserRole).toString()); });

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_title, 1);
    header->addWidget(import);
    header->addWidget(scan);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 4, 0, 0);
    column->setSpacing(6);
    column->addLayout(header);
    column->addWidget(m_list);
    refresh();
}

void MaterialAttachmentsBox::setAttachments(
    const QList<cases::CaseAttachment> &attachments, const QStringList &online)
{
    m_attachments = attachments;
    m_online = online;
    refresh();
}

void MaterialAttachmentsBox::showMaterial(const QString &materialId)
{
    if (materialId == m_materialId && m_list->count() > 0)
        return;
    m_materialId = materialId;
    refresh();
}

void MaterialAttachmentsBox::refresh()
{
    m_list->clear();
    const QLocale locale;
    for (const cases::CaseAttachment &attachment : std::as_const(m_attachments)) {
        if (m_materialId.isEmpty() || attachment.materialId != m_materialId)
            continue;
        auto *item = new QListWidgetItem(
            tr("%1  ·  %2  ·  %3")
                .arg(attachment.fileName, locale.formattedDataSize(attachment.size),
                    attachment.added.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            m_list);
        item->setData(Qt::UserRole, attachment.sha256);
        // The applicant's own upload, not the counter's scan of the original: the clerk still
        // checks the paper against it.
        if (m_online.contains(attachment.sha256))
            item->setText(tr("Online pre-application  ·  %1").arg(item->text()));
    }
    const int n = m_list->count();
    m_title->setText(n == 0 ? tr("Scans and files: none yet") : tr("Scans and files (%1)").arg(n));
    m_list->setVisible(n > 0);
}

} // namespace ow::ui
