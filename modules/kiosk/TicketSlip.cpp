#include "kiosk/TicketSlip.h"

#include "documents/PageFormat.h"
#include "documents/QrCode.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>

namespace ow::kiosk {

using namespace Qt::StringLiterals;

namespace {

QFont font(const QString &family, int pixels, QFont::Weight weight = QFont::Normal)
{
    QFont result(family.isEmpty() ? u"Noto Sans CJK SC"_s : family);
    result.setPixelSize(pixels);
    result.setWeight(weight);
    result.setHintingPreference(QFont::PreferNoHinting);
    // Thermal heads print black or nothing: no grey edges to threshold away.
    result.setStyleStrategy(QFont::NoAntialias);
    return result;
}

/// Draws `text` centred at `y` (its top), wrapped to `width`; the height used.
int centred(QPainter &painter, const QFont &font, const QString &text, int y, int width)
{
    painter.setFont(font);
    const QRect box
        = painter.boundingRect(QRect(0, y, width, 2000), Qt::AlignHCenter | Qt::TextWordWrap, text);
    painter.drawText(QRect(0, y, width, box.height()), Qt::AlignHCenter | Qt::TextWordWrap, text);
    return box.height();
}

} // namespace

QString TicketSlip::counterText(const IssuedTicket &ticket)
{
    if (ticket.counter.isEmpty())
        return QCoreApplication::translate("ow::kiosk", "Please wait to be called");
    const int number = ticket.counterNumber();
    return QCoreApplication::translate("ow::kiosk", "Please go to counter %1")
        .arg(number > 0 ? QString::number(number) : ticket.counter);
}

QString TicketSlip::waitText(const IssuedTicket &ticket)
{
    return QCoreApplication::translate(
        "ow::kiosk", "%n person(s) ahead, about %1 min wait", nullptr, ticket.ahead)
        .arg(ticket.expectedWaitMinutes);
}

Result<QImage> TicketSlip::render(const Content &content, const QString &fontFamily)
{
    const int width = documents::PageFormat::receiptFormat(documents::ReceiptWidth::Paper80mm).receiptDots;
    const int margin = 16;
    const int inner = width - 2 * margin;
    std::optional<documents::QrCode> qr;
    if (!content.follow.isEmpty()) {
        Result<documents::QrCode> encoded
            = documents::QrCode::encode(content.follow.toString(QUrl::FullyEncoded));
        if (!encoded)
            return failWith(encoded.error());
        qr = *encoded;
    }
    QImage page(width, 1400, QImage::Format_RGB32);
    page.fill(Qt::white);
    int y = 24;
    {
        QPainter painter(&page);
        painter.setPen(Qt::black);
        painter.translate(margin, 0);
        if (!content.hallName.isEmpty())
            y += centred(painter, font(fontFamily, 26), content.hallName, y, inner) + 8;
        y += centred(painter, font(fontFamily, 30, QFont::Bold),
                 QCoreApplication::translate("ow::kiosk", "Queue ticket"), y, inner)
            + 4;
        y += centred(painter, font(fontFamily, 150, QFont::Bold), content.ticket.number, y, inner);
        y += centred(painter, font(fontFamily, 40, QFont::Bold), counterText(content.ticket), y, inner) + 10;
        y += centred(painter, font(fontFamily, 30), waitText(content.ticket), y, inner) + 12;
        const QString matter = content.matterName.isEmpty()
            ? QCoreApplication::translate("ow::kiosk", "Not sure of the matter: a guide will help")
            : content.matterName;
        y += centred(painter, font(fontFamily, 26), matter, y, inner) + 12;
        if (qr) {
            const int side = 240;
            qr->draw(painter, QRectF((inner - side) / 2.0, y, side, side));
            y += side + 4;
            y += centred(painter, font(fontFamily, 24),
                     QCoreApplication::translate("ow::kiosk", "Scan to follow your place in the queue"), y,
                     inner)
                + 8;
        }
        if (content.issuedLocal.isValid())
            y += centred(painter, font(fontFamily, 24), content.issuedLocal.toString(u"yyyy-MM-dd HH:mm"_s),
                     y, inner)
                + 4;
        y += centred(painter, font(fontFamily, 22),
            QCoreApplication::translate(
                "ow::kiosk", "Please keep this ticket; a number missed three times lapses."),
            y, inner);
    }
    y += 32; // the tear-off margin
    return page.copy(0, 0, width, y)
        .convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::ThresholdDither | Qt::AvoidDither);
}

} // namespace ow::kiosk
