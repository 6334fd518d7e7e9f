#pragma once

// Catalogues of one large matter, written into a temporary folder, for measuring how lint and
// `catalogue paths` grow with the size of a matter (bench_lintScale): many chained questions, many
// conditional requirement lines, one question with very many options.

#include "catalogue/CatalogueLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <memory>

namespace ow::bench {

enum class LargeShape
{
    ChainedQuestions, ///< n single-choice questions, each asked when the one before was answered "yes"
    AnsweredChain, ///< n single-choice questions, each asked once the one before is answered: 2^n situations
    ConditionalRequirements, ///< four questions of four options and n `require … when:` lines
    ManyOptions, ///< one single-choice question with n options, each requiring one of 50 materials
};

/// Writes the catalogue of one matter of the given shape and size into `dir`; false when it could not.
inline bool writeLargeMatter(const QString &dir, LargeShape shape, int n)
{
    auto write = [&](const QString &relative, const QString &text) {
        QDir().mkpath(QFileInfo(dir + QLatin1Char('/') + relative).path());
        QFile file(dir + QLatin1Char('/') + relative);
        return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
    };
    QString materials;
    for (int m = 0; m < 50; ++m)
        materials += QStringLiteral("material m%1: 材料%1\n  category: other\n  form-point p: 核对\n").arg(m);
    QString matter = QStringLiteral("matter L-001: 大事项\n  department: d\n  promised-days: 5\n\n");
    switch (shape) {
    case LargeShape::ChainedQuestions:
        for (int q = 0; q < n; ++q) {
            matter += QStringLiteral("  question q%1: 问题%1？\n").arg(q);
            if (q > 0)
                matter += QStringLiteral("    when: q%1 = yes\n").arg(q - 1);
            matter += QStringLiteral("    option yes: 是\n    option no: 否\n      materials: m%1\n")
                          .arg(q % 50);
        }
        break;
    case LargeShape::AnsweredChain:
        for (int q = 0; q < n; ++q) {
            matter += QStringLiteral("  question q%1: 问题%1？\n").arg(q);
            if (q > 0)
                matter += QStringLiteral("    when: answered(q%1)\n").arg(q - 1);
            matter += QStringLiteral("    option yes: 是\n    option no: 否\n      materials: m%1\n")
                          .arg(q % 50);
        }
        break;
    case LargeShape::ConditionalRequirements:
        for (int q = 0; q < 4; ++q) {
            matter += QStringLiteral("  question q%1: 问题%1？\n").arg(q);
            for (int o = 0; o < 4; ++o)
                matter += QStringLiteral("    option o%1: 选项%1\n").arg(o);
        }
        for (int r = 0; r < n; ++r)
            matter += QStringLiteral("  require m%1\n    when: q%2 = o%3 or q%4 != o%5\n")
                          .arg(r % 50)
                          .arg(r % 4)
                          .arg((r / 4) % 4)
                          .arg((r + 1) % 4)
                          .arg((r / 16) % 4);
        break;
    case LargeShape::ManyOptions:
        matter += QStringLiteral("  question kind: 哪一类？\n");
        for (int o = 0; o < n; ++o)
            matter += QStringLiteral("    option k%1: 类别%1\n      materials: m%2\n").arg(o).arg(o % 50);
        break;
    }
    matter += QStringLiteral("  require m0\n");
    return write(QStringLiteral("catalogue.txt"),
               QStringLiteral("catalogue big: 大目录\n  version: 1\n  issued: 2026-01-01\n"))
        && write(QStringLiteral("departments.txt"), QStringLiteral("department d: 部门\n"))
        && write(QStringLiteral("materials/m.txt"), materials)
        && write(QStringLiteral("matters/l.txt"), matter);
}

/// A temporary folder holding the catalogue of one large matter; it is removed when dropped.
inline std::unique_ptr<QTemporaryDir> largeMatterDir(LargeShape shape, int n)
{
    auto dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid() || !writeLargeMatter(dir->path(), shape, n))
        return nullptr;
    return dir;
}

} // namespace ow::bench
