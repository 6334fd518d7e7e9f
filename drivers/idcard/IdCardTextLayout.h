#pragma once

#include "idcard/IdCardData.h"

#include <QList>

namespace ow::drivers::idcard {

/// Where each field sits in the 256-byte UTF-16LE text block of each card type (docs/hardware.md, "The text
/// block"). Shared by the decoder and the simulator's encoder so the two cannot drift apart.
struct IdCardTextLayout
{
    static constexpr qsizetype kTextSize = 256;
    /// Byte offset of the card type mark: space or 0 mainland, 'J', 'I' or 'Y'.
    static constexpr qsizetype kTypeOffset = 248;

    struct Field
    {
        qsizetype offset; ///< bytes into the block
        qsizetype size; ///< bytes (two per character)
        QString IdCardData::*member;
    };

    /// The fields of a card type, in block order. For 'Y' cards the English name is two fields
    /// (52–121 and 220–241) that both map to `englishName`: the second continues the first.
    static QList<Field> fields(IdCardData::CardType type);
    /// The UTF-16 character at kTypeOffset for a card type (space for mainland).
    static char16_t typeMark(IdCardData::CardType type);
};

} // namespace ow::drivers::idcard
