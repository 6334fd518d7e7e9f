#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>

namespace ow::cases {

/// 统一申报编码: hall code (8) + date YYYYMMDD (8) + daily sequence (6) + check character (1),
/// 23 characters from 0-9A-Z, e.g. 33030201202603150100017. The check character is ISO 7064
/// MOD 37,36 over the first 22, so a mistyped character or two swapped neighbours is caught.
/// The sequence's first two digits are the counter number within the hall, so counters number
/// their cases without asking each other. Format and rationale: docs/case-number.md.
class CaseNumber
{
public:
    static constexpr int kHallLength = 8;
    static constexpr int kLength = 23;
    static constexpr int kMaxCounter = 99;
    static constexpr int kMaxSerial = 9999;

    CaseNumber() = default;

    /// Builds a number; fails on a malformed hall code, an invalid date or a sequence out of range.
    static Result<CaseNumber> make(const QString &hallCode, const QDate &date, int sequence);
    /// Reads a number as typed or scanned: case-insensitive, spaces and hyphens ignored.
    static Result<CaseNumber> parse(QStringView text);
    static bool isValid(QStringView text) { return parse(text).has_value(); }

    /// The daily sequence of the n-th case (1-based) of a counter.
    static int sequenceFor(int counterNumber, int serial)
    {
        return counterNumber * (kMaxSerial + 1) + serial;
    }
    /// Hall code: 6-digit GB/T 2260 county code + 2 characters (0-9A-Z) numbering the hall in it.
    static Result<void> checkHallCode(const QString &hallCode);
    /// The ISO 7064 MOD 37,36 check character of a payload of 0-9A-Z characters.
    static QChar checkCharacter(QStringView payload);

    const QString &hallCode() const { return m_hall; }
    const QDate &date() const { return m_date; }
    int sequence() const { return m_sequence; }
    int counterNumber() const { return m_sequence / (kMaxSerial + 1); }
    int serial() const { return m_sequence % (kMaxSerial + 1); }
    bool isNull() const { return m_hall.isEmpty(); }

    /// The 23 characters, as stored and encoded.
    QString toString() const;
    /// Grouped for reading aloud and printing: 33030201-20260315-010001-7.
    QString toDisplayString() const;

    friend bool operator==(const CaseNumber &, const CaseNumber &) = default;

private:
    QString m_hall;
    QDate m_date;
    int m_sequence = 0;
};

} // namespace ow::cases
