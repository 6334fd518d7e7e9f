#include "server/PublicRatingPage.h"

#include "server/GuideHtml.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

QString title()
{
    return QCoreApplication::translate("ow::server", "Rate our service");
}

QString back(const QString &token)
{
    return u"<p><a href=\"/s/"_s + GuideHtml::escape(token) + u"\">"_s
        + GuideHtml::escape(QCoreApplication::translate("ow::server", "Back to the application status"))
        + u"</a></p>\n"_s;
}

} // namespace

QByteArray PublicRatingPage::form(const QString &token)
{
    // The five levels of GB/T 39734-2020, best first.
    const QStringList levels {QCoreApplication::translate("ow::server", "Very satisfied"),
        QCoreApplication::translate("ow::server", "Satisfied"),
        QCoreApplication::translate("ow::server", "Fairly satisfied"),
        QCoreApplication::translate("ow::server", "Dissatisfied"),
        QCoreApplication::translate("ow::server", "Very dissatisfied")};
    QString body = u"<h1>"_s + GuideHtml::escape(title()) + u"</h1>\n<form method=\"post\" action=\""_s
        + GuideHtml::escape(url(token)) + u"\">\n<fieldset>\n<legend>"_s
        + GuideHtml::escape(
            QCoreApplication::translate("ow::server", "How satisfied are you with the service?"))
        + u"</legend>\n"_s;
    for (int i = 0; i < levels.size(); ++i)
        body += u"<label class=\"opt\"><input type=\"radio\" name=\"level\" required value=\"%1\">"_s.arg(
                    5 - i)
            + GuideHtml::escape(levels.at(i)) + u"</label>\n"_s;
    body += u"</fieldset>\n<button type=\"submit\">"_s
        + GuideHtml::escape(QCoreApplication::translate("ow::server", "Send")) + u"</button>\n</form>\n"_s
        + back(token);
    return GuideHtml::page(title(), body);
}

QByteArray PublicRatingPage::answer(const QString &token, OnlineRating::Outcome outcome)
{
    QString text;
    switch (outcome) {
    case OnlineRating::Outcome::Recorded:
        text = QCoreApplication::translate("ow::server", "Thank you: your rating was recorded.");
        break;
    case OnlineRating::Outcome::AlreadyRated:
        text = QCoreApplication::translate("ow::server", "This application has been rated already.");
        break;
    case OnlineRating::Outcome::NotYet:
        text = QCoreApplication::translate(
            "ow::server", "The application can be rated once it was submitted.");
        break;
    case OnlineRating::Outcome::NotFound:
        text = QCoreApplication::translate("ow::server",
            "No application was found for this code. Please check the code on your receipt or ask at the "
            "service hall.");
        break;
    }
    return GuideHtml::page(title(),
        u"<h1>"_s + GuideHtml::escape(title()) + u"</h1>\n<p>"_s + GuideHtml::escape(text) + u"</p>\n"_s
            + (outcome == OnlineRating::Outcome::NotFound ? QString() : back(token)));
}

} // namespace ow::server
