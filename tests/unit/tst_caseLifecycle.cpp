#include "cases/CaseLifecycle.h"
#include "cases/DecisionRules.h"
#include "cases/Withdrawal.h"

#include <QSet>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

using S = CaseState;
using K = EventKind;

// The transition table as DOMAIN.md and docs/case-lifecycle.md state it, written out independently
// of CaseLifecycle::nextStates so a change to either is caught.
const QList<QPair<S, S>> kLegal = {
    {S::Draft, S::Accepted},
    {S::Draft, S::AcceptedWithWaiver},
    {S::Draft, S::CorrectionNotice},
    {S::Draft, S::Refused},
    {S::CorrectionNotice, S::Accepted},
    {S::CorrectionNotice, S::AcceptedWithWaiver},
    {S::CorrectionNotice, S::Refused},
    {S::Accepted, S::Transferred},
    {S::Accepted, S::InReview},
    {S::AcceptedWithWaiver, S::Transferred},
    {S::AcceptedWithWaiver, S::SupplementRequested},
    {S::Transferred, S::InReview},
    {S::InReview, S::SupplementRequested},
    {S::InReview, S::Approved},
    {S::InReview, S::Denied},
    {S::SupplementRequested, S::Supplemented},
    {S::Supplemented, S::InReview},
    {S::Supplemented, S::Transferred},
    {S::Approved, S::ResultReady},
    {S::Denied, S::ResultReady},
    {S::ResultReady, S::PickedUp},
    {S::ResultReady, S::Mailed},
    // 撤回申请: taken back after acceptance, before the department decides.
    {S::Accepted, S::Withdrawn},
    {S::AcceptedWithWaiver, S::Withdrawn},
    {S::Transferred, S::Withdrawn},
    {S::InReview, S::Withdrawn},
    {S::SupplementRequested, S::Withdrawn},
    {S::Supplemented, S::Withdrawn},
};

QList<S> allStates()
{
    QList<S> states;
    for (int i = 0; i < kCaseStateCount; ++i)
        states.append(S(i));
    return states;
}

QList<K> transitionKinds()
{
    QList<K> kinds;
    for (int i = 0; i < kEventKindCount; ++i)
        if (targetState(K(i)))
            kinds.append(K(i));
    return kinds;
}

CaseEvent event(K kind)
{
    CaseEvent e;
    e.kind = kind;
    return e;
}

QList<CaseEvent> log(std::initializer_list<K> kinds)
{
    QList<CaseEvent> events;
    for (K kind : kinds)
        events.append(event(kind));
    return events;
}

} // namespace

/// The case state machine: every legal and illegal transition, ranks, late events, derivation.
class TestCaseLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywordsRoundTrip()
    {
        for (S state : allStates()) {
            QCOMPARE(caseStateFromKeyword(keyword(state)), std::optional<S>(state));
            QVERIFY(!displayName(state).isEmpty());
        }
        for (int i = 0; i < kEventKindCount; ++i)
            QCOMPARE(eventKindFromKeyword(keyword(K(i))), std::optional<K>(K(i)));
        QVERIFY(!caseStateFromKeyword(u"Accepted"_s)); // keywords are exact
    }

    void everyPairOfStates_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("kind");
        for (S from : allStates())
            for (K kind : transitionKinds())
                QTest::addRow("%s -> %s", qPrintable(keyword(from)), qPrintable(keyword(kind)))
                    << int(from) << int(kind);
    }
    void everyPairOfStates()
    {
        QFETCH(int, from);
        QFETCH(int, kind);
        const S to = *targetState(K(kind));
        const bool legal = kLegal.contains({S(from), to});
        QCOMPARE(CaseLifecycle::canMove(S(from), to), legal);
        const ow::Result<S> next = CaseLifecycle::apply(S(from), K(kind));
        QCOMPARE(next.has_value(), legal);
        if (legal) {
            QCOMPARE(*next, to);
        } else {
            // The refusal names both states so the clerk knows what was attempted from where.
            QVERIFY2(
                next.error().message().contains(displayName(S(from))), qPrintable(next.error().message()));
            QVERIFY2(next.error().message().contains(displayName(to)), qPrintable(next.error().message()));
            QCOMPARE(next.error().code(), ow::Error::Code::Invalid);
        }
    }

    void tableMatchesNextStates()
    {
        int count = 0;
        for (S from : allStates())
            count += int(CaseLifecycle::nextStates(from).size());
        QCOMPARE(count, int(kLegal.size()));
    }

    void closedStatesHaveNoWayOut()
    {
        const QSet<S> closed {S::Refused, S::PickedUp, S::Mailed, S::Withdrawn};
        for (S state : allStates())
            QCOMPARE(CaseLifecycle::isClosed(state), closed.contains(state));
        QCOMPARE(CaseLifecycle::rank(S::Refused), CaseLifecycle::rank(S::PickedUp));
    }

    void noLegalTransitionLowersTheRank()
    {
        for (const auto &[from, to] : kLegal) {
            QVERIFY(CaseLifecycle::rank(to) >= CaseLifecycle::rank(from));
            // Equal ranks only inside the department's phase (the supplement loop).
            if (CaseLifecycle::rank(to) == CaseLifecycle::rank(from))
                QCOMPARE(CaseLifecycle::rank(from), CaseLifecycle::rank(S::InReview));
        }
        QVERIFY(CaseLifecycle::rank(S::Draft) < CaseLifecycle::rank(S::CorrectionNotice));
        QVERIFY(CaseLifecycle::rank(S::CorrectionNotice) < CaseLifecycle::rank(S::Accepted));
        QVERIFY(CaseLifecycle::rank(S::Accepted) < CaseLifecycle::rank(S::Transferred));
        QVERIFY(CaseLifecycle::rank(S::SupplementRequested) < CaseLifecycle::rank(S::Approved));
        QVERIFY(CaseLifecycle::rank(S::Denied) < CaseLifecycle::rank(S::ResultReady));
        QVERIFY(CaseLifecycle::rank(S::ResultReady) < CaseLifecycle::rank(S::Mailed));
    }

    void createdComesFirstAndOnce()
    {
        QCOMPARE(CaseLifecycle::apply(std::nullopt, K::Created).value(), S::Draft);
        for (int i = 0; i < kEventKindCount; ++i)
            if (K(i) != K::Created)
                QVERIFY(!CaseLifecycle::apply(std::nullopt, K(i)));
        for (S state : allStates())
            QVERIFY(!CaseLifecycle::apply(state, K::Created));
    }

    void notesEverywhereUpdatesUntilClosed()
    {
        for (S state : allStates()) {
            QCOMPARE(CaseLifecycle::apply(state, K::Note).value(), state);
            const ow::Result<S> updated = CaseLifecycle::apply(state, K::Updated);
            QCOMPARE(updated.has_value(), !CaseLifecycle::isClosed(state));
            if (updated)
                QCOMPARE(*updated, state);
        }
    }

    void lateEventIsRefusedAsLate()
    {
        const ow::Result<S> late = CaseLifecycle::apply(S::PickedUp, K::InReview);
        QVERIFY(!late);
        QVERIFY(late.error().message().contains(u"late"_s));
        // Same rank, not legal: refused, but not called late.
        const ow::Result<S> sideways = CaseLifecycle::apply(S::InReview, K::Transferred);
        QVERIFY(!sideways);
        QVERIFY(!sideways.error().message().contains(u"late"_s));
    }

    void deriveHappyPaths_data()
    {
        QTest::addColumn<QList<CaseEvent>>("events");
        QTest::addColumn<int>("state");
        QTest::newRow("empty") << QList<CaseEvent>() << int(S::Draft);
        QTest::newRow("draft") << log({K::Created, K::Updated, K::Note}) << int(S::Draft);
        QTest::newRow("picked up") << log(
            {K::Created, K::Accepted, K::Transferred, K::InReview, K::Approved, K::ResultReady, K::PickedUp})
                                   << int(S::PickedUp);
        QTest::newRow("waiver, supplement, mailed") << log({K::Created, K::AcceptedWithWaiver,
            K::SupplementRequested, K::Supplemented, K::Transferred, K::InReview, K::SupplementRequested,
            K::Supplemented, K::InReview, K::Denied, K::ResultReady, K::Mailed})
                                                    << int(S::Mailed);
        QTest::newRow("correction then accepted")
            << log({K::Created, K::CorrectionNotice, K::Note, K::Accepted}) << int(S::Accepted);
        QTest::newRow("immediate case")
            << log({K::Created, K::Accepted, K::InReview, K::Approved}) << int(S::Approved);
        QTest::newRow("refused") << log({K::Created, K::Refused, K::Note}) << int(S::Refused);
        QTest::newRow("withdrawn while a supplement is awaited") << log({K::Created, K::AcceptedWithWaiver,
            K::Transferred, K::InReview, K::SupplementRequested, K::Withdrawn, K::Note})
                                                                 << int(S::Withdrawn);
    }
    void deriveHappyPaths()
    {
        QFETCH(QList<CaseEvent>, events);
        QFETCH(int, state);
        const Derivation d = CaseLifecycle::derive(events);
        QCOMPARE(int(d.state), state);
        QVERIFY(d.skipped.isEmpty());
        QCOMPARE(d.created, !events.isEmpty());
    }

    void lateEventsNeverMoveBackwards()
    {
        // A department's "in review" and "approved" arrive after the result was picked up.
        const QList<CaseEvent> events = log({K::Created, K::Accepted, K::Transferred, K::InReview,
            K::Approved, K::ResultReady, K::PickedUp, K::InReview, K::Approved, K::Transferred});
        const Derivation d = CaseLifecycle::derive(events);
        QCOMPARE(d.state, S::PickedUp);
        QCOMPARE(d.skipped.size(), 3);
        for (const Derivation::Skipped &s : d.skipped)
            QVERIFY(s.late);
        QCOMPARE(d.skipped.at(0).index, 7);
        QCOMPARE(d.applied.size(), 6);
    }

    void lateAcceptanceAfterRefusalIsSkipped()
    {
        const Derivation d = CaseLifecycle::derive(log({K::Created, K::Refused, K::Accepted}));
        QCOMPARE(d.state, S::Refused);
        QCOMPARE(d.skipped.size(), 1);
        QVERIFY(d.skipped.first().late);
    }

    void illegalForwardJumpIsSkippedNotApplied()
    {
        // Approved straight from draft would skip acceptance and review: not late, but illegal.
        const Derivation d = CaseLifecycle::derive(log({K::Created, K::Approved, K::Accepted}));
        QCOMPARE(d.state, S::Accepted);
        QCOMPARE(d.skipped.size(), 1);
        QCOMPARE(d.skipped.first().index, 1);
        QVERIFY(!d.skipped.first().late);
    }

    void withdrawalOnlyBeforeTheDecision()
    {
        // A decided application cannot be taken back: the refusal says what the case is.
        for (S decided : {S::Approved, S::Denied, S::ResultReady}) {
            const ow::Result<S> next = CaseLifecycle::apply(decided, K::Withdrawn);
            QVERIFY(!next);
            QVERIFY(next.error().message().contains(displayName(decided)));
            QVERIFY(!next.error().message().contains(u"late"_s));
        }
        // Nor one never accepted, nor one already closed.
        QVERIFY(!CaseLifecycle::apply(S::Draft, K::Withdrawn));
        QVERIFY(!CaseLifecycle::apply(S::CorrectionNotice, K::Withdrawn));
        QVERIFY(!CaseLifecycle::apply(S::PickedUp, K::Withdrawn));
        // A department's answer arriving after the withdrawal does not reopen the case.
        const Derivation d = CaseLifecycle::derive(log(
            {K::Created, K::Accepted, K::Transferred, K::InReview, K::Withdrawn, K::Approved, K::Updated}));
        QCOMPARE(d.state, S::Withdrawn);
        QCOMPARE(d.skipped.size(), 2);
        QVERIFY(d.skipped.first().late);
        QCOMPARE(CaseLifecycle::rank(S::Withdrawn), CaseLifecycle::rank(S::PickedUp));
    }

    void withdrawalNeedsItsReasonAndWhoAsked()
    {
        Withdrawal w;
        w.reason = u"已在其他地区办理"_s;
        w.requestedBy = Withdrawal::RequestedBy::Agent;
        w.requester = u"王五"_s;
        CaseEvent e = ::event(K::Withdrawn);
        e.payload = w.toPayload();
        QVERIFY(DecisionRules::check(Case(), e));
        const ow::Result<Withdrawal> read = Withdrawal::fromPayload(e.payload);
        QVERIFY(read);
        QCOMPARE(read->requestedBy, Withdrawal::RequestedBy::Agent);
        QCOMPARE(read->requester, w.requester);
        QCOMPARE(read->reason, w.reason);

        const auto refused = [&](const char *key, const QJsonValue &value) {
            CaseEvent bad = e;
            bad.payload.insert(QLatin1StringView(key), value);
            return !DecisionRules::check(Case(), bad);
        };
        QVERIFY(refused("reason", u"   "_s));
        QVERIFY(refused("reason", QString(Withdrawal::kMaxReasonLength + 1, u'因')));
        QVERIFY(!refused("reason", QString(Withdrawal::kMaxReasonLength, u'因')));
        QVERIFY(refused("requester", QString()));
        QVERIFY(refused("requestedBy", u"department"_s));
        CaseEvent empty = ::event(K::Withdrawn);
        QVERIFY(!DecisionRules::check(Case(), empty));
    }

    void eventsBeforeCreationAreSkipped()
    {
        const Derivation d = CaseLifecycle::derive(log({K::Accepted, K::Created, K::Created}));
        QVERIFY(d.created);
        QCOMPARE(d.state, S::Draft);
        QCOMPARE(d.skipped.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCaseLifecycle)
#include "tst_caseLifecycle.moc"
