#pragma once

#include "cases/AttachmentStore.h"
#include "cases/ResultDocuments.h"
#include "core/Result.h"

class QPrinter;

namespace ow::documents {

/// A department's result document (the licence or 批文, a PDF the sync fetched into the attachment
/// store) printed at the pickup counter: the file's hash checked, then each page rendered with QtPdf
/// at the printer's resolution (at most 300 dpi) and fitted to the printable area, its proportions
/// kept. The counter prints the department's own file; nothing of it is laid out again.
class ResultDocumentPrinter
{
public:
    explicit ResultDocumentPrinter(const cases::AttachmentStore &files)
        : m_files(files)
    {
    }

    /// Prints every page on `printer` (set up by the print dialog, or a PDF file for tests); the
    /// pages printed. Fails, saying why, when the document is not fetched, its file is missing or
    /// damaged, QtPdf cannot read it, or the printer cannot start.
    Result<int> print(const cases::ResultDocument &document, QPrinter &printer) const;
    /// The document's pages, read with QtPdf.
    Result<int> pageCount(const cases::ResultDocument &document) const;
    /// A copy of the file under the department's name in `folder` (the system's PDF viewer goes by
    /// the name), replacing the copy made for the last document opened there; its path.
    Result<QString> viewableCopy(const cases::ResultDocument &document, const QString &folder) const;

private:
    /// The verified file of a fetched document.
    Result<QString> checkedPath(const cases::ResultDocument &document) const;

    const cases::AttachmentStore &m_files;
};

} // namespace ow::documents
