#include "kioskui/KioskWindow.h"

#include "devices/DeviceHub.h"
#include "kiosk/TicketSlip.h"
#include "kioskui/KioskKeypad.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ow::kioskui {

using namespace Qt::StringLiterals;
using Step = kiosk::KioskFlow::Step;

namespace {

constexpr int kHitButtons = 5;

// Touch-sized: keys and buttons a finger hits without aiming, text read at arm's length.
constexpr auto kStyle = R"(
QWidget#kioskRoot { background: #f3f6fa; }
QLabel { color: #1b2a3a; font-size: 24px; }
QLabel#kioskTitle { font-size: 34px; font-weight: bold; color: #0b3d6e; }
QLabel#kioskHint { font-size: 22px; color: #4a5b6c; }
QLabel#kioskError { font-size: 24px; color: #b3261e; font-weight: bold; }
QLabel#ticketNumber { font-size: 120px; font-weight: bold; color: #0b3d6e; }
QLabel#ticketCounter { font-size: 44px; font-weight: bold; }
QLineEdit { font-size: 36px; padding: 4px 16px; border: 2px solid #7d8fa3; border-radius: 10px;
            background: white; min-height: 56px; }
QPushButton { font-size: 28px; min-height: 64px; padding: 4px 20px; border-radius: 12px;
              background: white; border: 2px solid #7d8fa3; color: #1b2a3a; }
QPushButton:pressed { background: #dce6f2; }
QPushButton#kioskKey { font-size: 26px; font-weight: bold; padding: 0px; min-height: 56px; }
QPushButton#kioskPrimary { background: #0b57a4; color: white; border: none; font-weight: bold; }
QPushButton#greenChannel { background: white; color: #1e7d32; border: 3px solid #1e7d32;
                          font-weight: bold; font-size: 24px; }
QPushButton#greenChannel:checked { background: #1e7d32; color: white; }
QPushButton#notSure { background: #e37400; color: white; border: none; font-weight: bold; font-size: 32px; }
QPushButton#kioskHit { text-align: left; font-size: 28px; }
)";

QLabel *label(const QString &text, const QString &name, QWidget *parent)
{
    auto *result = new QLabel(text, parent);
    result->setObjectName(name);
    result->setWordWrap(true);
    return result;
}

/// "张*" / "欧阳**": enough for the visitor to see the card was read, not enough for a passer-by.
QString maskedName(const QString &name)
{
    return name.isEmpty() ? name : name.left(1) + QString(name.size() - 1, u'*');
}

} // namespace

KioskWindow::KioskWindow(kiosk::KioskFlow &flow, const catalogue::MatterSearch &search,
    devices::DeviceHub *hub, Options options, QWidget *parent)
    : QWidget(parent)
    , m_flow(flow)
    , m_search(search)
    , m_hub(hub)
    , m_options(std::move(options))
{
    setObjectName(u"kioskRoot"_s);
    setWindowTitle(tr("Take a ticket"));
    setStyleSheet(QString::fromLatin1(kStyle));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 16, 28, 16);
    auto *title = label(
        m_options.hallName.isEmpty() ? tr("Take a ticket") : tr("%1 · Take a ticket").arg(m_options.hallName),
        u"kioskTitle"_s, this);
    layout->addWidget(title);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);
    m_matterPage = buildMatterPage();
    m_cardPage = buildCardPage();
    m_mobilePage = buildMobilePage();
    QVBoxLayout *issuingButtons = nullptr;
    QLabel *unused = nullptr;
    m_issuingPage = buildMessagePage(&m_issuingText, &unused, &issuingButtons);
    m_issuingText->setText(tr("Taking your ticket…"));
    QVBoxLayout *failedButtons = nullptr;
    m_failedPage = buildMessagePage(&m_failedText, &m_failedDetail, &failedButtons);
    QPushButton *retry = bigButton(tr("Try again"), u"retry"_s, true);
    QPushButton *home = bigButton(tr("Back to the start"), u"home"_s);
    failedButtons->addWidget(retry);
    failedButtons->addWidget(home);
    connect(retry, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::retry);
    connect(home, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::reset);
    m_ticketPage = buildTicketPage();
    for (QWidget *page : {m_matterPage, m_cardPage, m_mobilePage, m_issuingPage, m_failedPage, m_ticketPage})
        m_pages->addWidget(page);

    connect(&m_flow, &kiosk::KioskFlow::stepChanged, this, &KioskWindow::onStep);
    if (m_hub)
        connect(m_hub, &devices::DeviceHub::cardRead, &m_flow, &kiosk::KioskFlow::cardRead);

    // A visitor who walks away leaves nothing on screen for the next one.
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_options.idleResetMs);
    connect(&m_idle, &QTimer::timeout, &m_flow, &kiosk::KioskFlow::reset);
    qApp->installEventFilter(this);
    onStep(m_flow.step());
}

bool KioskWindow::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::TouchBegin || type == QEvent::KeyPress) {
        if (m_flow.step() != Step::Matter || !m_query->text().isEmpty())
            m_idle.start();
    }
    return QWidget::eventFilter(watched, event);
}

QPushButton *KioskWindow::bigButton(const QString &text, const QString &name, bool primary)
{
    auto *button = new QPushButton(text, this);
    button->setProperty("kioskName", name);
    button->setAccessibleName(name);
    if (primary)
        button->setObjectName(u"kioskPrimary"_s);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QWidget *KioskWindow::buildMatterPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(14);
    layout->addWidget(label(tr("Choose the matter you came for"), u"kioskHeading"_s, page));
    m_query = new QLineEdit(page);
    m_query->setObjectName(u"matterQuery"_s);
    m_query->setPlaceholderText(tr("Pinyin initials or name, e.g. yyzz"));
    layout->addWidget(m_query);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(20);
    auto *keypad = new KioskKeypad(KioskKeypad::Keys::Letters, page);
    keypad->setObjectName(u"letterPad"_s);
    columns->addWidget(keypad, 5);
    auto *hits = new QVBoxLayout;
    hits->setSpacing(10);
    m_searchHint
        = label(tr("Type the first letters of the matter's pinyin on the keys, or ask for help below."),
            u"kioskHint"_s, page);
    hits->addWidget(m_searchHint);
    for (int i = 0; i < kHitButtons; ++i) {
        auto *hit = new QPushButton(page);
        hit->setObjectName(u"kioskHit"_s);
        hit->setFocusPolicy(Qt::NoFocus);
        // A long matter name is cut rather than widening the window past the screen.
        hit->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        hit->setMinimumWidth(240);
        hit->hide();
        hits->addWidget(hit);
        m_hits << hit;
    }
    hits->addStretch(1);
    columns->addLayout(hits, 6);
    layout->addLayout(columns, 1);
    auto *notSure = new QPushButton(tr("Not sure — please ask a guide to help me"), page);
    notSure->setObjectName(u"notSure"_s);
    notSure->setMinimumHeight(76);
    notSure->setFocusPolicy(Qt::NoFocus);
    // 绿色通道 is chosen before the matter and stays lit, so the visitor sees it is on.
    m_green = new QPushButton(tr("Green channel\nelderly · disabled · pregnant · serving soldiers"), page);
    m_green->setObjectName(u"greenChannel"_s);
    m_green->setCheckable(true);
    m_green->setMinimumHeight(76);
    // Its two lines are cut rather than widening the window past the screen (long in English).
    m_green->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_green->setMinimumWidth(300);
    m_green->setFocusPolicy(Qt::NoFocus);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(20);
    bottom->addWidget(m_green, 5);
    bottom->addWidget(notSure, 6);
    layout->addLayout(bottom);
    connect(m_green, &QPushButton::toggled, &m_flow, &kiosk::KioskFlow::setGreenChannel);
    connect(&m_flow, &kiosk::KioskFlow::greenChannelChanged, m_green, &QPushButton::setChecked);

    connect(m_query, &QLineEdit::textChanged, this, &KioskWindow::searchChanged);
    connect(keypad, &KioskKeypad::typed, this, [this](QChar key) { m_query->insert(QString(key)); });
    connect(keypad, &KioskKeypad::erased, m_query, &QLineEdit::backspace);
    connect(keypad, &KioskKeypad::cleared, m_query, &QLineEdit::clear);
    connect(notSure, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::chooseNotSure);
    return page;
}

void KioskWindow::searchChanged()
{
    const QList<catalogue::SearchHit> found = m_search.search(m_query->text(), kHitButtons);
    m_searchHint->setVisible(found.isEmpty());
    if (found.isEmpty() && !m_query->text().isEmpty())
        m_searchHint->setText(
            tr("Nothing found for “%1”. Check the letters, or ask for help below.").arg(m_query->text()));
    else if (found.isEmpty())
        m_searchHint->setText(
            tr("Type the first letters of the matter's pinyin on the keys, or ask for help below."));
    for (int i = 0; i < m_hits.size(); ++i) {
        QPushButton *button = m_hits.at(i);
        button->disconnect(this);
        button->disconnect(&m_flow);
        button->setVisible(i < found.size());
        if (i >= found.size())
            continue;
        const catalogue::SearchHit hit = found.at(i);
        button->setText(hit.name);
        button->setProperty("code", hit.code);
        connect(button, &QPushButton::clicked, &m_flow, [this, hit] {
            if (hit.isBundle())
                m_flow.chooseBundle(hit.code, hit.name);
            else
                m_flow.chooseMatter(hit.code, hit.name);
        });
    }
}

QWidget *KioskWindow::buildCardPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(20);
    layout->addStretch(1);
    auto *heading = label(tr("Please place your ID card on the reader"), u"kioskTitle"_s, page);
    heading->setAlignment(Qt::AlignCenter);
    layout->addWidget(heading);
    auto *note
        = label(tr("The counter then fills in your details, so nothing is typed twice. You may skip this."),
            u"kioskHint"_s, page);
    note->setAlignment(Qt::AlignCenter);
    layout->addWidget(note);
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    QPushButton *back = bigButton(tr("Back"), u"back"_s);
    QPushButton *skip = bigButton(tr("Skip"), u"skipCard"_s, true);
    buttons->addWidget(back);
    buttons->addStretch(1);
    buttons->addWidget(skip);
    layout->addLayout(buttons);
    connect(back, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::back);
    connect(skip, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::skipCard);
    return page;
}

QWidget *KioskWindow::buildMobilePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    layout->setSpacing(32);
    auto *left = new QVBoxLayout;
    left->setSpacing(14);
    m_chosen = label(QString(), u"kioskHint"_s, page);
    left->addWidget(m_chosen);
    left->addWidget(
        label(tr("Your mobile number, for an SMS when your turn is near"), u"kioskHeading"_s, page));
    m_mobile = new QLineEdit(page);
    m_mobile->setObjectName(u"mobile"_s);
    m_mobile->setMaxLength(11);
    m_mobile->setInputMethodHints(Qt::ImhDigitsOnly);
    left->addWidget(m_mobile);
    m_mobileError = label(QString(), u"kioskError"_s, page);
    left->addWidget(m_mobileError);
    m_cardNote = label(QString(), u"kioskHint"_s, page);
    left->addWidget(m_cardNote);
    left->addStretch(1);
    QPushButton *take = bigButton(tr("Take the ticket"), u"takeTicket"_s, true);
    QPushButton *without = bigButton(tr("Without a mobile number"), u"skipMobile"_s);
    QPushButton *back = bigButton(tr("Back"), u"back"_s);
    left->addWidget(take);
    auto *row = new QHBoxLayout;
    row->addWidget(back);
    row->addWidget(without, 1);
    left->addLayout(row);
    layout->addLayout(left, 5);
    auto *keypad = new KioskKeypad(KioskKeypad::Keys::Digits, page);
    keypad->setObjectName(u"digitPad"_s);
    layout->addWidget(keypad, 4);

    connect(keypad, &KioskKeypad::typed, this, [this](QChar key) { m_mobile->insert(QString(key)); });
    connect(keypad, &KioskKeypad::erased, m_mobile, &QLineEdit::backspace);
    connect(keypad, &KioskKeypad::cleared, m_mobile, &QLineEdit::clear);
    connect(m_mobile, &QLineEdit::returnPressed, this, &KioskWindow::submitMobile);
    connect(m_mobile, &QLineEdit::textChanged, m_mobileError, &QLabel::clear);
    connect(take, &QPushButton::clicked, this, &KioskWindow::submitMobile);
    connect(without, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::skipMobile);
    connect(back, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::back);
    return page;
}

void KioskWindow::submitMobile()
{
    const Result<void> entered = m_flow.enterMobile(m_mobile->text());
    m_mobileError->setText(entered ? QString() : entered.error().message());
}

QWidget *KioskWindow::buildMessagePage(QLabel **text, QLabel **detail, QVBoxLayout **buttons)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setSpacing(20);
    layout->addStretch(1);
    *text = label(QString(), u"kioskTitle"_s, page);
    (*text)->setAlignment(Qt::AlignCenter);
    layout->addWidget(*text);
    *detail = label(QString(), u"kioskHint"_s, page);
    (*detail)->setAlignment(Qt::AlignCenter);
    layout->addWidget(*detail);
    layout->addStretch(1);
    *buttons = new QVBoxLayout;
    layout->addLayout(*buttons);
    return page;
}

QWidget *KioskWindow::buildTicketPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QHBoxLayout(page);
    layout->setSpacing(32);
    m_slipView = new QLabel(page);
    m_slipView->setObjectName(u"slip"_s);
    m_slipView->setAlignment(Qt::AlignCenter);
    // The slip is scaled to the room there is; it never makes the window grow.
    m_slipView->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_slipView->setStyleSheet(u"background: white; border: 1px solid #c5d0dc;"_s);
    layout->addWidget(m_slipView, 4);
    auto *right = new QVBoxLayout;
    right->addWidget(label(tr("Your number"), u"kioskHint"_s, page));
    m_ticketNumber = label(QString(), u"ticketNumber"_s, page);
    right->addWidget(m_ticketNumber);
    m_ticketCounter = label(QString(), u"ticketCounter"_s, page);
    right->addWidget(m_ticketCounter);
    m_ticketWait = label(QString(), u"kioskHeading"_s, page);
    right->addWidget(m_ticketWait);
    m_printNote = label(QString(), u"kioskHint"_s, page);
    right->addWidget(m_printNote);
    right->addStretch(1);
    QPushButton *done = bigButton(tr("Done"), u"done"_s, true);
    right->addWidget(done);
    layout->addLayout(right, 5);
    connect(done, &QPushButton::clicked, &m_flow, &kiosk::KioskFlow::reset);
    return page;
}

void KioskWindow::onStep(Step step)
{
    switch (step) {
    case Step::Matter:
        m_query->clear();
        m_mobile->clear();
        m_mobileError->clear();
        m_slip = QImage();
        m_idle.stop();
        m_pages->setCurrentWidget(m_matterPage);
        break;
    case Step::Card:
        m_pages->setCurrentWidget(m_cardPage);
        break;
    case Step::Mobile: {
        const kiosk::TicketRequest &request = m_flow.request();
        const QString matter = request.isNotSure() ? tr("Matter: not sure, a guide will help")
                                                   : tr("Matter: %1").arg(request.matterName);
        m_chosen->setText(request.greenChannel ? tr("%1 · Green channel").arg(matter) : matter);
        m_cardNote->setText(
            request.card ? tr("ID card read: %1").arg(maskedName(request.card->name)) : QString());
        m_pages->setCurrentWidget(m_mobilePage);
        break;
    }
    case Step::Issuing:
        m_pages->setCurrentWidget(m_issuingPage);
        break;
    case Step::Failed:
        m_failedText->setText(m_flow.unreachable()
                ? tr(
                    "The queue server cannot be reached just now. Please try again, or ask a guide for help.")
                : tr("No ticket could be issued. Please ask a guide for help."));
        m_failedDetail->setText(m_flow.failure());
        m_pages->setCurrentWidget(m_failedPage);
        break;
    case Step::Ticket:
        showTicket();
        break;
    }
}

void KioskWindow::showTicket()
{
    const kiosk::IssuedTicket ticket = *m_flow.ticket();
    kiosk::TicketSlip::Content content;
    content.hallName = m_options.hallName;
    content.ticket = ticket;
    content.matterName = m_flow.request().matterName;
    if (!m_options.hall.isEmpty() && m_options.server.isValid())
        content.follow = kiosk::followUrl(m_options.server, m_options.hall, ticket.id);
    content.issuedLocal = ticket.issued.toLocalTime();
    const Result<QImage> slip = kiosk::TicketSlip::render(content, m_options.slipFont);
    m_slip = slip ? *slip : QImage();
    m_ticketNumber->setText(ticket.number);
    m_ticketCounter->setText(kiosk::TicketSlip::counterText(ticket));
    const QString wait = kiosk::TicketSlip::waitText(ticket);
    m_ticketWait->setText(m_flow.request().greenChannel ? tr("Green channel · %1").arg(wait) : wait);
    const bool printed = m_hub && !m_slip.isNull() && m_hub->printReceipt(m_slip) >= 0;
    m_printNote->setText(printed ? tr("Please take your ticket from the printer below.")
                                 : tr("The ticket printer is not available: please remember your number."));
    m_slipView->setPixmap(m_slip.isNull()
            ? QPixmap()
            : QPixmap::fromImage(m_slip.convertToFormat(QImage::Format_RGB32))
                  .scaledToHeight(qMin(m_slip.height(), m_pages->height() - 8), Qt::SmoothTransformation));
    m_pages->setCurrentWidget(m_ticketPage);
    m_idle.start();
}

} // namespace ow::kioskui
