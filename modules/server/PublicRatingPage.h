#pragma once

#include "server/OnlineRating.h"

#include <QByteArray>
#include <QString>

namespace ow::server {

/// The rating form behind the status page's link (/s/<token>/rating): the five levels of 好差评 as
/// radio buttons posted to the same address, and the answer after posting. Nothing personal.
class PublicRatingPage
{
public:
    static QByteArray form(const QString &token);
    static QByteArray answer(const QString &token, OnlineRating::Outcome outcome);
    static QString url(const QString &token)
    {
        return QStringLiteral("/s/") + token + QStringLiteral("/rating");
    }
};

} // namespace ow::server
