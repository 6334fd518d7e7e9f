#pragma once

#include "catalogue/Catalogue.h"
#include "sync/AcceptanceWalks.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ow::intake {
class IntakeSession;
}

namespace ow::ui {

class InterviewPage;

/// One acceptance walk (模拟受理, docs/catalogue-review.md) on the submitted catalogue version: the
/// counter's own interview page and checklist, run on that version by an intake of its own that
/// stores nothing (the intake on the catalogue in use is not touched), opened on the situation under
/// acceptance. The clerk walks it as an applicant would be served, may change answers to compare,
/// and records "walked, no objection" — only on the situation under acceptance — or an objection
/// with its text. The dialog is accepted with the walk to record; the caller records it.
class AcceptanceWalkInterview : public QDialog
{
    Q_OBJECT

public:
    AcceptanceWalkInterview(
        const sync::PendingWalk &walk, catalogue::CataloguePtr submitted, QWidget *parent = nullptr);
    ~AcceptanceWalkInterview() override;

    /// The answers as walked, in the form of sync::PendingWalk::situation.
    QString walkedAnswers() const;
    /// Empty when the walk is recorded without objection.
    QString objection() const { return m_objection; }
    InterviewPage *interviewPage() const { return m_page; }

private:
    /// Gives the interview the answers of the situation under acceptance.
    void answerSituation();
    void updateButtons();
    void finish(bool withObjection);

    sync::PendingWalk m_walk;
    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<intake::IntakeSession> m_session;
    InterviewPage *m_page = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_objectionEdit = nullptr;
    QPushButton *m_done = nullptr;
    QPushButton *m_object = nullptr;
    QString m_objection;
};

} // namespace ow::ui
