#include "idcard/SamStatus.h"

#include <QCoreApplication>

namespace ow::drivers::idcard {

namespace {

const char *sourceText(quint8 sw3)
{
    switch (sw3) {
    case SamStatus::Success:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The reader completed the command.");
    case SamStatus::NoContent:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The card has no content of the kind requested.");
    case SamStatus::CardFound:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "An ID card is on the reader.");
    case SamStatus::ChecksumError:
        return QT_TRANSLATE_NOOP(
            "ow::drivers::idcard", "The reader received a request with a wrong checksum.");
    case SamStatus::LengthError:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The reader received a request with a wrong length.");
    case SamStatus::CommandError:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The reader does not know the command it was sent.");
    case SamStatus::Unauthorised:
        return QT_TRANSLATE_NOOP(
            "ow::drivers::idcard", "The reader refused the command: it is not authorised.");
    case SamStatus::UnknownError:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The reader reported an unknown error.");
    case SamStatus::CardRejectedSam:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "The card did not accept the reader's security module: the card may be forged or damaged.");
    case SamStatus::SamRejectedCard:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "The reader's security module did not accept the card: the card may be forged or damaged.");
    case SamStatus::VerificationError:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The card could not be verified.");
    case SamStatus::UnknownCardType:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "The card on the reader is not a second-generation ID card or a card type the reader knows.");
    case SamStatus::ReadFailed:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "Reading the card failed; it may have been moved. Place it flat on the reader again.");
    case SamStatus::RandomNumberFailed:
        return QT_TRANSLATE_NOOP(
            "ow::drivers::idcard", "The card did not produce the random number the reader asked for.");
    case SamStatus::SamSelfTestFailed:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "The reader's security module (SAM) failed its self-test; the reader needs service.");
    case SamStatus::SamNotAuthorised:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard",
            "The reader's security module (SAM) is not authorised; the reader needs service.");
    case SamStatus::FindCardFailed:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "No ID card was found on the reader.");
    case SamStatus::SelectCardFailed:
        return QT_TRANSLATE_NOOP("ow::drivers::idcard", "The ID card on the reader could not be selected.");
    default:
        return nullptr;
    }
}

} // namespace

bool SamStatus::isKnown(quint8 sw3)
{
    return sourceText(sw3) != nullptr;
}

QString SamStatus::message(quint8 sw3)
{
    const QString code = QStringLiteral("%1").arg(sw3, 2, 16, QLatin1Char('0')).toUpper();
    if (const char *text = sourceText(sw3))
        return QCoreApplication::translate("ow::drivers::idcard", "%1 (status %2)")
            .arg(QCoreApplication::translate("ow::drivers::idcard", text), code);
    return QCoreApplication::translate(
        "ow::drivers::idcard", "The reader answered with an unknown status %1.")
        .arg(code);
}

} // namespace ow::drivers::idcard
