#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/ClerkActivity.h"
#include "supervision/PointsRules.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace ow::supervision {

/// A supervisor's correction of a clerk's points: a row of its own with the reason, never an edit of
/// what the clerk earned.
struct PointCorrection
{
    QString id;
    QString staffNumber;
    int points = 0;
    QString reason;
    QString by; ///< the supervisor who made it
    QDateTime at; ///< when it was recorded (UTC)
    QDate month; ///< the first day of the month it counts in
};

/// One review item of a catalogue submission that was published: a change to the catalogue that
/// its editor earns catalogue_item for (docs/supervision.md).
struct CatalogueItemPublished
{
    qint64 submission = 0;
    QString item; ///< the review item's key, e.g. "material:id-card"
    QString title; ///< what the reviewers saw, e.g. "材料：居民身份证（改）"
    QString matter; ///< the matter it belongs to; empty for a bundle's or the catalogue's own item
    QString editor; ///< the submission's editor as recorded: a staff number when a clerk edited it
    QDateTime published; ///< when the submission was published (UTC)
};

/// One line of a clerk's points: what earned them, traceable to the case event, the activity or the
/// correction behind it.
struct PointItem
{
    static constexpr QLatin1StringView kCaseReceived = QLatin1StringView("case-received");
    static constexpr QLatin1StringView kConsultation = QLatin1StringView("consultation");
    static constexpr QLatin1StringView kPracticePassed = QLatin1StringView("practice-passed");
    static constexpr QLatin1StringView kRating = QLatin1StringView("rating");
    static constexpr QLatin1StringView kCorrection = QLatin1StringView("correction");
    static constexpr QLatin1StringView kCatalogueItem = QLatin1StringView("catalogue-item");

    QDateTime at; ///< UTC
    QString kind;
    int points = 0;
    QString caseNumber; ///< empty for an activity or a correction
    QString matter;
    QString event; ///< the case event's, the activity's or the correction's id; a review item's key
    QString reason; ///< a correction's reason; "rating N" for a rating; a review item's title
    QString by; ///< a correction's supervisor
    qint64 submission = 0; ///< the catalogue submission of a catalogue item

    /// {"at", "kind", "points", "case", "matter", "event", "reason"} (+ "by" for a correction,
    /// "submission" for a catalogue item).
    QJsonObject toJson() const;
};

/// A clerk's month: the total, the grade, the matters the clerk is qualified for, the place in the
/// ranking and, for the drill-down, every item (oldest first) that makes the total.
struct ClerkPoints
{
    QString staffNumber;
    QString name;
    int points = 0;
    int grade = 1;
    int qualifiedMatters = 0;
    int rank = 0; ///< 1 for the most points; equal points share a rank
    QList<PointItem> items;

    /// {"staffNumber", "name", "points", "grade", "qualifiedMatters", "rank"} and, with items, "items".
    QJsonObject toJson(bool withItems) const;
};

/// Adds up the clerks' points of one month from a hall's case events, clerk activities and
/// corrections, with the weights of PointsRules (docs/supervision.md). Feed it everything the
/// server holds: what lies before the month still counts for the matters a clerk is qualified for.
class PointsLedger
{
public:
    /// `month`: any day of it. `names`: staff number → name. `roster`: clerks listed even without a
    /// point (the hall's intake clerks).
    PointsLedger(PointsRules rules, QDate month, QHash<QString, QString> names = {}, QStringList roster = {});

    QDate firstDay() const { return m_first; }
    QDate lastDay() const { return m_last; }

    /// A case's log: its first acceptance earns its clerk case_received; each rating earns the clerk
    /// rated that level's weight.
    void addCase(const cases::Case &c, const QList<cases::CaseEvent> &events);
    /// A consultation earns consultation; a passed practice practice_passed, and qualifies for its
    /// matter, or for each matter of a bundle (the bundle's id is no matter of its own).
    void addActivity(const cases::ClerkActivity &activity);
    /// A published review item earns its editor catalogue_item, when the editor is one of the
    /// hall's accounts (`names`) by staff number; anyone else (a publisher key's holder) earns nothing.
    void addCatalogueItem(const CatalogueItemPublished &item);
    void addCorrection(const PointCorrection &correction);

    /// Every clerk with points or on the roster, most points first (ties by staff number), each
    /// with the grade, qualified matters and rank; items included.
    QList<ClerkPoints> ranking() const;

private:
    struct Clerk
    {
        QList<PointItem> items;
        QHash<QString, int> casesByMatter; ///< cases taken in within the qualification window
        QSet<QString> practisedMatters; ///< practice passed within the window
        QString name;
    };

    bool inMonth(const QDateTime &at) const;
    bool inWindow(const QDateTime &at) const;
    Clerk &clerk(const QString &staffNumber, const QString &name = {});

    PointsRules m_rules;
    QDate m_first;
    QDate m_last;
    QDate m_windowStart;
    QHash<QString, QString> m_names;
    QHash<QString, Clerk> m_clerks;
};

} // namespace ow::supervision
