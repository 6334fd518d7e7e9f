#include "authoring/NewEntry.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace ow::authoring {

namespace {

// Placeholder texts are written into the catalogue, so they are in the author's language.
QString text(const char *source)
{
    return QCoreApplication::translate("ow::authoring::NewEntry", source);
}

} // namespace

QString NewEntry::childKeyword(const QString &parentKeyword)
{
    if (parentKeyword == u"matter")
        return QStringLiteral("question");
    if (parentKeyword == u"question")
        return QStringLiteral("option");
    if (parentKeyword == u"material")
        return QStringLiteral("form-point");
    if (parentKeyword == u"bundle")
        return QStringLiteral("matter");
    if (parentKeyword == u"sample")
        return QStringLiteral("mark");
    return {};
}

bool NewEntry::isEntry(const QString &keyword, const QString &parentKeyword)
{
    if (parentKeyword.isEmpty())
        return true;
    if (keyword == u"matter")
        return parentKeyword == u"bundle";
    static const QSet<QString> entries {QStringLiteral("question"), QStringLiteral("option"),
        QStringLiteral("require"), QStringLiteral("outcome"), QStringLiteral("form-point"),
        QStringLiteral("content-point"), QStringLiteral("sample"), QStringLiteral("mark"),
        QStringLiteral("faq")};
    return entries.contains(keyword);
}

QStringList NewEntry::block(const QString &keyword, const QList<catalogue::TextNode> &siblings)
{
    QSet<QString> used;
    for (const catalogue::TextNode &sibling : siblings)
        used.insert(sibling.id);
    // Ids in the format are ASCII: a readable placeholder the author renames.
    const QString stem = keyword == u"matter" ? QStringLiteral("NEW")
        : keyword == u"form-point" || keyword == u"content-point" || keyword == u"mark"
        ? QStringLiteral("new-point")
        : QStringLiteral("new-") + keyword;
    QString id = stem;
    for (int n = 2; used.contains(id); ++n)
        id = stem + QLatin1Char('-') + QString::number(n);

    if (keyword == u"require")
        return {QStringLiteral("require ") + id};
    if (keyword == u"material")
        return {QStringLiteral("material %1: %2")
                    .arg(id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New material"))),
            QStringLiteral("  category: other")};
    if (keyword == u"matter")
        return {QStringLiteral("matter %1: %2")
                    .arg(id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New matter")))};
    if (keyword == u"question")
        return {QStringLiteral("question %1: %2")
                    .arg(id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New question?")))};
    if (keyword == u"option")
        return {QStringLiteral("option %1: %2")
                    .arg(id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New option")))};
    if (keyword == u"outcome")
        return {QStringLiteral("outcome %1: not-required").arg(id)};
    // A faq without its answer is a lint error: both lines come at once, for the author to write over.
    if (keyword == u"faq")
        return {QStringLiteral("faq %1: %2")
                    .arg(id,
                        text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New frequently asked question?"))),
            QStringLiteral("  answer: ") + text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "The answer"))};
    if (keyword == u"mark")
        return {QStringLiteral("mark %1: 0, 0, 10, 10").arg(id)};
    if (keyword == u"sample")
        return {QStringLiteral("sample: samples/")};
    if (keyword == u"form-point" || keyword == u"content-point")
        return {QStringLiteral("%1 %2: %3")
                    .arg(keyword, id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "What to check")))};
    return {QStringLiteral("%1 %2: %3")
                .arg(keyword, id, text(QT_TRANSLATE_NOOP("ow::authoring::NewEntry", "New entry")))};
}

QStringList NewEntry::missingAttributes(const QString &keyword, const QList<catalogue::TextNode> &children)
{
    static const QHash<QString, QStringList> allowed {
        {QStringLiteral("matter"),
            {QStringLiteral("kind"), QStringLiteral("promised-days"), QStringLiteral("legal-days"),
                QStringLiteral("frequency"), QStringLiteral("keywords"), QStringLiteral("main"),
                QStringLiteral("basis")}},
        {QStringLiteral("question"),
            {QStringLiteral("type"), QStringLiteral("hint"), QStringLiteral("unit"), QStringLiteral("min"),
                QStringLiteral("max")}},
        {QStringLiteral("option"), {QStringLiteral("materials")}},
        {QStringLiteral("faq"), {QStringLiteral("answer")}},
        {QStringLiteral("require"),
            {QStringLiteral("form"), QStringLiteral("copies"), QStringLiteral("waivable"),
                QStringLiteral("note")}},
        {QStringLiteral("material"),
            {QStringLiteral("category"), QStringLiteral("source"), QStringLiteral("form"),
                QStringLiteral("copies"), QStringLiteral("medium"), QStringLiteral("data-shared"),
                QStringLiteral("waivable"), QStringLiteral("description"), QStringLiteral("common-error"),
                QStringLiteral("prerequisite"), QStringLiteral("blank-form"), QStringLiteral("outline"),
                QStringLiteral("reference-text")}},
    };
    QSet<QString> present;
    for (const catalogue::TextNode &child : children)
        present.insert(child.keyword);
    QStringList missing;
    for (const QString &attribute : allowed.value(keyword))
        // A material may list several common errors and prerequisites.
        if (!present.contains(attribute) || attribute == u"common-error" || attribute == u"prerequisite")
            missing.append(attribute);
    return missing;
}

} // namespace ow::authoring
