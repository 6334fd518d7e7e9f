#pragma once

#include <QString>
#include <QtGlobal>

namespace ow::drivers::idcard {

/// The SW3 status byte of a reply and what it means to the person at the counter (docs/hardware.md,
/// "Frames").
class SamStatus
{
public:
    enum Code : quint8
    {
        Success = 0x90,
        NoContent = 0x91,
        CardFound = 0x9F,
        ChecksumError = 0x10,
        LengthError = 0x11,
        CommandError = 0x21,
        Unauthorised = 0x23,
        UnknownError = 0x24,
        CardRejectedSam = 0x31,
        SamRejectedCard = 0x32,
        VerificationError = 0x33,
        UnknownCardType = 0x40,
        ReadFailed = 0x41,
        RandomNumberFailed = 0x47,
        SamSelfTestFailed = 0x60,
        SamNotAuthorised = 0x66,
        FindCardFailed = 0x80,
        SelectCardFailed = 0x81,
    };

    /// True for the codes in the public table; anything else is reported with its hex value.
    static bool isKnown(quint8 sw3);
    /// A translated sentence for the status, e.g. "The SAM module failed its self-test (status 60)."
    static QString message(quint8 sw3);
};

} // namespace ow::drivers::idcard
