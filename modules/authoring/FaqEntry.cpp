#include "authoring/FaqEntry.h"

#include "catalogue/Pinyin.h"

#include <QSet>

namespace ow::authoring {

using namespace Qt::StringLiterals;

namespace {

/// One line of the format: line breaks and runs of spaces made one space, at most `length`
/// characters as a reader counts them.
QString oneLine(const QString &text, int length)
{
    const QString simple = text.simplified();
    QString cut;
    int counted = 0;
    for (qsizetype i = 0; i < simple.size() && counted < length; ++i, ++counted) {
        cut.append(simple.at(i));
        if (simple.at(i).isHighSurrogate() && i + 1 < simple.size())
            cut.append(simple.at(++i));
    }
    return cut;
}

} // namespace

QString FaqEntry::idFor(const QString &question, const QList<catalogue::TextNode> &siblings)
{
    QString stem = catalogue::Pinyin::initials(question).left(kMaxIdLength);
    if (stem.isEmpty())
        stem = u"faq"_s;
    QSet<QString> used;
    for (const catalogue::TextNode &sibling : siblings)
        used.insert(sibling.id);
    QString id = stem;
    for (int n = 2; used.contains(id); ++n)
        id = stem + u'-' + QString::number(n);
    return id;
}

QStringList FaqEntry::block(
    const QString &question, const QString &answer, const QList<catalogue::TextNode> &siblings)
{
    return {u"faq %1: %2"_s.arg(idFor(question, siblings), oneLine(question, 200)),
        u"  answer: "_s + oneLine(answer, 1000)};
}

} // namespace ow::authoring
