#pragma once

#include "catalogue/Catalogue.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ow::catalogue {

/// Why a checklist line is there: the answer that put it there (empty question = every situation).
struct Reason
{
    QString matterCode;
    QString questionId; ///< empty for a basic material (required in every situation)
    QString questionText;
    QString answerText; ///< the chosen option's label, or the number with its unit
    /// "经营场所类别：住宿场所" or "基本材料"
    QString toString() const;
    friend bool operator==(const Reason &, const Reason &) = default;
};

/// One line of the personalised checklist, with every attribute the clerk and the applicant need.
struct ChecklistLine
{
    QString materialId;
    QString name;
    MaterialCategory category = MaterialCategory::Other;
    QString source;
    MaterialForm form = MaterialForm::Original;
    int copies = 1;
    Medium medium = Medium::Paper;
    bool dataShared = false; ///< fetched by the hall; the applicant need not bring it
    bool waivable = false;
    QList<ReviewPoint> reviewPoints; ///< the material's, then each matter's extra points (tagged)
    QStringList commonErrors;
    QStringList prerequisites;
    QStringList notes;
    QList<Reason> reasons; ///< every answer that requires this line; deduplicated
    QStringList matterCodes; ///< the matters that use this line (one, except in bundles)
    QStringList matterNames; ///< their names, in the same order (what a bundle's papers print)
    const Material *material = nullptr;
};

/// The checklist of a situation, in catalogue order (first requirement that adds a line fixes its place).
struct Checklist
{
    QList<ChecklistLine> lines;
    const ChecklistLine *find(const QString &materialId) const;
    QStringList materialIds() const;
};

} // namespace ow::catalogue
