#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

struct zip;

namespace ow::tableimport {

/// A ZIP container held in memory, read with libzip: only what an XLSX reader needs, bounded.
/// Every part is inflated in chunks and given up as soon as it passes its limit, whatever sizes the
/// archive's own directory claims, so a ZIP bomb costs no more than the limit.
class ZipArchive
{
public:
    ZipArchive() = default;
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    /// Opens the archive in `bytes` (kept alive by the archive). `maxEntries` bounds its directory;
    /// `maxInflated` bounds everything read from it, all parts together.
    Result<void> open(const QByteArray &bytes, int maxEntries, qint64 maxInflated);

    bool contains(const QString &name) const;
    /// The inflated bytes of the part `name`, at most `maxBytes` of them (an error past that).
    Result<QByteArray> read(const QString &name, qint64 maxBytes);

private:
    QByteArray m_bytes;
    zip *m_archive = nullptr;
    qint64 m_budget = 0; ///< inflated bytes still allowed
    qint64 m_budgetTotal = 0;
};

} // namespace ow::tableimport
