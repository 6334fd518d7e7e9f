#include "documents/HallSettingsRules.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow::documents {

namespace {

/// "%1, %2": how a list of placeholders is named in a message.
QString placeholderList(const QList<int> &numbers)
{
    QStringList names;
    for (int n : numbers)
        names.append(QStringLiteral("%") + QString::number(n));
    return names.join(QStringLiteral(", "));
}

bool isDocumentSection(QStringView section)
{
    return section == u"checklist" || section == u"receipt" || section == u"waiver"
        || section == u"correction" || section == u"refusal" || section == u"supplement"
        || section == u"transfer" || section == u"folder-label" || section == u"pickup-slip"
        || section == u"ems" || section == u"supervision-notice";
}

} // namespace

HallSettingsRules::Kind HallSettingsRules::kind(QStringView section, QStringView key)
{
    if (section == u"hall" && key == u"public-base-url")
        return Kind::Url;
    // Titles head a page in large type; every other text of a document is a paragraph.
    if ((isDocumentSection(section) && key != u"title") || (section == u"common" && key == u"footer"))
        return Kind::Paragraph;
    return Kind::Line;
}

QList<int> HallSettingsRules::placeholders(QStringView text)
{
    // The same scan as QString::arg(): '%', an optional 'L', then one or two digits.
    QList<int> numbers;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'%')
            continue;
        qsizetype at = i + 1;
        if (at < text.size() && text[at] == u'L')
            ++at;
        if (at >= text.size() || !text[at].isDigit() || text[at].unicode() > u'9')
            continue;
        int number = text[at].unicode() - u'0';
        if (at + 1 < text.size() && text[at + 1].unicode() >= u'0' && text[at + 1].unicode() <= u'9')
            number = number * 10 + (text[at + 1].unicode() - u'0');
        if (!numbers.contains(number))
            numbers.append(number);
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

Result<void> HallSettingsRules::check(QStringView section, QStringView key, const QString &value,
    const QString *defaultValue, const SourceLocation &where)
{
    const QString name = QStringLiteral("[%1] %2").arg(section.toString(), key.toString());
    if (value.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::documents", "%1 needs a value; leave the key out of the file to keep the default.")
                .arg(name),
            where);

    const Kind valueKind = kind(section, key);
    qsizetype lineBreaks = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'\n' && valueKind == Kind::Paragraph) {
            ++lineBreaks;
            continue;
        }
        if (InputExcerpt::isUnsafe(value[i].unicode()) || value[i].isSurrogate()) {
            if (value[i].isHighSurrogate() && i + 1 < value.size() && value[i + 1].isLowSurrogate()) {
                ++i;
                continue;
            }
            const QString message = value[i] == u'\n'
                ? QCoreApplication::translate("ow::documents",
                    "%1 must be one line; \\n (a line break) is allowed only in the sentences of a document "
                    "and the footer.")
                      .arg(name)
                : QCoreApplication::translate(
                    "ow::documents", "%1 contains a control character at position %2 (“%3”); remove it.")
                      .arg(name)
                      .arg(i + 1)
                      .arg(InputExcerpt::excerpt(value, i));
            return fail(Error::Code::Invalid, message, where);
        }
    }
    if (lineBreaks > kMaxLineBreaks)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "%1 has %2 line breaks; at most %3 are allowed.")
                .arg(name)
                .arg(lineBreaks)
                .arg(kMaxLineBreaks),
            where);
    const qsizetype maxLength = valueKind == Kind::Paragraph ? kMaxParagraphLength
        : valueKind == Kind::Url                             ? kMaxUrlLength
                                                             : kMaxLineLength;
    if (value.size() > maxLength)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "%1 has %2 characters; at most %3 are allowed.")
                .arg(name)
                .arg(value.size())
                .arg(maxLength),
            where);

    if (!defaultValue)
        return {};
    const QList<int> expected = placeholders(*defaultValue);
    const QList<int> found = placeholders(value);
    for (int n : expected)
        if (!found.contains(n))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::documents",
                    "%1 lacks the placeholder %2: the program fills %3 in, and without it the document "
                    "loses what it stands for. Keep exactly %3.")
                    .arg(name, QStringLiteral("%") + QString::number(n), placeholderList(expected)),
                where);
    for (int n : found)
        if (!expected.contains(n)) {
            const QString message = expected.isEmpty()
                ? QCoreApplication::translate("ow::documents",
                    "%1 takes no placeholder, but %2 is written; the program fills nothing in here.")
                      .arg(name, QStringLiteral("%") + QString::number(n))
                : QCoreApplication::translate("ow::documents",
                    "%1 has the placeholder %2, which the program does not fill in; it fills in %3 only.")
                      .arg(name, QStringLiteral("%") + QString::number(n), placeholderList(expected));
            return fail(Error::Code::Invalid, message, where);
        }
    return {};
}

} // namespace ow::documents
