#pragma once

#include "core/Result.h"
#include "kiosk/KioskTicket.h"
#include "kiosk/TicketIssuer.h"

#include <QObject>
#include <optional>

namespace ow::kiosk {

/// One visitor's way through the kiosk, without widgets: choose the matter (or 导服 when not sure),
/// swipe the ID card (optional; skipped when the kiosk has no reader), type a mobile number
/// (optional, checked), then the ticket is issued; a failure can be retried with the same choices.
/// reset() forgets everything of the visitor for the next one.
class KioskFlow : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        Matter,
        Card,
        Mobile,
        Issuing,
        Ticket,
        Failed,
    };
    Q_ENUM(Step)

    explicit KioskFlow(TicketIssuer &issuer, QObject *parent = nullptr);

    /// Whether the card step is offered (a reader is configured).
    void setCardStep(bool offered) { m_cardStep = offered; }

    Step step() const { return m_step; }
    const TicketRequest &request() const { return m_request; }
    const std::optional<IssuedTicket> &ticket() const { return m_ticket; }
    /// Why the last issue failed, and whether the server was unreachable (rather than refusing).
    const QString &failure() const { return m_failure; }
    bool unreachable() const { return m_unreachable; }

    void chooseMatter(const QString &code, const QString &name);
    void chooseBundle(const QString &id, const QString &name);
    /// The 绿色通道 choice on the first screen; it goes with whatever the visitor chooses next.
    void setGreenChannel(bool green);
    /// 不确定，请导服人员协助: a ticket without a matter; the guide or the counter finds it.
    void chooseNotSure();
    /// A card swiped while choosing or at the card step is kept for the counter and moves on.
    void cardRead(const drivers::idcard::IdCardData &card);
    void skipCard();
    /// Checks the number (a mainland mobile) and issues the ticket; the error says what is wrong.
    Result<void> enterMobile(const QString &text);
    void skipMobile();
    /// One step back (from the card or mobile step).
    void back();
    /// After a failure: the same request again.
    void retry();
    /// Forgets the visitor and starts again at the matter.
    void reset();

Q_SIGNALS:
    void stepChanged(ow::kiosk::KioskFlow::Step step);
    void greenChannelChanged(bool green);

private:
    void setStep(Step step);
    void afterMatter();
    void issue();
    void onIssued(const IssuedTicket &ticket);
    void onFailed(TicketIssuer::Failure failure, const QString &message);

    TicketIssuer &m_issuer;
    bool m_cardStep = true;
    Step m_step = Step::Matter;
    TicketRequest m_request;
    std::optional<IssuedTicket> m_ticket;
    QString m_failure;
    bool m_unreachable = false;
};

} // namespace ow::kiosk
