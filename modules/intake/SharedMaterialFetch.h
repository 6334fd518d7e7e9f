#pragma once

#include "core/Result.h"
#include "sharing/DataSharingPlatform.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace ow::intake {

class IntakeSession;

/// The clerk's one key for a data-shared material (共享获取): asks the data-sharing platform without
/// blocking, then attaches the document to the intake or records the failure, and remembers each
/// material's state (fetching, failed and why) for the check page to show. One fetch at a time.
class SharedMaterialFetch : public QObject
{
    Q_OBJECT

public:
    /// `platform` (not owned) may be null: nothing is configured and every fetch is refused.
    explicit SharedMaterialFetch(sharing::DataSharingPlatform *platform, QObject *parent = nullptr);

    /// Another platform (not owned), e.g. once the settings are read; a fetch under way is forgotten.
    void setPlatform(sharing::DataSharingPlatform *platform)
    {
        forget();
        m_platform = platform;
    }
    bool isConfigured() const { return m_platform && m_platform->isConfigured(); }
    /// Asks for the material for `session`, which must outlive the fetch or be forgotten first.
    /// Refused at once (and nothing asked) when nothing is configured, a fetch is under way, or the
    /// session cannot say what to ask (sharedRequest()).
    Result<void> start(IntakeSession &session, const QString &materialId);
    /// The intake goes (Ctrl+N, a draft resumed): an answer still to come is dropped.
    void forget();

    bool isFetching() const { return !m_fetching.isEmpty(); }
    /// The material being fetched, or empty.
    const QString &fetchingMaterial() const { return m_fetching; }
    /// Why the last fetch of a material failed (naming it and the cause); empty after a success.
    QString failure(const QString &materialId) const { return m_failures.value(materialId); }

Q_SIGNALS:
    void started(const QString &materialId);
    /// The fetch ended: attached (`message` empty) or failed with the reason for the clerk.
    void finished(const QString &materialId, const QString &message);

private:
    void arrived(
        int generation, const sharing::SharedRequest &request, Result<sharing::SharedDocument> document);

    sharing::DataSharingPlatform *m_platform;
    IntakeSession *m_session = nullptr;
    int m_generation = 0;
    QString m_fetching;
    QHash<QString, QString> m_failures;
};

} // namespace ow::intake
