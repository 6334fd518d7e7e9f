#include "evaluator/KeyMapping.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ow::drivers::evaluator {

namespace {

// HARDWARE.md §3: one pad generation sends 3 (very satisfied) … 0 (dissatisfied), another 1 … 4
// with 0 for none. Which end of 1 … 4 is "very satisfied" is unconfirmed; 1 is taken as the best.
// Sites whose pads differ set a custom mapping.
constexpr std::pair<int, int> kGenerationA[] = {{3, 5}, {2, 4}, {1, 3}, {0, 2}};
constexpr std::pair<int, int> kGenerationB[] = {{1, 5}, {2, 4}, {3, 3}, {4, 2}, {0, 0}};

} // namespace

KeyMapping KeyMapping::preset(Preset preset)
{
    KeyMapping mapping;
    const auto add = [&mapping](const auto &table) {
        for (const auto &[key, level] : table) {
            mapping.m_keys[quint8(key)] = level;
            mapping.m_keys[quint8('0' + key)] = level;
        }
    };
    if (preset == Preset::GenerationA)
        add(kGenerationA);
    else
        add(kGenerationB);
    return mapping;
}

std::optional<KeyMapping::Preset> KeyMapping::presetFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QStringLiteral("a") || key == QStringLiteral("generation-a"))
        return Preset::GenerationA;
    if (key == QStringLiteral("b") || key == QStringLiteral("generation-b"))
        return Preset::GenerationB;
    return std::nullopt;
}

Result<KeyMapping> KeyMapping::parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    static const QRegularExpression entryPattern(QStringLiteral("^(?:0[xX])?([0-9A-Fa-f]{1,2})=([0-5])$"));
    KeyMapping mapping;
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const QRegularExpressionMatch match = entryPattern.match(entry);
        if (!match.hasMatch())
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::drivers::evaluator",
                    "'%1' is not a key mapping entry: write a hexadecimal byte, '=', and a level from 1 to 5 "
                    "(0 for the key that means no rating), for example 33=5.")
                    .arg(entry));
        const auto byte = quint8(match.captured(1).toUInt(nullptr, 16));
        if (mapping.m_keys.contains(byte))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::drivers::evaluator", "The key %1 is mapped twice.")
                    .arg(match.captured(1)));
        mapping.m_keys[byte] = match.captured(2).toInt();
    }
    if (mapping.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::evaluator", "The key mapping is empty."));
    return mapping;
}

QString KeyMapping::toString() const
{
    QStringList entries;
    for (const auto &[byte, level] : m_keys)
        entries.append(QStringLiteral("%1=%2").arg(uint(byte), 2, 16, QLatin1Char('0')).arg(level).toUpper());
    return entries.join(QLatin1Char(' '));
}

void KeyMapping::set(quint8 byte, std::optional<RatingLevel> level)
{
    m_keys[byte] = level ? int(*level) : 0;
}

KeyMapping::Meaning KeyMapping::meaningOf(quint8 byte) const
{
    const auto found = m_keys.find(byte);
    if (found == m_keys.end())
        return Meaning::Unknown;
    return found->second == 0 ? Meaning::NoRating : Meaning::Level;
}

std::optional<RatingLevel> KeyMapping::levelFor(quint8 byte) const
{
    const auto found = m_keys.find(byte);
    if (found == m_keys.end() || found->second == 0)
        return std::nullopt;
    return RatingLevel(found->second);
}

std::optional<quint8> KeyMapping::keyFor(RatingLevel level) const
{
    for (const auto &[byte, mapped] : m_keys)
        if (mapped == int(level))
            return byte;
    return std::nullopt;
}

} // namespace ow::drivers::evaluator
