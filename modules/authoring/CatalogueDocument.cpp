#include "authoring/CatalogueDocument.h"

#include "authoring/NodeBlocks.h"
#include "core/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <algorithm>

namespace ow::authoring {

using catalogue::TextNode;
using catalogue::TextTree;

namespace {

const QList<TextNode> &noNodes()
{
    static const QList<TextNode> none;
    return none;
}

QString lineEndOf(const QString &line)
{
    return line.mid(NodeBlocks::withoutLineEnd(line).size());
}

// Keeps each line's own end, adds `eol` to lines without one and, when the replaced lines ended the
// file without a line end, leaves the new last line without one too.
QStringList ended(QStringList lines, const QString &eol, bool lastWithout)
{
    for (QString &line : lines)
        if (lineEndOf(line).isEmpty())
            line += eol;
    if (lastWithout && !lines.isEmpty())
        lines.last() = NodeBlocks::withoutLineEnd(lines.last());
    return lines;
}

// The lines of a text, each with its own line end (the last may have none).
QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            lines.append(text.mid(start));
            break;
        }
        lines.append(text.mid(start, end + 1 - start));
        start = end + 1;
    }
    return lines;
}

// Where a file stands in the loader's order: the two top files, then materials, matters, bundles.
int folderRank(const QString &relative)
{
    if (relative == u"catalogue.txt")
        return 0;
    if (relative == u"departments.txt")
        return 1;
    if (relative.startsWith(u"materials/"))
        return 2;
    if (relative.startsWith(u"matters/"))
        return 3;
    return 4;
}

bool hasLineBreak(const QString &text)
{
    return text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

} // namespace

Result<std::unique_ptr<CatalogueDocument>> CatalogueDocument::open(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::authoring", "the catalogue folder does not exist"), {directory});
    std::unique_ptr<CatalogueDocument> document(new CatalogueDocument);
    document->m_directory = dir.absolutePath();
    QStringList relatives;
    for (const char *name : {"catalogue.txt", "departments.txt"})
        if (dir.exists(QLatin1StringView(name)))
            relatives.append(QLatin1StringView(name));
    for (const char *folder : {"materials", "matters", "bundles"}) {
        QStringList names = QDir(dir.filePath(QLatin1StringView(folder)))
                                .entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::NoSort);
        std::sort(names.begin(), names.end());
        for (const QString &name : names)
            relatives.append(QLatin1StringView(folder) + QLatin1Char('/') + name);
    }
    for (const QString &relative : relatives) {
        QFile source(dir.filePath(relative));
        if (!source.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::authoring", "cannot read the file: %1")
                    .arg(source.errorString()),
                {relative});
        File file;
        file.savedBytes = source.readAll();
        QByteArray bytes = file.savedBytes;
        if (bytes.startsWith("\xEF\xBB\xBF")) {
            file.bom = true;
            bytes.remove(0, 3);
        }
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(bytes);
        // A file that is not UTF-8 cannot be written back as it was: it is shown, never rewritten.
        file.editable = !decoder.hasError();
        file.text = text;
        const qsizetype crlf = text.count(QStringLiteral("\r\n"));
        file.eol
            = crlf > text.count(QLatin1Char('\n')) - crlf ? QStringLiteral("\r\n") : QStringLiteral("\n");
        document->reparse(relative, file);
        document->m_files.insert(relative, std::move(file));
        document->m_order.append(relative);
    }
    return document;
}

const QStringList &CatalogueDocument::File::lineList() const
{
    if (linesReady)
        return lines;
    lines = splitLines(text);
    linesReady = true;
    return lines;
}

void CatalogueDocument::reparse(const QString &relative, File &file)
{
    file.roots = TextTree::parse(file.text, relative).roots;
}

const CatalogueDocument::File *CatalogueDocument::file(const QString &relative) const
{
    const auto it = m_files.constFind(relative);
    return it == m_files.constEnd() ? nullptr : &it.value();
}

QStringList CatalogueDocument::files() const
{
    return m_order;
}

bool CatalogueDocument::isEditable(const QString &relative) const
{
    const File *f = file(relative);
    return f && f->editable;
}

QString CatalogueDocument::text(const QString &relative) const
{
    const File *f = file(relative);
    return f ? f->text : QString();
}

QHash<QString, QString> CatalogueDocument::texts() const
{
    QHash<QString, QString> all;
    all.reserve(m_files.size());
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        all.insert(it.key(), it->text);
    return all;
}

QHash<QString, QString> CatalogueDocument::savedTexts() const
{
    QHash<QString, QString> all;
    all.reserve(m_files.size());
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (!it->onDisk)
            continue;
        QByteArray bytes = it->savedBytes;
        if (it->bom)
            bytes.remove(0, 3);
        all.insert(it.key(), QString::fromUtf8(bytes));
    }
    return all;
}

const QList<TextNode> &CatalogueDocument::nodes(const QString &relative) const
{
    const File *f = file(relative);
    return f ? f->roots : noNodes();
}

const TextNode *CatalogueDocument::node(const NodeRef &ref) const
{
    const File *f = file(ref.file);
    if (!f)
        return nullptr;
    return NodeBlocks(f->lineList(), f->roots).find(ref.line).node;
}

NodeRef CatalogueDocument::nodeAt(const QString &relative, int line) const
{
    const File *f = file(relative);
    if (!f)
        return {};
    const TextNode *found = NodeBlocks(f->lineList(), f->roots).innermostAt(line);
    return found ? NodeRef {relative, found->where.line} : NodeRef {};
}

NodeRef CatalogueDocument::parentOf(const NodeRef &ref) const
{
    const File *f = file(ref.file);
    if (!f)
        return {};
    const NodeBlocks::Found found = NodeBlocks(f->lineList(), f->roots).find(ref.line);
    return found.parent ? NodeRef {ref.file, found.parent->where.line} : NodeRef {};
}

QString CatalogueDocument::lineText(const QString &relative, int line) const
{
    const File *f = file(relative);
    if (!f || line < 1 || line > f->lineList().size())
        return {};
    return NodeBlocks::withoutLineEnd(f->lineList().at(line - 1));
}

QByteArray CatalogueDocument::bytesOf(const File &file) const
{
    QByteArray bytes = file.text.toUtf8();
    if (file.bom)
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}

bool CatalogueDocument::isModified() const
{
    return !modifiedFiles().isEmpty();
}

QStringList CatalogueDocument::modifiedFiles() const
{
    QStringList modified;
    for (const QString &relative : m_order) {
        if (!m_touched.contains(relative))
            continue;
        const File &f = m_files[relative];
        if (f.editable && bytesOf(f) != f.savedBytes)
            modified.append(relative);
    }
    return modified;
}

Result<const TextNode *> CatalogueDocument::located(const NodeRef &ref) const
{
    const File *f = file(ref.file);
    if (!f)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::authoring", "the catalogue has no such file"), {ref.file});
    if (!f->editable)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring",
                "this file is not UTF-8 text, so it cannot be edited here; save it as UTF-8 first"),
            {ref.file});
    const TextNode *found = node(ref);
    if (!found)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::authoring", "no entry starts on this line"),
            {ref.file, ref.line});
    return found;
}

Result<Edit> CatalogueDocument::setValue(const NodeRef &ref, const QString &value) const
{
    const Result<const TextNode *> found = located(ref);
    if (!found)
        return failWith(found.error());
    if (hasLineBreak(value))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring", "a value is one line; it cannot hold a line break"),
            {ref.file, ref.line});
    const TextNode &node = **found;
    const QString &line = file(ref.file)->lineList().at(ref.line - 1);
    const QString content = NodeBlocks::withoutLineEnd(line);
    const QString trimmed = value.trimmed();
    QString head;
    if (node.hasValue) {
        // The spacing the author put after the colon is kept.
        head = content.left(node.valueColumn - 1);
        // A value typed into an empty `keyword:` line (an attribute just added) gets the one space.
        if (node.value.isEmpty() && !trimmed.isEmpty() && !head.endsWith(QLatin1Char(' ')))
            head += QLatin1Char(' ');
    } else {
        QString kept = content;
        while (!kept.isEmpty() && kept.back().isSpace())
            kept.chop(1);
        head = kept + (trimmed.isEmpty() ? QStringLiteral(":") : QStringLiteral(": "));
    }
    QString replaced = head + trimmed;
    if (trimmed.isEmpty())
        while (!replaced.isEmpty() && replaced.back().isSpace())
            replaced.chop(1);
    Edit edit {ref.file, ref.line - 1, {line}, {replaced + lineEndOf(line)}, ref, ref};
    return edit;
}

Result<Edit> CatalogueDocument::setId(const NodeRef &ref, const QString &id) const
{
    const Result<const TextNode *> found = located(ref);
    if (!found)
        return failWith(found.error());
    const TextNode &node = **found;
    const QString newId = id.trimmed();
    if (newId.isEmpty() || hasLineBreak(newId) || newId.contains(QLatin1Char(' ')))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::authoring", "an id is one word of ASCII letters, digits, '-', '_' and '.'"),
            {ref.file, ref.line});
    const QString &line = file(ref.file)->lineList().at(ref.line - 1);
    const QString content = NodeBlocks::withoutLineEnd(line);
    const qsizetype keywordEnd = node.where.column - 1 + node.keyword.size();
    QString replaced;
    if (node.id.isEmpty()) {
        replaced = content.left(keywordEnd) + QLatin1Char(' ') + newId + content.mid(keywordEnd);
    } else {
        const qsizetype idStart = content.indexOf(node.id, keywordEnd);
        replaced = content.left(idStart) + newId + content.mid(idStart + node.id.size());
    }
    return Edit {ref.file, ref.line - 1, {line}, {replaced + lineEndOf(line)}, ref, ref};
}

Result<Edit> CatalogueDocument::addBlock(
    const QString &relative, const NodeRef &parent, const NodeRef &after, const QStringList &block) const
{
    const File *f = file(relative);
    if (!f)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::authoring", "the catalogue has no such file"), {relative});
    if (!f->editable)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring",
                "this file is not UTF-8 text, so it cannot be edited here; save it as UTF-8 first"),
            {relative});
    if (block.isEmpty() || block.first().trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring", "an entry to add needs its first line"), {relative});
    for (const QString &line : block)
        if (hasLineBreak(line))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::authoring", "give the entry's lines one by one, without line breaks"),
                {relative});
    const NodeBlocks blocks(f->lineList(), f->roots);
    const QList<TextNode> *siblings = &f->roots;
    int indent = 0;
    int insertAt = int(f->lineList().size());
    if (parent.isValid()) {
        const Result<const TextNode *> found = located(parent);
        if (!found)
            return failWith(found.error());
        siblings = &(*found)->children;
        indent = blocks.indentOf(parent.line - 1) + 2;
        insertAt = blocks.blockEnd(**found) + 1;
    }
    if (!siblings->isEmpty())
        indent = blocks.indentOf(siblings->first().where.line - 1);
    const TextNode *previous = siblings->isEmpty() ? nullptr : &siblings->last();
    if (after.isValid()) {
        const auto it = std::find_if(siblings->cbegin(), siblings->cend(),
            [&](const TextNode &sibling) { return sibling.where.line == after.line; });
        if (it == siblings->cend())
            return fail(Error::Code::NotFound,
                QCoreApplication::translate(
                    "ow::authoring", "the entry to add after is not among the entry's siblings"),
                {relative, after.line});
        previous = &*it;
        insertAt = blocks.blockEnd(*it) + 1;
    } else if (!parent.isValid() && previous) {
        insertAt = blocks.blockEnd(*previous) + 1;
    }

    // The new lines take the indentation of their siblings (two spaces a level deeper than the
    // parent when there are none), the file's line end, and a blank line before them where the
    // siblings are kept apart by one.
    const QString spaces(indent, QLatin1Char(' '));
    QStringList lines;
    if (previous && blocks.blockStart(*previous) > 0 && blocks.isBlank(blocks.blockStart(*previous) - 1))
        lines.append(QString());
    else if (!previous && !parent.isValid() && insertAt > 0 && !blocks.isBlank(insertAt - 1))
        lines.append(QString());
    const int nodeOffset = int(lines.size());
    for (const QString &line : block)
        lines.append(line.trimmed().isEmpty() ? QString() : spaces + line);

    // Inserting after a last line that has no line end gives that line one.
    int first = insertAt;
    QStringList removed;
    const bool atEndWithout
        = insertAt == f->lineList().size() && insertAt > 0 && lineEndOf(f->lineList().last()).isEmpty();
    if (atEndWithout) {
        first = insertAt - 1;
        removed.append(f->lineList().last());
        lines.prepend(f->lineList().last());
    }
    Edit edit;
    edit.file = relative;
    edit.first = first;
    edit.removed = removed;
    edit.inserted = ended(lines, f->eol, atEndWithout);
    edit.focus = {relative, insertAt + nodeOffset + 1};
    edit.focusBefore = parent.isValid() ? parent : (after.isValid() ? after : NodeRef {});
    return edit;
}

Result<Edit> CatalogueDocument::move(const NodeRef &ref, int direction) const
{
    const Result<const TextNode *> found = located(ref);
    if (!found)
        return failWith(found.error());
    const File *f = file(ref.file);
    const NodeBlocks blocks(f->lineList(), f->roots);
    const NodeBlocks::Found place = blocks.find(ref.line);
    const qsizetype otherIndex = place.index + (direction < 0 ? -1 : 1);
    if (otherIndex < 0 || otherIndex >= place.siblings->size())
        return fail(Error::Code::Invalid,
            direction < 0
                ? QCoreApplication::translate("ow::authoring", "this entry is already the first of its block")
                : QCoreApplication::translate("ow::authoring", "this entry is already the last of its block"),
            {ref.file, ref.line});
    const TextNode &upper = direction < 0 ? place.siblings->at(otherIndex) : *place.node;
    const TextNode &lower = direction < 0 ? *place.node : place.siblings->at(otherIndex);
    const int upperStart = blocks.blockStart(upper);
    const int upperEnd = blocks.blockEnd(upper);
    const int lowerStart = blocks.blockStart(lower);
    const int lowerEnd = blocks.blockEnd(lower);

    const QStringList upperLines = f->lineList().mid(upperStart, upperEnd - upperStart + 1);
    const QStringList gap = f->lineList().mid(upperEnd + 1, lowerStart - upperEnd - 1);
    const QStringList lowerLines = f->lineList().mid(lowerStart, lowerEnd - lowerStart + 1);
    const QStringList removed = f->lineList().mid(upperStart, lowerEnd - upperStart + 1);
    const bool lastWithout
        = lowerEnd == f->lineList().size() - 1 && lineEndOf(f->lineList().last()).isEmpty();
    const QStringList inserted = ended(lowerLines + gap + upperLines, f->eol, lastWithout);

    // Where the moved node's own line lands.
    int newLine = 0;
    if (direction < 0)
        newLine = upperStart + (ref.line - 1 - lowerStart) + 1;
    else
        newLine = upperStart + int(lowerLines.size() + gap.size()) + (ref.line - 1 - upperStart) + 1;
    return Edit {ref.file, upperStart, removed, inserted, {ref.file, newLine}, ref};
}

Result<Edit> CatalogueDocument::remove(const NodeRef &ref) const
{
    const Result<const TextNode *> found = located(ref);
    if (!found)
        return failWith(found.error());
    const File *f = file(ref.file);
    const NodeBlocks blocks(f->lineList(), f->roots);
    int start = blocks.blockStart(**found);
    int end = blocks.blockEnd(**found);
    // A block set apart by blank lines takes one of them along, so no double gap is left.
    const bool blankBefore = start > 0 && blocks.isBlank(start - 1);
    const bool blankAfter = end + 1 < f->lineList().size() && blocks.isBlank(end + 1);
    if (blankBefore && (blankAfter || end + 1 == f->lineList().size()))
        --start;
    const QStringList removed = f->lineList().mid(start, end - start + 1);
    QStringList inserted;
    int first = start;
    QStringList taken = removed;
    // Removing the last lines of a file whose last line has no line end: the new last line loses its own.
    if (end == f->lineList().size() - 1 && lineEndOf(f->lineList().last()).isEmpty() && start > 0) {
        first = start - 1;
        taken.prepend(f->lineList().at(start - 1));
        inserted.append(NodeBlocks::withoutLineEnd(f->lineList().at(start - 1)));
    }
    const NodeBlocks::Found place = blocks.find(ref.line);
    NodeRef after;
    if (place.parent)
        after = {ref.file, place.parent->where.line};
    return Edit {ref.file, first, taken, inserted, after, ref};
}

Result<void> CatalogueDocument::apply(const Edit &edit)
{
    auto it = m_files.find(edit.file);
    if (it == m_files.end()) {
        // A file made here, whose making is done again (redo).
        if (edit.first != 0 || !edit.removed.isEmpty() || edit.inserted.isEmpty()
            || !isNewFileName(edit.file))
            return fail(Error::Code::NotFound,
                QCoreApplication::translate("ow::authoring", "the catalogue has no such file"), {edit.file});
        File made;
        made.created = true;
        made.onDisk = false;
        made.eol = lineEndFor(edit.file);
        made.linesReady = true;
        it = m_files.insert(edit.file, std::move(made));
        insertInOrder(edit.file);
    }
    File &f = it.value();
    if (!f.editable)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring", "this file cannot be edited here"), {edit.file});
    const QStringList &lines = f.lineList();
    if (edit.first < 0 || edit.first + edit.removed.size() > lines.size()
        || lines.mid(edit.first, edit.removed.size()) != edit.removed)
        return fail(Error::Code::Internal,
            QCoreApplication::translate(
                "ow::authoring", "the file's lines are no longer those this change was made for"),
            {edit.file, edit.first + 1});
    f.lines.remove(edit.first, edit.removed.size());
    for (qsizetype i = 0; i < edit.inserted.size(); ++i)
        f.lines.insert(edit.first + i, edit.inserted.at(i));
    f.text = f.lines.join(QString());
    if (f.created && !f.onDisk && f.text.isEmpty()) {
        // Its making undone: the file leaves the catalogue as if it had never been.
        m_files.erase(it);
        m_order.removeAll(edit.file);
        m_touched.remove(edit.file);
        return {};
    }
    reparse(edit.file, f);
    m_touched.insert(edit.file);
    return {};
}

bool CatalogueDocument::isNewFileName(const QString &relative)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(materials|matters|bundles)/[A-Za-z0-9][A-Za-z0-9._-]*\\.txt$"));
    return pattern.match(relative).hasMatch() && !relative.contains(u"..");
}

bool CatalogueDocument::isNew(const QString &relative) const
{
    const File *f = file(relative);
    return f && !f->onDisk;
}

QString CatalogueDocument::lineEndFor(const QString &relative) const
{
    const QString folder = relative.section(QLatin1Char('/'), 0, 0) + QLatin1Char('/');
    for (const QString &other : m_order)
        if (other.startsWith(folder))
            return m_files[other].eol;
    return m_order.isEmpty() ? QStringLiteral("\n") : m_files[m_order.first()].eol;
}

void CatalogueDocument::insertInOrder(const QString &relative)
{
    const auto before = [](const QString &a, const QString &b) {
        const int rankA = folderRank(a);
        const int rankB = folderRank(b);
        return rankA != rankB ? rankA < rankB : a < b;
    };
    qsizetype at = 0;
    while (at < m_order.size() && before(m_order.at(at), relative))
        ++at;
    m_order.insert(at, relative);
}

Result<Edit> CatalogueDocument::createFile(const QString &relative, const QStringList &lines) const
{
    if (!isNewFileName(relative))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring",
                "a new file goes into materials/, matters/ or bundles/ and is named with ASCII letters, "
                "digits, '-', '_' and '.', ending in .txt"),
            {relative});
    if (m_files.contains(relative) || QFileInfo::exists(QDir(m_directory).filePath(relative)))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring",
                "the catalogue already has a file of this name; a new file never replaces one"),
            {relative});
    if (lines.isEmpty() || lines.first().trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring", "an entry to add needs its first line"), {relative});
    for (const QString &line : lines)
        if (hasLineBreak(line))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::authoring", "give the entry's lines one by one, without line breaks"),
                {relative});
    Edit edit;
    edit.file = relative;
    edit.inserted = ended(lines, lineEndFor(relative), false);
    int first = 0;
    while (first < lines.size()
        && (lines.at(first).trimmed().isEmpty() || lines.at(first).trimmed().startsWith(QLatin1Char('#'))))
        ++first;
    edit.focus = {relative, first + 1};
    return edit;
}

Result<Edit> CatalogueDocument::replaceText(const QString &relative, const QString &text) const
{
    const File *f = file(relative);
    if (!f)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::authoring", "the catalogue has no such file"), {relative});
    if (!f->editable)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::authoring",
                "this file is not UTF-8 text, so it cannot be edited here; save it as UTF-8 first"),
            {relative});
    const QStringList &before = f->lineList();
    const QStringList after = splitLines(text);
    qsizetype head = 0;
    while (head < before.size() && head < after.size() && before.at(head) == after.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
        && before.at(before.size() - 1 - tail) == after.at(after.size() - 1 - tail))
        ++tail;
    Edit edit;
    edit.file = relative;
    edit.first = int(head);
    edit.removed = before.mid(head, before.size() - head - tail);
    edit.inserted = after.mid(head, after.size() - head - tail);
    return edit;
}

Result<CatalogueDocument::SaveReport> CatalogueDocument::save()
{
    const QStringList modified = modifiedFiles();
    const QDir dir(m_directory);
    // First every check, then every write: a conflict found halfway must not leave half a save.
    for (const QString &relative : modified) {
        QFile onDisk(dir.filePath(relative));
        QByteArray current;
        if (onDisk.open(QIODevice::ReadOnly))
            current = onDisk.readAll();
        else if (onDisk.exists())
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::authoring", "cannot read the file to check it: %1")
                    .arg(onDisk.errorString()),
                {relative});
        if (current != m_files[relative].savedBytes)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::authoring",
                    "the file was changed on disk since it was opened here; nothing was saved, so that "
                    "neither change is lost. Compare the two, then open the catalogue again"),
                {relative});
    }
    const Writer writer = m_writer ? m_writer : Writer(&TextFile::writeAtomically);
    SaveReport report;
    for (const QString &relative : modified) {
        File &f = m_files[relative];
        if (f.created && f.text.isEmpty()) {
            // Made here and saved, then undone: the file goes from the disk again.
            if (!QFile::remove(dir.filePath(relative)) && QFileInfo::exists(dir.filePath(relative)))
                return fail(Error::Code::Io,
                    QCoreApplication::translate("ow::authoring", "the file could not be removed"),
                    {relative});
            m_files.remove(relative);
            m_order.removeAll(relative);
            m_touched.remove(relative);
            report.removed.append(relative);
            continue;
        }
        const QByteArray bytes = bytesOf(f);
        if (!f.onDisk)
            QDir().mkpath(QFileInfo(dir.filePath(relative)).absolutePath());
        if (Result<void> written = writer(dir.filePath(relative), bytes); !written) {
            QString message = QCoreApplication::translate(
                "ow::authoring", "the file could not be written and keeps its old content: %1")
                                  .arg(written.error().message());
            if (!report.written.isEmpty())
                message += QLatin1Char(' ')
                    + QCoreApplication::translate("ow::authoring", "(saved before it: %1)")
                          .arg(report.written.join(QStringLiteral(", ")));
            return fail(Error::Code::Io, message, {relative});
        }
        f.savedBytes = bytes;
        f.onDisk = true;
        m_touched.remove(relative);
        report.written.append(relative);
    }
    return report;
}

} // namespace ow::authoring
