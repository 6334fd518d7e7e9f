#include "ui/PageStack.h"

#include "ui/ScreenRoom.h"

#include <QLayout>

namespace ow::ui {

namespace {

/// What a layout would give `page` at least: its minimum size where set, else its hint.
QSize smallest(const QWidget *page)
{
    const QSize hint = page->minimumSizeHint();
    const QSize set = page->minimumSize();
    return QSize(
        set.width() > 0 ? set.width() : hint.width(), set.height() > 0 ? set.height() : hint.height())
        .expandedTo(QSize(0, 0));
}

} // namespace

PageStack::PageStack(QWidget *parent)
    : QStackedWidget(parent)
{
    // Another page may ask for more or less room: the window's layout asks again once the window has
    // shown or hidden what goes with the page (the intake's step bar).
    connect(this, &QStackedWidget::currentChanged, this, &PageStack::fitWindow, Qt::QueuedConnection);
}

QSize PageStack::sizeHint() const
{
    const QWidget *page = currentWidget();
    if (!page)
        return QStackedWidget::sizeHint();
    const int frame = 2 * frameWidth();
    return page->sizeHint().expandedTo(smallest(page)) + QSize(frame, frame);
}

QSize PageStack::minimumSizeHint() const
{
    const QWidget *page = currentWidget();
    if (!page)
        return QStackedWidget::minimumSizeHint();
    const int frame = 2 * frameWidth();
    return smallest(page) + QSize(frame, frame);
}

void PageStack::fitWindow()
{
    updateGeometry();
    QWidget *top = window();
    if (!top->isVisible() || top->isMaximized() || top->isFullScreen())
        return;
    // Qt shows the new page while the old page's step bar is still there, and the window grows to
    // hold both; no window manager shrinks it back below the screen's edge. Within the room of the
    // screen, the window keeps what the page now shown needs.
    if (QLayout *layout = top->layout())
        layout->activate();
    const QSize fitted = top->size().boundedTo(screenRoom(top->screen())).expandedTo(top->minimumSize());
    if (fitted != top->size())
        top->resize(fitted);
}

} // namespace ow::ui
