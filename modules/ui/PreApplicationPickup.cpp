#include "ui/PreApplicationPickup.h"

#include "sync/PreApplicationClient.h"
#include "ui/HallServerRequest.h"
#include "ui/IntakeFlow.h"

#include <QWidget>

namespace ow::ui {

PreApplicationPickup::PreApplicationPickup(
    IntakeFlow *flow, catalogue::CataloguePtr catalogue, QWidget *window)
    : QObject(window)
    , m_flow(flow)
    , m_catalogue(std::move(catalogue))
    , m_window(window)
{
}

void PreApplicationPickup::open(const QString &code)
{
    const auto problem = [this](const QString &text) { Q_EMIT message(text, true); };
    if (!m_hall || !m_hall->isEnrolled()) {
        problem(
            tr("Pre-application %1: this workstation is not enrolled with the hall's server, so it cannot "
               "fetch what the applicant submitted online.")
                .arg(code));
        return;
    }
    if (!m_flow->environment().canStoreCases()) {
        problem(tr("Pre-application %1: cases cannot be taken in at this workstation.").arg(code));
        return;
    }
    std::optional<Result<sync::PreApplication>> fetched;
    std::optional<Result<QList<sync::FetchedScan>>> scans;
    // Both in one request on the worker thread: the intake opens with everything or not at all.
    runHallServerRequest(m_window, *m_hall, [&](sync::SyncClient &client) {
        sync::PreApplicationClient pre(client);
        fetched = pre.fetch(code);
        const bool open = *fetched
            && ((*fetched)->state == sync::PreApplication::kSubmitted
                || (*fetched)->state == sync::PreApplication::kAccepted);
        if (open)
            scans = pre.fetchScans(**fetched);
    });
    if (!*fetched) {
        problem(fetched->error().message());
        return;
    }
    const sync::PreApplication &application = **fetched;
    if (application.state == sync::PreApplication::kReturned) {
        const QStringList reasons = application.review ? application.review->reasons : QStringList();
        problem(
            tr("Pre-application %1 was returned to the applicant by the pre-review: %2. It cannot be taken "
               "in until the applicant submits it again.")
                .arg(code, reasons.isEmpty() ? tr("no reason recorded") : reasons.join(tr("; "))));
        return;
    }
    if (application.state == sync::PreApplication::kTaken) {
        problem(
            tr("Pre-application %1 was already taken in as case %2.")
                .arg(code,
                    application.caseNumber.isEmpty() ? tr("(number not known)") : application.caseNumber));
        return;
    }
    if (!scans) {
        problem(tr("Pre-application %1 is %2: the counter takes in only one submitted or accepted by the "
                   "pre-review.")
                    .arg(code, application.state));
        return;
    }
    if (!*scans) {
        problem(scans->error().message());
        return;
    }
    const catalogue::Matter *matter = m_catalogue->matter(application.matter);
    if (!matter) {
        problem(tr("Pre-application %1 is for matter %2, which this workstation's catalogue does not have.")
                    .arg(code, application.matter));
        return;
    }
    intake::PreApplicationData data;
    data.code = application.code;
    data.answers = application.answers;
    data.applicant = application.applicant;
    // The mobile the applicant verified by SMS is the contact, unless the form named another.
    if (data.applicant.contactMobile.isEmpty())
        data.applicant.contactMobile = application.mobile;
    for (const sync::FetchedScan &scan : std::as_const(**scans))
        data.scans.append({scan.scan.material, scan.scan.fileName, scan.scan.mime, scan.bytes});
    m_flow->openPreApplication(matter, data);
}

} // namespace ow::ui
