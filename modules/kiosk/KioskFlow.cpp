#include "kiosk/KioskFlow.h"

#include "core/PhoneNumber.h"

#include <QCoreApplication>

namespace ow::kiosk {

KioskFlow::KioskFlow(TicketIssuer &issuer, QObject *parent)
    : QObject(parent)
    , m_issuer(issuer)
{
    connect(&m_issuer, &TicketIssuer::issued, this, &KioskFlow::onIssued);
    connect(&m_issuer, &TicketIssuer::failed, this, &KioskFlow::onFailed);
}

void KioskFlow::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void KioskFlow::chooseMatter(const QString &code, const QString &name)
{
    if (m_step != Step::Matter)
        return;
    m_request.matter = code;
    m_request.bundle.clear();
    m_request.matterName = name;
    afterMatter();
}

void KioskFlow::chooseBundle(const QString &id, const QString &name)
{
    if (m_step != Step::Matter)
        return;
    m_request.matter.clear();
    m_request.bundle = id;
    m_request.matterName = name;
    afterMatter();
}

void KioskFlow::setGreenChannel(bool green)
{
    // Only while choosing: the ticket's class cannot change under a request already sent.
    if (m_step != Step::Matter || m_request.greenChannel == green)
        return;
    m_request.greenChannel = green;
    Q_EMIT greenChannelChanged(green);
}

void KioskFlow::chooseNotSure()
{
    if (m_step != Step::Matter)
        return;
    m_request.matter.clear();
    m_request.bundle.clear();
    m_request.matterName.clear();
    afterMatter();
}

void KioskFlow::afterMatter()
{
    // A card swiped while the matter was being chosen already answers the card step.
    setStep(m_cardStep && !m_request.card ? Step::Card : Step::Mobile);
}

void KioskFlow::cardRead(const drivers::idcard::IdCardData &card)
{
    if (m_step != Step::Matter && m_step != Step::Card && m_step != Step::Mobile)
        return;
    m_request.card = card;
    if (m_step == Step::Card)
        setStep(Step::Mobile);
}

void KioskFlow::skipCard()
{
    if (m_step == Step::Card)
        setStep(Step::Mobile);
}

Result<void> KioskFlow::enterMobile(const QString &text)
{
    if (m_step != Step::Mobile)
        return fail(Error::Code::Invalid, QCoreApplication::translate("ow::kiosk", "Not now."));
    Result<PhoneNumber> phone = PhoneNumber::parse(text);
    if (!phone || phone->kind() != PhoneNumber::Kind::Mobile)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::kiosk", "Please enter an 11-digit mobile number."));
    m_request.mobile = phone->number();
    issue();
    return {};
}

void KioskFlow::skipMobile()
{
    if (m_step != Step::Mobile)
        return;
    m_request.mobile.clear();
    issue();
}

void KioskFlow::back()
{
    if (m_step == Step::Mobile)
        setStep(m_cardStep ? Step::Card : Step::Matter);
    else if (m_step == Step::Card)
        setStep(Step::Matter);
}

void KioskFlow::retry()
{
    if (m_step == Step::Failed)
        issue();
}

void KioskFlow::reset()
{
    const bool wasGreen = m_request.greenChannel;
    m_request = TicketRequest();
    m_ticket.reset();
    m_failure.clear();
    m_unreachable = false;
    setStep(Step::Matter);
    if (wasGreen)
        Q_EMIT greenChannelChanged(false);
}

void KioskFlow::issue()
{
    m_failure.clear();
    m_unreachable = false;
    setStep(Step::Issuing);
    m_issuer.issue(m_request);
}

void KioskFlow::onIssued(const IssuedTicket &ticket)
{
    if (m_step != Step::Issuing)
        return;
    m_ticket = ticket;
    setStep(Step::Ticket);
}

void KioskFlow::onFailed(TicketIssuer::Failure failure, const QString &message)
{
    if (m_step != Step::Issuing)
        return;
    m_failure = message;
    m_unreachable = failure == TicketIssuer::Failure::Unreachable;
    setStep(Step::Failed);
}

} // namespace ow::kiosk
