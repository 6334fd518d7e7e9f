#include "tableimport/CellValues.h"

#include <QRegularExpression>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

int chineseDigit(QChar c)
{
    static const QString digits = QStringLiteral("一二三四五六七八九十");
    const qsizetype at = digits.indexOf(c);
    return at < 0 ? 0 : int(at) + 1;
}

} // namespace

bool CellValues::isBlank(const QString &cell)
{
    const QString text = cell.trimmed();
    return text.isEmpty() || text == u"/" || text == u"／" || text == u"无" || text == u"-" || text == u"—"
        || text == u"——";
}

std::optional<bool> CellValues::waivable(const QString &cell)
{
    const QString text = cell.trimmed().toLower();
    static const QStringList yes = {QStringLiteral("是"), QStringLiteral("可"), QStringLiteral("可容缺"),
        QStringLiteral("容缺"), QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("true"),
        QStringLiteral("√"), QStringLiteral("1")};
    static const QStringList no = {QStringLiteral("否"), QStringLiteral("不可"), QStringLiteral("不可容缺"),
        QStringLiteral("不容缺"), QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("false"),
        QStringLiteral("×"), QStringLiteral("0")};
    if (yes.contains(text))
        return true;
    if (no.contains(text) || isBlank(text))
        return false;
    return std::nullopt;
}

std::optional<FormSpec> CellValues::formSpec(const QString &text)
{
    QString compact = text;
    compact.remove(QRegularExpression(QStringLiteral("\\s")));
    static const QRegularExpression pattern(
        QStringLiteral("^(核验原件(?:收|和|及|、)?复印件|原件|复印件)(纸质或电子|纸质|电子)?(?:(\\d{1,3})|(["
                       "一二三四五六七八九十]))?[份张]?$"));
    const QRegularExpressionMatch match = pattern.match(compact);
    if (!match.hasMatch())
        return std::nullopt;
    FormSpec spec;
    const QString form = match.captured(1);
    spec.form = form.startsWith(u"核验") ? MaterialForm::VerifyOriginalKeepCopy
        : form == u"原件"                ? MaterialForm::Original
                                         : MaterialForm::Copy;
    const QString medium = match.captured(2);
    if (medium == u"纸质")
        spec.medium = Medium::Paper;
    else if (medium == u"电子")
        spec.medium = Medium::Electronic;
    else if (!medium.isEmpty())
        spec.medium = Medium::PaperOrElectronic;
    if (!match.captured(3).isEmpty())
        spec.copies = match.captured(3).toInt();
    else if (!match.captured(4).isEmpty())
        spec.copies = chineseDigit(match.captured(4).at(0));
    if (spec.copies && *spec.copies < 1)
        return std::nullopt;
    return spec;
}

QStringList CellValues::reviewPoints(const QString &cell)
{
    if (isBlank(cell))
        return {};
    // A new point starts at a line break, a semicolon, or a numbered "审查点N：" written inline.
    static const QRegularExpression breaks(QStringLiteral("[\\n\\r；;]+|(?=审查(?:要)?点\\s*\\d+\\s*[:：])"));
    static const QRegularExpression numbering(QStringLiteral(
        "^(?:审查(?:要)?点\\s*\\d+\\s*[:：]|\\d{1,3}\\s*[.．、)）]|[（(]\\s*\\d{1,3}\\s*[)）]|[①-⑳])\\s*"));
    QStringList points;
    for (QString piece : cell.split(breaks)) {
        piece = oneLine(piece);
        piece.remove(numbering);
        piece = piece.trimmed();
        if (!isBlank(piece))
            points.append(piece);
    }
    return points;
}

std::optional<MaterialCategory> CellValues::category(const QString &cell)
{
    const QString text = cell.trimmed().toLower();
    for (std::size_t i = 0; i < std::size(kCategoryKeywords); ++i)
        if (text == kCategoryKeywords[i])
            return MaterialCategory(i);
    static const QList<QPair<QString, MaterialCategory>> names = {
        {QStringLiteral("表格"), MaterialCategory::Form},
        {QStringLiteral("证照批文"), MaterialCategory::Certificate},
        {QStringLiteral("证照"), MaterialCategory::Certificate},
        {QStringLiteral("技术性文件"), MaterialCategory::Technical},
        {QStringLiteral("申请书"), MaterialCategory::Application},
        {QStringLiteral("承诺书"), MaterialCategory::Pledge},
        {QStringLiteral("其他"), MaterialCategory::Other},
    };
    for (const auto &[name, category] : names)
        if (text == name)
            return category;
    return std::nullopt;
}

MaterialCategory CellValues::categoryFromName(const QString &name)
{
    QString text = comparableName(name);
    // 居民身份证（受托人）: the annotation says whose, not what.
    if (text.endsWith(QLatin1Char(')')) && text.contains(QLatin1Char('(')))
        text.truncate(text.lastIndexOf(QLatin1Char('(')));
    const auto endsWithAny = [&text](std::initializer_list<const char16_t *> suffixes) {
        return std::any_of(suffixes.begin(), suffixes.end(),
            [&text](const char16_t *s) { return text.endsWith(QStringView(s)); });
    };
    if (endsWithAny({u"申请书"}))
        return MaterialCategory::Application;
    if (endsWithAny({u"承诺书", u"承诺函"}))
        return MaterialCategory::Pledge;
    if (endsWithAny({u"表"}))
        return MaterialCategory::Form;
    if (endsWithAny({u"证", u"证书", u"执照", u"批文", u"批复", u"决定书", u"户口簿", u"户口本", u"护照"}))
        return MaterialCategory::Certificate;
    if (endsWithAny({u"报告", u"方案", u"图", u"图纸", u"说明书", u"制度", u"规程"}))
        return MaterialCategory::Technical;
    return MaterialCategory::Other;
}

QString CellValues::oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QString CellValues::comparableName(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isSpace())
            continue;
        out += c == QChar(0xFF08) ? QChar(QLatin1Char('('))
            : c == QChar(0xFF09)  ? QChar(QLatin1Char(')'))
                                  : c;
    }
    return out;
}

} // namespace ow::tableimport
