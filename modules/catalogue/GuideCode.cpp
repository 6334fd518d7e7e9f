#include "catalogue/GuideCode.h"

#include "catalogue/SituationEngine.h"
#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QUrl>

namespace ow::catalogue {

namespace {

constexpr QLatin1StringView kPrefix("OWG1:");

/// Whether `c` is written escaped in a code (encodePart): a code written by toText() never holds it raw.
bool escapedInCode(QChar c)
{
    return c == QLatin1Char('%') || c == QLatin1Char(':') || c == QLatin1Char(';') || c.isSpace()
        || c.category() == QChar::Other_Control;
}

QString encodePart(const QString &part)
{
    // Only the separators, the escape itself, spaces and control characters are encoded: option
    // ids and numbers stay readable on the counter's scanner log, the code stays short enough for a
    // small QR symbol, and nothing of it is lost to a scanner that trims or ends at a line break.
    QString out;
    out.reserve(part.size());
    for (const QChar c : part) {
        if (escapedInCode(c))
            out += QString::fromLatin1(QUrl::toPercentEncoding(QString(c)));
        else
            out += c;
    }
    return out;
}

Result<QString> decodePart(QStringView part)
{
    // A character toText() escapes but found raw is refused: a code either reads back to itself or
    // is refused, and it never grows past kMaxLength when written again.
    for (const QChar c : part)
        if (c != QLatin1Char('%') && escapedInCode(c))
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::catalogue", "the guide code holds a character it cannot carry unescaped: %1")
                    .arg(InputExcerpt::excerpt(part.toString())));
    const QByteArray utf8 = part.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) != '%')
            continue;
        if (i + 2 >= utf8.size() || !isxdigit(uchar(utf8.at(i + 1))) || !isxdigit(uchar(utf8.at(i + 2))))
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::catalogue", "the guide code has a broken escape: %1")
                    .arg(InputExcerpt::excerpt(part.toString())));
    }
    return QUrl::fromPercentEncoding(utf8);
}

} // namespace

bool GuideCode::isGuideCode(QStringView text)
{
    return text.trimmed().startsWith(kPrefix, Qt::CaseInsensitive);
}

Result<GuideCode> GuideCode::parse(QStringView text)
{
    text = text.trimmed();
    if (text.size() > kMaxLength)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::catalogue", "the guide code is longer than %1 characters")
                .arg(kMaxLength));
    if (!isGuideCode(text))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::catalogue", "this is not a guide code: %1")
                .arg(InputExcerpt::excerpt(text.toString())));
    const QStringView rest = text.mid(kPrefix.size());
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    const QStringView matterPart = colon < 0 ? rest : rest.first(colon);
    const QStringView answersPart = colon < 0 ? QStringView() : rest.mid(colon + 1);
    GuideCode code;
    Result<QString> matter = decodePart(matterPart);
    if (!matter)
        return failWith(matter.error());
    code.matterCode = *matter;
    if (code.matterCode.isEmpty())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::catalogue", "the guide code names no matter"));
    if (answersPart.count(QLatin1Char(';')) >= kMaxAnswers)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::catalogue", "the guide code has more than %1 answers")
                .arg(kMaxAnswers));
    for (const QStringView part : answersPart.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        Result<QString> answer = decodePart(part);
        if (!answer)
            return failWith(answer.error());
        if (answer->indexOf(QLatin1Char('=')) <= 0)
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::catalogue", "an answer of the guide code is not QUESTION=VALUE: %1")
                    .arg(InputExcerpt::excerpt(*answer)));
        code.answers.append(*answer);
    }
    return code;
}

QString GuideCode::toText() const
{
    QStringList parts;
    parts.reserve(answers.size());
    for (const QString &answer : answers)
        parts.append(encodePart(answer));
    return kPrefix + encodePart(matterCode) + QLatin1Char(':') + parts.join(QLatin1Char(';'));
}

Answers GuideCode::answersFor(const SituationEngine &engine, const Matter &matter, QStringList *ignored) const
{
    Answers result;
    for (const QString &text : answers) {
        Result<QPair<QString, Answer>> parsed = engine.parseAnswer(matter, text);
        if (parsed)
            result.set(parsed->first, parsed->second);
        else if (ignored)
            ignored->append(text);
    }
    return result;
}

QStringList GuideCode::answerTexts(const Matter &matter, const Answers &answers)
{
    QStringList texts;
    for (const Question &question : matter.questions)
        if (const Answer *answer = answers.find(question.id))
            texts.append(question.id + QLatin1Char('=') + answer->toText());
    return texts;
}

} // namespace ow::catalogue
