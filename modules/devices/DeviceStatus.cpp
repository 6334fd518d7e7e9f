#include "devices/DeviceStatus.h"

#include <QCoreApplication>

namespace ow::devices {

QString deviceKindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::IdCard:
        return QCoreApplication::translate("ow::devices", "ID card reader");
    case DeviceKind::Receipt:
        return QCoreApplication::translate("ow::devices", "Receipt printer");
    case DeviceKind::Evaluator:
        return QCoreApplication::translate("ow::devices", "Evaluator pad");
    case DeviceKind::Scanner:
        return QCoreApplication::translate("ow::devices", "Code scanner");
    case DeviceKind::Camera:
        return QCoreApplication::translate("ow::devices", "Document camera");
    }
    return {};
}

QString deviceKindKey(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::IdCard:
        return QStringLiteral("idcard");
    case DeviceKind::Receipt:
        return QStringLiteral("receipt");
    case DeviceKind::Evaluator:
        return QStringLiteral("evaluator");
    case DeviceKind::Scanner:
        return QStringLiteral("scanner");
    case DeviceKind::Camera:
        return QStringLiteral("camera");
    }
    return {};
}

QString deviceStateName(DeviceState state)
{
    switch (state) {
    case DeviceState::Off:
        return QCoreApplication::translate("ow::devices", "not configured");
    case DeviceState::Connected:
        return QCoreApplication::translate("ow::devices", "connected");
    case DeviceState::Missing:
        return QCoreApplication::translate("ow::devices", "missing");
    case DeviceState::Busy:
        return QCoreApplication::translate("ow::devices", "busy");
    case DeviceState::Error:
        return QCoreApplication::translate("ow::devices", "error");
    }
    return {};
}

} // namespace ow::devices
