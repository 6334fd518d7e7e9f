#!/usr/bin/env python3
"""Generate resources/pinyin/hanzi-pinyin.txt from Unicode's Unihan database.

Usage:
    generate_pinyin_table.py UNIHAN_READINGS OUTPUT

UNIHAN_READINGS is Unihan_Readings.txt from the Unihan database (plain or .bz2; Debian's
unicode-data package ships it as /usr/share/unicode/Unihan_Readings.txt.bz2). The output has
one line per character: its code point in hex, a space, and its toneless readings separated by
commas, the most common first. See resources/pinyin/README.md.
"""

import bz2
import re
import sys
import unicodedata

# Blocks covered: CJK Unified Ideographs, Extension A, and the ideographic zero.
RANGES = [(0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF)]

# Fields in the order they are trusted for "most common first":
#   kMandarin      the customary reading(s); the first is the one used in the PRC
#   kHanyuPinlu    readings with their frequency in a corpus of modern Chinese
#   kTGHZ2013      《通用规范汉字字典》(2013), the modern normative dictionary
#   kXHC1983       《现代汉语词典》(1983)
#   kHanyuPinyin   《汉语大字典》, full but full of archaic readings: used only when neither
#                  modern dictionary lists the character
MODERN_FIELDS = ("kTGHZ2013", "kXHC1983")

# Characters Unihan gives no Mandarin reading because they are not unified ideographs.
# 〇 (ideographic zero) reads líng, as in 《现代汉语词典》.
SUPPLEMENT = {0x3007: ["ling"]}


def toneless(reading):
    """'lǜ' -> 'lv', 'xíng' -> 'xing', 'ê̄' -> 'e'."""
    decomposed = unicodedata.normalize("NFD", reading.strip().lower())
    decomposed = decomposed.replace("u\u0308", "v")  # ü is typed as v on every pinyin keyboard
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not re.fullmatch(r"[a-z]+", plain):
        raise ValueError(f"unexpected reading {reading!r}")
    return plain


def dictionary_readings(value):
    """'0442.080:háng 0443.050:hàng' or '20811.060:háng,xìng' -> ['háng', 'hàng', ...]."""
    result = []
    for token in value.split():
        _, _, readings = token.rpartition(":")
        result.extend(r for r in readings.split(",") if r)
    return result


def pinlu_readings(value):
    """'xíng(2943) háng(218)' -> readings ordered by their frequency, highest first."""
    pairs = []
    for token in value.split():
        match = re.fullmatch(r"(.+)\((\d+)\)", token)
        if match:
            pairs.append((match.group(1), int(match.group(2))))
    pairs.sort(key=lambda p: -p[1])  # stable: equal counts keep the source order
    return [p[0] for p in pairs]


def load(path):
    opener = bz2.open if path.endswith(".bz2") else open
    fields = {}
    version = "unknown"
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                match = re.match(r"#\s*Unicode version:\s*(\S+)", line)
                if match:
                    version = match.group(1)
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[0].startswith("U+"):
                continue
            code = int(parts[0][2:], 16)
            fields.setdefault(code, {})[parts[1]] = parts[2]
    return fields, version


def readings_of(entry):
    ordered = []
    if "kMandarin" in entry:
        ordered += entry["kMandarin"].split()
    if "kHanyuPinlu" in entry:
        ordered += pinlu_readings(entry["kHanyuPinlu"])
    modern = [f for f in MODERN_FIELDS if f in entry]
    for field in modern:
        ordered += dictionary_readings(entry[field])
    if not modern and "kHanyuPinyin" in entry:
        ordered += dictionary_readings(entry["kHanyuPinyin"])
    result = []
    for reading in ordered:
        plain = toneless(reading)
        if plain not in result:
            result.append(plain)
    return result


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    fields, version = load(argv[1])
    lines = []
    for low, high in RANGES:
        for code in range(low, high + 1):
            readings = SUPPLEMENT.get(code) or readings_of(fields.get(code, {}))
            if readings:
                lines.append(f"{code:04X} {','.join(readings)}")
    with open(argv[2], "w", encoding="utf-8", newline="\n") as out:
        out.write("# Toneless Hanyu Pinyin readings of CJK ideographs, the most common first (ü written v).\n")
        out.write(f"# Generated from Unicode {version} Unihan_Readings.txt by tools/pinyin/generate_pinyin_table.py;\n")
        out.write("# this is a modified copy of Unicode data (fields merged, tones removed), do not edit by hand.\n")
        out.write("# Copyright (c) 1991-2022 Unicode, Inc. Licence and source: README.md beside this file.\n")
        out.write("# Format: CODEPOINT(hex) SPACE reading[,reading...]\n")
        out.write("\n".join(lines))
        out.write("\n")
    sys.stderr.write(f"{len(lines)} characters written\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
