#pragma once

#include "core/Result.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ow::ui {

class DeskTableTab;

/// One clerk's points of a month on the supervisor's desk (docs/supervision.md): every item that
/// makes the total (what earned it, the case and matter, a correction's reason and who made it),
/// the total as the sum of those items, the export of the desk's tables, and a supervisor's
/// correction with its required reason, recorded on the server as an item of its own.
class PointsDrillDownDialog : public QDialog
{
    Q_OBJECT

public:
    /// Fetches the clerk's items of the month (GET /supervision/points/STAFF).
    using Fetch = std::function<Result<QJsonObject>()>;
    /// Records a correction (points, reason) on the server.
    using Correct = std::function<Result<QJsonObject>(int points, const QString &reason)>;

    PointsDrillDownDialog(QWidget *parent, const QString &staffNumber, const QString &name,
        const QString &month, Fetch fetch, Correct correct);

    /// The matters' names by code (the desk's matters), shown for the items' matter codes.
    void setMatterNames(QHash<QString, QString> names) { m_matterNames = std::move(names); }
    /// Fetches the items again and shows them; false when the server did not answer (said why).
    bool reload();
    /// Asks to confirm (ConfirmDialog) and records the correction typed in; false when refused,
    /// cancelled or without a reason.
    bool recordCorrection();

    DeskTableTab *itemsTab() const { return m_items; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *statusLabel() const { return m_status; }
    QSpinBox *pointsField() const { return m_points; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *correctButton() const { return m_correct; }
    /// The sum of the items shown.
    int itemSum() const { return m_sum; }

private:
    void showProblem(const QString &message);

    QString m_staffNumber;
    QString m_name;
    QString m_month;
    Fetch m_fetch;
    Correct m_correctRequest;
    QHash<QString, QString> m_matterNames;
    int m_sum = 0;
    DeskTableTab *m_items = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_status = nullptr;
    QSpinBox *m_points = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_correct = nullptr;
};

} // namespace ow::ui
