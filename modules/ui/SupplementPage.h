#pragma once

#include "documents/Document.h"
#include "intake/IntakeEnvironment.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;

namespace ow::intake {
class SupplementSession;
} // namespace ow::intake

namespace ow::ui {

class MaterialCheckPage;

/// 补齐补正 at the counter: what a case awaits, checked like at intake on the material check page
/// (its keys: R received, F not met, F6 scan, Ctrl+I import), then recorded with one button
/// (Ctrl+Shift+Enter) that stores the checks, the scans and the event and hands back the
/// supplement receipt to print. Esc goes back to the case.
class SupplementPage : public QWidget
{
    Q_OBJECT

public:
    explicit SupplementPage(QWidget *parent = nullptr);
    ~SupplementPage() override;

    /// Opens the supplement of a case; false, with the reason in message(), when it awaits nothing
    /// or cannot take a hand-in.
    bool open(const intake::IntakeEnvironment &environment, const QString &caseNumber);
    /// Lets go of the supplement (nothing recorded is lost: recording is one step).
    void close();
    /// The open supplement; null when none.
    intake::SupplementSession *session() const { return m_session.get(); }

    MaterialCheckPage *checkPage() const { return m_check; }
    QPushButton *recordButton() const { return m_record; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *backButton() const { return m_back; }
    QString message() const;
    void focusFirstLine();

public Q_SLOTS:
    /// Records what was handed in; true when stored (the receipt goes out through recorded()).
    bool record();
    void importFiles(const QString &materialId, const QStringList &paths);
    void importScans(const QString &materialId, const QList<QByteArray> &jpegPages);

Q_SIGNALS:
    void backRequested();
    /// The document camera is wanted for a material (the device layer answers with importScans).
    void scanRequested(const QString &materialId, const QString &materialName);
    /// The hand-in is stored (the sync has an event to send); `receipt` is to be printed.
    void recorded(const QString &caseNumber, const ow::documents::Document &receipt);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showHeader();
    void attached(const Result<QList<cases::CaseAttachment>> &added);
    void setMessage(const QString &text, bool problem);

    std::unique_ptr<intake::SupplementSession> m_session;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_record = nullptr;
    MaterialCheckPage *m_check = nullptr;
};

} // namespace ow::ui
