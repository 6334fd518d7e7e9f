#pragma once

#include "cases/Case.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace ow::ui {

/// The scans and files kept for one material of the case, with Import and Scan buttons; Enter or
/// a double click on a file asks for it to be opened.
class MaterialAttachmentsBox : public QWidget
{
    Q_OBJECT

public:
    explicit MaterialAttachmentsBox(QWidget *parent = nullptr);

    /// Every attachment of the case; only the shown material's are listed. Those in `online` (by
    /// SHA-256) came with an online pre-application and are marked so (网上预审).
    void setAttachments(const QList<cases::CaseAttachment> &attachments, const QStringList &online = {});
    /// Lists the files of `materialId` (nothing for an empty id).
    void showMaterial(const QString &materialId);
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void importClicked();
    void scanClicked();
    void openRequested(const QString &sha256);

private:
    void refresh();

    QList<cases::CaseAttachment> m_attachments;
    QStringList m_online;
    QString m_materialId;
    QLabel *m_title = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace ow::ui
