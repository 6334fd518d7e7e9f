#pragma once

#include <QObject>
#include <functional>

namespace ow::intake {
class IntakeSession;
class SharedMaterialFetch;
} // namespace ow::intake

namespace ow::sharing {
class DataSharingPlatform;
} // namespace ow::sharing

namespace ow::ui {

class MaterialCheckPage;

/// Wires the material check's data-sharing intents to the open intake: F7 starts an
/// intake::SharedMaterialFetch (never blocking the window), the paper goes to
/// IntakeSession::takeSharedOnPaper, and the page shows the fetch's state as it changes.
class SharedMaterialControl : public QObject
{
    Q_OBJECT

public:
    using SessionSource = std::function<intake::IntakeSession *()>;

    SharedMaterialControl(MaterialCheckPage *page, SessionSource session, QObject *parent);

    /// The workstation's data-sharing platform (not owned); null: not configured.
    void setPlatform(sharing::DataSharingPlatform *platform);
    intake::SharedMaterialFetch *fetch() const { return m_fetch; }
    /// The intake closes or another opens: an answer still to come is dropped.
    void forget();

Q_SIGNALS:
    void message(const QString &text, bool problem);
    /// A document was attached or the paper taken: the case changed.
    void caseChanged();

private:
    void fetchMaterial(const QString &materialId);
    void takePaper(const QString &materialId, const QString &reason);
    void finished(const QString &materialId, const QString &problem);

    MaterialCheckPage *m_page;
    SessionSource m_session;
    intake::SharedMaterialFetch *m_fetch;
};

} // namespace ow::ui
