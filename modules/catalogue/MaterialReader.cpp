#include "catalogue/MaterialReader.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <array>
#include <span>

namespace ow::catalogue {

namespace {

enum class Field
{
    Category,
    Source,
    Form,
    Copies,
    Medium,
    DataShared,
    Waivable,
    Description,
    FormPoint,
    ContentPoint,
    CommonError,
    Prerequisite,
    BlankForm,
    Outline,
    ReferenceText,
    Sample,
};

const QHash<QString, Field> &fields()
{
    static const QHash<QString, Field> table = {
        {QStringLiteral("category"), Field::Category},
        {QStringLiteral("source"), Field::Source},
        {QStringLiteral("form"), Field::Form},
        {QStringLiteral("copies"), Field::Copies},
        {QStringLiteral("medium"), Field::Medium},
        {QStringLiteral("data-shared"), Field::DataShared},
        {QStringLiteral("waivable"), Field::Waivable},
        {QStringLiteral("description"), Field::Description},
        {QStringLiteral("form-point"), Field::FormPoint},
        {QStringLiteral("content-point"), Field::ContentPoint},
        {QStringLiteral("common-error"), Field::CommonError},
        {QStringLiteral("prerequisite"), Field::Prerequisite},
        {QStringLiteral("blank-form"), Field::BlankForm},
        {QStringLiteral("outline"), Field::Outline},
        {QStringLiteral("reference-text"), Field::ReferenceText},
        {QStringLiteral("sample"), Field::Sample},
    };
    return table;
}

constexpr QStringView kAllowed
    = u"category, source, form, copies, medium, data-shared, waivable, description, "
      u"form-point, content-point, common-error, prerequisite, blank-form, outline, "
      u"reference-text, sample";

} // namespace

std::optional<QRect> MaterialReader::parseRect(QStringView text)
{
    const QStringList parts = LoadContext::splitList(text);
    if (parts.size() != 4)
        return std::nullopt;
    std::array<int, 4> numbers {};
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        numbers[i] = parts.at(i).toInt(&ok);
        if (!ok || numbers[i] < 0 || parts.at(i).startsWith(QLatin1Char('+')))
            return std::nullopt;
    }
    if (numbers[2] == 0 || numbers[3] == 0)
        return std::nullopt;
    return QRect(numbers[0], numbers[1], numbers[2], numbers[3]);
}

MaterialReader::MaterialReader(LoadContext &context)
    : m_context(context)
{
}

Material MaterialReader::read(const TextNode &node)
{
    Material material;
    material.id = node.id;
    material.name = node.value;
    material.where = node.where;
    if (node.id.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate(
                "ow::catalogue", "a material needs an id; write 'material ID: STANDARD NAME'"));
    else if (node.value.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "material '%1' needs its standard name; write 'material %1: "
                "NAME' with the name printed on the document")
                .arg(InputExcerpt::excerpt(node.id)));

    SeenFields seen;
    bool hasCategory = false;
    std::optional<QSize> imageSize;
    for (const TextNode &child : node.children) {
        const auto field = fields().constFind(child.keyword);
        if (field == fields().constEnd()) {
            m_context.unknownKeyword(child, QStringLiteral("material"), kAllowed);
            continue;
        }
        switch (field.value()) {
        case Field::Category:
            hasCategory = true;
            if (m_context.once(seen, child))
                if (const auto v = m_context.choice(child, kCategoryKeywords))
                    material.category = MaterialCategory(*v);
            break;
        case Field::Source:
            if (m_context.once(seen, child) && m_context.plainField(child))
                material.source = child.value;
            break;
        case Field::Form:
            if (m_context.once(seen, child))
                if (const auto v = readForm(m_context, child))
                    material.form = *v;
            break;
        case Field::Copies:
            if (m_context.once(seen, child))
                if (const auto v = m_context.integer(child, 1))
                    material.copies = *v;
            break;
        case Field::Medium:
            if (m_context.once(seen, child))
                if (const auto v = m_context.choice(child, kMediumKeywords))
                    material.medium = Medium(*v);
            break;
        case Field::DataShared:
            if (m_context.once(seen, child))
                if (const auto v = m_context.yesNo(child))
                    material.dataShared = *v;
            break;
        case Field::Waivable:
            if (m_context.once(seen, child))
                if (const auto v = m_context.yesNo(child))
                    material.waivable = *v;
            break;
        case Field::Description:
            if (m_context.once(seen, child) && m_context.plainField(child))
                material.description = child.value;
            break;
        case Field::FormPoint:
        case Field::ContentPoint:
            if (auto point = readReviewPoint(m_context, child, {}))
                addReviewPoint(m_context, material.reviewPoints, std::move(*point), material.id);
            break;
        case Field::CommonError:
            if (m_context.plainField(child))
                material.commonErrors.append(child.value);
            break;
        case Field::Prerequisite:
            if (m_context.plainField(child))
                material.prerequisites.append(child.value);
            break;
        case Field::BlankForm:
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                material.blankForm = child.value;
                m_context.checkFile(child);
            }
            break;
        case Field::Outline:
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                material.outline = child.value;
                m_context.checkFile(child);
            }
            break;
        case Field::ReferenceText:
            if (m_context.once(seen, child) && m_context.plainField(child)) {
                material.referenceText = child.value;
                m_context.checkFile(child);
            }
            break;
        case Field::Sample:
            if (m_context.once(seen, child) && m_context.plainField(child, true)) {
                imageSize = readSample(child, material);
            }
            break;
        }
    }
    if (!hasCategory && !node.id.isEmpty())
        m_context.error(Rule::MissingField, node.where,
            QCoreApplication::translate("ow::catalogue",
                "material '%1' has no 'category'; add 'category: form' (or "
                "certificate, technical, application, pledge, other)")
                .arg(InputExcerpt::excerpt(node.id)));
    if (material.sample)
        checkMarks(material, imageSize);
    return material;
}

std::optional<QSize> MaterialReader::readSample(const TextNode &node, Material &material)
{
    std::optional<QSize> imageSize;
    // The image is only opened when the file is there; checkFile reports it otherwise.
    if (m_context.checkFile(node)) {
        imageSize = m_context.imageSize(node.value);
        if (!imageSize)
            m_context.error(Rule::Parse, node.valueWhere(),
                QCoreApplication::translate("ow::catalogue",
                    "sample '%1' is not a PNG or JPEG image that can be read; "
                    "save it as PNG or JPEG")
                    .arg(InputExcerpt::excerpt(node.value)));
    }
    Sample sample;
    sample.image = node.value;
    sample.where = node.where;
    for (const TextNode &child : node.children) {
        if (child.keyword != u"mark") {
            m_context.unknownKeyword(child, QStringLiteral("sample"), u"mark");
            continue;
        }
        if (!m_context.idAndValue(child))
            continue;
        const auto rect = parseRect(child.value);
        if (!rect) {
            m_context.error(Rule::Parse, child.valueWhere(),
                QCoreApplication::translate("ow::catalogue",
                    "'%1' is not a rectangle; write 'mark %2: X, Y, WIDTH, "
                    "HEIGHT' in whole image pixels, width and height above 0")
                    .arg(InputExcerpt::excerpt(child.value), InputExcerpt::excerpt(child.id)));
            continue;
        }
        sample.marks.append({child.id, *rect, child.where});
    }
    material.sample = std::move(sample);
    return imageSize;
}

void MaterialReader::checkMarks(const Material &material, std::optional<QSize> imageSize)
{
    for (const SampleMark &mark : material.sample->marks) {
        if (!material.findReviewPoint(mark.reviewPointId))
            m_context.error(Rule::MarkUnknownPoint, mark.where,
                QCoreApplication::translate("ow::catalogue",
                    "mark '%1' names no review point of material '%2'; add "
                    "'form-point %1: …' or 'content-point %1: …' to the "
                    "material, or correct the id")
                    .arg(mark.reviewPointId, material.id));
        if (imageSize && !QRect(QPoint(0, 0), *imageSize).contains(mark.rect))
            m_context.error(Rule::MarkOutside, mark.where,
                QCoreApplication::translate("ow::catalogue",
                    "mark '%1' (%2, %3, %4 × %5) reaches outside the sample "
                    "image, which is %6 × %7 pixels; correct the rectangle")
                    .arg(mark.reviewPointId)
                    .arg(mark.rect.x())
                    .arg(mark.rect.y())
                    .arg(mark.rect.width())
                    .arg(mark.rect.height())
                    .arg(imageSize->width())
                    .arg(imageSize->height()));
    }
}

std::optional<ReviewPoint> MaterialReader::readReviewPoint(
    LoadContext &context, const TextNode &node, const QString &matterCode)
{
    if (!context.idAndValue(node))
        return std::nullopt;
    ReviewPoint point;
    point.id = node.id;
    point.kind = node.keyword == u"form-point" ? ReviewKind::Form : ReviewKind::Content;
    point.text = node.value;
    point.matterCode = matterCode;
    point.where = node.where;
    return point;
}

void MaterialReader::addReviewPoint(
    LoadContext &context, QList<ReviewPoint> &points, ReviewPoint point, const QString &materialId)
{
    for (const ReviewPoint &existing : points) {
        if (existing.id == point.id) {
            const QString message = point.matterCode.isEmpty()
                ? QCoreApplication::translate("ow::catalogue",
                    "review point '%1' of material '%2' is defined twice; the first "
                    "definition is at %3 (give each point its own id)")
                : QCoreApplication::translate("ow::catalogue",
                    "review point '%1' is added twice to material '%2' by this "
                    "requirement; the first is at %3 (give each point its own id)");
            context.error(Rule::DuplicateId, point.where,
                message.arg(point.id, materialId, LoadContext::place(existing.where)));
            return;
        }
    }
    points.append(std::move(point));
}

std::optional<MaterialForm> MaterialReader::readForm(LoadContext &context, const TextNode &node)
{
    const auto v = context.choice(node, kMaterialFormKeywords);
    return v ? std::optional<MaterialForm>(MaterialForm(*v)) : std::nullopt;
}

} // namespace ow::catalogue
