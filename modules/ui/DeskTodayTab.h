#pragma once

#include "documents/TableExport.h"

#include <QJsonObject>
#include <QWidget>

class QChartView;
class QGridLayout;
class QLabel;
class QPushButton;

namespace ow::ui {

/// The desk's 今日: the day's figures from the server (GET /supervision/today) — tickets, cases
/// taken in by kind, the departments' decisions, the average handling time, pickups — and three
/// charts a supervisor would rather look at than read: cases taken in by hour, the queue's average
/// wait by hour of issue, the ratings given.
class DeskTodayTab : public QWidget
{
    Q_OBJECT

public:
    explicit DeskTodayTab(QWidget *parent = nullptr);

    void setDay(const QJsonObject &today);
    /// The hall's complaints (the "counts" of GET /supervision/complaints): open, overdue (red when
    /// any) and closed on time this month; "—" when the server keeps no complaints.
    void setComplaints(const QJsonObject &counts);

    /// The figure shown for `key` (e.g. "takenIn", "tickets"), as text.
    QString figure(const QString &key) const;
    QChartView *hourChart() const { return m_hours; }
    QChartView *waitChart() const { return m_waits; }
    QChartView *ratingChart() const { return m_ratings; }
    QPushButton *csvButton() const { return m_csv; }
    QPushButton *xlsxButton() const { return m_xlsx; }
    QLabel *statusLabel() const { return m_status; }

    /// The figures, then the hours, as one table.
    documents::ExportTable exportTable() const;
    bool exportTo(bool xlsx);

private:
    QJsonObject m_today;
    QGridLayout *m_figures = nullptr;
    QHash<QString, QLabel *> m_values;
    QChartView *m_hours = nullptr;
    QChartView *m_waits = nullptr;
    QChartView *m_ratings = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_xlsx = nullptr;
};

} // namespace ow::ui
