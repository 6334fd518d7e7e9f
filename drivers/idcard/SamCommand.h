#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace ow::drivers::idcard {

/// One request of the SAM protocol: command byte, parameter byte and optional data (docs/hardware.md,
/// "Frames").
struct SamCommand
{
    quint8 command = 0;
    quint8 parameter = 0;
    QByteArray data;

    friend bool operator==(const SamCommand &, const SamCommand &) = default;

    static SamCommand resetSam() { return {0x10, 0xFF, {}}; }
    static SamCommand samStatus() { return {0x11, 0xFF, {}}; }
    static SamCommand readSamId() { return {0x12, 0xFF, {}}; }
    static SamCommand findCard() { return {0x20, 0x01, {}}; }
    static SamCommand selectCard() { return {0x20, 0x02, {}}; }
    static SamCommand readTextPhoto() { return {0x30, 0x01, {}}; }
    static SamCommand readTextPhotoFingerprint() { return {0x30, 0x10, {}}; }
    /// The one data byte is the frame size the reader may use on the radio link (0x50 in the vendor SDKs).
    static SamCommand setMaxRfFrame(quint8 size = 0x50) { return {0x61, 0xFF, QByteArray(1, char(size))}; }

    bool isRead() const { return command == 0x30; }
    bool isFind() const { return command == 0x20 && parameter == 0x01; }
    bool isSelect() const { return command == 0x20 && parameter == 0x02; }
};

} // namespace ow::drivers::idcard
