#pragma once

#include <QStackedWidget>

namespace ow::ui {

/// The window's pages, one shown at a time, asking only for the room of the page shown. A plain
/// QStackedWidget asks for the largest minimum of all its pages, so one tall page (the pickup
/// counter) would make every page of the window taller than a 1366×768 screen.
class PageStack : public QStackedWidget
{
    Q_OBJECT

public:
    explicit PageStack(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    /// After a change of page: the window within the screen, no larger than the pages before asked.
    void fitWindow();
};

} // namespace ow::ui
