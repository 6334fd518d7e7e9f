#include "catalogue/PathsReport.h"

#include "catalogue/BundleSituations.h"
#include "catalogue/MatterLimits.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::catalogue {

QList<const Matter *> PathsReport::selected(const QString &matterCode) const
{
    QList<const Matter *> matters;
    for (const Matter &matter : m_engine.catalogue().matters)
        if (matterCode.isEmpty() || matter.code == matterCode)
            matters.append(&matter);
    return matters;
}

QList<const Bundle *> PathsReport::selectedBundles(const QString &bundleId) const
{
    QList<const Bundle *> bundles;
    for (const Bundle &bundle : m_engine.catalogue().bundles)
        if (bundleId.isEmpty() || bundle.id == bundleId)
            bundles.append(&bundle);
    return bundles;
}

QString PathsReport::bundleText(const Bundle &bundle) const
{
    bool truncated = false;
    const QList<BundleSituation> situations
        = BundleSituations(m_engine).of(bundle, kSituationLimit, &truncated);
    QString out = QStringLiteral("\nbundle %1 %2\n").arg(bundle.id, bundle.name);
    for (qsizetype i = 0; i < situations.size(); ++i) {
        const BundleSituation &situation = situations.at(i);
        QStringList keys;
        QStringList paths;
        for (qsizetype m = 0; m < situation.keys.size(); ++m) {
            const QString &code = bundle.members.at(m).matterCode;
            keys.append(code + QLatin1Char(' ')
                + (situation.keys.at(m).isEmpty() ? QStringLiteral("-") : situation.keys.at(m)));
            if (!situation.paths.at(m).isEmpty())
                paths.append(code + QLatin1Char(' ') + situation.paths.at(m).join(QStringLiteral(" › ")));
        }
        out += QStringLiteral("  situation %1/%2: %3\n")
                   .arg(i + 1)
                   .arg(situations.size())
                   .arg(keys.join(QStringLiteral(" | ")));
        if (!paths.isEmpty())
            out += QStringLiteral("    path: %1\n").arg(paths.join(QStringLiteral(" | ")));
        for (const ChecklistLine &line : situation.checklist.lines)
            out += QStringLiteral("    - ") + lineText(line) + QStringLiteral(" | ")
                + QCoreApplication::translate("ow::catalogue", "for %1")
                      .arg(line.matterCodes.join(QStringLiteral(", ")))
                + QLatin1Char('\n');
    }
    if (truncated)
        out += QStringLiteral("  ")
            + QCoreApplication::translate("ow::catalogue", "(stopped after %1 situations)")
                  .arg(situations.size())
            + QLatin1Char('\n');
    return out;
}

QJsonObject PathsReport::bundleJson(const Bundle &bundle) const
{
    bool truncated = false;
    QJsonArray situations;
    for (const BundleSituation &situation :
        BundleSituations(m_engine).of(bundle, kSituationLimit, &truncated)) {
        QJsonArray matters;
        for (qsizetype m = 0; m < situation.keys.size(); ++m)
            matters.append(QJsonObject {{QStringLiteral("code"), bundle.members.at(m).matterCode},
                {QStringLiteral("key"), situation.keys.at(m)},
                {QStringLiteral("path"), QJsonArray::fromStringList(situation.paths.at(m))}});
        QJsonArray lines;
        for (const ChecklistLine &line : situation.checklist.lines)
            lines.append(lineJson(line));
        situations.append(
            QJsonObject {{QStringLiteral("matters"), matters}, {QStringLiteral("checklist"), lines}});
    }
    return QJsonObject {{QStringLiteral("id"), bundle.id}, {QStringLiteral("name"), bundle.name},
        {QStringLiteral("truncated"), truncated}, {QStringLiteral("situations"), situations}};
}

QString PathsReport::lineText(const ChecklistLine &line)
{
    QStringList parts;
    parts << line.materialId + QLatin1Char(' ') + line.name;
    // The applicant brings nothing of a data-shared material: a form, copies and medium would read
    // as a paper to hand in.
    if (line.dataShared) {
        parts << QCoreApplication::translate(
            "ow::catalogue", "not handed in (data sharing, fetched by the counter)");
    } else {
        parts << QStringLiteral("%1 ×%2").arg(displayName(line.form)).arg(line.copies);
        parts << displayName(line.medium);
    }
    if (line.waivable)
        parts << QCoreApplication::translate("ow::catalogue", "waivable");
    return parts.join(QStringLiteral(" | "));
}

QJsonObject PathsReport::lineJson(const ChecklistLine &line)
{
    QJsonArray reasons;
    for (const Reason &reason : line.reasons) {
        QJsonObject r {{QStringLiteral("matter"), reason.matterCode}};
        if (!reason.questionId.isEmpty()) {
            r.insert(QStringLiteral("question"), reason.questionId);
            r.insert(QStringLiteral("answer"), reason.answerText);
        }
        reasons.append(r);
    }
    QJsonArray points;
    for (const ReviewPoint &point : line.reviewPoints) {
        QJsonObject p {{QStringLiteral("id"), point.id},
            {QStringLiteral("kind"),
                point.kind == ReviewKind::Form ? QStringLiteral("form") : QStringLiteral("content")},
            {QStringLiteral("text"), point.text}};
        if (!point.matterCode.isEmpty())
            p.insert(QStringLiteral("matter"), point.matterCode);
        points.append(p);
    }
    return QJsonObject {{QStringLiteral("material"), line.materialId}, {QStringLiteral("name"), line.name},
        {QStringLiteral("category"), keyword(line.category, kCategoryKeywords)},
        {QStringLiteral("source"), line.source},
        {QStringLiteral("form"), keyword(line.form, kMaterialFormKeywords)},
        {QStringLiteral("copies"), line.copies},
        {QStringLiteral("medium"), keyword(line.medium, kMediumKeywords)},
        {QStringLiteral("dataShared"), line.dataShared}, {QStringLiteral("waivable"), line.waivable},
        {QStringLiteral("notes"), QJsonArray::fromStringList(line.notes)},
        {QStringLiteral("matters"), QJsonArray::fromStringList(line.matterCodes)},
        {QStringLiteral("reasons"), reasons}, {QStringLiteral("reviewPoints"), points}};
}

QString PathsReport::outcomeText(const ScreeningOutcome &outcome, const Catalogue &catalogue)
{
    QString head = keyword(outcome.kind, kOutcomeKindKeywords);
    if (outcome.kind == OutcomeKind::Refer) {
        head += QLatin1Char(' ') + outcome.targetCode;
        if (const Matter *target = catalogue.matter(outcome.targetCode))
            head += QLatin1Char(' ') + target->name;
    }
    return head + QStringLiteral(": ") + outcome.reason;
}

QJsonObject PathsReport::outcomeJson(const ScreeningOutcome &outcome, const Catalogue &catalogue)
{
    QJsonObject json {{QStringLiteral("id"), outcome.id},
        {QStringLiteral("kind"), keyword(outcome.kind, kOutcomeKindKeywords)},
        {QStringLiteral("reason"), outcome.reason}};
    if (outcome.kind == OutcomeKind::Refer) {
        json.insert(QStringLiteral("matter"), outcome.targetCode);
        if (const Matter *target = catalogue.matter(outcome.targetCode))
            json.insert(QStringLiteral("matterName"), target->name);
    }
    return json;
}

QString PathsReport::text(const QString &matterCode) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QString out;
    out += QStringLiteral("catalogue %1 %2\n").arg(catalogue.id, catalogue.version);
    for (const Matter *matter : selected(matterCode)) {
        bool truncated = false;
        // A matter of many questions stops sooner (MatterLimits::AnswerBudget): each situation lists them
        // all.
        const int limit = MatterLimits::situationLimit(*matter, kSituationLimit);
        const QList<Situation> situations = m_engine.situations(*matter, limit, &truncated);
        out += QStringLiteral("\nmatter %1 %2\n").arg(matter->code, matter->name);
        for (qsizetype i = 0; i < situations.size(); ++i) {
            const Situation &situation = situations.at(i);
            out += QStringLiteral("  situation %1/%2: %3\n")
                       .arg(i + 1)
                       .arg(situations.size())
                       .arg(situation.key.isEmpty() ? QStringLiteral("-") : situation.key);
            if (!situation.path.isEmpty())
                out += QStringLiteral("    path: %1\n").arg(situation.path.join(QStringLiteral(" › ")));
            if (situation.outcome)
                out += QStringLiteral("    outcome %1\n").arg(outcomeText(*situation.outcome, catalogue));
            for (const ChecklistLine &line : situation.checklist.lines)
                out += QStringLiteral("    - ") + lineText(line) + QLatin1Char('\n');
        }
        if (truncated)
            out += QStringLiteral("  ")
                + QCoreApplication::translate("ow::catalogue", "(stopped after %1 situations)").arg(limit)
                + QLatin1Char('\n');
    }
    return out;
}

QString PathsReport::bundlesText(const QString &bundleId) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QString out = QStringLiteral("catalogue %1 %2\n").arg(catalogue.id, catalogue.version);
    for (const Bundle *bundle : selectedBundles(bundleId))
        out += bundleText(*bundle);
    return out;
}

QJsonObject PathsReport::bundlesJson(const QString &bundleId) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QJsonArray bundles;
    for (const Bundle *bundle : selectedBundles(bundleId))
        bundles.append(bundleJson(*bundle));
    return QJsonObject {{QStringLiteral("catalogue"), catalogue.id},
        {QStringLiteral("version"), catalogue.version}, {QStringLiteral("bundles"), bundles}};
}

QJsonObject PathsReport::json(const QString &matterCode) const
{
    const Catalogue &catalogue = m_engine.catalogue();
    QJsonArray matters;
    for (const Matter *matter : selected(matterCode)) {
        bool truncated = false;
        QJsonArray situations;
        const int limit = MatterLimits::situationLimit(*matter, kSituationLimit);
        for (const Situation &situation : m_engine.situations(*matter, limit, &truncated)) {
            QJsonArray lines;
            for (const ChecklistLine &line : situation.checklist.lines)
                lines.append(lineJson(line));
            QJsonObject entry {{QStringLiteral("key"), situation.key},
                {QStringLiteral("path"), QJsonArray::fromStringList(situation.path)},
                {QStringLiteral("checklist"), lines}};
            if (situation.outcome)
                entry.insert(QStringLiteral("outcome"), outcomeJson(*situation.outcome, catalogue));
            situations.append(entry);
        }
        matters.append(
            QJsonObject {{QStringLiteral("code"), matter->code}, {QStringLiteral("name"), matter->name},
                {QStringLiteral("truncated"), truncated}, {QStringLiteral("situations"), situations}});
    }
    return QJsonObject {{QStringLiteral("catalogue"), catalogue.id},
        {QStringLiteral("version"), catalogue.version}, {QStringLiteral("matters"), matters}};
}

} // namespace ow::catalogue
