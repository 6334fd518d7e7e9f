#include "catalogue/LoadContext.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QtEndian>
#include <climits>

namespace ow::catalogue {

namespace {

QString ruleId(Rule rule)
{
    switch (rule) {
    case Rule::Parse:
        return QStringLiteral("parse");
    case Rule::MissingField:
        return QStringLiteral("missing-field");
    case Rule::DuplicateId:
        return QStringLiteral("duplicate-id");
    case Rule::UnknownId:
        return QStringLiteral("unknown-id");
    case Rule::Condition:
        return QStringLiteral("condition");
    case Rule::FileMissing:
        return QStringLiteral("file-missing");
    case Rule::MarkUnknownPoint:
        return QStringLiteral("mark-unknown-point");
    case Rule::MarkOutside:
        return QStringLiteral("mark-outside");
    }
    return {};
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

} // namespace

LoadContext::LoadContext(QString rootDir)
    : m_rootDir(std::move(rootDir))
{
}

void LoadContext::error(Rule rule, const SourceLocation &where, const QString &message)
{
    // The last guard for input quoted in a message: no control characters, no screen-long text.
    m_diagnostics.append({Diagnostic::Severity::Error, ruleId(rule),
        InputExcerpt::bounded(message, Diagnostic::kMaxMessageLength), where});
}

void LoadContext::addAll(const Diagnostics &diagnostics)
{
    m_diagnostics.append(diagnostics);
}

void LoadContext::unknownKeyword(const TextNode &node, const QString &container, QStringView allowed)
{
    if (container.isEmpty())
        error(Rule::Parse, node.where,
            QCoreApplication::translate("ow::catalogue",
                "'%1' cannot stand at the start of a line in this file; the "
                "keywords allowed here are: %2")
                .arg(InputExcerpt::excerpt(node.keyword), allowed));
    else
        error(Rule::Parse, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "'%1' cannot stand under '%2'; the keywords allowed there are: %3")
                .arg(InputExcerpt::excerpt(node.keyword), container, allowed));
}

bool LoadContext::plainField(const TextNode &node, bool allowChildren)
{
    bool ok = true;
    if (!node.id.isEmpty()) {
        if (!node.hasValue)
            error(Rule::Parse, node.where,
                QCoreApplication::translate("ow::catalogue", "'%1 %2' lacks its ':'; write '%1: %2'")
                    .arg(InputExcerpt::excerpt(node.keyword), InputExcerpt::excerpt(node.id)));
        else
            error(Rule::Parse, node.where,
                QCoreApplication::translate(
                    "ow::catalogue", "'%1' takes no id, but '%2' is written before the ':'; remove it")
                    .arg(InputExcerpt::excerpt(node.keyword), InputExcerpt::excerpt(node.id)));
        ok = false;
    } else if (node.value.isEmpty()) {
        error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "'%1' needs a value; write '%1: VALUE'")
                .arg(InputExcerpt::excerpt(node.keyword)));
        ok = false;
    }
    if (!allowChildren)
        noChildren(node);
    return ok;
}

bool LoadContext::idAndValue(const TextNode &node, bool allowChildren)
{
    bool ok = true;
    if (node.id.isEmpty()) {
        error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "'%1' needs an id; write '%1 ID: TEXT'")
                .arg(InputExcerpt::excerpt(node.keyword)));
        ok = false;
    } else if (node.value.isEmpty()) {
        error(Rule::MissingField, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "'%1 %2' needs a text after ':'; write '%1 %2: TEXT'")
                .arg(InputExcerpt::excerpt(node.keyword), InputExcerpt::excerpt(node.id)));
        ok = false;
    }
    if (!allowChildren)
        noChildren(node);
    return ok;
}

bool LoadContext::idOnly(const TextNode &node)
{
    if (node.id.isEmpty()) {
        error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue", "'%1' needs an id; write '%1 ID'")
                .arg(InputExcerpt::excerpt(node.keyword)));
        return false;
    }
    if (node.hasValue) {
        error(Rule::Parse, node.where,
            QCoreApplication::translate("ow::catalogue",
                "'%1 %2' takes no value after ':'; write the details on indented "
                "lines under it")
                .arg(InputExcerpt::excerpt(node.keyword), InputExcerpt::excerpt(node.id)));
        return false;
    }
    return true;
}

bool LoadContext::once(SeenFields &seen, const TextNode &node)
{
    if (const int first = seen.lineOf(node.keyword)) {
        error(Rule::Parse, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "'%1' is written twice here (first at line %2); keep only one")
                .arg(InputExcerpt::excerpt(node.keyword))
                .arg(first));
        return false;
    }
    seen.add(node.keyword, node.where.line);
    return true;
}

void LoadContext::noChildren(const TextNode &node)
{
    if (node.children.isEmpty())
        return;
    error(Rule::Parse, node.children.first().where,
        QCoreApplication::translate("ow::catalogue",
            "nothing may be indented under '%1' (line %2); remove the indentation "
            "or move this line where it belongs")
            .arg(InputExcerpt::excerpt(node.keyword))
            .arg(node.where.line));
}

std::optional<bool> LoadContext::yesNo(const TextNode &node)
{
    if (!plainField(node))
        return std::nullopt;
    const QString &v = node.value;
    if (v.compare(QLatin1StringView("yes"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0 || v == u"是")
        return true;
    if (v.compare(QLatin1StringView("no"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1StringView("false"), Qt::CaseInsensitive) == 0 || v == u"否")
        return false;
    error(Rule::Parse, node.valueWhere(),
        QCoreApplication::translate("ow::catalogue",
            "'%1' is not a yes/no value for '%2'; write yes or no (also 是/否, "
            "true/false)")
            .arg(InputExcerpt::excerpt(v), InputExcerpt::excerpt(node.keyword)));
    return std::nullopt;
}

std::optional<int> LoadContext::integer(const TextNode &node, int minimum)
{
    if (!plainField(node))
        return std::nullopt;
    const QString &v = node.value;
    bool digitsOnly = !v.isEmpty() && v.size() <= 9;
    for (QChar c : v)
        digitsOnly = digitsOnly && isAsciiDigit(c);
    const int value = digitsOnly ? v.toInt() : -1;
    if (!digitsOnly || value < minimum) {
        error(Rule::Parse, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "'%1' is not a valid value for '%2'; write a whole number of at "
                "least %3")
                .arg(InputExcerpt::excerpt(v), InputExcerpt::excerpt(node.keyword))
                .arg(minimum));
        return std::nullopt;
    }
    return value;
}

std::optional<double> LoadContext::number(const TextNode &node)
{
    if (!plainField(node))
        return std::nullopt;
    const auto value = parseNumber(node.value);
    if (!value)
        error(Rule::Parse, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "'%1' is not a number for '%2'; write a decimal number such as 15 "
                "or 0.5")
                .arg(InputExcerpt::excerpt(node.value), InputExcerpt::excerpt(node.keyword)));
    return value;
}

std::optional<int> LoadContext::choice(const TextNode &node, std::span<const QLatin1StringView> names)
{
    if (!plainField(node))
        return std::nullopt;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (node.value == names[i])
            return int(i);
    QStringList choices;
    for (QLatin1StringView name : names)
        choices.append(name);
    error(Rule::Parse, node.valueWhere(),
        QCoreApplication::translate("ow::catalogue", "'%1' is not a valid value for '%2'; use one of: %3")
            .arg(InputExcerpt::excerpt(node.value), InputExcerpt::excerpt(node.keyword),
                choices.join(QStringLiteral(", "))));
    return std::nullopt;
}

bool LoadContext::staysInside(const QString &absolutePath) const
{
    if (m_canonicalRoot.isEmpty())
        m_canonicalRoot = QFileInfo(m_rootDir).canonicalFilePath();
    const QString target = QFileInfo(absolutePath).canonicalFilePath();
    return !m_canonicalRoot.isEmpty() && target.startsWith(m_canonicalRoot + QLatin1Char('/'));
}

bool LoadContext::checkFile(const TextNode &node)
{
    const QString path = QDir::cleanPath(node.value);
    if (QDir::isAbsolutePath(path) || path == u".." || path.startsWith(QLatin1StringView("../"))) {
        error(Rule::FileMissing, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "'%1' is outside the catalogue folder; copy the file into the folder "
                "and write its path relative to the folder")
                .arg(InputExcerpt::excerpt(node.value)));
        return false;
    }
    const QFileInfo file(m_rootDir + QLatin1Char('/') + path);
    if (file.isDir()) {
        error(Rule::FileMissing, node.valueWhere(),
            QCoreApplication::translate(
                "ow::catalogue", "'%1' for '%2' is a folder, not a file; write the path of a file in it")
                .arg(InputExcerpt::excerpt(node.value), InputExcerpt::excerpt(node.keyword)));
        return false;
    }
    if (file.isFile() && !staysInside(file.absoluteFilePath())) {
        error(Rule::FileMissing, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "'%1' for '%2' is a link to a file outside the catalogue folder; copy the file into the "
                "folder instead")
                .arg(InputExcerpt::excerpt(node.value), InputExcerpt::excerpt(node.keyword)));
        return false;
    }
    if (!file.isFile()) {
        error(Rule::FileMissing, node.valueWhere(),
            QCoreApplication::translate("ow::catalogue",
                "file '%1' for '%2' is not in the catalogue folder; add the file or "
                "correct the path (paths are relative to the catalogue folder)")
                .arg(InputExcerpt::excerpt(node.value), InputExcerpt::excerpt(node.keyword)));
        return false;
    }
    return true;
}

std::optional<QSize> LoadContext::imageSize(const QString &relativePath)
{
    const auto cached = m_imageSizes.constFind(relativePath);
    if (cached != m_imageSizes.constEnd())
        return cached.value();
    std::optional<QSize> size;
    QFile file(m_rootDir + QLatin1Char('/') + relativePath);
    if (file.open(QIODevice::ReadOnly)) {
        // A PNG states its size in the IHDR chunk that must come first (RFC 2083 §4.1.1): reading
        // 24 bytes is twice as fast as QImageReader, which counts when a catalogue has a thousand samples.
        const QByteArray head = file.peek(24);
        if (head.size() == 24 && head.startsWith("\x89PNG\r\n\x1a\n") && head.mid(12, 4) == "IHDR") {
            const auto width = qFromBigEndian<quint32>(head.constData() + 16);
            const auto height = qFromBigEndian<quint32>(head.constData() + 20);
            if (width > 0 && height > 0 && width <= INT_MAX && height <= INT_MAX)
                size = QSize(int(width), int(height));
        } else if (head.startsWith("\xFF\xD8\xFF")) {
            QImageReader reader(&file, "jpeg");
            if (reader.size().isValid())
                size = reader.size();
        }
    }
    m_imageSizes.insert(relativePath, size);
    return size;
}

std::optional<double> LoadContext::parseNumber(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && text[i] == QLatin1Char('-'))
        ++i;
    qsizetype digits = 0;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (isAsciiDigit(text[i]))
            ++digits;
        else if (text[i] == QLatin1Char('.') && !dot && digits > 0)
            dot = true;
        else
            return std::nullopt;
    }
    if (digits == 0 || text.endsWith(QLatin1Char('.')))
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QStringList LoadContext::splitList(QStringView text)
{
    QStringList items;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size()) {
            const char16_t c = text[i].unicode();
            if (c != u',' && c != u'，' && c != u'、')
                continue;
        }
        const QStringView item = text.mid(start, i - start).trimmed();
        if (!item.isEmpty())
            items.append(item.toString());
        start = i + 1;
    }
    return items;
}

QString LoadContext::place(const SourceLocation &where)
{
    return QStringLiteral("%1:%2").arg(where.file).arg(where.line);
}

} // namespace ow::catalogue
