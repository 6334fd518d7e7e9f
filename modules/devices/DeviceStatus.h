#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace ow::devices {

/// The devices of a counter desk.
enum class DeviceKind
{
    IdCard, ///< 身份证阅读器
    Receipt, ///< 80/58 mm thermal receipt printer
    Evaluator, ///< 评价器
    Scanner, ///< barcode / QR scanner
    Camera, ///< 高拍仪
};

inline constexpr DeviceKind kDeviceKinds[] = {
    DeviceKind::IdCard, DeviceKind::Receipt, DeviceKind::Evaluator, DeviceKind::Scanner, DeviceKind::Camera};

/// Where a device stands, as the device panel shows it.
enum class DeviceState
{
    Off, ///< not configured at this counter
    Connected, ///< answers, or (printers) nothing has gone wrong yet
    Missing, ///< configured but not plugged in
    Busy, ///< a test or a request is running
    Error, ///< there but not working; see the message
};

/// The translated name of a device ("ID card reader").
QString deviceKindName(DeviceKind kind);
/// The stable key, also the settings group: "idcard", "receipt", "evaluator", "scanner", "camera".
QString deviceKindKey(DeviceKind kind);
/// The translated name of a state ("connected").
QString deviceStateName(DeviceState state);

/// One device's state with the sentence for people, and which backend drives it.
struct DeviceStatus
{
    DeviceKind kind = DeviceKind::IdCard;
    QString backend; ///< translated, e.g. "serial port /dev/ttyUSB0", "simulator"
    DeviceState state = DeviceState::Off;
    QString message; ///< what the clerk should know; empty when all is well

    friend bool operator==(const DeviceStatus &, const DeviceStatus &) = default;
};

/// How one test action ended.
struct DeviceTestResult
{
    DeviceKind kind = DeviceKind::IdCard;
    bool ok = false;
    QString message; ///< translated
    QDateTime finishedAt;
};

} // namespace ow::devices

Q_DECLARE_METATYPE(ow::devices::DeviceStatus)
Q_DECLARE_METATYPE(ow::devices::DeviceTestResult)
