#pragma once

#include "authoring/DocumentEdit.h"
#include "core/Result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ow::authoring {

class CatalogueDocument;

/// A new matter in a file of its own (新建事项): `matters/CODE.txt`, a name no file has yet, holding
/// a skeleton the loader reads (the matter's code, name, department and kind); the live lint then
/// says what the matter still lacks (its requirements).
class NewMatterFile
{
public:
    struct Fields
    {
        QString code;
        QString name;
        QString departmentId;
        bool immediate = false; ///< 即办件; else 承诺件 with `promisedDays`
        int promisedDays = 0;
    };

    /// The departments of the open catalogue as (id, name), in the order written.
    static QList<QPair<QString, QString>> departments(const CatalogueDocument &document);
    /// The codes of the matters of the open catalogue, in every file.
    static QStringList matterCodes(const CatalogueDocument &document);
    /// The file the matter goes into: `matters/CODE.txt`, or `matters/CODE-2.txt`… when the catalogue
    /// or the disk has that name already (nothing is ever overwritten).
    static QString fileFor(const CatalogueDocument &document, const QString &code);
    /// Why these fields cannot make a matter (translated), or nothing.
    static Result<void> check(const CatalogueDocument &document, const Fields &fields);
    /// The skeleton's lines.
    static QStringList lines(const Fields &fields);
    /// The edit that creates the file (checked first).
    static Result<Edit> edit(const CatalogueDocument &document, const Fields &fields);
};

} // namespace ow::authoring
