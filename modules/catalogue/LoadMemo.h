#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"
#include "catalogue/LoadContext.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace ow::catalogue {

/// What one load read from each file given as text, kept so that the next load of nearly the same
/// texts reads again only the files that changed: the editor loads the whole catalogue after every
/// edit, and re-reading a thousand untouched matters is most of that time. Immutable once a load has
/// made it, so it may be handed to a load on another thread. CatalogueLoader alone reads it.
struct LoadMemo
{
    /// What a matter file gave: its text, its matters (a range of the catalogue's list) and the
    /// diagnostics reading it reported.
    struct MatterFile
    {
        QString text;
        qsizetype first = 0;
        qsizetype count = 0;
        Diagnostics diagnostics;
    };

    QString directory;
    /// The load these records come from: its lists are shared by the next load, so the pointers in
    /// `lookups` stay valid.
    CataloguePtr catalogue;
    /// catalogue.txt, departments.txt and the material files, in reading order, each with its text;
    /// matters depend on them (material and department ids), so a change in any reads everything.
    QList<std::pair<QString, QString>> headFiles;
    bool headReusable = false; ///< every head file was given as text
    Diagnostics headDiagnostics;
    Lookups lookups; ///< departments and materials, pointing into `catalogue`
    QHash<QString, MatterFile> matterFiles; ///< only files given as text
};

} // namespace ow::catalogue
