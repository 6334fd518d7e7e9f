#include "CatalogueMarks.h"

#include "core/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ow::samplegen", text);
}

const QRegularExpression &materialPattern()
{
    static const QRegularExpression pattern(u"^material\\s+([A-Za-z0-9][A-Za-z0-9._-]*)\\s*[:：]"_s);
    return pattern;
}

const QRegularExpression &samplePattern()
{
    static const QRegularExpression pattern(u"^(\\s+)sample\\s*[:：]\\s*(.*?)\\s*$"_s);
    return pattern;
}

const QRegularExpression &pointPattern()
{
    static const QRegularExpression pattern(
        u"^\\s+(?:form|content)-point\\s+([A-Za-z0-9][A-Za-z0-9._-]*)\\s*[:：]"_s);
    return pattern;
}

const QRegularExpression &markPattern()
{
    static const QRegularExpression pattern(
        u"^\\s+mark\\s+([A-Za-z0-9._-]+)\\s*[:：]\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*$"_s);
    return pattern;
}

int indentOf(const QString &line)
{
    int spaces = 0;
    while (spaces < line.size() && line.at(spaces) == u' ') {
        ++spaces;
    }
    return spaces;
}

bool isContent(const QString &line)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && !trimmed.startsWith(u'#');
}

} // namespace

CatalogueMarks::CatalogueMarks(QString catalogueDir)
    : m_dir(std::move(catalogueDir))
{
}

Result<void> CatalogueMarks::load()
{
    const QDir materials(QDir(m_dir).filePath(u"materials"_s));
    if (!materials.exists()) {
        return fail(
            Error::Code::NotFound, tr("The catalogue has no materials folder: %1").arg(materials.path()));
    }
    const QStringList names = materials.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = materials.filePath(name);
        const Result<QString> text = TextFile::readUtf8(path);
        if (!text) {
            return failWith(text.error());
        }
        QStringList lines = text->split(u'\n');
        for (QString &line : lines) {
            if (line.endsWith(u'\r')) {
                line.chop(1);
            }
        }
        m_files.insert(path, lines);
        m_order.append(path);
    }
    return {};
}

std::optional<CatalogueMarks::Block> CatalogueMarks::findBlock(const QString &materialId) const
{
    for (const QString &path : m_order) {
        const QStringList &lines = m_files.value(path);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QRegularExpressionMatch match = materialPattern().match(lines.at(i));
            if (!match.hasMatch() || match.captured(1) != materialId) {
                continue;
            }
            Block block;
            block.file = path;
            block.first = i;
            block.end = i + 1;
            for (qsizetype j = i + 1; j < lines.size(); ++j) {
                if (isContent(lines.at(j)) && indentOf(lines.at(j)) == 0) {
                    break;
                }
                if (isContent(lines.at(j))) {
                    block.end = j + 1;
                }
            }
            for (qsizetype j = i + 1; j < block.end; ++j) {
                if (const QRegularExpressionMatch point = pointPattern().match(lines.at(j));
                    point.hasMatch() && indentOf(lines.at(j)) == 2) {
                    block.pointIds.append(point.captured(1));
                }
            }
            for (qsizetype j = i + 1; j < block.end; ++j) {
                const QRegularExpressionMatch sample = samplePattern().match(lines.at(j));
                if (!sample.hasMatch()) {
                    continue;
                }
                block.sampleLine = j;
                block.samplePath = sample.captured(2);
                const int sampleIndent = indentOf(lines.at(j));
                for (qsizetype k = j + 1; k < block.end; ++k) {
                    if (!isContent(lines.at(k))) {
                        continue;
                    }
                    if (indentOf(lines.at(k)) <= sampleIndent) {
                        break;
                    }
                    const QRegularExpressionMatch mark = markPattern().match(lines.at(k));
                    block.marks.append(mark.hasMatch() ? SampleLayout::markLine({mark.captured(1),
                                           QRect(mark.captured(2).toInt(), mark.captured(3).toInt(),
                                               mark.captured(4).toInt(), mark.captured(5).toInt())})
                                                       : lines.at(k).trimmed());
                }
                break;
            }
            return block;
        }
    }
    return std::nullopt;
}

QStringList CatalogueMarks::compare(const SampleSpec &spec, const QList<MarkRegion> &marks) const
{
    QStringList problems;
    QStringList expected;
    for (const MarkRegion &mark : marks) {
        expected.append(SampleLayout::markLine(mark));
    }
    for (const QString &materialId : spec.materials) {
        const std::optional<Block> block = findBlock(materialId);
        if (!block) {
            problems.append(
                tr("%1: material \"%2\" is not in the catalogue.").arg(spec.where.file, materialId));
            continue;
        }
        for (const MarkRegion &mark : marks) {
            if (!block->pointIds.contains(mark.pointId)) {
                problems.append(tr(
                    "%1: the spec tags a field with \"%2\", which is not a review point of material \"%3\".")
                                    .arg(spec.where.file, mark.pointId, materialId));
            }
        }
        if (block->sampleLine < 0) {
            problems.append(tr("%1: material \"%2\" has no sample line; expected \"sample: %3\".")
                                .arg(block->file, materialId, spec.image));
            continue;
        }
        if (block->samplePath != spec.image) {
            problems.append(tr("%1:%2: material \"%3\" shows %4, but the spec renders %5.")
                                .arg(block->file)
                                .arg(block->sampleLine + 1)
                                .arg(materialId, block->samplePath, spec.image));
        }
        if (block->marks != expected) {
            problems.append(
                tr("%1:%2: the marks of material \"%3\" differ from the rendered fields; expected:\n    %4")
                    .arg(block->file)
                    .arg(block->sampleLine + 1)
                    .arg(materialId, expected.join(u"\n    "_s)));
        }
    }
    return problems;
}

QStringList CatalogueMarks::unmarkedPoints(const SampleSpec &spec, const QList<MarkRegion> &marks) const
{
    QStringList unmarked;
    for (const QString &materialId : spec.materials) {
        const std::optional<Block> block = findBlock(materialId);
        if (!block) {
            continue;
        }
        for (const QString &pointId : block->pointIds) {
            const bool marked = std::any_of(marks.cbegin(), marks.cend(),
                [&](const MarkRegion &mark) { return mark.pointId == pointId; });
            if (!marked) {
                unmarked.append(u"%1.%2"_s.arg(materialId, pointId));
            }
        }
    }
    return unmarked;
}

Result<void> CatalogueMarks::update(const SampleSpec &spec, const QList<MarkRegion> &marks)
{
    for (const QString &materialId : spec.materials) {
        const std::optional<Block> block = findBlock(materialId);
        if (!block) {
            return fail(Error::Code::NotFound,
                tr("Material \"%1\" of the spec is not in the catalogue.").arg(materialId), spec.where);
        }
        QStringList &lines = m_files[block->file];
        qsizetype at = block->sampleLine;
        if (at < 0) {
            lines.insert(block->end, u"  sample: %1"_s.arg(spec.image));
            at = block->end;
        } else {
            const int indent = indentOf(lines.at(at));
            lines[at] = QString(indent, u' ') + u"sample: "_s + spec.image;
            // Drop the old marks (every deeper-indented line right under the sample line).
            while (
                at + 1 < lines.size() && isContent(lines.at(at + 1)) && indentOf(lines.at(at + 1)) > indent) {
                lines.removeAt(at + 1);
            }
        }
        const QString prefix(indentOf(lines.at(at)) + 2, u' ');
        for (qsizetype i = 0; i < marks.size(); ++i) {
            lines.insert(at + 1 + i, prefix + SampleLayout::markLine(marks.at(i)));
        }
        m_changed.insert(block->file);
    }
    return {};
}

Result<QStringList> CatalogueMarks::save() const
{
    QStringList written;
    for (const QString &path : m_order) {
        if (!m_changed.contains(path)) {
            continue;
        }
        const QByteArray bytes = m_files.value(path).join(u'\n').toUtf8();
        const Result<QByteArray> old = [&]() -> Result<QByteArray> {
            const Result<QString> text = TextFile::readUtf8(path);
            if (!text) {
                return failWith(text.error());
            }
            return text->toUtf8();
        }();
        if (old && *old == bytes) {
            continue;
        }
        if (Result<void> saved = TextFile::writeAtomically(path, bytes); !saved) {
            return failWith(saved.error());
        }
        written.append(path);
    }
    return written;
}

QList<QPair<QString, QString>> CatalogueMarks::sampleReferences() const
{
    QList<QPair<QString, QString>> references;
    for (const QString &path : m_order) {
        QString current;
        for (const QString &line : m_files.value(path)) {
            if (const QRegularExpressionMatch match = materialPattern().match(line); match.hasMatch()) {
                current = match.captured(1);
            } else if (const QRegularExpressionMatch sample = samplePattern().match(line);
                       sample.hasMatch() && !current.isEmpty()) {
                references.append({current, sample.captured(2)});
            }
        }
    }
    return references;
}

} // namespace ow::samplegen
