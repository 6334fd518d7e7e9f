#include "ui/SharedMaterialControl.h"

#include "intake/IntakeSession.h"
#include "intake/SharedMaterialFetch.h"
#include "ui/MaterialCheckPage.h"

namespace ow::ui {

SharedMaterialControl::SharedMaterialControl(MaterialCheckPage *page, SessionSource session, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_session(std::move(session))
    , m_fetch(new intake::SharedMaterialFetch(nullptr, this))
{
    m_page->setSharedFetch(m_fetch);
    connect(m_page, &MaterialCheckPage::sharedFetchRequested, this, &SharedMaterialControl::fetchMaterial);
    connect(m_page, &MaterialCheckPage::sharedPaperRequested, this, &SharedMaterialControl::takePaper);
    connect(m_page, &MaterialCheckPage::checkListReplaced, this, &SharedMaterialControl::forget);
    connect(m_fetch, &intake::SharedMaterialFetch::started, m_page, &MaterialCheckPage::refreshMaterial);
    connect(m_fetch, &intake::SharedMaterialFetch::finished, this, &SharedMaterialControl::finished);
}

void SharedMaterialControl::setPlatform(sharing::DataSharingPlatform *platform)
{
    m_fetch->setPlatform(platform);
    m_page->setSharedFetch(m_fetch);
}

void SharedMaterialControl::forget()
{
    m_fetch->forget();
}

void SharedMaterialControl::fetchMaterial(const QString &materialId)
{
    intake::IntakeSession *session = m_session();
    if (!session)
        return;
    if (Result<void> started = m_fetch->start(*session, materialId); !started)
        Q_EMIT message(started.error().message(), true);
    else
        Q_EMIT message(tr("Fetching from the data-sharing platform…"), false);
}

void SharedMaterialControl::takePaper(const QString &materialId, const QString &reason)
{
    intake::IntakeSession *session = m_session();
    if (!session)
        return;
    if (Result<void> taken = session->takeSharedOnPaper(materialId, reason); !taken) {
        Q_EMIT message(taken.error().message(), true);
        return;
    }
    m_page->refreshMaterial(materialId);
    Q_EMIT message(tr("Taken on paper; the reason is recorded on the material's check."), false);
    Q_EMIT caseChanged();
}

void SharedMaterialControl::finished(const QString &materialId, const QString &problem)
{
    m_page->refreshMaterial(materialId);
    if (!problem.isEmpty()) {
        Q_EMIT message(problem, true);
        return;
    }
    Q_EMIT message(
        tr("Fetched through data sharing and attached to the case; check its review points."), false);
    Q_EMIT caseChanged();
}

} // namespace ow::ui
