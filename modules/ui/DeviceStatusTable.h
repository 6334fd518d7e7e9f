#pragma once

#include "devices/DeviceStatus.h"

#include <QWidget>
#include <map>

class QLabel;
class QPushButton;

namespace ow::ui {

/// One row per device: a coloured dot, the device and its backend, the state, what the clerk should
/// know, and the device's test button.
class DeviceStatusTable : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceStatusTable(QWidget *parent = nullptr);

    void setStatus(const devices::DeviceStatus &status);
    /// The button that runs `kind`'s test (for focus and tests).
    QPushButton *testButton(devices::DeviceKind kind) const;
    /// The state text shown for `kind` (for tests).
    QString stateText(devices::DeviceKind kind) const;

Q_SIGNALS:
    void testRequested(ow::devices::DeviceKind kind);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Gives each wrapped message the height it needs at its width: the grid does not ask a label
    /// whose text changed after the page was laid out.
    void fitTexts();

    struct Row
    {
        QLabel *dot = nullptr;
        QLabel *backend = nullptr;
        QLabel *state = nullptr;
        QLabel *message = nullptr;
        QPushButton *test = nullptr;
    };

    std::map<devices::DeviceKind, Row> m_rows;
};

} // namespace ow::ui
