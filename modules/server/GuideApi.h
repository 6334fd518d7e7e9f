#pragma once

#include "server/ApiMessage.h"
#include "server/GuideCatalogue.h"

#include <QStringList>
#include <QUrlQuery>

namespace ow::server {

/// The self-service checklist under /guide/ (docs/applicant-pages.md): GET only, no body, no
/// cookie, nothing personal. Api takes the public rate limit before it calls here.
///
///     /guide/                      search (?q=…)
///     /guide/m/<matter>?a=Q=V…     the next question, or the checklist with its QR code
///     /guide/s/<matter>/<material> a material's sample image
///     /guide/f/<matter>/<material> a material's blank form, as a download
class GuideApi
{
public:
    static constexpr int kMaxAnswers = 64;
    static constexpr qsizetype kMaxAnswerLength = 256;
    static constexpr qsizetype kMaxQueryLength = 64;

    /// `offerPreApplication`: the checklist links to the online pre-application (/guide/pa/).
    explicit GuideApi(GuideCatalogue &catalogue, bool offerPreApplication = false)
        : m_catalogue(catalogue)
        , m_offerPreApplication(offerPreApplication)
    {
    }

    /// `path` starts with /guide.
    ApiReply handle(const QString &path, const QUrlQuery &query);

    /// The answers a guide URL carries: every `a=QUESTION=VALUE`, then the next question's answer
    /// from its form — `mq` with the ticked `m` options (a multi choice), or `nq` with the number
    /// `n`. At most kMaxAnswers, each at most kMaxAnswerLength characters; the rest is dropped.
    static QStringList answersFromQuery(const QUrlQuery &query);

private:
    ApiReply matterPage(const GuideCatalogue::Loaded &loaded, const QString &code, const QUrlQuery &query);
    ApiReply file(
        const GuideCatalogue::Loaded &loaded, QChar kind, const QString &code, const QString &materialId);

    GuideCatalogue &m_catalogue;
    bool m_offerPreApplication = false;
};

} // namespace ow::server
