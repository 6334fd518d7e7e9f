#pragma once

#include "catalogue/Catalogue.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace ow::ui {

/// Shown instead of the checklist when the answers reached a screening outcome: 无需办理 with its
/// reason, or 请办理 another matter with a button (F7) that opens it with the shared answers, and
/// the one-time notice to print. No case can be accepted on it.
class OutcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit OutcomePanel(QWidget *parent = nullptr);

    /// `target` is the matter a referral names (null when it is not a referral or not found);
    /// `path` the labels of the answers that led here.
    void showOutcome(
        const catalogue::ScreeningOutcome &outcome, const catalogue::Matter *target, const QStringList &path);

    /// The one-line summary also shown in the situation banner: "无需办理：…" or "请办理：…".
    static QString headline(const catalogue::ScreeningOutcome &outcome, const catalogue::Matter *target);

    QPushButton *referralButton() const { return m_referral; }
    QPushButton *noticeButton() const { return m_notice; }
    /// The button the keyboard should land on: the referral, or the notice.
    QPushButton *primaryButton() const;

Q_SIGNALS:
    void referralRequested();
    void noticeRequested();

private:
    QLabel *m_headline = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_referral = nullptr;
    QPushButton *m_notice = nullptr;
};

} // namespace ow::ui
