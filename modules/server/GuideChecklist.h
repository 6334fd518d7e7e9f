#pragma once

#include "server/GuideCatalogue.h"

#include <QString>
#include <QStringList>

namespace ow::server {

/// The personalised checklist of the self-service guide: every material with its form, copies,
/// medium, source, whether the hall fetches it itself or it may be handed in later, its review
/// points in the catalogue's words, its annotated sample (marks numbered as the points) and its
/// blank form; then the QR code (catalogue::GuideCode) the counter scans to open the same matter
/// with the same answers.
class GuideChecklist
{
public:
    /// HTML for the body of the matter page; `answers` are the effective answers as texts.
    static QString render(const GuideCatalogue::Loaded &loaded, const catalogue::Matter &matter,
        const catalogue::Evaluation &evaluation, const QStringList &answers);
    /// The QR code of `text` as an inline SVG (one path; dark modules only); empty when it does not fit.
    static QString qrSvg(const QString &text, const QString &label);
    /// The link of a material's sample image or blank form ("s" or "f").
    static QString fileUrl(QChar kind, const QString &matterCode, const QString &materialId);
};

} // namespace ow::server
