#pragma once

#include "server/CaseRepository.h"

#include <QByteArray>
#include <optional>

namespace ow::server {

/// The page the QR code on every document opens: a small, mobile-friendly HTML page with the
/// matter, the stage on a progress line and its dates, and what the applicant must do now (the
/// materials to hand in and by when, the result waiting at the pickup counter and its hours, the
/// EMS number of a mailed result, the rating not given at the counter). It never shows anything
/// personal.
class PublicStatusPage
{
public:
    /// What the page says of the hall itself.
    struct Hall
    {
        QString pickupHours; ///< opening hours of the pickup counter (--pickup-hours), or empty
        QString ratingUrl; ///< where the applicant rates the service, or empty for no link
    };

    /// The page for a case, or the same page shape saying nothing was found; `resultSection`: the
    /// result documents to download (StatusDocuments::section), as HTML.
    static QByteArray render(const std::optional<PublicStatus> &status, const Hall &hall = Hall(),
        const QString &resultSection = {});
    /// A page of the status page's look: `body` (HTML) under `title`.
    static QByteArray page(const QString &title, const QString &body);
};

} // namespace ow::server
