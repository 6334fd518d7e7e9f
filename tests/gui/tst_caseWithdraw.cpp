// 撤回申请 at the counter, in Chinese on the counter's 1366×768 screen: the action only on a case the
// applicant may still withdraw (accepted, with the department, awaiting a supplement — not once
// decided) and only for a clerk who takes cases in; Alt+W asks the reason and who asked, Withdraw
// stays off until both are given, the agent's name is typed; the withdrawn event is recorded with its
// payload and its outbox row (the sync sends it), the case is closed and offers no withdrawal again;
// Esc in the dialog records nothing. The screenshot for docs/cases.md.

#include "../unit/CaseTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "cases/CaseStore.h"
#include "cases/Withdrawal.h"
#include "ui/CaseDetailPanel.h"
#include "ui/CaseListPage.h"
#include "ui/Theme.h"
#include "ui/WithdrawalDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cases::testing;
using namespace ow::ui;
using accounts::Role;

class TestCaseWithdraw : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    SteppingClock m_clock;
    WorkingCalendar m_calendar;

    CaseScreenContext context(Role role) const
    {
        CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = m_calendar;
        c.role = role;
        c.clerk = u"clerk-007"_s;
        c.clock = Clock::fixed(QDateTime(QDate(2026, 3, 24), QTime(10, 0)));
        c.settings = documents::HallSettings::builtIn().value();
        return c;
    }

    /// A case accepted on 2026-03-16, then moved through `path`.
    QString makeCase(const QList<EventKind> &path)
    {
        m_clock.set(QDateTime(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC));
        Case c = draft();
        c.promisedDays = 7;
        c.materialChecks[1].failedPoints.clear();
        Result<Case> created = m_store->createDraft(c, u"clerk-042"_s);
        if (!created)
            return {};
        Case accepted = *created;
        accepted.promisedDeadline = m_calendar.addWorkingDays(QDate(2026, 3, 16), 7).value();
        accepted.calendarVersion = m_calendar.version();
        if (!m_store->save(accepted, caseEvent(EventKind::Accepted)))
            return {};
        for (EventKind kind : path)
            if (!m_store->appendEvent(created->number, caseEvent(kind, u"dept-wj-01"_s)))
                return {};
        return created->number;
    }

    /// Opens `number` in the case list's detail as `page` shows it.
    static CaseDetailPanel *open(CaseListPage &page, const QString &number)
    {
        if (!page.openCase(number))
            return nullptr;
        return page.detail();
    }

    /// Runs `handler` on the withdrawal dialog once it is shown (a button's Alt key clicks it a
    /// moment later, and the dialog then runs its own event loop).
    void whenDialogShows(std::function<void(WithdrawalDialog *)> handler)
    {
        auto *poll = new QTimer(this);
        poll->setInterval(10);
        connect(poll, &QTimer::timeout, this, [poll, handler] {
            if (auto *dialog = qobject_cast<WithdrawalDialog *>(QApplication::activeModalWidget())) {
                poll->stop();
                poll->deleteLater();
                handler(dialog);
            }
        });
        poll->start();
    }

    int outboxRows(const QString &number, EventKind kind) const
    {
        Result<QVariant> count = m_store->database().scalar(
            u"SELECT count(*) FROM outbox o JOIN case_events e ON e.id = o.event_id"
            " JOIN cases c ON c.id = e.case_id WHERE c.number = ? AND e.kind = ?"_s,
            {number, keyword(kind)});
        return count ? count->toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp);
        QVERIFY(m_dir.isValid());
        m_calendar = WorkingCalendar::loadBuiltIn().value();
        Result<std::unique_ptr<CaseStore>> opened = CaseStore::open(m_dir.path(), workstation());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_store->setClock(m_clock.clock());
    }

    void offeredOnlyWhereAllowed()
    {
        const QString inReview = makeCase({EventKind::Transferred, EventKind::InReview});
        const QString awaiting
            = makeCase({EventKind::Transferred, EventKind::InReview, EventKind::SupplementRequested});
        const QString approved = makeCase({EventKind::Transferred, EventKind::InReview, EventKind::Approved});
        QVERIFY(!inReview.isEmpty() && !awaiting.isEmpty() && !approved.isEmpty());

        CaseListPage clerk(context(Role::IntakeClerk));
        QVERIFY(open(clerk, inReview)->withdrawButton()->isVisibleTo(clerk.detail()));
        QVERIFY(open(clerk, awaiting)->withdrawButton()->isVisibleTo(clerk.detail()));
        QVERIFY(!open(clerk, approved)->withdrawButton()->isVisibleTo(clerk.detail()));
        // A supervisor reads cases and records nothing on them.
        CaseListPage supervisor(context(Role::Supervisor));
        QVERIFY(!open(supervisor, inReview)->withdrawButton()->isVisibleTo(supervisor.detail()));
    }

    void altWAsksAndRecordsTheWithdrawal()
    {
        const QString number = makeCase({EventKind::Transferred, EventKind::InReview});
        QVERIFY(!number.isEmpty());
        CaseListPage page(context(Role::IntakeClerk));
        page.resize(1366, 768);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        CaseDetailPanel *detail = open(page, number);
        QVERIFY(detail);
        QVERIFY(detail->withdrawButton()->isVisible());
        QVERIFY(test::collisions(test::windowMnemonics(&page)).isEmpty());
        QSignalSpy changed(&page, &CaseListPage::caseChanged);

        // Esc first: nothing is recorded.
        bool escaped = false;
        whenDialogShows([&escaped](WithdrawalDialog *dialog) {
            escaped = true;
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        test::press(Qt::Key_W, Qt::AltModifier);
        QTRY_VERIFY(escaped);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        page.activateWindow(); // the offscreen platform does not give it back by itself
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTRY_VERIFY(QApplication::focusWidget());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::InReview);

        bool answered = false;
        whenDialogShows([&](WithdrawalDialog *dialog) {
            // A failed check below leaves the dialog: closed, so the test ends instead of waiting.
            const auto closeOnFailure = qScopeGuard([dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
            QVERIFY(QTest::qWaitForWindowActive(dialog));
            QTRY_VERIFY(dialog->reasonField()->hasFocus());
            QVERIFY(!dialog->withdrawButton()->isEnabled());
            // The applicant's name is offered while they ask in person; an agent's is typed.
            QCOMPARE(dialog->requesterField()->text(), person().name);
            dialog->reasonField()->insert(u"已在网上另行申报"_s); // as the input method commits it
            QVERIFY(dialog->withdrawButton()->isEnabled());
            QTest::keyClick(dialog, Qt::Key_G, Qt::AltModifier);
            QTRY_VERIFY(dialog->agentButton()->isChecked()); // an Alt key clicks a moment later
            QVERIFY(dialog->requesterField()->text().isEmpty());
            QVERIFY(!dialog->withdrawButton()->isEnabled());
            QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier);
            QTRY_VERIFY(dialog->requesterField()->hasFocus());
            dialog->requesterField()->insert(u"王五"_s);
            QVERIFY(dialog->withdrawButton()->isEnabled());
            QVERIFY(test::collisions(test::windowMnemonics(dialog)).isEmpty());

            // The screenshot: the case with the dialog over it, as on the counter's screen.
            QPixmap shot = page.grab();
            const QPixmap over = dialog->grab();
            {
                QPainter painter(&shot);
                painter.drawPixmap(
                    (shot.width() - over.width()) / 2, (shot.height() - over.height()) / 2, over);
            }
            QLabel composed;
            composed.setPixmap(shot);
            composed.resize(shot.size());
            QVERIFY(shot.width() <= 1366 && shot.height() <= 768);
            test::saveScreenshot(composed, u"zh-case-withdraw.png"_s);

            QTest::keyClick(dialog->requesterField(), Qt::Key_Return);
            answered = true;
        });
        test::press(Qt::Key_W, Qt::AltModifier);
        QTRY_VERIFY(answered);
        QTRY_VERIFY(!QApplication::activeModalWidget());

        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_store->findByNumber(number)->state, CaseState::Withdrawn);
        const QList<CaseEvent> events = m_store->events(number).value();
        const CaseEvent &last = events.last();
        QCOMPARE(last.kind, EventKind::Withdrawn);
        QCOMPARE(last.clerk, u"clerk-007"_s);
        const Result<Withdrawal> withdrawal = Withdrawal::fromPayload(last.payload);
        QVERIFY(withdrawal);
        QCOMPARE(withdrawal->reason, u"已在网上另行申报"_s);
        QCOMPARE(withdrawal->requestedBy, Withdrawal::RequestedBy::Agent);
        QCOMPARE(withdrawal->requester, u"王五"_s);
        QCOMPARE(outboxRows(number, EventKind::Withdrawn), 1);
        // Closed: shown as withdrawn, nothing more to withdraw.
        QVERIFY(page.isShowingDetail());
        QVERIFY(!detail->withdrawButton()->isVisible());
        QVERIFY(page.message().contains(number));
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestCaseWithdraw>(argc, argv);
}

#include "tst_caseWithdraw.moc"
