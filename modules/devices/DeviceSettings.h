#pragma once

#include "camera/CameraSettings.h"
#include "core/Result.h"
#include "devices/IdCardSettings.h"
#include "evaluator/EvaluatorSettings.h"
#include "receipt/ReceiptSettings.h"
#include "scanner/ScannerSettings.h"

class QSettings;

namespace ow::devices {

/// Every device of the counter as configured, one settings group per device ("idcard", "receipt",
/// "evaluator", "scanner", "camera"). Loading goes through each driver's own …Settings::load, so
/// the keys and their checks stay with the driver; saving writes the same keys back.
struct DeviceSettings
{
    IdCardSettings idCard;
    drivers::receipt::ReceiptSettings receipt;
    drivers::evaluator::EvaluatorSettings evaluator;
    drivers::scanner::ScannerSettings scanner;
    drivers::camera::CameraSettings camera;

    /// Every device off: what a hub has until it is given the counter's settings.
    static DeviceSettings none();

    /// The first bad key of any group is the error.
    static Result<DeviceSettings> load(const QSettings &settings);
    void save(QSettings &settings) const;

    static void saveReceipt(const drivers::receipt::ReceiptSettings &receipt, QSettings &settings);
    static void saveEvaluator(const drivers::evaluator::EvaluatorSettings &evaluator, QSettings &settings);
    static void saveScanner(const drivers::scanner::ScannerSettings &scanner, QSettings &settings);
    static void saveCamera(const drivers::camera::CameraSettings &camera, QSettings &settings);
};

} // namespace ow::devices
