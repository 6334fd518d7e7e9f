#include "ui/DeskTodayTab.h"

#include "ui/DeskTableTab.h"
#include "ui/Theme.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <cmath>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

/// The hall's opening hours at least, and every other hour with something in it.
bool shownHour(int hour, double value)
{
    return (hour >= 8 && hour <= 17) || value > 0;
}

QChartView *barChart(QWidget *parent, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

void fillBars(QChartView *view, const QStringList &categories, const QList<double> &values,
    const QColor &colour, const QString &unit)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *set = new QBarSet(unit);
    set->setColor(colour);
    double top = 0;
    for (double v : values) {
        *set << v;
        top = std::max(top, v);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    // Whole numbers on the axis, at most about six of them, with room above the tallest bar.
    const double step = std::max(1.0, std::ceil(top / 5.0));
    auto *y = new QValueAxis;
    y->setRange(0, std::max(step, std::ceil(top * 1.15 / step) * step));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(u"%d"_s); // the unit is in the chart's title: a turned CJK title has no room
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

} // namespace

DeskTodayTab::DeskTodayTab(QWidget *parent)
    : QWidget(parent)
{
    m_figures = new QGridLayout;
    const QList<std::pair<QString, QString>> figures {{u"tickets"_s, tr("Tickets")},
        {u"takenIn"_s, tr("Cases taken in")}, {u"accepted"_s, tr("Accepted")},
        {u"acceptedWithWaiver"_s, tr("Accepted with waiver")},
        {u"correctionNotices"_s, tr("Correction notices")}, {u"refusals"_s, tr("Refusals")},
        {u"decisions"_s, tr("Department decisions")},
        {u"averageHandlingHours"_s, tr("Average handling time")}, {u"pickups"_s, tr("Handed over or mailed")},
        {u"averageWait"_s, tr("Average wait")}, {u"complaintsOpen"_s, tr("Open complaints")},
        {u"complaintsOverdue"_s, tr("Complaints overdue")},
        {u"complaintsClosedOnTime"_s, tr("Complaints closed on time this month")}};
    for (int i = 0; i < figures.size(); ++i) {
        auto *caption = new QLabel(figures.at(i).second, this);
        caption->setStyleSheet(u"color: %1;"_s.arg(Theme::secondaryText().name()));
        auto *value = new QLabel(u"—"_s, this);
        value->setObjectName(u"figure-"_s + figures.at(i).first);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        m_values.insert(figures.at(i).first, value);
        m_figures->addWidget(caption, (i / 5) * 2, i % 5);
        m_figures->addWidget(value, (i / 5) * 2 + 1, i % 5);
    }
    m_hours = barChart(this, tr("Cases taken in by hour"));
    m_waits = barChart(this, tr("Average wait by hour of the ticket (minutes)"));
    m_ratings = barChart(this, tr("Ratings given (5 = very satisfied)"));
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_hours, 3);
    charts->addWidget(m_waits, 3);
    charts->addWidget(m_ratings, 2);
    m_status = new QLabel(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    addExportButtons(this, buttons, &m_csv, &m_xlsx);
    connect(m_csv, &QPushButton::clicked, this, [this] { exportTo(false); });
    if (m_xlsx)
        connect(m_xlsx, &QPushButton::clicked, this, [this] { exportTo(true); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_figures);
    layout->addLayout(charts, 1);
    layout->addLayout(buttons);
}

void DeskTodayTab::setDay(const QJsonObject &today)
{
    m_today = today;
    const QJsonObject queue = today.value(u"queue"_s).toObject();
    const QJsonObject total = queue.value(u"total"_s).toObject();
    const auto number = [&today](const char *key) { return today.value(QLatin1StringView(key)).toInt(); };
    m_values.value(u"tickets"_s)->setText(QString::number(total.value(u"tickets"_s).toInt()));
    for (const char *key : {"takenIn", "accepted", "acceptedWithWaiver", "correctionNotices", "refusals"})
        m_values.value(QLatin1StringView(key))->setText(QString::number(number(key)));
    m_values.value(u"decisions"_s)->setText(QString::number(number("approved") + number("denied")));
    m_values.value(u"pickups"_s)->setText(QString::number(number("pickedUp") + number("mailed")));
    m_values.value(u"averageHandlingHours"_s)
        ->setText(tr("%1 h").arg(today.value(u"averageHandlingHours"_s).toDouble(), 0, 'f', 1));
    m_values.value(u"averageWait"_s)
        ->setText(tr("%1 min").arg(total.value(u"averageWaitMinutes"_s).toDouble(), 0, 'f', 1));

    const QJsonArray byHour = today.value(u"byHour"_s).toArray();
    QStringList hours;
    QList<double> counts;
    for (int h = 0; h < byHour.size(); ++h)
        if (shownHour(h, byHour.at(h).toDouble())) {
            hours << u"%1"_s.arg(h, 2, 10, QLatin1Char('0'));
            counts << byHour.at(h).toDouble();
        }
    fillBars(m_hours, hours, counts, Theme::accent(), tr("cases"));

    QMap<int, double> waits;
    for (const QJsonValue &v : queue.value(u"perHour"_s).toArray())
        waits.insert(v.toObject().value(u"key"_s).toString().toInt(),
            v.toObject().value(u"averageWaitMinutes"_s).toDouble());
    QStringList waitHours;
    QList<double> waitValues;
    for (int h = 0; h < 24; ++h)
        if (shownHour(h, waits.value(h))) {
            waitHours << u"%1"_s.arg(h, 2, 10, QLatin1Char('0'));
            waitValues << waits.value(h);
        }
    fillBars(m_waits, waitHours, waitValues, Theme::warning(), tr("minutes"));

    const QJsonArray ratings = today.value(u"ratings"_s).toArray();
    QList<double> levels;
    for (int level = 0; level < 5; ++level)
        levels << ratings.at(level).toDouble();
    fillBars(m_ratings, {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}, levels, Theme::success(), tr("ratings"));
}

void DeskTodayTab::setComplaints(const QJsonObject &counts)
{
    QLabel *overdue = m_values.value(u"complaintsOverdue"_s);
    if (counts.isEmpty()) {
        for (const char *key : {"complaintsOpen", "complaintsOverdue", "complaintsClosedOnTime"})
            m_values.value(QLatin1StringView(key))->setText(u"—"_s);
        overdue->setStyleSheet(QString());
        return;
    }
    const auto number = [&counts](const char *key) { return counts.value(QLatin1StringView(key)).toInt(); };
    m_values.value(u"complaintsOpen"_s)->setText(QString::number(number("open")));
    overdue->setText(QString::number(number("overdue")));
    overdue->setStyleSheet(
        number("overdue") > 0 ? u"QLabel { color: %1; }"_s.arg(Theme::danger().name()) : QString());
    m_values.value(u"complaintsClosedOnTime"_s)
        ->setText(tr("%1 of %2").arg(number("closedOnTime")).arg(number("closedThisMonth")));
}

QString DeskTodayTab::figure(const QString &key) const
{
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

documents::ExportTable DeskTodayTab::exportTable() const
{
    documents::ExportTable table;
    const QString day = m_today.value(u"day"_s).toString();
    table.title = tr("Today %1").arg(day);
    table.header = {tr("Figure"), tr("Value")};
    table.numeric = {false, true};
    const QList<std::pair<QString, QString>> rows {{tr("Tickets"), figure(u"tickets"_s)},
        {tr("Cases taken in"), figure(u"takenIn"_s)}, {tr("Accepted"), figure(u"accepted"_s)},
        {tr("Accepted with waiver"), figure(u"acceptedWithWaiver"_s)},
        {tr("Correction notices"), figure(u"correctionNotices"_s)}, {tr("Refusals"), figure(u"refusals"_s)},
        {tr("Department decisions"), figure(u"decisions"_s)},
        {tr("Average handling time (hours)"),
            QString::number(m_today.value(u"averageHandlingHours"_s).toDouble(), 'f', 1)},
        {tr("Handed over or mailed"), figure(u"pickups"_s)},
        {tr("Open complaints"), figure(u"complaintsOpen"_s)},
        {tr("Complaints overdue"), figure(u"complaintsOverdue"_s)},
        {tr("Complaints closed on time this month"), figure(u"complaintsClosedOnTime"_s)}};
    for (const auto &[name, value] : rows)
        table.rows.append({name, value});
    const QJsonArray byHour = m_today.value(u"byHour"_s).toArray();
    for (int h = 0; h < byHour.size(); ++h)
        if (byHour.at(h).toInt() > 0)
            table.rows.append({tr("Cases taken in %1:00–%1:59").arg(h, 2, 10, QLatin1Char('0')),
                QString::number(byHour.at(h).toInt())});
    const QJsonArray ratings = m_today.value(u"ratings"_s).toArray();
    for (int level = 5; level >= 1; --level)
        table.rows.append({tr("Ratings of %1").arg(level), QString::number(ratings.at(level - 1).toInt())});
    return table;
}

bool DeskTodayTab::exportTo(bool xlsx)
{
    const documents::ExportTable table = exportTable();
    const Result<QString> outcome = exportDeskTable(this, table, xlsx);
    m_status->setText(exportOutcomeText(outcome, table.rows.size()));
    return outcome && !outcome->isEmpty();
}

} // namespace ow::ui
