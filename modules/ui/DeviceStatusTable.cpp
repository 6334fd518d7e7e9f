#include "ui/DeviceStatusTable.h"

#include "ui/Theme.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using devices::DeviceKind;
using devices::DeviceState;

namespace {

QColor stateColour(DeviceState state)
{
    switch (state) {
    case DeviceState::Connected:
        return Theme::success();
    case DeviceState::Missing:
        return QColor(0xd9, 0x8e, 0x04); // brighter than the warning text colour, so the dot reads as amber
    case DeviceState::Busy:
        return Theme::accent();
    case DeviceState::Error:
        return Theme::danger();
    case DeviceState::Off:
        break;
    }
    return QColor(0xb4, 0xbe, 0xc9);
}

QString stateTone(DeviceState state)
{
    switch (state) {
    case DeviceState::Connected:
        return QStringLiteral("success");
    case DeviceState::Missing:
        return QStringLiteral("warning");
    case DeviceState::Busy:
        return QStringLiteral("accent");
    case DeviceState::Error:
        return QStringLiteral("danger");
    case DeviceState::Off:
        break;
    }
    return QString();
}

QPixmap dot(const QColor &colour, qreal ratio)
{
    const int size = 14;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pixmap;
}

} // namespace

DeviceStatusTable::DeviceStatusTable(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("deviceStatusTable"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(12);
    grid->setColumnStretch(1, 1);

    int row = 0;
    for (DeviceKind kind : devices::kDeviceKinds) {
        const QString key = devices::deviceKindKey(kind);
        Row widgets;
        widgets.dot = new QLabel(this);
        widgets.dot->setFixedWidth(16);
        widgets.dot->setContentsMargins(0, 4, 0, 0); // level with the name's first line

        auto *name = new QLabel(devices::deviceKindName(kind), this);
        name->setObjectName(QStringLiteral("sectionTitle"));
        widgets.backend = new QLabel(this);
        widgets.backend->setObjectName(QStringLiteral("fieldHint"));
        widgets.backend->setWordWrap(true);
        widgets.backend->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // What went wrong stays under the device's name, so a long sentence wraps in a narrow column.
        widgets.message = new QLabel(this);
        widgets.message->setObjectName(QStringLiteral("fieldValue"));
        widgets.message->setWordWrap(true);
        widgets.message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        widgets.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *nameBox = new QWidget(this);
        auto *nameLayout = new QVBoxLayout(nameBox);
        nameLayout->setContentsMargins(0, 0, 0, 0);
        nameLayout->setSpacing(1);
        nameLayout->addWidget(name);
        nameLayout->addWidget(widgets.backend);
        nameLayout->addWidget(widgets.message);

        widgets.state = new QLabel(this);
        widgets.state->setObjectName(QStringLiteral("chip"));
        widgets.state->setAlignment(Qt::AlignCenter);
        widgets.state->setMinimumWidth(86);

        widgets.test = new QPushButton(tr("Test"), this);
        widgets.test->setObjectName(QStringLiteral("flatButton"));
        widgets.test->setProperty("deviceKey", key);
        widgets.test->setAccessibleName(tr("Test the %1").arg(devices::deviceKindName(kind).toLower()));
        connect(widgets.test, &QPushButton::clicked, this, [this, kind] { Q_EMIT testRequested(kind); });

        grid->addWidget(widgets.dot, row, 0, Qt::AlignTop | Qt::AlignHCenter);
        grid->addWidget(nameBox, row, 1);
        grid->addWidget(widgets.state, row, 2, Qt::AlignTop);
        grid->addWidget(widgets.test, row, 3, Qt::AlignTop);
        m_rows[kind] = widgets;
        setStatus({kind, {}, DeviceState::Off, {}});
        ++row;
    }
    grid->setRowStretch(row, 1); // rows stay together at the top of a taller card
}

void DeviceStatusTable::setStatus(const devices::DeviceStatus &status)
{
    const auto found = m_rows.find(status.kind);
    if (found == m_rows.end())
        return;
    Row &row = found->second;
    row.dot->setPixmap(dot(stateColour(status.state), devicePixelRatioF()));
    row.dot->setToolTip(devices::deviceStateName(status.state));
    row.backend->setText(status.backend.isEmpty() ? tr("not configured") : status.backend);
    row.state->setText(devices::deviceStateName(status.state));
    row.state->setProperty("tone", stateTone(status.state));
    row.state->style()->unpolish(row.state);
    row.state->style()->polish(row.state);
    row.message->setText(status.message);
    row.message->setVisible(!status.message.isEmpty());
    row.test->setEnabled(status.state != DeviceState::Off && status.state != DeviceState::Busy);
    fitTexts();
}

void DeviceStatusTable::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTexts();
}

void DeviceStatusTable::fitTexts()
{
    for (auto &[kind, row] : m_rows) {
        // The column's width, not the label's: a label just shown again still has its old width.
        QLabel *label = row.message;
        const int width = label->parentWidget()->width();
        if (width > 0)
            label->setMinimumHeight(label->text().isEmpty() ? 0 : label->heightForWidth(width));
    }
}

QPushButton *DeviceStatusTable::testButton(DeviceKind kind) const
{
    const auto found = m_rows.find(kind);
    return found == m_rows.end() ? nullptr : found->second.test;
}

QString DeviceStatusTable::stateText(DeviceKind kind) const
{
    const auto found = m_rows.find(kind);
    return found == m_rows.end() ? QString() : found->second.state->text();
}

} // namespace ow::ui
