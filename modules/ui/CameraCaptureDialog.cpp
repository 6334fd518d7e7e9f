#include "ui/CameraCaptureDialog.h"

#include "ui/CameraImageView.h"
#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <cmath>

namespace ow::ui {

using drivers::camera::DocumentCamera;
using drivers::camera::PageProcessor;

namespace {

/// Pages are shown, not edited, on screen: a copy this size keeps painting cheap.
constexpr int kDisplayEdge = 1280;
constexpr QSize kThumbnail(96, 128);

QImage forDisplay(const QImage &image)
{
    return PageProcessor::limitLongEdge(image, kDisplayEdge);
}

QPushButton *toolButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    // Space and Enter take pictures: no button may swallow them by having focus or being default.
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoDefault(false);
    return button;
}

} // namespace

CameraCaptureDialog::CameraCaptureDialog(DocumentCamera *camera, const drivers::camera::PageOptions &options,
    const QString &materialName, const QString &deviceId, QWidget *parent)
    : QDialog(parent)
    , m_camera(camera)
    , m_options(options)
{
    setObjectName(QStringLiteral("cameraCaptureDialog"));
    setWindowTitle(
        materialName.isEmpty() ? tr("Document camera") : tr("Document camera — %1").arg(materialName));

    m_preview = new CameraImageView(this);
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_pageView = new CameraImageView(this);
    m_pageView->setObjectName(QStringLiteral("cameraPageView"));
    m_pageView->setPlaceholder(tr("Place the first page under the camera and press Space."));
    auto *liveTitle
        = new QLabel(materialName.isEmpty() ? tr("Camera") : tr("Camera · %1").arg(materialName), this);
    liveTitle->setObjectName(QStringLiteral("panelTitle"));
    m_pageCaption = new QLabel(tr("No pages yet"), this);
    m_pageCaption->setObjectName(QStringLiteral("panelTitle"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cameraStatus"));
    m_status->setWordWrap(true);

    m_strip = new QListWidget(this);
    m_strip->setObjectName(QStringLiteral("cameraPageStrip"));
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setMovement(QListView::Static);
    m_strip->setIconSize(kThumbnail);
    m_strip->setSpacing(6);
    m_strip->setFixedHeight(kThumbnail.height() + 56);
    m_strip->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(m_strip, &QListWidget::currentRowChanged, this, [this] {
        showSelected();
        updateButtons();
    });

    m_captureButton = toolButton(tr("Take page (Space)"), QStringLiteral("cameraCapture"), this);
    m_rotateLeftButton = toolButton(tr("Turn left (Ctrl+L)"), QStringLiteral("cameraRotateLeft"), this);
    m_rotateRightButton = toolButton(tr("Turn right (Ctrl+R)"), QStringLiteral("cameraRotateRight"), this);
    m_cropButton = toolButton(tr("Crop to page (Ctrl+K)"), QStringLiteral("cameraCrop"), this);
    m_cropButton->setCheckable(true);
    m_deleteButton = toolButton(tr("Delete page (Del)"), QStringLiteral("cameraDelete"), this);
    auto *cancelButton = toolButton(tr("Cancel"), QStringLiteral("cameraCancel"), this);
    m_doneButton = toolButton(tr("Done (Ctrl+Enter)"), QStringLiteral("cameraDone"), this);
    connect(m_captureButton, &QPushButton::clicked, this, &CameraCaptureDialog::capture);
    connect(m_rotateLeftButton, &QPushButton::clicked, this, [this] { rotateSelected(-1); });
    connect(m_rotateRightButton, &QPushButton::clicked, this, [this] { rotateSelected(1); });
    connect(m_cropButton, &QPushButton::clicked, this, &CameraCaptureDialog::toggleCropOfSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &CameraCaptureDialog::deleteSelected);
    connect(cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_doneButton, &QPushButton::clicked, this, &QDialog::accept);

    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QShortcut(keys, this);
        connect(action, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { capture(); });
    shortcut(QKeySequence(Qt::Key_Return), [this] { capture(); });
    shortcut(QKeySequence(Qt::Key_Enter), [this] { capture(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_L), [this] { rotateSelected(-1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { rotateSelected(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] { toggleCropOfSelected(); });
    shortcut(QKeySequence(Qt::Key_Delete), [this] { deleteSelected(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { accept(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { accept(); });

    auto *views = new QHBoxLayout;
    views->setSpacing(16);
    auto *live = new QVBoxLayout;
    live->addWidget(liveTitle);
    live->addWidget(m_preview, 1);
    auto *selected = new QVBoxLayout;
    selected->addWidget(m_pageCaption);
    selected->addWidget(m_pageView, 1);
    views->addLayout(live, 3);
    views->addLayout(selected, 2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_captureButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_rotateLeftButton);
    buttons->addWidget(m_rotateRightButton);
    buttons->addWidget(m_cropButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch();
    buttons->addWidget(cancelButton);
    buttons->addWidget(m_doneButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addLayout(views, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_strip);
    layout->addLayout(buttons);
    resize(1100, 720);

    connect(m_camera, &DocumentCamera::stateChanged, this, &CameraCaptureDialog::onStateChanged);
    connect(m_camera, &DocumentCamera::previewFrame, m_preview, &CameraImageView::setImage);
    connect(m_camera, &DocumentCamera::captured, this, &CameraCaptureDialog::onCaptured);
    connect(m_camera, &DocumentCamera::failed, this, [this](const QString &message) {
        m_waitingForPhoto = false;
        setStatus(message, true);
        updateButtons();
    });
    if (m_camera->state() == DocumentCamera::State::Closed
        || m_camera->state() == DocumentCamera::State::Error) {
        m_openedCamera = true;
        m_camera->open(deviceId);
    }
    onStateChanged();
    m_strip->setFocus();
}

CameraCaptureDialog::~CameraCaptureDialog()
{
    if (m_openedCamera && m_camera)
        m_camera->close();
}

int CameraCaptureDialog::selectedPage() const
{
    return m_strip->currentRow();
}

QImage CameraCaptureDialog::pageImage(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index).result : QImage();
}

void CameraCaptureDialog::capture()
{
    if (m_camera->state() != DocumentCamera::State::Ready || m_waitingForPhoto)
        return;
    m_waitingForPhoto = true;
    setStatus(tr("Taking the picture…"));
    updateButtons();
    m_camera->capture();
}

void CameraCaptureDialog::onCaptured(const QImage &photo)
{
    if (!m_waitingForPhoto)
        return; // a picture somebody else asked for
    m_waitingForPhoto = false;
    Page page;
    page.photo = photo;
    page.cropped = m_options.autoCrop;
    reprocess(page);
    m_pages.append(page);
    m_strip->addItem(new QListWidgetItem);
    refreshPage(int(m_pages.size()) - 1);
    m_strip->setCurrentRow(int(m_pages.size()) - 1);
    m_strip->scrollToItem(m_strip->currentItem());
    setStatus(page.processed.note.isEmpty()
            ? tr("Page %1 taken. Space takes the next page; Ctrl+Enter when the material is complete.")
                  .arg(m_pages.size())
            : tr("Page %1 taken whole: %2").arg(m_pages.size()).arg(page.processed.note),
        !page.processed.note.isEmpty());
    updateButtons();
}

void CameraCaptureDialog::reprocess(Page &page)
{
    drivers::camera::PageOptions options = m_options;
    options.autoCrop = page.cropped;
    page.processed = PageProcessor::process(page.photo, options);
    page.result = PageProcessor::rotateQuarterTurns(page.processed.image, page.quarterTurns);
}

QString CameraCaptureDialog::describe(const Page &page) const
{
    if (!page.cropped)
        return tr("whole photo");
    if (!page.processed.page)
        return tr("whole photo, no page found");
    if (std::abs(page.processed.turnedDegrees) >= 0.05)
        return tr("cropped, levelled by %1°").arg(std::abs(page.processed.turnedDegrees), 0, 'f', 1);
    return tr("cropped");
}

void CameraCaptureDialog::refreshPage(int index)
{
    const Page &page = m_pages.at(index);
    QListWidgetItem *item = m_strip->item(index);
    item->setIcon(QIcon(
        QPixmap::fromImage(page.result.scaled(kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
    item->setText(QString::number(index + 1));
    item->setToolTip(page.processed.note.isEmpty() ? describe(page) : page.processed.note);
    if (index == m_strip->currentRow())
        showSelected();
}

void CameraCaptureDialog::showSelected()
{
    const int index = selectedPage();
    if (index < 0 || index >= m_pages.size()) {
        m_pageView->setImage(QImage());
        m_pageCaption->setText(tr("No pages yet"));
        return;
    }
    const Page &page = m_pages.at(index);
    m_pageView->setImage(forDisplay(page.result));
    m_pageCaption->setText(tr("Page %1 of %2 · %3").arg(index + 1).arg(m_pages.size()).arg(describe(page)));
}

void CameraCaptureDialog::rotateSelected(int quarterTurns)
{
    const int index = selectedPage();
    if (index < 0 || index >= m_pages.size())
        return;
    Page &page = m_pages[index];
    page.quarterTurns = (page.quarterTurns + quarterTurns + 4) % 4;
    page.result = PageProcessor::rotateQuarterTurns(page.processed.image, page.quarterTurns);
    refreshPage(index);
}

void CameraCaptureDialog::toggleCropOfSelected()
{
    const int index = selectedPage();
    if (index < 0 || index >= m_pages.size())
        return;
    Page &page = m_pages[index];
    page.cropped = !page.cropped;
    reprocess(page);
    refreshPage(index);
    updateButtons();
}

void CameraCaptureDialog::deleteSelected()
{
    const int index = selectedPage();
    if (index < 0 || index >= m_pages.size())
        return;
    m_pages.removeAt(index);
    delete m_strip->takeItem(index);
    for (int i = index; i < m_pages.size(); ++i)
        m_strip->item(i)->setText(QString::number(i + 1));
    if (!m_pages.isEmpty())
        m_strip->setCurrentRow(std::min(index, int(m_pages.size()) - 1));
    showSelected();
    setStatus(tr("Page %1 deleted.").arg(index + 1));
    updateButtons();
}

void CameraCaptureDialog::onStateChanged()
{
    switch (m_camera->state()) {
    case DocumentCamera::State::Closed:
        m_preview->setPlaceholder(tr("The camera is off."));
        setStatus(tr("The camera is off."), true);
        break;
    case DocumentCamera::State::Opening:
        m_preview->setPlaceholder(tr("Starting the camera…"));
        setStatus(tr("Starting the camera…"));
        break;
    case DocumentCamera::State::Ready:
        setStatus(tr("Ready. Place the page under the camera; Space or Enter takes it."));
        break;
    case DocumentCamera::State::Error:
        m_waitingForPhoto = false;
        m_preview->setImage(QImage());
        m_preview->setPlaceholder(m_camera->errorMessage());
        setStatus(m_camera->errorMessage(), true);
        break;
    }
    updateButtons();
}

void CameraCaptureDialog::updateButtons()
{
    const bool ready = m_camera->state() == DocumentCamera::State::Ready;
    const bool hasSelection = selectedPage() >= 0 && selectedPage() < m_pages.size();
    m_captureButton->setEnabled(ready && !m_waitingForPhoto);
    m_rotateLeftButton->setEnabled(hasSelection);
    m_rotateRightButton->setEnabled(hasSelection);
    m_cropButton->setEnabled(hasSelection);
    m_cropButton->setChecked(hasSelection && m_pages.at(selectedPage()).cropped);
    m_deleteButton->setEnabled(hasSelection);
    m_doneButton->setEnabled(!m_pages.isEmpty());
}

void CameraCaptureDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("color: %1;").arg((problem ? Theme::warning() : Theme::secondaryText()).name()));
}

void CameraCaptureDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        if (m_pages.isEmpty())
            return;
        QList<QByteArray> jpegs;
        for (const Page &page : std::as_const(m_pages)) {
            const Result<QByteArray> jpeg
                = PageProcessor::encodeJpeg(page.result, m_options.jpegQuality, m_options.maxLongEdge);
            if (!jpeg) {
                setStatus(jpeg.error().message(), true);
                return;
            }
            jpegs.append(*jpeg);
        }
        m_jpegs = jpegs;
    }
    if (m_openedCamera && m_camera) {
        m_openedCamera = false;
        m_camera->close();
    }
    QDialog::done(result);
}

} // namespace ow::ui
