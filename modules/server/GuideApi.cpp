#include "server/GuideApi.h"

#include "catalogue/GuideCode.h"
#include "server/Api.h"
#include "server/GuideHtml.h"
#include "server/GuidePage.h"

#include <QFile>
#include <QFileInfo>

namespace ow::server {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

ApiReply html(int status, const QByteArray &body)
{
    ApiReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = body;
    return reply;
}

QByteArray contentTypeOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png"_s)
        return "image/png";
    if (suffix == u"jpg"_s || suffix == u"jpeg"_s)
        return "image/jpeg";
    if (suffix == u"pdf"_s)
        return "application/pdf";
    if (suffix == u"txt"_s || suffix == u"md"_s)
        return "text/plain; charset=utf-8";
    // Anything else is offered as a download, never rendered by the browser.
    return "application/octet-stream";
}

} // namespace

QStringList GuideApi::answersFromQuery(const QUrlQuery &query)
{
    QStringList answers;
    const auto add = [&answers](const QString &text) {
        if (answers.size() < kMaxAnswers && !text.isEmpty() && text.size() <= kMaxAnswerLength)
            answers.append(text);
    };
    for (const QString &answer : query.allQueryItemValues(u"a"_s, QUrl::FullyDecoded))
        add(answer);
    const QString multi = query.queryItemValue(u"mq"_s, QUrl::FullyDecoded);
    if (!multi.isEmpty() && multi.size() <= kMaxAnswerLength) {
        QStringList ticked = query.allQueryItemValues(u"m"_s, QUrl::FullyDecoded);
        if (ticked.size() > kMaxAnswers)
            ticked.resize(kMaxAnswers);
        add(multi + u'=' + (ticked.isEmpty() ? u"none"_s : ticked.join(u'+')));
    }
    const QString number = query.queryItemValue(u"nq"_s, QUrl::FullyDecoded);
    if (!number.isEmpty() && number.size() <= kMaxAnswerLength)
        add(number + u'=' + query.queryItemValue(u"n"_s, QUrl::FullyDecoded).trimmed().left(32));
    return answers;
}

ApiReply GuideApi::handle(const QString &path, const QUrlQuery &query)
{
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_catalogue.current();
    if (!loaded)
        return Api::internalError(loaded.error());
    const GuideCatalogue::Loaded *current = loaded->get();
    if (path == u"/guide"_s || path == u"/guide/"_s)
        return html(200,
            GuidePage::search(
                current, query.queryItemValue(u"q"_s, QUrl::FullyDecoded).left(kMaxQueryLength)));
    const QStringList parts = path.mid(QStringLiteral("/guide/").size()).split(u'/');
    if (!current)
        return html(404, GuidePage::notFound());
    if (parts.size() == 2 && parts.at(0) == u"m"_s)
        return matterPage(*current, parts.at(1), query);
    if (parts.size() == 3 && (parts.at(0) == u"s"_s || parts.at(0) == u"f"_s))
        return file(*current, parts.at(0).at(0), parts.at(1), parts.at(2));
    return html(404, GuidePage::notFound());
}

ApiReply GuideApi::matterPage(
    const GuideCatalogue::Loaded &loaded, const QString &code, const QUrlQuery &query)
{
    const Matter *matter = loaded.catalogue->matter(code);
    if (!matter)
        return html(404, GuidePage::notFound());
    QStringList ignored;
    const Answers answers
        = GuideCode {code, answersFromQuery(query)}.answersFor(loaded.engine, *matter, &ignored);
    return html(200, GuidePage::matter(loaded, *matter, answers, ignored, m_offerPreApplication));
}

ApiReply GuideApi::file(
    const GuideCatalogue::Loaded &loaded, QChar kind, const QString &code, const QString &materialId)
{
    // Only what the matter itself lists: no path from the request ever reaches the file system.
    const Matter *matter = loaded.catalogue->matter(code);
    const Material *material = loaded.catalogue->material(materialId);
    bool listed = false;
    if (matter)
        for (const Requirement &requirement : matter->requirements)
            listed = listed || requirement.materialId == materialId;
    if (!listed || !material)
        return html(404, GuidePage::notFound());
    const QString relative
        = kind == u's' ? (material->sample ? material->sample->image : QString()) : material->blankForm;
    if (relative.isEmpty())
        return html(404, GuidePage::notFound());
    QFile data(loaded.catalogue->resolve(relative));
    if (!data.open(QIODevice::ReadOnly))
        return html(404, GuidePage::notFound());
    ApiReply reply;
    reply.contentType = contentTypeOf(relative);
    reply.body = data.readAll();
    if (kind == u'f')
        reply.headers.append(qMakePair(QByteArray("Content-Disposition"),
            "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(QFileInfo(relative).fileName())));
    return reply;
}

} // namespace ow::server
