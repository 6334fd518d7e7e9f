#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/GuideCatalogue.h"

namespace ow::server {

/// GET /api/v1/catalogues/faq-proposals?since=YYYY-MM-DD&min=N (docs/editor.md "Frequent
/// questions"): the questions the hall's counters recorded, grouped per matter (FaqProposals), for a
/// catalogue editor's session or a supervisor key of the hall.
class FaqProposalsApi
{
public:
    static constexpr int kDefaultMin = 3;
    static constexpr int kDefaultDays = 90; ///< since, when not given: this many days back

    FaqProposalsApi(const storage::Database &db, GuideCatalogue &published, Clock clock);
    ApiReply get(const ApiRequest &request, const Credential &credential);

private:
    const storage::Database &m_db;
    GuideCatalogue &m_published;
    Clock m_clock;
};

} // namespace ow::server
