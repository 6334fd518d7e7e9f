#include "server/FaqProposalsApi.h"

#include "server/ActivityRepository.h"
#include "server/Api.h"
#include "server/FaqProposals.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;

FaqProposalsApi::FaqProposalsApi(const storage::Database &db, GuideCatalogue &published, Clock clock)
    : m_db(db)
    , m_published(published)
    , m_clock(std::move(clock))
{
}

ApiReply FaqProposalsApi::get(const ApiRequest &request, const Credential &credential)
{
    QDate since = m_clock.today().addDays(-kDefaultDays);
    if (const QString text = request.query.queryItemValue(u"since"_s); !text.isEmpty()) {
        since = QDate::fromString(text, Qt::ISODate);
        if (text.size() != 10 || !since.isValid())
            return ApiReply::error(422, code::kInvalid,
                QCoreApplication::translate("ow::server", "“since” takes a day, YYYY-MM-DD."),
                QJsonObject {{u"field"_s, u"since"_s}});
    }
    int minCount = kDefaultMin;
    if (const QString text = request.query.queryItemValue(u"min"_s); !text.isEmpty()) {
        bool number = false;
        minCount = text.toInt(&number);
        if (!number || minCount < 1 || minCount > 10000)
            return ApiReply::error(422, code::kInvalid,
                QCoreApplication::translate("ow::server", "“min” takes a whole number from 1 to 10,000."),
                QJsonObject {{u"field"_s, u"min"_s}});
    }
    Result<QList<cases::ClerkActivity>> consultations
        = ActivityRepository(m_db, m_clock)
              .activities(credential.hall, QString(cases::ClerkActivity::kConsultation), since);
    if (!consultations)
        return Api::internalError(consultations.error());
    // Without a published catalogue the proposals still come, named by their codes.
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> published = m_published.current();
    if (!published)
        return Api::internalError(published.error());
    const catalogue::Catalogue *catalogue = *published ? (*published)->catalogue.get() : nullptr;
    QJsonArray proposals;
    for (const FaqProposal &p : FaqProposals::group(*consultations, minCount, catalogue))
        proposals.append(p.toJson());
    return ApiReply::json(200,
        QJsonObject {{u"hall"_s, credential.hall}, {u"since"_s, since.toString(Qt::ISODate)},
            {u"min"_s, minCount}, {u"proposals"_s, proposals}});
}

} // namespace ow::server
