#pragma once

#include "camera/DocumentCamera.h"
#include "camera/PageProcessor.h"

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace ow::ui {

class CameraImageView;

/// Photographs the pages of one material with the document camera (高拍仪): live preview,
/// Space or Enter takes a page, the strip below collects the pages; the selected page can be turned
/// (Ctrl+L, Ctrl+R), shown whole instead of cropped (Ctrl+K) or deleted (Del). Done (Ctrl+Enter)
/// encodes every page as JPEG for the intake to store as attachments. Works with any DocumentCamera.
class CameraCaptureDialog : public QDialog
{
    Q_OBJECT

public:
    /// `camera` is not owned; the dialog opens it (with `deviceId`) when it is closed, and closes it
    /// again at the end if it did.
    CameraCaptureDialog(drivers::camera::DocumentCamera *camera, const drivers::camera::PageOptions &options,
        const QString &materialName, const QString &deviceId = QString(), QWidget *parent = nullptr);
    ~CameraCaptureDialog() override;

    /// The JPEG of every page, in order: filled when Done is pressed.
    QList<QByteArray> pages() const { return m_jpegs; }
    int pageCount() const { return int(m_pages.size()); }
    int selectedPage() const;
    /// The page as it will be saved (cropped, turned), before the size limit.
    QImage pageImage(int index) const;

    void capture();
    void rotateSelected(int quarterTurns);
    /// Switches the selected page between cropped to the paper and the whole photo.
    void toggleCropOfSelected();
    void deleteSelected();

    void done(int result) override;

private:
    struct Page
    {
        QImage photo; ///< as the camera took it
        drivers::camera::ProcessedPage processed; ///< cropped or whole, before turning
        bool cropped = true;
        int quarterTurns = 0;
        QImage result; ///< processed, turned
    };

    void onCaptured(const QImage &photo);
    void onStateChanged();
    void reprocess(Page &page);
    void refreshPage(int index);
    void showSelected();
    void updateButtons();
    void setStatus(const QString &text, bool problem = false);
    QString describe(const Page &page) const;

    QPointer<drivers::camera::DocumentCamera> m_camera;
    drivers::camera::PageOptions m_options;
    bool m_openedCamera = false;
    bool m_waitingForPhoto = false;
    QList<Page> m_pages;
    QList<QByteArray> m_jpegs;

    CameraImageView *m_preview = nullptr;
    CameraImageView *m_pageView = nullptr;
    QLabel *m_pageCaption = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_strip = nullptr;
    QPushButton *m_captureButton = nullptr;
    QPushButton *m_rotateLeftButton = nullptr;
    QPushButton *m_rotateRightButton = nullptr;
    QPushButton *m_cropButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_doneButton = nullptr;
};

} // namespace ow::ui
