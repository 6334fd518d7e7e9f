#include "SampleSpec.h"

#include "core/TextFile.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::samplegen", text);
}

struct RawLine
{
    int indent = 0;
    QString body;
    int number = 0;
};

// Splits "kind 1 2, 3 key=value flag : text" into its parts. Only the first ':' separates the
// text, so texts may hold colons; numbers may be separated by spaces or commas.
Result<SpecElement> parseElement(const RawLine &line, const SourceLocation &where)
{
    SpecElement element;
    element.where = where;
    QString head = line.body;
    const qsizetype colon = head.indexOf(u':');
    if (colon >= 0) {
        element.text = head.mid(colon + 1).trimmed();
        head = head.left(colon);
    }
    static const QRegularExpression separators(u"[\\s,]+"_s);
    static const QRegularExpression numberPattern(u"^-?[0-9]+(\\.[0-9]+)?$"_s);
    const QStringList tokens = head.split(separators, Qt::SkipEmptyParts);
    if (tokens.isEmpty()) {
        return fail(Error::Code::Parse, tr("A line without a keyword."), where);
    }
    element.kind = tokens.first();
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const QString &token = tokens.at(i);
        if (numberPattern.match(token).hasMatch()) {
            element.numbers.append(token.toDouble());
        } else if (token.startsWith(u'#')) {
            element.options.insert(u"color"_s, token);
        } else if (const qsizetype eq = token.indexOf(u'='); eq > 0) {
            element.options.insert(token.left(eq), token.mid(eq + 1));
        } else {
            element.flags.append(token);
        }
    }
    return element;
}

Result<void> applyHeader(SampleSpec &spec, const SpecElement &element)
{
    if (element.kind == u"size") {
        QList<double> values = element.numbers;
        if (values.isEmpty()) {
            for (const QString &part : element.text.split(u',', Qt::SkipEmptyParts)) {
                values.append(part.trimmed().toDouble());
            }
        }
        if (values.size() != 2 || values.at(0) < 16 || values.at(1) < 16) {
            return fail(Error::Code::Parse, tr("size needs a width and a height in pixels."), element.where);
        }
        spec.size = QSize(int(values.at(0)), int(values.at(1)));
    } else if (element.kind == u"materials") {
        static const QRegularExpression listSeparators(u"[,，、\\s]+"_s);
        spec.materials = element.text.split(listSeparators, Qt::SkipEmptyParts);
    } else if (element.kind == u"paper") {
        spec.paper = QColor(element.option(u"color"_s, element.text));
        if (!spec.paper.isValid()) {
            return fail(Error::Code::Parse, tr("paper needs a colour such as #fbfaf6."), element.where);
        }
    } else if (element.kind == u"watermark") {
        if (element.text.isEmpty()) {
            return fail(Error::Code::Parse, tr("A sample image must keep a watermark."), element.where);
        }
        spec.watermark = element.text;
    }
    return {};
}

bool isHeaderKeyword(const QString &kind)
{
    return kind == u"size" || kind == u"materials" || kind == u"paper" || kind == u"watermark";
}

} // namespace

QString SpecElement::option(const QString &key, const QString &fallback) const
{
    return options.value(key, fallback);
}

double SpecElement::number(qsizetype index, double fallback) const
{
    return index < numbers.size() ? numbers.at(index) : fallback;
}

QRectF SpecElement::rect() const
{
    return {number(0), number(1), number(2), number(3)};
}

Result<SampleSpec> SampleSpecParser::parseFile(const QString &path)
{
    const Result<QString> text = TextFile::readUtf8(path);
    if (!text) {
        return ow::failWith(text.error());
    }
    return parse(*text, path);
}

Result<SampleSpec> SampleSpecParser::parse(const QString &text, const QString &fileName)
{
    QList<RawLine> lines;
    const QStringList rawLines = text.split(u'\n');
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        QString raw = rawLines.at(i);
        if (raw.endsWith(u'\r')) {
            raw.chop(1);
        }
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#')) {
            continue;
        }
        const SourceLocation where {fileName, int(i + 1), 0};
        if (raw.contains(u'\t')) {
            return fail(Error::Code::Parse, tr("Tabs are not allowed; indent with two spaces."), where);
        }
        int spaces = 0;
        while (spaces < raw.size() && raw.at(spaces) == u' ') {
            ++spaces;
        }
        if (spaces % 2 != 0) {
            return fail(Error::Code::Parse, tr("Indent with two spaces per level."), where);
        }
        lines.append({spaces / 2, trimmed, int(i + 1)});
    }

    if (lines.isEmpty() || lines.first().indent != 0) {
        return fail(Error::Code::Parse, tr("A spec starts with a line `sample PATH`."), {fileName, 1, 0});
    }
    SampleSpec spec;
    spec.watermark = u"样本"_s;
    {
        const QStringList head = lines.first().body.split(u' ', Qt::SkipEmptyParts);
        if (head.size() != 2 || head.first() != u"sample") {
            return fail(Error::Code::Parse, tr("A spec starts with a line `sample PATH`."),
                {fileName, lines.first().number, 0});
        }
        spec.image = head.at(1);
        spec.where = {fileName, lines.first().number, 0};
    }

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const RawLine &line = lines.at(i);
        const SourceLocation where {fileName, line.number, 0};
        if (line.indent == 0) {
            return fail(Error::Code::Parse, tr("One sample per spec file."), where);
        }
        Result<SpecElement> element = parseElement(line, where);
        if (!element) {
            return ow::failWith(element.error());
        }
        if (line.indent == 1) {
            if (isHeaderKeyword(element->kind)) {
                if (Result<void> applied = applyHeader(spec, *element); !applied) {
                    return ow::failWith(applied.error());
                }
            } else {
                spec.elements.append(*element);
            }
        } else if (line.indent == 2 && !spec.elements.isEmpty()) {
            spec.elements.last().children.append(*element);
        } else {
            return fail(Error::Code::Parse,
                tr("This line is indented deeper than anything it could belong to."), where);
        }
    }
    if (!spec.size.isValid()) {
        return fail(Error::Code::Parse, tr("The spec has no size line."), spec.where);
    }
    if (spec.materials.isEmpty()) {
        return fail(
            Error::Code::Parse, tr("The spec names no material; add a `materials:` line."), spec.where);
    }
    return spec;
}

} // namespace ow::samplegen
