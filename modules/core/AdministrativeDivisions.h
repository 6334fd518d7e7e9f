#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace ow {

/// GB/T 2260 administrative divisions (province, prefecture, county): names and the tree of codes.
///
/// The compiled-in table (resources/divisions/gbt2260.txt, see the README there) is read once, on
/// first use of builtIn(); a table is immutable afterwards, so it is safe to share between threads.
/// Codes are six ASCII digits ("330302"); anything else is simply unknown. Divisions that have been
/// merged away stay in the table, marked abolished, because old ID numbers still carry their codes.
class AdministrativeDivisions
{
public:
    enum class Level
    {
        Province, ///< 省级: XX0000
        Prefecture, ///< 地级: XXYY00
        County, ///< 县级: anything else
    };

    /// An empty table; every code is unknown.
    AdministrativeDivisions() = default;

    /// The table compiled into the library. Empty (and a warning logged) only if the resource is
    /// broken, which tst_divisions catches.
    static const AdministrativeDivisions &builtIn();
    /// Reads a table in the format of resources/divisions/gbt2260.txt.
    static Result<AdministrativeDivisions> load(const QString &path);
    /// Parses the text of such a table; `fileName` is used in error locations only.
    static Result<AdministrativeDivisions> parse(QStringView text, const QString &fileName);

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    /// The table's `version` line, e.g. "MCA-2020+NBS-2023.06".
    const QString &version() const { return m_version; }

    /// True for every code in the table, abolished ones included.
    bool isKnown(QStringView code) const;
    bool isAbolished(QStringView code) const;
    /// "鹿城区" for 330302; empty when unknown.
    QString name(QStringView code) const;
    /// The names from the province down, run together: "浙江省温州市鹿城区"; "北京市东城区"; empty
    /// when unknown.
    QString fullName(QStringView code) const;
    /// The code of the division above (a county directly under a province or a municipality gets
    /// the province); empty for provinces and unknown codes.
    QString parent(QStringView code) const;
    /// The level the code's shape says; nothing for a malformed code.
    static std::optional<Level> level(QStringView code);
    /// Codes of the divisions directly below, in code order; abolished ones only when asked.
    QStringList children(QStringView code, bool includeAbolished = false) const;
    /// Codes of the 34 provincial-level divisions, in code order.
    QStringList provinces() const;

    /// How many leading characters of `address` are division names, one level below the other:
    /// 9 for "浙江省温州市鹿城区五马街道…", 6 for "北京市朝阳区建国路…", 6 for "温州市鹿城区…" (a
    /// prefecture may start the address). 0 when the address does not start with a known name.
    qsizetype leadingNamesLength(QStringView address) const;

private:
    struct Entry
    {
        QString name;
        int parent = 0; ///< 0 for provinces
        bool abolished = false;
        QList<int> children; ///< in code order
    };

    static int codeNumber(QStringView code);
    const Entry *find(QStringView code) const;
    /// The longest name among `codes` that `text` starts with; its code, or 0.
    int longestNameAt(QStringView text, const QList<int> &codes) const;

    QHash<int, Entry> m_entries;
    QList<int> m_provinces;
    QList<int> m_prefectures;
    QString m_version;
};

} // namespace ow
