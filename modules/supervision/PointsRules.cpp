#include "supervision/PointsRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSettings>

namespace ow::supervision {

using namespace Qt::StringLiterals;

namespace {

struct NumberKey
{
    QString key;
    int low;
    int high;
    int *target;
};

QList<NumberKey> numberKeys(PointsRules &rules)
{
    QList<NumberKey> keys {{u"case_received"_s, -100, 100, &rules.caseReceived},
        {u"consultation"_s, -100, 100, &rules.consultation},
        {u"catalogue_item"_s, -100, 100, &rules.catalogueItem},
        {u"practice_passed"_s, -100, 100, &rules.practicePassed}};
    for (int level = 1; level <= 5; ++level)
        keys.append({u"rating_%1"_s.arg(level), -100, 100, &rules.rating[level - 1]});
    keys.append({u"qualified_months"_s, 1, 24, &rules.qualifiedMonths});
    keys.append({u"qualified_cases"_s, 1, 10000, &rules.qualifiedCases});
    for (int grade = 2; grade <= PointsRules::kGrades; ++grade) {
        keys.append({u"grade_%1_points"_s.arg(grade), 0, 100000, &rules.gradePoints[grade - 2]});
        keys.append({u"grade_%1_matters"_s.arg(grade), 0, 10000, &rules.gradeMatters[grade - 2]});
    }
    return keys;
}

} // namespace

int PointsRules::grade(int points, int qualifiedMatters) const
{
    int reached = 1;
    for (int g = 2; g <= kGrades; ++g)
        if (points >= gradePoints[g - 2] && qualifiedMatters >= gradeMatters[g - 2])
            reached = g;
        else
            break; // a grade is reached only through the ones below it
    return reached;
}

QJsonObject PointsRules::weightsJson() const
{
    QJsonObject weights {{u"case_received"_s, caseReceived}, {u"consultation"_s, consultation},
        {u"catalogue_item"_s, catalogueItem}, {u"practice_passed"_s, practicePassed}};
    for (int level = 1; level <= 5; ++level)
        weights.insert(u"rating_%1"_s.arg(level), rating[level - 1]);
    return weights;
}

QJsonObject PointsRules::gradesJson() const
{
    QJsonArray grades;
    for (int g = 2; g <= kGrades; ++g)
        grades.append(QJsonObject {
            {u"grade"_s, g}, {u"points"_s, gradePoints[g - 2]}, {u"matters"_s, gradeMatters[g - 2]}});
    return QJsonObject {{u"qualifiedMonths"_s, qualifiedMonths}, {u"qualifiedCases"_s, qualifiedCases},
        {u"grades"_s, grades}};
}

QStringList PointsRules::keys()
{
    PointsRules rules;
    QStringList list;
    for (const NumberKey &n : numberKeys(rules))
        list.append(n.key);
    return list;
}

Result<PointsRules> PointsRules::load(const QSettings &settings)
{
    PointsRules rules;
    for (const NumberKey &n : numberKeys(rules)) {
        const QString key = u"points/"_s + n.key;
        if (!settings.contains(key))
            continue;
        bool ok = false;
        const QString text = settings.value(key).toString().trimmed();
        const int value = text.toInt(&ok);
        if (!ok || value < n.low || value > n.high)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::supervision", "%1 = “%2”: a whole number from %3 to %4")
                    .arg(key, text)
                    .arg(n.low)
                    .arg(n.high));
        *n.target = value;
    }
    for (int g = 3; g <= kGrades; ++g) {
        if (rules.gradePoints[g - 2] < rules.gradePoints[g - 3])
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::supervision",
                    "points/grade_%1_points = %2: a grade needs at least the points of the grade below (%3)")
                    .arg(g)
                    .arg(rules.gradePoints[g - 2])
                    .arg(rules.gradePoints[g - 3]));
        if (rules.gradeMatters[g - 2] < rules.gradeMatters[g - 3])
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::supervision",
                    "points/grade_%1_matters = %2: a grade needs at least the matters of the grade below "
                    "(%3)")
                    .arg(g)
                    .arg(rules.gradeMatters[g - 2])
                    .arg(rules.gradeMatters[g - 3]));
    }
    return rules;
}

} // namespace ow::supervision
