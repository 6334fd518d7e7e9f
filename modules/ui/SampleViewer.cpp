#include "ui/SampleViewer.h"

#include "ui/ReviewPointDelegate.h"
#include "ui/SampleView.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QStackedWidget>
#include <QToolButton>

namespace ow::ui {

using namespace ow::catalogue;

namespace {

constexpr int kListWidth = 300; ///< room the point list needs beside the image
constexpr int kListHeight = 200; ///< room the point list needs below the image

QToolButton *zoomButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setFocusPolicy(Qt::NoFocus);
    button->setObjectName(QStringLiteral("zoomButton"));
    return button;
}

} // namespace

SampleViewer::SampleViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sampleViewer"));

    m_view = new SampleView(this);
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("samplePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_imageStack = new QStackedWidget(this);
    m_imageStack->addWidget(m_view);
    m_imageStack->addWidget(m_placeholder);

    m_zoomBar = new QWidget(this);
    auto *zoomOutButton = zoomButton(QStringLiteral("−"), tr("Zoom out (Ctrl+-)"), m_zoomBar);
    auto *zoomInButton = zoomButton(QStringLiteral("+"), tr("Zoom in (Ctrl+=)"), m_zoomBar);
    auto *fitButton = zoomButton(tr("Fit"), tr("Fit to the view (Ctrl+0)"), m_zoomBar);
    m_zoomLabel = new QLabel(m_zoomBar);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("8888%")));
    auto *sampleTitle = new QLabel(tr("Sample"), m_zoomBar);
    sampleTitle->setObjectName(QStringLiteral("sectionTitle"));
    auto *zoomLayout = new QHBoxLayout(m_zoomBar);
    zoomLayout->setContentsMargins(0, 0, 0, 0);
    zoomLayout->setSpacing(4);
    zoomLayout->addWidget(sampleTitle);
    zoomLayout->addStretch(1);
    zoomLayout->addWidget(m_zoomLabel);
    zoomLayout->addWidget(zoomOutButton);
    zoomLayout->addWidget(zoomInButton);
    zoomLayout->addWidget(fitButton);
    connect(zoomOutButton, &QToolButton::clicked, this, &SampleViewer::zoomOut);
    connect(zoomInButton, &QToolButton::clicked, this, &SampleViewer::zoomIn);
    connect(fitButton, &QToolButton::clicked, this, &SampleViewer::fitToView);
    connect(m_view, &SampleView::zoomChanged, this, &SampleViewer::updateZoomLabel);

    auto *imageColumn = new QVBoxLayout;
    imageColumn->setSpacing(6);
    imageColumn->addWidget(m_zoomBar);
    imageColumn->addWidget(m_imageStack, 1);

    auto *pointsTitle = new QLabel(tr("Review points"), this);
    pointsTitle->setObjectName(QStringLiteral("sectionTitle"));
    m_points = new QListWidget(this);
    m_points->setObjectName(QStringLiteral("reviewPoints"));
    m_points->setItemDelegate(new ReviewPointDelegate(m_points));
    m_points->setMouseTracking(true);
    m_points->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_points->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_points->setResizeMode(QListView::Adjust);
    m_points->setFrameShape(QFrame::NoFrame);
    auto *pointsColumn = new QVBoxLayout;
    pointsColumn->setSpacing(6);
    pointsColumn->addWidget(pointsTitle);
    pointsColumn->addWidget(m_points, 1);

    m_layout = new QBoxLayout(QBoxLayout::TopToBottom, this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    m_layout->addLayout(imageColumn, 3);
    m_layout->addLayout(pointsColumn, 2);
    m_layout->setStretch(0, 3);
    m_layout->setStretch(1, 2);

    connect(m_points, &QListWidget::currentRowChanged, this, &SampleViewer::highlightRow);
    connect(m_points, &QListWidget::itemEntered, this,
        [this](QListWidgetItem *item) { highlightRow(m_points->row(item)); });
    // Leaving the list with the mouse returns the highlight to the selected point.
    m_points->viewport()->installEventFilter(this);
    connect(m_view, &SampleView::markerHovered, this, [this](int number, bool entered) {
        highlightRow(entered ? m_rowOfMarker.value(number, -1) : m_points->currentRow());
    });
    connect(m_view, &SampleView::markerClicked, this, [this](int number) {
        const int row = m_rowOfMarker.value(number, -1);
        if (row >= 0)
            m_points->setCurrentRow(row);
    });
}

bool SampleViewer::hasImage() const
{
    return m_imageStack->currentWidget() == m_view;
}

void SampleViewer::showLine(const ChecklistLine *line, const Catalogue &catalogue)
{
    m_points->clear();
    m_rowOfMarker.clear();
    if (!line) {
        m_view->clear();
        m_shownImage.clear();
        m_placeholder->setText(tr("Select a material in the checklist to see its review points and sample."));
        m_imageStack->setCurrentWidget(m_placeholder);
        m_zoomBar->setEnabled(false);
        return;
    }

    // Markers are numbered in the order the catalogue writes them (docs/catalogue-format.md §5).
    const Sample *sample = line->material && line->material->sample ? &*line->material->sample : nullptr;
    QMap<QString, QVariantList> numbersOfPoint;
    QList<QRectF> rects;
    if (sample) {
        for (const SampleMark &mark : sample->marks) {
            rects.append(QRectF(mark.rect));
            numbersOfPoint[mark.reviewPointId].append(int(rects.size()));
        }
    }

    // Marked points first, in marker order, so the list reads 1, 2, 3 like the image; then the rest.
    QList<const ReviewPoint *> ordered;
    for (const ReviewPoint &point : line->reviewPoints)
        if (point.matterCode.isEmpty() && numbersOfPoint.contains(point.id))
            ordered.append(&point);
    std::stable_sort(ordered.begin(), ordered.end(), [&](const ReviewPoint *a, const ReviewPoint *b) {
        return numbersOfPoint.value(a->id).constFirst().toInt()
            < numbersOfPoint.value(b->id).constFirst().toInt();
    });
    for (const ReviewPoint &point : line->reviewPoints)
        if (!ordered.contains(&point))
            ordered.append(&point);

    for (const ReviewPoint *point : std::as_const(ordered)) {
        auto *item = new QListWidgetItem(point->text, m_points);
        const QVariantList numbers
            = point->matterCode.isEmpty() ? numbersOfPoint.value(point->id) : QVariantList();
        item->setData(ReviewPointDelegate::NumbersRole, numbers);
        item->setData(ReviewPointDelegate::KindRole, displayName(point->kind));
        if (line->matterCodes.size() > 1 && !point->matterCode.isEmpty())
            item->setData(ReviewPointDelegate::TagRole, point->matterCode);
        for (const QVariant &number : numbers)
            m_rowOfMarker.insert(number.toInt(), m_points->count() - 1);
    }
    if (m_points->count() == 0)
        new QListWidgetItem(tr("The catalogue gives no review points for this material."), m_points);

    // The same sample again (the checklist was re-evaluated): keep the clerk's zoom and scroll.
    const QString path = sample ? catalogue.resolve(sample->image) : QString();
    if (!path.isEmpty() && path == m_shownImage && rects == m_shownMarks && hasImage()) {
        m_view->highlight({});
        return;
    }
    m_view->clear();
    m_shownImage.clear();
    QPixmap image;
    if (sample && image.load(path)) {
        m_imageSize = image.size();
        m_shownImage = path;
        m_shownMarks = rects;
        updateDirection();
        m_view->setSample(image, rects);
        m_imageStack->setCurrentWidget(m_view);
        m_zoomBar->setEnabled(true);
        updateZoomLabel(m_view->zoom());
    } else {
        m_placeholder->setText(sample ? tr("The sample image %1 could not be read.").arg(sample->image)
                                      : tr("The catalogue has no sample image for this material."));
        m_imageStack->setCurrentWidget(m_placeholder);
        m_zoomBar->setEnabled(false);
        m_zoomLabel->clear();
    }
}

void SampleViewer::highlightRow(int row)
{
    QList<int> numbers;
    if (QListWidgetItem *item = m_points->item(row))
        for (const QVariant &number : item->data(ReviewPointDelegate::NumbersRole).toList())
            numbers.append(number.toInt());
    m_view->highlight(numbers);
}

void SampleViewer::updateZoomLabel(qreal zoom)
{
    m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100)));
}

void SampleViewer::zoomIn()
{
    if (hasImage())
        m_view->zoomIn();
}

void SampleViewer::zoomOut()
{
    if (hasImage())
        m_view->zoomOut();
}

void SampleViewer::fitToView()
{
    if (hasImage())
        m_view->fitToView();
}

bool SampleViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_points->viewport() && event->type() == QEvent::Leave)
        highlightRow(m_points->currentRow());
    // Rows wrap to the width: when it changes, every row's height must be asked again.
    if (watched == m_points->viewport() && event->type() == QEvent::Resize)
        m_points->doItemsLayout();
    return QWidget::eventFilter(watched, event);
}

void SampleViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateDirection();
}

void SampleViewer::updateDirection()
{
    // Put the point list where it leaves the image the larger scale: beside a tall form, below a wide card.
    const QSizeF image = m_imageSize.isEmpty() ? QSizeF(4, 3) : QSizeF(m_imageSize);
    const qreal w = width();
    const qreal h = height();
    const qreal beside = std::min((w - kListWidth) / image.width(), h / image.height());
    const qreal below = std::min(w / image.width(), (h - kListHeight) / image.height());
    const auto direction = beside > below ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_layout->direction() != direction)
        m_layout->setDirection(direction);
}

} // namespace ow::ui
