#include "catalogue/LintMaterialRules.h"

#include "core/InputExcerpt.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>
#include <array>

namespace ow::catalogue {

namespace {

// Catch-all words the provincial guide forbids in material names ("杜绝模糊表述和兜底条款",
// 浙江省“无差别全科受理”工作指南, 2018, 三(二)): a qualifier that points nowhere plus a generic noun.
constexpr std::array<const char16_t *, 4> VagueQualifiers = {u"其他", u"其它", u"相关", u"有关"};
constexpr std::array<const char16_t *, 6> GenericNouns
    = {u"材料", u"证明", u"资料", u"文件", u"证件", u"手续"};

QString withoutTrailingPunctuation(const QString &name)
{
    static const QString trailing = QStringLiteral(" \t)）]】〕>》.。…");
    qsizetype end = name.size();
    while (end > 0 && trailing.contains(name.at(end - 1)))
        --end;
    return name.left(end);
}

} // namespace

LintMaterialRules::LintMaterialRules(
    const Catalogue &catalogue, const QSet<QString> &usedMaterialIds, Diagnostics &out)
    : m_catalogue(catalogue)
    , m_used(usedMaterialIds)
    , m_out(out)
{
}

void LintMaterialRules::run()
{
    for (const Material &material : m_catalogue.materials) {
        checkMaterial(material);
        checkSampleImage(material);
    }
}

bool LintMaterialRules::decodesWhole(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    // A decoder fills the missing rows of a file cut short and calls it an image (Qt's JPEG reader
    // only warns): the end marker each format closes with tells a whole file.
    static const QByteArray pngEnd = QByteArray::fromHex("0000000049454e44ae426082"); // IEND, its CRC
    const bool png = bytes.startsWith("\x89PNG\r\n\x1a\n");
    const bool jpeg = bytes.startsWith("\xFF\xD8\xFF");
    if (png ? !bytes.endsWith(pngEnd) : !jpeg || !bytes.endsWith("\xFF\xD9"))
        return false;
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer, png ? "png" : "jpeg");
    return !reader.read().isNull();
}

void LintMaterialRules::checkSampleImage(const Material &material)
{
    // A catalogue made in memory rather than read from a folder has no image files to decode.
    if (!material.sample || material.sample->image.isEmpty() || m_catalogue.rootDir.isEmpty())
        return;
    const QString &image = material.sample->image;
    auto known = m_decoded.constFind(image);
    if (known == m_decoded.constEnd())
        known = m_decoded.insert(image, decodesWhole(m_catalogue.resolve(image)));
    if (known.value())
        return;
    Diagnostic diagnostic;
    diagnostic.severity = Diagnostic::Severity::Error;
    diagnostic.rule = QStringLiteral("sample-damaged");
    diagnostic.message = QCoreApplication::translate("ow::catalogue",
        "sample '%1' of material '%2' does not decode: the file is cut short or damaged; save or "
        "export the image again")
                             .arg(InputExcerpt::excerpt(image), material.id);
    diagnostic.where = material.sample->where;
    m_out.append(diagnostic);
}

bool LintMaterialRules::isVagueName(const QString &name)
{
    for (const char16_t *qualifier : VagueQualifiers)
        for (const char16_t *noun : GenericNouns)
            if (name.contains(QString::fromUtf16(qualifier) + QString::fromUtf16(noun)))
                return true;
    // "…等", "…等材料", "…（身份证、户口簿等）": a list that leaves the rest open.
    const QString trimmed = withoutTrailingPunctuation(name);
    if (trimmed.endsWith(u'等'))
        return true;
    for (const char16_t *noun : GenericNouns)
        if (trimmed.endsWith(QChar(u'等') + QString::fromUtf16(noun)))
            return true;
    return false;
}

void LintMaterialRules::checkMaterial(const Material &material)
{
    if (!m_used.contains(material.id))
        warn(QStringLiteral("material-unused"),
            QCoreApplication::translate("ow::catalogue",
                "Material “%1” is required by no matter in any situation. Require it "
                "where it is needed, or remove it.")
                .arg(material.id),
            material.where);

    if (material.reviewPoints.isEmpty())
        warn(QStringLiteral("no-review-points"),
            QCoreApplication::translate("ow::catalogue",
                "Material “%1” has no review point. Add form-point and content-point "
                "lines that tell the clerk what to check.")
                .arg(material.id),
            material.where);

    QString missing;
    switch (material.category) {
    case MaterialCategory::Form:
        if (!material.sample)
            missing = QCoreApplication::translate("ow::catalogue",
                "Material “%1” is a form but has no sample. Add a `sample:` "
                "line with the form filled in with example data.");
        break;
    case MaterialCategory::Certificate:
        if (!material.sample)
            missing = QCoreApplication::translate("ow::catalogue",
                "Material “%1” is a certificate but has no sample. Add a "
                "`sample:` line with a standard sample of the certificate.");
        break;
    case MaterialCategory::Technical:
        if (material.outline.isEmpty())
            missing = QCoreApplication::translate("ow::catalogue",
                "Material “%1” is a technical document but has no outline. Add "
                "an `outline:` line with the content outline.");
        break;
    case MaterialCategory::Application:
    case MaterialCategory::Pledge:
        if (material.referenceText.isEmpty())
            missing = QCoreApplication::translate("ow::catalogue",
                "Material “%1” is an application or pledge but has no "
                "reference text. Add a `reference-text:` line.");
        break;
    case MaterialCategory::Other:
        break; // a sample is recommended, not required
    }
    if (!missing.isEmpty())
        warn(QStringLiteral("sample-missing"), missing.arg(material.id), material.where);

    if (isVagueName(material.name))
        warn(QStringLiteral("vague-name"),
            QCoreApplication::translate("ow::catalogue",
                "Material “%1” has the catch-all name “%2”. Name the document itself, "
                "as it is written on the document.")
                .arg(material.id, material.name),
            material.where);
}

void LintMaterialRules::warn(const QString &rule, const QString &message, const SourceLocation &where)
{
    Diagnostic diagnostic;
    diagnostic.severity = Diagnostic::Severity::Warning;
    diagnostic.rule = rule;
    diagnostic.message = message;
    diagnostic.where = where;
    m_out.append(diagnostic);
}

} // namespace ow::catalogue
