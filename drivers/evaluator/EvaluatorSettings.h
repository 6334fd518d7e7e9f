#pragma once

#include "core/Result.h"
#include "evaluator/Evaluator.h"
#include "evaluator/KeyMapping.h"
#include "evaluator/SerialEvaluatorWorker.h"
#include "serial/SerialPortSettings.h"

#include <memory>

class QSettings;

namespace ow::drivers::evaluator {

/// The evaluator as configured under the settings group "evaluator" (keys in docs/hardware.md).
struct EvaluatorSettings
{
    enum class Backend
    {
        None, ///< no evaluator at this counter
        Serial, ///< a key pad on evaluator/port
        Screen, ///< a window on the applicant's screen (OnScreenEvaluator)
        Simulator, ///< answers by itself, for demos
    };

    Backend backend = Backend::None;
    serial::SerialPortSettings port;
    KeyMapping mapping = KeyMapping::preset(KeyMapping::Preset::GenerationA);
    SerialEvaluatorOptions serial;

    /// Reads the keys under "evaluator/"; missing keys keep their defaults, wrong values are errors
    /// that name the key.
    static Result<EvaluatorSettings> load(const QSettings &settings);

    /// The configured evaluator, nullptr for Backend::None.
    std::unique_ptr<Evaluator> create(QObject *parent = nullptr) const;
};

} // namespace ow::drivers::evaluator
