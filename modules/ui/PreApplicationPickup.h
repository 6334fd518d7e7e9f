#pragma once

#include "catalogue/Catalogue.h"
#include "sync/SyncSettings.h"

#include <QObject>
#include <optional>

class QWidget;

namespace ow::ui {

class IntakeFlow;

/// The counter picks up an online pre-application (网上件): the code scanned or typed into the search
/// field is fetched from the hall's server with its scans (off the GUI thread), and the intake opens
/// with the matter, the answers, the applicant and the scans. A code returned by the pre-review or
/// already taken by a case is not opened: the clerk is told its state with the reasons or the case.
class PreApplicationPickup : public QObject
{
    Q_OBJECT

public:
    /// `window` stays disabled while the server is asked.
    PreApplicationPickup(IntakeFlow *flow, catalogue::CataloguePtr catalogue, QWidget *window);

    /// The hall's server and this workstation's token; none: a standalone counter, which says so.
    void setHall(std::optional<sync::SyncSettings> hall) { m_hall = std::move(hall); }

public Q_SLOTS:
    /// Fetches and opens the pre-application `code`; whatever goes wrong is said on the status bar.
    void open(const QString &code);

Q_SIGNALS:
    void message(const QString &text, bool problem);

private:
    IntakeFlow *m_flow;
    catalogue::CataloguePtr m_catalogue;
    QWidget *m_window;
    std::optional<sync::SyncSettings> m_hall;
};

} // namespace ow::ui
