#!/usr/bin/env python3
"""Generate modules/documents/CjkRadicalTable.h from the Unicode Character Database.

Usage:
    generate_radical_table.py EQUIVALENT_UNIFIED_IDEOGRAPH [UNICODE_DATA] OUTPUT

EQUIVALENT_UNIFIED_IDEOGRAPH is EquivalentUnifiedIdeograph.txt (Debian's unicode-data package ships
it as /usr/share/unicode/EquivalentUnifiedIdeograph.txt). The output maps each character of the CJK
Radicals Supplement and Kangxi Radicals blocks (U+2E80-U+2FDF) to the unified ideograph it looks
like; PdfToUnicodeFix uses it to turn radicals that Qt wrote into a PDF's ToUnicode map back into
the ideographs the page shows. The CJK strokes the file also lists (U+31C0-U+31EF) are left out,
as PdfToUnicodeFix has always done; the comment on each line is the radical's Unicode name.

UNICODE_DATA, optional, is UnicodeData.txt (/usr/share/unicode/UnicodeData.txt): when given, every
Kangxi radical's compatibility decomposition must agree with the table, a cross-check of the two
files that stops the generator when they disagree.

See tools/radicals/README.md.
"""

import re
import sys
import unicodedata

FIRST, LAST = 0x2E80, 0x2FDF  # CJK Radicals Supplement and Kangxi Radicals


def load_equivalents(path):
    """{radical: ideograph} and the file's version ('15.0.0')."""
    table = {}
    version = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if version is None:
                match = re.match(r"#\s*EquivalentUnifiedIdeograph-(\S+)\.txt", line)
                if match:
                    version = match.group(1)
            data = line.partition("#")[0]
            if not data.strip():
                continue
            source, target = (field.strip() for field in data.split(";"))
            low, _, high = source.partition("..")
            for code in range(int(low, 16), int(high or low, 16) + 1):
                if not FIRST <= code <= LAST:
                    continue
                if code in table:
                    raise ValueError(f"U+{code:04X} is listed twice")
                table[code] = int(target, 16)
    if version is None:
        raise ValueError(f"{path}: no version in the header")
    return table, version


def check_against_unicode_data(table, path):
    """Every <compat> decomposition of a radical in UnicodeData.txt must be the table's ideograph."""
    checked = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            code = int(fields[0], 16)
            if not FIRST <= code <= LAST or not fields[5].startswith("<compat>"):
                continue
            target = int(fields[5].split()[1], 16)
            if table.get(code) != target:
                raise ValueError(f"U+{code:04X}: UnicodeData.txt says U+{target:04X}, "
                                 f"EquivalentUnifiedIdeograph.txt says {table.get(code)}")
            checked += 1
    return checked


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    table, version = load_equivalents(argv[1])
    if len(argv) == 4:
        checked = check_against_unicode_data(table, argv[2])
        sys.stderr.write(f"{checked} Kangxi radicals agree with UnicodeData.txt\n")
    output = argv[-1]
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write("#pragma once\n\n")
        out.write("// CJK radicals (U+2E80-U+2FDF) and the unified ideographs they look like, sorted by radical.\n")
        out.write(f"// Generated from Unicode {version} EquivalentUnifiedIdeograph.txt (Debian's unicode-data package)\n")
        out.write("// by tools/radicals/generate_radical_table.py; do not edit by hand.\n")
        out.write("// Copyright (c) 2022 Unicode, Inc. Licence and source: tools/radicals/README.md.\n\n")
        out.write("#include <utility>\n\n")
        out.write("namespace ow::documents {\n\n")
        out.write("inline constexpr std::pair<char16_t, char32_t> kCjkRadicalIdeographs[] = {\n")
        for code in sorted(table):
            # Character names never change once published, so any Python's table gives the same.
            out.write(f"    {{0x{code:04X}, 0x{table[code]:04X}}}, // {unicodedata.name(chr(code))}\n")
        out.write("};\n\n")
        out.write("} // namespace ow::documents\n")
    sys.stderr.write(f"{len(table)} radicals written\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
