#include "devices/EvaluatorChannel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSerialPortInfo>

namespace ow::devices {

using drivers::evaluator::EvaluatorSettings;
using drivers::evaluator::Rating;
using drivers::evaluator::RatingFailure;

namespace {

bool portExists(const QString &port)
{
    if (QFileInfo::exists(port))
        return true;
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts()) {
        if (info.portName() == port || info.systemLocation() == port)
            return true;
    }
    return false;
}

} // namespace

QString EvaluatorChannel::testCaseNumber()
{
    return QStringLiteral("TEST-0000");
}

EvaluatorChannel::EvaluatorChannel(const EvaluatorSettings &settings, QObject *parent)
    : DeviceChannel(DeviceKind::Evaluator, parent)
    , m_evaluator(settings.create())
    , m_timeoutMs(settings.serial.timeoutMs)
{
    qRegisterMetaType<Rating>();
    qRegisterMetaType<RatingFailure>();
    if (!m_evaluator)
        return;
    switch (settings.backend) {
    case EvaluatorSettings::Backend::Serial:
        setBackend(QCoreApplication::translate("ow::devices", "serial port %1").arg(settings.port.portName));
        break;
    case EvaluatorSettings::Backend::Screen:
        setBackend(QCoreApplication::translate("ow::devices", "window facing the applicant"));
        break;
    case EvaluatorSettings::Backend::Simulator:
        setBackend(QCoreApplication::translate("ow::devices", "simulator"));
        break;
    case EvaluatorSettings::Backend::None:
        break;
    }
    connect(
        m_evaluator.get(), &drivers::evaluator::Evaluator::ratingReceived, this, &EvaluatorChannel::onRating);
    connect(
        m_evaluator.get(), &drivers::evaluator::Evaluator::ratingFailed, this, &EvaluatorChannel::onFailure);
    // A serial pad is opened on the first request; a port that is not there can be told now.
    if (settings.backend == EvaluatorSettings::Backend::Serial && !portExists(settings.port.portName))
        setState(DeviceState::Missing,
            QCoreApplication::translate("ow::devices", "The port %1 does not exist: is the pad plugged in?")
                .arg(settings.port.portName));
    else
        setState(DeviceState::Connected);
}

EvaluatorChannel::~EvaluatorChannel() = default;

void EvaluatorChannel::requestRating(
    const QString &caseNumber, const QString &clerkName, const QString &clerkNumber)
{
    if (m_evaluator)
        m_evaluator->requestRating(caseNumber, clerkName, clerkNumber);
}

void EvaluatorChannel::startTest()
{
    // The pad times the request out itself; the channel's timer is only a safety net behind it.
    beginTest(
        QCoreApplication::translate("ow::devices", "Press a rating on the evaluator."), m_timeoutMs + 5000);
    m_evaluator->requestRating(
        testCaseNumber(), QCoreApplication::translate("ow::devices", "Device test"), QStringLiteral("0000"));
}

void EvaluatorChannel::testTimedOut()
{
    m_evaluator->cancel();
    finishTest(false, QCoreApplication::translate("ow::devices", "The evaluator did not answer."));
}

void EvaluatorChannel::onRating(const QString &caseNumber, Rating rating)
{
    setState(DeviceState::Connected);
    if (caseNumber == testCaseNumber()) {
        finishTest(true,
            QCoreApplication::translate("ow::devices", "The evaluator answered: %1 (%2).")
                .arg(rating.label())
                .arg(rating.value()));
        return;
    }
    Q_EMIT ratingGiven(caseNumber, rating);
}

void EvaluatorChannel::onFailure(const QString &caseNumber, RatingFailure failure, const QString &message)
{
    if (failure == RatingFailure::DeviceUnavailable)
        setState(DeviceState::Error, message);
    if (caseNumber == testCaseNumber()) {
        finishTest(false, message);
        return;
    }
    Q_EMIT ratingFailed(caseNumber, failure, message);
}

} // namespace ow::devices
