#include "authoring/SampleMarks.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/SampleGeometry.h"
#include "catalogue/LintMaterialRules.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace ow::authoring {

using catalogue::TextNode;

NodeRef SampleMarks::materialOf(const CatalogueDocument &document, const NodeRef &node)
{
    NodeRef at = document.nodeAt(node.file, node.line);
    while (at.isValid()) {
        const TextNode *found = document.node(at);
        const NodeRef parent = document.parentOf(at);
        if (!parent.isValid())
            return found && found->keyword == u"material" && at.file.startsWith(u"materials/") ? at
                                                                                               : NodeRef {};
        at = parent;
    }
    return {};
}

NodeRef SampleMarks::findMaterial(const CatalogueDocument &document, const QString &materialId)
{
    for (const QString &file : document.files()) {
        if (!file.startsWith(u"materials/"))
            continue;
        for (const TextNode &node : document.nodes(file))
            if (node.keyword == u"material" && node.id == materialId)
                return {file, node.where.line};
    }
    return {};
}

std::optional<SampleMarks> SampleMarks::read(const CatalogueDocument &document, const NodeRef &material)
{
    const TextNode *node = document.node(material);
    if (!node || node->keyword != u"material")
        return std::nullopt;
    SampleMarks marks;
    marks.material = material;
    marks.materialId = node->id;
    marks.materialName = node->value;
    for (const TextNode &child : node->children) {
        if (child.keyword == u"form-point" || child.keyword == u"content-point") {
            marks.points.append({child.id, child.value, child.keyword == u"content-point"});
        } else if (child.keyword == u"sample" && !marks.sample.isValid()) {
            marks.sample = {material.file, child.where.line};
            marks.image = child.value;
            for (const TextNode &mark : child.children)
                if (mark.keyword == u"mark")
                    marks.marks.append({{material.file, mark.where.line}, mark.id, mark.value,
                        SampleGeometry::parseValue(mark.value)});
        }
    }
    return marks;
}

QString SampleMarks::imagePath(const QString &directory) const
{
    return QDir::cleanPath(QDir(directory).filePath(image));
}

QString SampleMarks::imageProblem(const QString &directory) const
{
    if (!sample.isValid())
        return tr("This material has no sample image yet. Put the image in the catalogue's samples folder "
                  "(for example samples/%1.png) and choose it with \"Choose the sample image\".")
            .arg(materialId);
    if (image.isEmpty())
        return tr("The sample line names no image. Put the image in the catalogue's samples folder (for "
                  "example samples/%1.png) and choose it with \"Choose the sample image\".")
            .arg(materialId);
    const QString root = QDir::cleanPath(QDir(directory).absolutePath());
    const QFileInfo file(imagePath(directory));
    // The counters receive only what is inside the folder (docs/catalogue-format.md §1).
    const QString resolved = file.exists() ? file.canonicalFilePath() : file.absoluteFilePath();
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (!resolved.startsWith((canonicalRoot.isEmpty() ? root : canonicalRoot) + QLatin1Char('/')))
        return tr("The sample image %1 lies outside the catalogue folder; copy it into the folder's "
                  "samples folder.")
            .arg(image);
    if (!file.exists())
        return tr("The sample image %1 is not in the catalogue folder; add the file or correct the path.")
            .arg(image);
    if (!file.isFile())
        return tr("The sample image %1 is a folder, not an image file.").arg(image);
    if (!catalogue::LintMaterialRules::decodesWhole(file.filePath()))
        return tr("The sample image %1 cannot be read: it is not a whole PNG or JPEG image (cut short or "
                  "damaged). Export the image again.")
            .arg(image);
    return {};
}

int SampleMarks::markAt(const NodeRef &node) const
{
    for (int i = 0; i < marks.size(); ++i)
        if (marks.at(i).node == node)
            return i;
    return -1;
}

QString SampleMarks::pointText(const QString &pointId) const
{
    for (const Point &point : points)
        if (point.id == pointId)
            return point.text;
    return {};
}

QString SampleMarks::pointForNewMark() const
{
    for (const Point &point : points) {
        const bool marked = std::any_of(
            marks.cbegin(), marks.cend(), [&](const Mark &mark) { return mark.pointId == point.id; });
        if (!marked)
            return point.id;
    }
    if (!points.isEmpty())
        return points.first().id;
    return QStringLiteral("new-point");
}

Result<Edit> SampleMarks::setRect(const CatalogueDocument &document, int mark, const QRect &rect) const
{
    if (mark < 0 || mark >= marks.size())
        return fail(Error::Code::NotFound, tr("no such mark"));
    return document.setValue(marks.at(mark).node, SampleGeometry::formatValue(rect));
}

Result<Edit> SampleMarks::tie(const CatalogueDocument &document, int mark, const QString &pointId) const
{
    if (mark < 0 || mark >= marks.size())
        return fail(Error::Code::NotFound, tr("no such mark"));
    return document.setId(marks.at(mark).node, pointId);
}

Result<Edit> SampleMarks::add(const CatalogueDocument &document, const QRect &rect) const
{
    if (!sample.isValid())
        return fail(Error::Code::Invalid, tr("the material has no sample line to add a mark to"));
    return document.addBlock(sample.file, sample, {},
        {QStringLiteral("mark %1: %2").arg(pointForNewMark(), SampleGeometry::formatValue(rect))});
}

Result<Edit> SampleMarks::remove(const CatalogueDocument &document, int mark) const
{
    if (mark < 0 || mark >= marks.size())
        return fail(Error::Code::NotFound, tr("no such mark"));
    return document.remove(marks.at(mark).node);
}

Result<Edit> SampleMarks::setImage(const CatalogueDocument &document, const QString &relativePath) const
{
    const QString path = QDir::cleanPath(relativePath);
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path == u".." || path.startsWith(u"../"))
        return fail(Error::Code::Invalid,
            tr("the sample image must be inside the catalogue folder (in its samples folder); copy it there "
               "first: %1")
                .arg(relativePath));
    if (sample.isValid())
        return document.setValue(sample, path);
    return document.addBlock(material.file, material, {}, {QStringLiteral("sample: ") + path});
}

} // namespace ow::authoring
