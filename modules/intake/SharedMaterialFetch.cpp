#include "intake/SharedMaterialFetch.h"

#include "intake/IntakeSession.h"

#include <QCoreApplication>
#include <QPointer>

namespace ow::intake {

SharedMaterialFetch::SharedMaterialFetch(sharing::DataSharingPlatform *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{
}

Result<void> SharedMaterialFetch::start(IntakeSession &session, const QString &materialId)
{
    if (!isConfigured())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::intake",
                "No data-sharing platform is configured on this workstation: take the paper instead "
                "(the settings sharing-endpoint, sharing-app-id and sharing-secret are missing)."));
    if (isFetching())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "A material is being fetched already; wait for its answer."));
    if (m_session != &session) {
        forget();
        m_session = &session;
    }
    Result<sharing::SharedRequest> request = session.sharedRequest(materialId);
    if (!request)
        return failWith(request.error());
    m_fetching = materialId;
    m_failures.remove(materialId);
    Q_EMIT started(materialId);
    const int generation = m_generation;
    const QPointer<SharedMaterialFetch> self(this);
    m_platform->fetch(
        *request, [self, generation, asked = *request](Result<sharing::SharedDocument> document) {
            if (self)
                self->arrived(generation, asked, std::move(document));
        });
    return {};
}

void SharedMaterialFetch::forget()
{
    ++m_generation;
    m_session = nullptr;
    m_fetching.clear();
    m_failures.clear();
}

void SharedMaterialFetch::arrived(
    int generation, const sharing::SharedRequest &request, Result<sharing::SharedDocument> document)
{
    if (generation != m_generation || !m_session)
        return;
    m_fetching.clear();
    QString message;
    if (document) {
        Result<cases::CaseAttachment> attached = m_session->takeSharedDocument(request, *document);
        if (!attached)
            message
                = QCoreApplication::translate("ow::intake", "%1 was fetched but could not be attached: %2")
                      .arg(request.materialName, attached.error().message());
    } else {
        message = QCoreApplication::translate("ow::intake", "%1 could not be fetched: %2")
                      .arg(request.materialName, document.error().message());
        // The failed look at personal data is audited too; a failure to audit is told with it.
        if (Result<void> audited = m_session->recordSharedFailure(request, document.error()); !audited)
            message += QLatin1Char(' ') + audited.error().message();
    }
    if (message.isEmpty())
        m_failures.remove(request.materialId);
    else
        m_failures.insert(request.materialId, message);
    Q_EMIT finished(request.materialId, message);
}

} // namespace ow::intake
