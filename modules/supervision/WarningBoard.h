#pragma once

#include "supervision/Warning.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::supervision {

/// The first screen of the supervisor's desk: a warnings answer of the server (GET
/// /supervision/warnings) grouped by department, the departments with the most red warnings first,
/// and in each department red before yellow, the oldest first. Built without widgets, so its cost
/// with a whole city's answer is measured (bench_supervision).
class WarningBoard
{
public:
    struct Department
    {
        QString id;
        QString name;
        int red = 0;
        int yellow = 0;
        QList<Warning> warnings;
    };

    /// Rows the server sent that are not warnings are counted in skipped(), never shown half-read.
    static WarningBoard fromAnswer(const QJsonObject &answer);

    const QString &day() const { return m_day; }
    int red() const { return m_red; }
    int yellow() const { return m_yellow; }
    int skipped() const { return m_skipped; }
    const QList<Department> &departments() const { return m_departments; }
    /// The department of `id`, or null.
    const Department *department(const QString &id) const;

private:
    QString m_day;
    int m_red = 0;
    int m_yellow = 0;
    int m_skipped = 0;
    QList<Department> m_departments;
};

} // namespace ow::supervision
