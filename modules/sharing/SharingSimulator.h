#pragma once

#include "core/Clock.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace ow::sharing {

/// The data-sharing platform simulated for demos and tests (onewindow-devsim sharing): it checks a
/// request's app id, timestamp and signature (401 otherwise), answers 503 while it is "down", and
/// otherwise hands over the document SimulatedRegistry draws for the material and key, or 404 (no
/// record) for a key that is not valid or a material it does not share. No sockets here: the caller
/// reads HTTP and hands over the parts.
class SharingSimulator : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString appId;
        QByteArray secret;
        qint64 downForMs = 0; ///< answer 503 for this long after the start
    };

    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    using Header = std::function<QByteArray(const QByteArray &name)>;

    SharingSimulator(Settings settings, Clock clock, QObject *parent = nullptr);

    Answer handle(
        const QByteArray &method, const QByteArray &path, const Header &header, const QByteArray &body);

Q_SIGNALS:
    /// One request answered: the material, the key masked, the status.
    void answered(const QString &material, const QString &maskedKey, int status);

private:
    Answer refuse(int status, const QString &keyword, const QString &message, const QString &material = {},
        const QString &maskedKey = {});

    Settings m_settings;
    Clock m_clock;
    qint64 m_started = 0;
    int m_served = 0;
};

} // namespace ow::sharing
