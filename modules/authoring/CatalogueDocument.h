#pragma once

#include "authoring/DocumentEdit.h"
#include "catalogue/TextTree.h"
#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <functional>
#include <memory>

namespace ow::authoring {

/// A catalogue folder open for editing (docs/editor.md): every file's text kept line by line, with
/// its own line ends, and parsed into nodes. An edit replaces only the lines of the node it is about,
/// so comments, blank lines, order and the files not touched stay exactly as written; saving writes
/// only the files whose text changed, each through a temporary file and a rename.
class CatalogueDocument
{
public:
    /// What `save()` wrote.
    struct SaveReport
    {
        QStringList written; ///< relative paths, in file order
        QStringList removed; ///< files made here and saved, then undone: taken off the disk again
    };
    /// Test seam: how a file is written (default: TextFile::writeAtomically).
    using Writer = std::function<Result<void>(const QString &path, const QByteArray &bytes)>;

    /// Reads catalogue.txt, departments.txt and the *.txt files of materials/, matters/ and bundles/
    /// (docs/catalogue-format.md §1). Fails only when the folder cannot be read at all; a file that is
    /// not UTF-8 is kept read-only (its bytes are never rewritten).
    static Result<std::unique_ptr<CatalogueDocument>> open(const QString &directory);

    const QString &directory() const { return m_directory; }
    /// Relative paths, in the order the loader reads them.
    QStringList files() const;
    bool contains(const QString &file) const { return m_files.contains(file); }
    bool isEditable(const QString &file) const;
    /// The current text of a file (without a byte-order mark), as the loader would read it.
    QString text(const QString &file) const;
    /// The current text of every file, by relative path: what the linter reads instead of the disk.
    QHash<QString, QString> texts() const;
    /// The text of every file as it was opened or last saved: the version changes are measured against.
    QHash<QString, QString> savedTexts() const;
    /// The parsed nodes of a file (lines in error are left out, as the loader leaves them).
    const QList<catalogue::TextNode> &nodes(const QString &file) const;
    /// The node whose keyword stands on `ref`'s line, or null.
    const catalogue::TextNode *node(const NodeRef &ref) const;
    /// The innermost node whose block holds `ref`'s line (a comment or attribute inside a question
    /// finds the question's attribute or the question), or an invalid ref.
    NodeRef nodeAt(const QString &file, int line) const;
    /// The node a node is written under (invalid at the top of its file).
    NodeRef parentOf(const NodeRef &ref) const;
    /// The text of one line (1-based), without its line end.
    QString lineText(const QString &file, int line) const;

    bool isModified() const;
    QStringList modifiedFiles() const;

    /// The edits an operation makes, worked out but not applied: apply() does, and the inverse undoes.
    Result<Edit> setValue(const NodeRef &ref, const QString &value) const;
    Result<Edit> setId(const NodeRef &ref, const QString &id) const;
    /// A block (lines indented relative to its first, two spaces per level) added as a child of
    /// `parent` (invalid: at the top of `file`) after the block of `after` (invalid: after the last
    /// child).
    Result<Edit> addBlock(
        const QString &file, const NodeRef &parent, const NodeRef &after, const QStringList &block) const;
    /// A block swapped with the sibling block before (up) or after (down) it, comments above it going
    /// along and the blank lines between them staying in place.
    Result<Edit> move(const NodeRef &ref, int direction) const;
    /// A block removed with the comments written right above it.
    Result<Edit> remove(const NodeRef &ref) const;

    /// A new file of the catalogue, `materials/`, `matters/` or `bundles/` NAME`.txt`, holding `lines`
    /// (without line ends; two spaces per level): the edit that creates it. Refused for a name the
    /// catalogue or the disk already has, so a new file never replaces one. Undoing the edit takes the
    /// file out of the catalogue again; saving writes it like any changed file.
    Result<Edit> createFile(const QString &file, const QStringList &lines) const;
    /// Whether `file` is a name createFile() accepts (the folder and the characters; not whether it exists).
    static bool isNewFileName(const QString &file);
    /// Whether a file was made here and is not on disk yet.
    bool isNew(const QString &file) const;
    /// The edit that turns a file's text into `text`: only the lines between the unchanged first and
    /// last ones are replaced, so a text worked out elsewhere (an imported table's lines) is applied
    /// as an ordinary edit.
    Result<Edit> replaceText(const QString &file, const QString &text) const;

    /// Applies an edit; refuses one whose lines are no longer those it replaces. An edit that adds
    /// lines to a file the catalogue lacks creates it (a createFile() edit done again); one that leaves
    /// a file made here empty takes it out again.
    Result<void> apply(const Edit &edit);

    /// Writes every changed file. A file changed on disk since it was opened (or last saved) is not
    /// overwritten: nothing is written and the error names it. A file that cannot be written keeps
    /// its old content, stays modified here, and the error names it.
    Result<SaveReport> save();

    void setWriter(Writer writer) { m_writer = std::move(writer); }

private:
    struct File
    {
        QByteArray savedBytes; ///< the bytes on disk when opened or last saved
        bool bom = false;
        bool editable = true;
        bool created = false; ///< made by createFile(), not read from the folder
        bool onDisk = true; ///< on disk as opened or last saved
        QString eol = QStringLiteral("\n"); ///< the file's usual line end, for new lines
        QString text;
        QList<catalogue::TextNode> roots;
        /// The lines of `text`, each with its own line end (the last may have none); split when first
        /// needed, since most files of a large catalogue are never edited.
        const QStringList &lineList() const;
        mutable QStringList lines;
        mutable bool linesReady = false;
    };

    CatalogueDocument() = default;
    void reparse(const QString &relative, File &file);
    QByteArray bytesOf(const File &file) const;
    const File *file(const QString &relative) const;
    /// The line end a new file takes: that of the files of its folder, else of the catalogue's first.
    QString lineEndFor(const QString &relative) const;
    /// Puts a new file into the loader's order (catalogue.txt, departments.txt, materials, matters,
    /// bundles, each by name).
    void insertInOrder(const QString &relative);
    Result<const catalogue::TextNode *> located(const NodeRef &ref) const;

    QString m_directory;
    QStringList m_order;
    QHash<QString, File> m_files;
    QSet<QString> m_touched; ///< files edited since they were opened or saved: only they can differ
    Writer m_writer;
};

} // namespace ow::authoring
