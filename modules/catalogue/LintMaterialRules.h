#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace ow::catalogue {

/// The linter's rules for the material library: unused materials, missing review points, the
/// "4 × 100%" rule, catch-all names and sample images that do not decode.
class LintMaterialRules
{
public:
    /// `usedMaterialIds`: every material that appears on some checklist of some matter.
    LintMaterialRules(const Catalogue &catalogue, const QSet<QString> &usedMaterialIds, Diagnostics &out);

    void run();

    /// Whether a material name is a catch-all (其他材料, 相关证明, …等) rather than a document's own name.
    static bool isVagueName(const QString &name);
    /// Whether the PNG or JPEG file decodes whole: not cut short, not damaged inside.
    static bool decodesWhole(const QString &path);

private:
    void checkMaterial(const Material &material);
    void checkSampleImage(const Material &material);
    void warn(const QString &rule, const QString &message, const SourceLocation &where);

    const Catalogue &m_catalogue;
    const QSet<QString> &m_used;
    Diagnostics &m_out;
    QHash<QString, bool> m_decoded; ///< per sample path: materials may share one image
};

} // namespace ow::catalogue
