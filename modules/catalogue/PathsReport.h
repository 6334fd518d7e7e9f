#pragma once

#include "catalogue/SituationEngine.h"

#include <QJsonObject>

namespace ow::catalogue {

/// Every situation of every matter with its checklist, in a deterministic order: the golden output
/// of a catalogue release (`onewindow-cli catalogue paths`).
class PathsReport
{
public:
    explicit PathsReport(const SituationEngine &engine)
        : m_engine(engine)
    {
    }

    /// Matters in catalogue order; `matterCode` narrows to one matter (empty = all).
    QString text(const QString &matterCode = {}) const;
    QJsonObject json(const QString &matterCode = {}) const;
    /// Bundles in catalogue order, each situation a combination of its matters' (BundleSituations)
    /// with the merged checklist, each line naming the matters it serves; `bundleId` narrows to one
    /// bundle (empty = all). Apart from the matters: the combinations multiply, so they are asked for.
    QString bundlesText(const QString &bundleId = {}) const;
    QJsonObject bundlesJson(const QString &bundleId = {}) const;

    /// One checklist line as text: "id-card 居民身份证 | verify original, keep copy ×1 | paper | waivable".
    static QString lineText(const ChecklistLine &line);
    static QJsonObject lineJson(const ChecklistLine &line);
    /// A screening outcome as text: "not-required: REASON" or "refer CODE NAME: REASON".
    static QString outcomeText(const ScreeningOutcome &outcome, const Catalogue &catalogue);
    static QJsonObject outcomeJson(const ScreeningOutcome &outcome, const Catalogue &catalogue);

    static constexpr int kSituationLimit = 10000;

private:
    QList<const Matter *> selected(const QString &matterCode) const;
    QList<const Bundle *> selectedBundles(const QString &bundleId) const;
    QString bundleText(const Bundle &bundle) const;
    QJsonObject bundleJson(const Bundle &bundle) const;

    const SituationEngine &m_engine;
};

} // namespace ow::catalogue
