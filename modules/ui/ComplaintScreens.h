#pragma once

#include "ui/CaseScreenContext.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace ow::ui {

class CaseListPage;
class ComplaintDialog;
class ComplaintListDialog;
class ComplaintsWindow;
class SupervisorDeskPage;

/// The workstation's complaint screens (投诉, docs/supervision.md "Complaints"): at every counter
/// with a case store, 登记投诉 (Ctrl+Shift+T: the case on screen prefilled, kept here and sent by the
/// sync) and 我登记的投诉 (with the numbers the server gave); for supervisors at an enrolled
/// workstation, 投诉处理 (the hall's complaints, handled on the desk's session).
class ComplaintScreens : public QObject
{
    Q_OBJECT

public:
    /// `currentCase` names the case on screen (the intake's, or the case list's detail), or nothing.
    ComplaintScreens(const CaseScreenContext &context, QWidget *window, std::function<QString()> currentCase);

    /// The desk whose session the complaints window works on (null for other roles).
    void setDesk(SupervisorDeskPage *desk);
    /// The case list whose open case is the one on screen.
    void setCaseList(CaseListPage *list);
    /// Adds the actions to the Cases menu.
    void addTo(QMenu *menu) const;

    QAction *recordAction() const { return m_record; }
    QAction *mineAction() const { return m_mine; }
    /// Null unless a supervisor at an enrolled workstation.
    QAction *handleAction() const { return m_handle; }

    /// Opens 登记投诉 (window-modal); null without a store.
    ComplaintDialog *showRecord();
    ComplaintListDialog *showMine();
    ComplaintsWindow *showHandling();

    ComplaintDialog *recordDialog() const;
    ComplaintsWindow *handlingWindow() const;

Q_SIGNALS:
    /// A complaint was recorded here: the sync has something to send.
    void recorded(const QString &message);

private:
    CaseScreenContext m_context;
    QWidget *m_mainWindow = nullptr;
    std::function<QString()> m_currentCase;
    QPointer<SupervisorDeskPage> m_desk;
    QPointer<CaseListPage> m_list;
    QString m_listCase;
    QAction *m_record = nullptr;
    QAction *m_mine = nullptr;
    QAction *m_handle = nullptr;
    QPointer<ComplaintDialog> m_recordDialog;
    QPointer<ComplaintsWindow> m_window;
};

} // namespace ow::ui
