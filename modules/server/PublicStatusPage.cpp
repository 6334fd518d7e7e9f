#include "server/PublicStatusPage.h"

#include <QCoreApplication>
#include <QLocale>

namespace ow::server {

using namespace ow::cases;

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// The applicant's view of the lifecycle: five steps, whichever way the case went.
int stepOf(CaseState state)
{
    switch (state) {
    case CaseState::Draft:
    case CaseState::CorrectionNotice:
        return 0;
    case CaseState::Accepted:
    case CaseState::AcceptedWithWaiver:
    case CaseState::Transferred:
    case CaseState::Withdrawn: // accepted, then taken back: no step after acceptance was reached
        return 1;
    case CaseState::InReview:
    case CaseState::SupplementRequested:
    case CaseState::Supplemented:
        return 2;
    case CaseState::Approved:
    case CaseState::Denied:
        return 3;
    case CaseState::ResultReady:
        return 4;
    case CaseState::PickedUp:
    case CaseState::Mailed:
    case CaseState::Refused:
        return 5;
    }
    return 0;
}

QString row(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString paragraph(const QString &text, const char *cssClass = nullptr)
{
    return QStringLiteral("<p%1>%2</p>\n")
        .arg(cssClass ? QStringLiteral(" class=\"%1\"").arg(QLatin1StringView(cssClass)) : QString(),
            text.toHtmlEscaped());
}

// What the applicant must do now, first on the page: it is why they scanned the code.
QString nextStep(const PublicStatus &status, const PublicStatusPage::Hall &hall)
{
    const ApplicantNextStep &next = status.next;
    QString out;
    if (!next.awaited.isEmpty()) {
        out += paragraph(QCoreApplication::translate(
            "ow::server", "Please hand in these materials at the service hall by the date given:"));
        out += QStringLiteral("<ul class=\"awaited\">\n");
        for (const AwaitedMaterial &material : next.awaited) {
            const QString due = material.deadline.isValid()
                ? QCoreApplication::translate("ow::server", "by %1").arg(dateText(material.deadline))
                : QCoreApplication::translate("ow::server", "as soon as possible");
            out += QStringLiteral("<li><b>%1</b> %2</li>\n")
                       .arg(material.name.toHtmlEscaped(), due.toHtmlEscaped());
        }
        out += QStringLiteral("</ul>\n");
    }
    switch (status.state) {
    case CaseState::ResultReady:
        out += paragraph(QCoreApplication::translate("ow::server",
            "Your result is ready for pickup at the pickup counter. Please bring your receipt."));
        if (!hall.pickupHours.isEmpty())
            out += paragraph(
                QCoreApplication::translate("ow::server", "Opening hours: %1").arg(hall.pickupHours));
        break;
    case CaseState::Mailed:
        out += paragraph(next.trackingNumber.isEmpty()
                ? QCoreApplication::translate("ow::server", "Your result was sent by EMS.")
                : QCoreApplication::translate("ow::server", "Your result was sent by EMS, item number %1.")
                      .arg(next.trackingNumber));
        break;
    case CaseState::CorrectionNotice:
        out += paragraph(QCoreApplication::translate("ow::server",
            "The application was not accepted yet: please complete it as the correction notice says and "
            "apply again."));
        break;
    case CaseState::Withdrawn:
        out += paragraph(QCoreApplication::translate("ow::server",
            "You withdrew this application: it will not be decided. Paper materials you handed in can be "
            "collected at the service hall with your receipt; to obtain this service later, please apply "
            "again."));
        break;
    default:
        if (next.awaited.isEmpty() && status.state != CaseState::PickedUp
            && status.state != CaseState::Refused)
            out += paragraph(QCoreApplication::translate(
                "ow::server", "Nothing for you to do now: we will let you know when the result is ready."));
        break;
    }
    if (!next.rated && !hall.ratingUrl.isEmpty() && status.state != CaseState::Draft)
        out += QStringLiteral("<p><a href=\"%1\">%2</a></p>\n")
                   .arg(hall.ratingUrl.toHtmlEscaped(),
                       QCoreApplication::translate("ow::server", "Rate our service").toHtmlEscaped());
    if (out.isEmpty())
        return {};
    return QStringLiteral(
        "<section class=\"next\" aria-labelledby=\"next\">\n<h2 id=\"next\">%1</h2>\n%2</section>\n")
        .arg(QCoreApplication::translate("ow::server", "What to do now").toHtmlEscaped(), out);
}

} // namespace

QByteArray PublicStatusPage::render(
    const std::optional<PublicStatus> &status, const Hall &hall, const QString &resultSection)
{
    const QString title = QCoreApplication::translate("ow::server", "Application status");
    QString body;
    if (!status) {
        body = QStringLiteral("<p class=\"none\">%1</p>\n")
                   .arg(QCoreApplication::translate("ow::server",
                       "No application was found for this code. Please check the code on your receipt or ask "
                       "at the service hall.")
                            .toHtmlEscaped());
    } else {
        body += QStringLiteral("<h2>%1</h2>\n").arg(status->matterName.toHtmlEscaped());
        if (!status->departmentName.isEmpty())
            body += QStringLiteral("<p class=\"dept\">%1</p>\n").arg(status->departmentName.toHtmlEscaped());
        body += nextStep(*status, hall);
        body += resultSection;
        body += QStringLiteral("<p class=\"stage\">%1: <b>%2</b></p>\n")
                    .arg(QCoreApplication::translate("ow::server", "Current stage").toHtmlEscaped(),
                        displayName(status->state).toHtmlEscaped());
        const QStringList steps {QCoreApplication::translate("ow::server", "Submitted"),
            QCoreApplication::translate("ow::server", "Accepted"),
            QCoreApplication::translate("ow::server", "In review"),
            QCoreApplication::translate("ow::server", "Decided"),
            QCoreApplication::translate("ow::server", "Ready"),
            QCoreApplication::translate("ow::server", "Completed")};
        const int reached = stepOf(status->state);
        body += QStringLiteral("<ol class=\"progress\">\n");
        for (int i = 0; i < steps.size(); ++i)
            body += QStringLiteral("<li class=\"%1\">%2</li>\n")
                        .arg(i <= reached ? QStringLiteral("done") : QStringLiteral("todo"),
                            steps.at(i).toHtmlEscaped());
        body += QStringLiteral("</ol>\n<table>\n");
        body += row(QCoreApplication::translate("ow::server", "Submitted on"), dateText(status->created));
        body += row(QCoreApplication::translate("ow::server", "Accepted on"), dateText(status->accepted));
        body += row(
            QCoreApplication::translate("ow::server", "Promised by"), dateText(status->promisedDeadline));
        body += row(QCoreApplication::translate("ow::server", "Decided on"), dateText(status->decided));
        body += row(
            QCoreApplication::translate("ow::server", "Result ready on"), dateText(status->resultReady));
        body += row(status->state == CaseState::Withdrawn
                ? QCoreApplication::translate("ow::server", "Withdrawn on")
                : QCoreApplication::translate("ow::server", "Completed on"),
            dateText(status->closed));
        body += QStringLiteral("</table>\n");
    }
    return page(title, body);
}

QByteArray PublicStatusPage::page(const QString &title, const QString &body)
{
    const QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n<link rel=\"icon\" "
        "href=\"data:,\">\n<title>%2</title>\n<style>\n"
        "body{font-family:-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans "
        "CJK SC\","
        "\"Source Han Sans "
        "SC\",sans-serif;margin:0;padding:16px;background:#f5f6f8;color:#222;line-height:1.6}\n"
        "main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:16px 20px}\n"
        "h1{font-size:1.1em;color:#555;margin:0 0 8px}h2{font-size:1.3em;margin:8px 0}\n"
        ".dept{color:#666;margin:0}.stage{font-size:1.1em}.none{color:#a33}\n"
        ".next{border-left:4px solid #e37400;background:#fff7ec;padding:4px 12px;margin:12px 0}"
        ".next h2{font-size:1.15em}a:focus{outline:3px solid #e37400}\n"
        ".progress{display:flex;list-style:none;padding:0;margin:16px 0;counter-reset:s}\n"
        ".progress li{flex:1;text-align:center;font-size:.8em;border-top:4px solid "
        "#ccc;padding-top:6px;color:#595959}\n"
        ".progress li.done{border-color:#1a7f37;color:#1a7f37;font-weight:bold}\n"
        "table{border-collapse:collapse;width:100%}th{text-align:left;font-weight:normal;color:#666;padding:"
        "4px 8px 4px 0;"
        "white-space:nowrap}td{padding:4px "
        "0}\n"
        ".result{border-left:4px solid #1a7f37;background:#effaf1;padding:4px 12px;margin:12px 0}"
        ".result h2{font-size:1.15em}.documents{padding-left:1.2em}.facts{color:#595959;font-size:.9em}\n"
        "a.button,button{display:inline-block;background:#0b5cad;color:#fff;border:0;border-radius:6px;"
        "padding:10px 18px;font-size:1em;text-decoration:none;margin:4px 0}"
        "button:focus,input:focus,a.button:focus{outline:3px solid #e37400}\n"
        "label{display:block;margin:8px 0 4px}input{font-size:1.3em;letter-spacing:.2em;padding:6px 8px;"
        "width:8em;border:1px solid #767676;border-radius:4px;margin-right:8px}"
        ".message{color:#a33;font-weight:bold}\n</style>\n</head>\n<body>\n<main>\n<h1>%2</h1>\n%3</main>\n</"
        "body>\n</html>\n")
                             .arg(QCoreApplication::translate(
                                      "ow::server", "en", "the language code of the public page (HTML lang)")
                                      .toHtmlEscaped(),
                                 title.toHtmlEscaped(), body);
    return html.toUtf8();
}

} // namespace ow::server
