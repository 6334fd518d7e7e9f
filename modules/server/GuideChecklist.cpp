#include "server/GuideChecklist.h"

#include "catalogue/GuideCode.h"
#include "documents/QrCode.h"
#include "server/GuideHtml.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QUrl>

namespace ow::server {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return GuideHtml::escape(text);
}

QString fact(const QString &term, const QString &value)
{
    if (value.isEmpty())
        return {};
    return u"<dt>"_s + esc(term) + u"</dt><dd>"_s + esc(value) + u"</dd>\n"_s;
}

QString percent(int part, int whole)
{
    return QString::number(whole > 0 ? 100.0 * part / whole : 0, 'f', 2) + u'%';
}

QString sampleFigure(const Catalogue &catalogue, const Matter &matter, const ChecklistLine &line,
    const QList<ReviewPoint> &points)
{
    const Material *material = line.material;
    if (!material || !material->sample)
        return {};
    const QSize size = QImageReader(catalogue.resolve(material->sample->image)).size();
    QString marks;
    for (const SampleMark &mark : material->sample->marks) {
        qsizetype number = -1;
        for (qsizetype i = 0; i < points.size(); ++i)
            if (points.at(i).id == mark.reviewPointId && points.at(i).matterCode.isEmpty())
                number = i + 1;
        if (number < 0 || !size.isValid())
            continue;
        marks += u"<span class=\"mark\" aria-hidden=\"true\" style=\"left:"_s
            + percent(mark.rect.x(), size.width()) + u";top:"_s + percent(mark.rect.y(), size.height())
            + u";width:"_s + percent(mark.rect.width(), size.width()) + u";height:"_s
            + percent(mark.rect.height(), size.height()) + u"\"><b>"_s + QString::number(number)
            + u"</b></span>"_s;
    }
    return u"<figure>\n<div class=\"sample\"><img loading=\"lazy\" src=\""_s
        + esc(GuideChecklist::fileUrl(u's', matter.code, material->id)) + u"\" alt=\""_s
        + esc(QCoreApplication::translate("ow::server", "Sample of %1").arg(line.name)) + u"\""_s
        + (size.isValid() ? u" width=\"%1\" height=\"%2\""_s.arg(size.width()).arg(size.height()) : QString())
        + u">"_s + marks + u"</div>\n<figcaption class=\"muted\">"_s
        + esc(QCoreApplication::translate(
            "ow::server", "Sample: the numbers mark where each review point applies."))
        + u"</figcaption>\n</figure>\n"_s;
}

QString lineItem(const Catalogue &catalogue, const Matter &matter, const ChecklistLine &line)
{
    QString item = u"<li>\n<h3>"_s + esc(line.name) + u"</h3>\n"_s;
    if (line.dataShared)
        item += u"<p class=\"shared\">"_s
            + esc(QCoreApplication::translate(
                "ow::server", "You need not bring this: the service hall obtains it through data sharing."))
            + u"</p>\n"_s;
    item += u"<dl>\n"_s;
    // Nothing of a data-shared material is brought: a form, copies and medium would read as paper to prepare.
    if (!line.dataShared)
        item += fact(QCoreApplication::translate("ow::server", "Form"), displayName(line.form))
            + fact(QCoreApplication::translate("ow::server", "Copies"),
                QCoreApplication::translate("ow::server", "%n copy(ies)", nullptr, line.copies))
            + fact(QCoreApplication::translate("ow::server", "Medium"), displayName(line.medium));
    item += fact(QCoreApplication::translate("ow::server", "Issued by"), line.source) + u"</dl>\n"_s;
    if (line.waivable && !line.dataShared)
        item += u"<p class=\"waive\">"_s
            + esc(QCoreApplication::translate("ow::server",
                "If you do not have it yet, the application may still be accepted; you then hand it in "
                "later by the date the counter gives you."))
            + u"</p>\n"_s;
    for (const QString &note : line.notes)
        item += u"<p>"_s + esc(note) + u"</p>\n"_s;
    if (!line.reviewPoints.isEmpty()) {
        item += u"<p><b>"_s + esc(QCoreApplication::translate("ow::server", "What the counter checks"))
            + u"</b></p>\n<ol>\n"_s;
        for (const ReviewPoint &point : line.reviewPoints)
            item += u"<li>"_s + esc(point.text) + u"</li>\n"_s;
        item += u"</ol>\n"_s;
    }
    if (!line.commonErrors.isEmpty()) {
        item += u"<p><b>"_s + esc(QCoreApplication::translate("ow::server", "Common mistakes"))
            + u"</b></p>\n<ul>\n"_s;
        for (const QString &error : line.commonErrors)
            item += u"<li>"_s + esc(error) + u"</li>\n"_s;
        item += u"</ul>\n"_s;
    }
    item += sampleFigure(catalogue, matter, line, line.reviewPoints);
    if (line.material && !line.material->blankForm.isEmpty())
        item += u"<p class=\"noprint\"><a href=\""_s
            + esc(GuideChecklist::fileUrl(u'f', matter.code, line.materialId)) + u"\" download>"_s
            + esc(QCoreApplication::translate("ow::server", "Download the blank form of %1").arg(line.name))
            + u"</a></p>\n"_s;
    return item + u"</li>\n"_s;
}

} // namespace

QString GuideChecklist::fileUrl(QChar kind, const QString &matterCode, const QString &materialId)
{
    return u"/guide/"_s + kind + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(matterCode)) + u'/'
        + QString::fromLatin1(QUrl::toPercentEncoding(materialId));
}

QString GuideChecklist::qrSvg(const QString &text, const QString &label)
{
    Result<documents::QrCode> code = documents::QrCode::encode(text);
    if (!code)
        return {};
    QString path;
    for (int y = 0; y < code->size(); ++y)
        for (int x = 0; x < code->size(); ++x)
            if (code->isDark(x, y))
                path += u"M%1 %2h1v1h-1z"_s.arg(x + documents::QrCode::kQuietZone)
                            .arg(y + documents::QrCode::kQuietZone);
    const int side = code->sizeWithQuietZone();
    return u"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\""_s + esc(label)
        + u"\" viewBox=\"0 0 %1 %1\" shape-rendering=\"crispEdges\"><rect width=\"%1\" height=\"%1\" "
          u"fill=\"#fff\"/>"
          "<path fill=\"#000\" d=\""_s.arg(side)
        + path + u"\"/></svg>"_s;
}

QString GuideChecklist::render(const GuideCatalogue::Loaded &loaded, const Matter &matter,
    const Evaluation &evaluation, const QStringList &answers)
{
    const QList<ChecklistLine> &lines = evaluation.checklist.lines;
    QString out = u"<h2 id=\"checklist\">"_s
        + esc(QCoreApplication::translate("ow::server", "Your materials checklist (%1 items)")
                  .arg(lines.size()))
        + u"</h2>\n<p class=\"muted\">"_s
        + esc(QCoreApplication::translate(
            "ow::server", "Catalogue version %1. To print it, use your browser's Print.")
                  .arg(loaded.version))
        + u"</p>\n<ol class=\"list\">\n"_s;
    for (const ChecklistLine &line : lines)
        out += lineItem(*loaded.catalogue, matter, line);
    out += u"</ol>\n"_s;
    const QString code = GuideCode {matter.code, answers}.toText();
    out += u"<section class=\"qr\" aria-labelledby=\"qr\">\n<h2 id=\"qr\">"_s
        + esc(QCoreApplication::translate("ow::server", "At the counter")) + u"</h2>\n<p>"_s
        + esc(QCoreApplication::translate("ow::server",
            "Show this QR code at any counter: the clerk scans it and opens the same matter with your "
            "answers, so nothing has to be asked again."))
        + u"</p>\n"_s
        + qrSvg(code, QCoreApplication::translate("ow::server", "QR code of this checklist for the counter"))
        + u"\n<p class=\"code\">"_s + esc(code) + u"</p>\n</section>\n"_s;
    return out;
}

} // namespace ow::server
