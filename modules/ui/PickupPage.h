#pragma once

#include "cases/Case.h"
#include "cases/PickupDesk.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "ui/CaseScreenContext.h"

#include <QWidget>
#include <optional>

class QButtonGroup;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedLayout;

namespace ow::ui {

class DocumentPreview;
class ResultDocumentsBox;

/// The pickup counter (综合出件窗口): the clerk scans the QR code on the applicant's receipt (or
/// types the case number), sees whether the result is ready, and records either the hand-over —
/// who collected it, with a checked ID number — or the mailing with its EMS tracking number.
/// The cases waiting at the counter are listed on the left. A recorded hand-over opens the 签收单
/// for the collector to sign, a recorded mailing the EMS label, in the document preview (Print,
/// Save as PDF); Escape or Back returns to the counter. Mail stays disabled, each missing field
/// named, while the case's mailing address is incomplete; the clerk may complete it there. The
/// department's result documents of the case are listed under the waiting cases (ResultDocumentsBox).
class PickupPage : public QWidget
{
    Q_OBJECT

public:
    /// `context.store` must be open.
    explicit PickupPage(const CaseScreenContext &context, QWidget *parent = nullptr);

    /// What the scanner delivers, or the clerk typed: a case number or a case link. Shows the case
    /// and whether it can be handed out; false when no case is found.
    bool lookUp(const QString &code);
    /// Re-reads the list of results waiting at the counter (also when a sync round brought events).
    void refreshReady();

    /// The case shown, as read at its look-up or after the last recording.
    const std::optional<cases::Case> &currentCase() const { return m_case; }
    /// The last message shown to the clerk (found, refused, recorded, invalid input).
    QString message() const;

    QLineEdit *codeField() const { return m_code; }
    QListWidget *readyList() const { return m_ready; }
    QRadioButton *applicantChoice() const { return m_applicantChoice; }
    QRadioButton *agentChoice() const { return m_agentChoice; }
    QLineEdit *collectorNameField() const { return m_collectorName; }
    QLineEdit *collectorIdField() const { return m_collectorId; }
    QPushButton *handOverButton() const { return m_handOver; }
    QLineEdit *trackingField() const { return m_tracking; }
    QPushButton *mailButton() const { return m_mail; }
    /// What the mailing form says about the case's address: the missing fields, or nothing.
    QString addressCheckText() const;
    /// The address form shown while the case's address is incomplete: recipient's name, mobile,
    /// province, city, district, street address, postcode.
    QList<QLineEdit *> addressFields() const { return m_addressFields; }
    QPushButton *saveAddressButton() const { return m_saveAddress; }
    /// Saves what the address form holds on the case (checked by PickupDesk::completeAddress);
    /// false with the reason shown.
    bool saveAddress();
    /// The shown case's result documents from its department, to print (Ctrl+P) or view (Ctrl+O).
    ResultDocumentsBox *resultDocuments() const { return m_documents; }
    /// Where the slip and the EMS label are shown and printed from.
    DocumentPreview *documentPreview() const { return m_preview; }
    bool isShowingDocument() const;
    /// Back from the document to the counter, ready for the next receipt.
    void showCounter();

    /// Records the hand-over with what the form holds; false with the reason shown.
    bool recordHandOver();
    /// Records the mailing with the tracking number typed or scanned; false with the reason shown.
    bool recordMailing();

Q_SIGNALS:
    /// A pickup or a mailing was recorded.
    void recorded(const QString &caseNumber, cases::EventKind kind);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Tone
    {
        Neutral,
        Success,
        Danger
    };

    void showCase();
    void showMessage(const QString &text, Tone tone);
    void updateActions();
    void checkCollectorId();
    void checkTracking();
    /// Opens the slip or label just made, or says why it could not be made.
    void showDocument(const Result<documents::Document> &document, const QString &heading);
    documents::DocumentContext documentContext() const;
    /// The applicant's name and ID as the clerk may see them.
    QString shownName() const;

    CaseScreenContext m_context;
    cases::PickupDesk m_desk;
    std::optional<cases::Case> m_case;

    QLineEdit *m_code = nullptr;
    QLabel *m_message = nullptr;
    QListWidget *m_ready = nullptr;
    QLabel *m_readyTitle = nullptr;
    QWidget *m_caseCard = nullptr;
    QLabel *m_caseNumber = nullptr;
    QLabel *m_caseState = nullptr;
    QLabel *m_caseFacts = nullptr;
    QLabel *m_caseApplicant = nullptr;
    QLabel *m_caseResult = nullptr;
    QLabel *m_delivery = nullptr;
    QButtonGroup *m_collectorKind = nullptr;
    QRadioButton *m_applicantChoice = nullptr;
    QRadioButton *m_agentChoice = nullptr;
    QLineEdit *m_collectorName = nullptr;
    QLineEdit *m_collectorId = nullptr;
    QLabel *m_collectorIdCheck = nullptr;
    QPushButton *m_handOver = nullptr;
    QLineEdit *m_tracking = nullptr;
    QLabel *m_trackingCheck = nullptr;
    QLabel *m_addressCheck = nullptr;
    QWidget *m_addressForm = nullptr;
    QLabel *m_mailHint = nullptr;
    QList<QLineEdit *> m_addressFields;
    QPushButton *m_saveAddress = nullptr;
    QPushButton *m_mail = nullptr;
    QStackedLayout *m_pages = nullptr;
    QWidget *m_counter = nullptr;
    QWidget *m_documentPage = nullptr;
    DocumentPreview *m_preview = nullptr;
    ResultDocumentsBox *m_documents = nullptr;
};

} // namespace ow::ui
