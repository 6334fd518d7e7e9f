#pragma once

#include "core/Result.h"
#include "devices/PrinterRouting.h"
#include "evaluator/Rating.h"
#include "idcard/IdCardData.h"
#include "ui/CameraCaptureDialog.h"
#include "ui/DocumentPreview.h"
#include "ui/EvaluatorPadWindow.h"

#include <QObject>
#include <QPointer>

class QImage;
class QMenu;
class QSettings;
class QWidget;

namespace ow::cases {
class CaseStore;
}
namespace ow::intake {
struct IntakeEnvironment;
}
namespace ow::devices {
class DeviceHub;
}

namespace ow::ui {

class ApplicantForm;
class CaseScreens;
class PickupPage;

/// Connects the counter's devices to the workstation's screens: the card reader to the applicant
/// form (F3), the document camera to the material check (scanned pages become attachments), the
/// evaluator to the decision (the rating is recorded on the case), the receipt printer to the
/// document preview and the scanner to the pickup page. The hub does the I/O; the screens never
/// see a device.
class WorkstationDevices : public QObject
{
    Q_OBJECT

public:
    /// `hub` must outlive this; `settings` (may be null) is where the device panel saves and where
    /// the printer routing is read; `window` parents the dialogs.
    WorkstationDevices(
        devices::DeviceHub &hub, QSettings *settings, const QString &hallName, QWidget *window);
    ~WorkstationDevices() override;

    devices::DeviceHub &hub() const { return m_hub; }

    /// The intake's side: cards read after F3, or while the form is on screen, fill `form`; the
    /// preview's receipts go to the receipt printer; ratings are recorded in the environment's store
    /// for its clerk.
    void attachIntake(
        ApplicantForm *form, DocumentPreview *preview, const intake::IntakeEnvironment &environment);
    /// Codes scanned while the pickup page is on screen are looked up there; only the administrator
    /// may change the device settings.
    void attachCaseScreens(const CaseScreens &screens);

    /// Opens the capture dialog for one material; Done hands the pages out through pagesCaptured.
    void captureMaterial(const QString &materialId, const QString &materialName);
    /// The open capture dialog, if any.
    CameraCaptureDialog *captureDialog() const { return m_capture; }
    /// After a decision: asks the applicant to rate the service of this case on the evaluator.
    void requestRating(const QString &caseNumber);
    /// Sends a thermal receipt where the printer routing says; false (with a message) if nowhere.
    bool printReceipt(const QImage &receipt);
    /// Where Print sends an A4 document of this kind: its printer, the dialog, or a PDF folder.
    DocumentPreview::PrintDestination printDestination(const documents::Document &document) const;
    /// Tools → Devices…: the device panel in a dialog; without `mayApply` it shows and tests only.
    void showDevicePanel(bool mayApply);
    /// The "Tools" menu with "Devices…".
    QMenu *createMenu(QWidget *parent);

    /// The window facing the applicant, when the evaluator is the on-screen one.
    EvaluatorPadWindow *padWindow() const { return m_pad; }

Q_SIGNALS:
    /// The pages of a capture, as JPEG images, for the intake to store under the material.
    void pagesCaptured(const QString &materialId, const QList<QByteArray> &jpegPages);
    /// A rating was recorded on the case.
    void ratingRecorded(const QString &caseNumber, ow::drivers::evaluator::Rating rating);
    /// A sentence for the status bar.
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateScanListening();
    void onCardRead(const drivers::idcard::IdCardData &card);
    void onCodeScanned(const QString &code);
    void onRatingGiven(const QString &caseNumber, drivers::evaluator::Rating rating);
    void onCaptureFinished(const QString &materialId, int result);
    void readCard();
    void recreatePad();
    /// The saved printer routing; the defaults when there are no settings or they are unreadable.
    devices::PrinterRouting routing() const;

    devices::DeviceHub &m_hub;
    QSettings *m_settings = nullptr;
    QString m_hallName;
    QPointer<QWidget> m_window;
    QPointer<ApplicantForm> m_form;
    QPointer<PickupPage> m_pickup;
    QPointer<CameraCaptureDialog> m_capture;
    QPointer<EvaluatorPadWindow> m_pad;
    cases::CaseStore *m_store = nullptr;
    QString m_clerkId;
    QString m_clerkName;
    QStringList m_ratingsAsked; ///< cases whose rating is awaited: test ratings never land on a case
    bool m_mayApply = false;
    bool m_cardWanted = false; ///< F3 was pressed: the next card fills the form wherever it shows
};

} // namespace ow::ui
