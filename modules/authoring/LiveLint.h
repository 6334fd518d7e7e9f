#pragma once

#include "authoring/DocumentEdit.h"
#include "catalogue/Catalogue.h"
#include "catalogue/CatalogueDiff.h"
#include "catalogue/Diagnostic.h"
#include "catalogue/LoadMemo.h"

#include <QHash>
#include <QList>

namespace ow::authoring {

class CatalogueDocument;

/// One finding of the loader or the linter, with the node of the open document it is about.
struct Problem
{
    catalogue::Diagnostic diagnostic;
    NodeRef node; ///< the innermost node holding the line (invalid when the finding names no line)
};

/// The linter run on an open document's current text, without writing it anywhere: the catalogue is
/// loaded from the document's texts (samples and forms from the folder), reading again only the files
/// whose text changed since the last run. After an edit of a matter file only that file's matters are
/// linted again; the findings of the other matters and of the material library are kept from the last
/// full run, which any other file's edit starts.
class LiveLint
{
public:
    explicit LiveLint(const CatalogueDocument &document);

    /// Loads and lints everything.
    void lintAll();
    /// After an edit of `file`.
    void relint(const QString &file);

    /// What one run found, from a snapshot of the texts.
    struct Run
    {
        catalogue::CataloguePtr catalogue;
        catalogue::Diagnostics loadFindings;
        catalogue::Diagnostics lintFindings;
        std::shared_ptr<const catalogue::LoadMemo> memo; ///< what was read, for the next run
    };
    /// The work of lintAll (`file` empty) or relint(file), on a snapshot of the document's texts and
    /// the linter's findings so far: it touches no document, so it may run on another thread while
    /// the author goes on typing; adopt() takes its result on the document's thread.
    /// `memo` is loadMemo() at the time: the files whose text it holds are not read again.
    static Run run(const QString &directory, const QHash<QString, QString> &texts, const QString &file,
        const catalogue::Diagnostics &lintFindings, std::shared_ptr<const catalogue::LoadMemo> memo = {});
    /// What run() should be given for an edit of `file` now: empty for a full run.
    QString runScope(const QString &file) const;
    const catalogue::Diagnostics &lintFindings() const { return m_lintFindings; }
    std::shared_ptr<const catalogue::LoadMemo> loadMemo() const { return m_memo; }
    void adopt(Run run);

    /// Loader's findings first, then the linter's, each group by file and line.
    const QList<Problem> &problems() const { return m_problems; }
    int errorCount() const;
    int warningCount() const;
    /// What the last run loaded (also when it has errors: as far as it could be read).
    catalogue::CataloguePtr catalogue() const { return m_catalogue; }

    /// Which situations gain or lose which materials between the catalogue as opened (or last saved)
    /// and the text now: what saving would change for the counters.
    static catalogue::CatalogueDiff pendingChanges(const CatalogueDocument &document);

private:
    void rebuild();

    const CatalogueDocument &m_document;
    catalogue::CataloguePtr m_catalogue;
    catalogue::Diagnostics m_loadFindings;
    catalogue::Diagnostics m_lintFindings;
    std::shared_ptr<const catalogue::LoadMemo> m_memo;
    QList<Problem> m_problems;
};

} // namespace ow::authoring
