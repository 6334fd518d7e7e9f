#pragma once

#include "sync/SupervisionClient.h"
#include "ui/CaseScreenContext.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace ow::ui {

class DeskTableTab;
class DeskTodayTab;
class DeskWarningsTab;
class PointsDrillDownDialog;

/// The supervisor's desk (监察台, docs/supervision.md): the whole hall from its server — warnings by
/// department and colour, the day's figures with charts, the clerks of the month, the matters of
/// the year with their frequency classes, and the month's points where the server keeps them.
/// The supervisor signs in to the server with their own password, typed here; the session token
/// is kept in memory only, for its hours. Every fetch is kept in the workstation's store, and
/// without the server the last copy is shown with its age.
class SupervisorDeskPage : public QWidget
{
    Q_OBJECT

public:
    SupervisorDeskPage(const CaseScreenContext &context, QWidget *parent = nullptr);

    /// Shows the last copy kept here when nothing newer is shown; focuses the page.
    void showDesk();
    /// Signs in when needed (with the password field), fetches the hall and keeps the copy. False
    /// when the desk shows the kept copy or nothing (the reason is in the status line).
    bool refresh();

    bool isSignedIn() const;
    /// The supervisor's session while it lasts (the complaints window works on it too).
    std::optional<sync::SupervisorSession> session() const;
    /// Signs in with the supervisor's password without fetching the desk (the complaints window).
    Result<void> signIn(const QString &password);
    /// Says what went wrong in the desk's status line.
    void showProblem(const QString &message);
    bool isOffline() const { return m_offline; }
    const sync::DeskSnapshot &shown() const { return m_shown; }

    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *refreshButton() const { return m_refresh; }
    DeskWarningsTab *warningsTab() const { return m_warnings; }
    DeskTodayTab *todayTab() const { return m_today; }
    DeskTableTab *clerksTab() const { return m_clerks; }
    DeskTableTab *mattersTab() const { return m_matters; }
    /// Null until the server answered with the month's points.
    DeskTableTab *pointsTab() const { return m_points; }
    /// Opens the clerk's items of the shown month from the points table's `row` (Enter or a
    /// double-click there); null when the row names no clerk or nobody is signed in.
    PointsDrillDownDialog *openPoints(int row);
    /// The month of the ranking (YYYY-MM, the last twelve), null until the ranking is shown.
    QComboBox *pointsMonth() const { return m_pointsMonth; }
    /// Shows the ranking of `month` (YYYY-MM) from the server, and keeps it; without the server
    /// (or signed out) the copy kept of that month, with its age. False when neither could be shown.
    bool showPointsMonth(const QString &month);
    /// The drill-down last opened, while it is open.
    PointsDrillDownDialog *pointsDialog() const;

Q_SIGNALS:
    void openCaseRequested(const QString &caseNumber);
    /// The complaints button (投诉处理): the hall's complaints on this session.
    void complaintsRequested();
    /// The undelivered pushes button (推送失败): the hall's dead letters on this session.
    void deadLettersRequested();

private:
    void showSnapshot(const sync::DeskSnapshot &snapshot, bool live);
    void updateSignIn();
    void addPointsTab();
    /// The kept ranking of `month` with its age in the status line; false when none was kept.
    bool showKeptMonth(const QString &month);
    void setPointsMonthShown(const QString &month);
    Result<QJsonObject> askServer(const std::function<Result<QJsonObject>(sync::SupervisionClient &)> &call);

    CaseScreenContext m_context;
    std::optional<sync::SupervisorSession> m_session;
    sync::DeskSnapshot m_shown;
    bool m_offline = true;
    QLabel *m_status = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_refresh = nullptr;
    QTabWidget *m_tabs = nullptr;
    DeskWarningsTab *m_warnings = nullptr;
    DeskTodayTab *m_today = nullptr;
    DeskTableTab *m_clerks = nullptr;
    DeskTableTab *m_matters = nullptr;
    DeskTableTab *m_points = nullptr;
    QComboBox *m_pointsMonth = nullptr;
    QString m_pointsMonthShown;
    QPointer<PointsDrillDownDialog> m_pointsDialog;
};

} // namespace ow::ui
