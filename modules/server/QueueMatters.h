#pragma once

#include "core/Result.h"
#include "server/CatalogueRepository.h"

#include <QSet>
#include <QString>

namespace ow::server {

/// The matters and bundles a ticket may name: those of the current published catalogue, read once
/// per catalogue version. A ticket for anything else is refused at the kiosk, not at the counter.
class QueueMatters
{
public:
    explicit QueueMatters(const CatalogueRepository &catalogues);

    /// Empty when `matter` (and `bundle`, when given) are known; else the refusal to show.
    Result<QString> problem(const QString &matter, const QString &bundle);

private:
    Result<void> refresh();

    const CatalogueRepository &m_catalogues;
    QString m_version;
    QSet<QString> m_matters;
    QSet<QString> m_bundles;
};

} // namespace ow::server
