#pragma once

#include "core/Result.h"
#include "evaluator/Rating.h"

#include <QString>
#include <map>
#include <optional>

namespace ow::drivers::evaluator {

/// Which byte from a serial evaluator pad means which rating. No public protocol exists and pads
/// differ, so the mapping is data: two presets for the generations seen in the field, or a custom
/// text from the settings ("33=5 32=4 31=3 30=2": hex byte = level, 0 = the pad's "no rating" key).
/// Bytes not in the mapping are line noise or status bytes and are ignored.
class KeyMapping
{
public:
    enum class Preset
    {
        /// Keys 3 very satisfied, 2 satisfied, 1 fairly satisfied, 0 dissatisfied (four keys, no 1).
        GenerationA,
        /// Keys 1 very satisfied … 4 dissatisfied; 0 means no rating was given.
        GenerationB,
    };

    /// What a byte means.
    enum class Meaning
    {
        Unknown, ///< not in the mapping: ignored
        NoRating, ///< the pad's own "no rating" key: ignored, the request keeps waiting
        Level, ///< a rating
    };

    /// The pads may send the key number as a raw byte or as an ASCII digit (vendors differ and it is
    /// unconfirmed which), so presets map both: 0x03 and '3' (0x33) mean the same key.
    static KeyMapping preset(Preset preset);
    /// "a" / "b" (also "generation-a" …), case-insensitive.
    static std::optional<Preset> presetFromName(const QString &name);
    /// Parses the custom form; an empty text or a bad entry is an error naming the entry.
    static Result<KeyMapping> parse(const QString &text);
    /// The custom form, bytes in ascending order: parse(toString()) gives the mapping back.
    QString toString() const;

    /// Maps `byte` to a level, or (nullopt) to the pad's "no rating" key.
    void set(quint8 byte, std::optional<RatingLevel> level);
    Meaning meaningOf(quint8 byte) const;
    std::optional<RatingLevel> levelFor(quint8 byte) const;
    /// The byte a pad sends for `level` (the lowest one when several do); for simulators.
    std::optional<quint8> keyFor(RatingLevel level) const;
    bool isEmpty() const { return m_keys.empty(); }

    friend bool operator==(const KeyMapping &, const KeyMapping &) = default;

private:
    std::map<quint8, int> m_keys; ///< byte → level 1–5, or 0 for "no rating"
};

} // namespace ow::drivers::evaluator
