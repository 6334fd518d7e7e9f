#pragma once

#include "server/CaseRepository.h"

#include <QByteArray>
#include <optional>

namespace ow::server {

/// The page the QR code on every document opens: a small, mobile-friendly HTML page with the
/// matter, the stage on a progress line and its dates. It never shows anything personal.
class PublicStatusPage
{
public:
    /// The page for a case, or the same page shape saying nothing was found.
    static QByteArray render(const std::optional<PublicStatus> &status);
};

} // namespace ow::server
