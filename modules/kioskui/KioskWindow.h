#pragma once

#include "catalogue/MatterSearch.h"
#include "kiosk/KioskFlow.h"

#include <QImage>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace ow::devices {
class DeviceHub;
}

namespace ow::kioskui {

/// The kiosk's one window (取号机), full screen and touch-sized, Chinese first: choose the matter
/// by pinyin initials or name (the workstation's MatterSearch) or 不确定，请导服人员协助, with 绿色通道
/// when it applies; swipe the ID
/// card; type a mobile number; then the ticket is printed on the receipt printer and shown. It
/// renders the KioskFlow and sends it the visitor's intents; the devices come from the DeviceHub.
class KioskWindow : public QWidget
{
    Q_OBJECT

public:
    struct Options
    {
        QString hallName; ///< the title and the slip's first line
        QString hall; ///< the hall code, for the ticket's follow page
        QUrl server; ///< the queue server, for the ticket's follow page
        QString slipFont; ///< font family of the slip (empty: Noto Sans CJK SC)
        int idleResetMs = 60000; ///< back to the start after this long without a touch
    };

    KioskWindow(kiosk::KioskFlow &flow, const catalogue::MatterSearch &search, devices::DeviceHub *hub,
        Options options, QWidget *parent = nullptr);

    /// The last slip drawn (for tests and the screen), null before the first ticket.
    const QImage &lastSlip() const { return m_slip; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildMatterPage();
    QWidget *buildCardPage();
    QWidget *buildMobilePage();
    QWidget *buildMessagePage(QLabel **text, QLabel **detail, QVBoxLayout **buttons);
    QWidget *buildTicketPage();
    QPushButton *bigButton(const QString &text, const QString &name, bool primary = false);

    void onStep(kiosk::KioskFlow::Step step);
    void searchChanged();
    void submitMobile();
    void showTicket();

    kiosk::KioskFlow &m_flow;
    const catalogue::MatterSearch &m_search;
    devices::DeviceHub *m_hub;
    Options m_options;
    QTimer m_idle;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_matterPage = nullptr;
    QWidget *m_cardPage = nullptr;
    QWidget *m_mobilePage = nullptr;
    QWidget *m_issuingPage = nullptr;
    QWidget *m_failedPage = nullptr;
    QWidget *m_ticketPage = nullptr;
    QLineEdit *m_query = nullptr;
    QLabel *m_searchHint = nullptr;
    QPushButton *m_green = nullptr;
    QList<QPushButton *> m_hits;
    QLineEdit *m_mobile = nullptr;
    QLabel *m_mobileError = nullptr;
    QLabel *m_cardNote = nullptr;
    QLabel *m_chosen = nullptr;
    QLabel *m_issuingText = nullptr;
    QLabel *m_failedText = nullptr;
    QLabel *m_failedDetail = nullptr;
    QLabel *m_slipView = nullptr;
    QLabel *m_ticketNumber = nullptr;
    QLabel *m_ticketCounter = nullptr;
    QLabel *m_ticketWait = nullptr;
    QLabel *m_printNote = nullptr;
    QImage m_slip;
};

} // namespace ow::kioskui
