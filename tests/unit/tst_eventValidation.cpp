// EventValidator without HTTP: one row per rule of docs/sync-protocol.md "What the server checks in
// an event", each an otherwise valid outbox entry with one field made impossible.

#include "CaseTestSupport.h"
#include "ServerTestSupport.h"
#include "server/EventValidator.h"
#include "server/RequestParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 3, 16), QTime(10, 0), Qt::UTC);

Credential counter7()
{
    Credential c;
    c.id = u"ws-7"_s;
    c.kind = Credential::Kind::Workstation;
    c.hall = u"33030201"_s;
    c.counter = u"W07"_s;
    c.counterNumber = 7;
    return c;
}

Case snapshotOf(const QString &number)
{
    Case c = ow::cases::testing::draft();
    c.number = number;
    c.qrToken = QrToken::generate();
    c.hall = number.left(8);
    c.counter = u"W07"_s;
    c.firstHandler = u"clerk-042"_s;
    c.created = kNow.addSecs(-600);
    c.updated = kNow.addSecs(-300);
    return c;
}

// Sets a value at a dotted path ("case.applicant.idNumber") of a JSON object.
void setAt(QJsonObject &object, QStringView path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path.toString());
        else
            object.insert(path.toString(), value);
        return;
    }
    const QString key = path.left(dot).toString();
    QJsonObject inner = object.value(key).toObject();
    setAt(inner, path.mid(dot + 1), value);
    object.insert(key, inner);
}

IncomingEvent parsed(const QJsonObject &entry)
{
    Result<QList<IncomingEvent>> list = RequestParser::eventBatch(batch({entry}));
    if (!list || list->size() != 1)
        qFatal("the batch does not parse");
    return list->first();
}

struct Row
{
    const char *rule;
    EventKind kind;
    std::function<void(QJsonObject &)> edit;
    const char *refusal; ///< a fragment of the expected reason; nullptr: accepted
};

QJsonValue deepPayload(int depth)
{
    QJsonValue value = u"leaf"_s;
    for (int i = 0; i < depth; ++i)
        value = QJsonObject {{u"n"_s, value}};
    return value;
}

} // namespace

class TestEventValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachRule_data();
    void eachRule();
    void lifecycleOrder();
    void uuidShape();
    void departmentEventBounds();
    void supplementEventsFromACounter();
    void transferEventsFromACounter();
};

const QList<Row> &rules()
{
    using K = EventKind;
    static const QList<Row> rows {
        {"a valid created entry", K::Created, [](QJsonObject &) {}, nullptr},
        {"a valid acceptance", K::Accepted, [](QJsonObject &) {}, nullptr},
        {"unknown state", K::Created, [](QJsonObject &e) { setAt(e, u"state", u"flying"_s); },
            "unknown state"},
        {"missing state", K::Created, [](QJsonObject &e) { setAt(e, u"state", QJsonValue::Undefined); },
            "unknown state"},
        {"non-UUID event id", K::Created, [](QJsonObject &e) { setAt(e, u"event.id", u"event-1"_s); },
            "is not a UUID"},
        {"case of another hall", K::Created,
            [](QJsonObject &e) {
                setAt(e, u"event.case", caseNumber(1, u"33030202"_s));
                setAt(e, u"case.number", caseNumber(1, u"33030202"_s));
            },
            "belongs to hall"},
        {"snapshot of another hall", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.hall", u"33030202"_s); }, "snapshot is of hall 33030202"},
        {"event of another counter", K::Created, [](QJsonObject &e) { setAt(e, u"event.counter", u"W99"_s); },
            "from counter W99"},
        {"snapshot of another counter at creation", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.counter", u"W08"_s); }, "names counter W08"},
        {"snapshot of the opening counter later", K::Updated,
            [](QJsonObject &e) { setAt(e, u"case.counter", u"W08"_s); }, nullptr},
        {"case numbered for another counter", K::Created,
            [](QJsonObject &e) {
                const QString other
                    = CaseNumber::make(u"33030201"_s, QDate(2026, 3, 16), CaseNumber::sequenceFor(8, 1))
                          ->toString();
                setAt(e, u"event.case", other);
                setAt(e, u"case.number", other);
            },
            "counter number 8"},
        {"empty QR token", K::Created, [](QJsonObject &e) { setAt(e, u"case.qrToken", QString()); },
            "case.qrToken must be text"},
        {"QR token of the wrong shape", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.qrToken", u"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s); }, "QR token"},
        {"string payload", K::Created, [](QJsonObject &e) { setAt(e, u"event.payload", u"text"_s); },
            "event.payload must be a JSON object"},
        {"invalid applicant ID number at acceptance", K::Accepted,
            [](QJsonObject &e) { setAt(e, u"case.applicant.idNumber", u"110105194912310021"_s); },
            "applicant's data is not valid"},
        {"invalid applicant ID number once accepted", K::Updated,
            [](QJsonObject &e) {
                setAt(e, u"state", u"accepted"_s);
                setAt(e, u"case.applicant.idNumber", u"110105194912310021"_s);
            },
            "applicant's data is not valid"},
        {"mistyped ID number in a draft", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.applicant.idNumber", u"110105194912310021"_s); }, nullptr},
        {"invalid credit code", K::Accepted,
            [](QJsonObject &e) {
                setAt(e, u"case.applicant.kind", u"enterprise"_s);
                setAt(e, u"case.applicant.idNumber", u"91110000600037341X"_s);
            },
            "applicant's data is not valid"},
        {"invalid contact ID number", K::Accepted,
            [](QJsonObject &e) { setAt(e, u"case.applicant.contactIdNumber", u"360426199101010072"_s); },
            "applicant's data is not valid"},
        {"incomplete applicant in a draft", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.applicant.contactMobile", QString()); }, nullptr},
        {"incomplete applicant at acceptance", K::Accepted,
            [](QJsonObject &e) { setAt(e, u"case.applicant.contactMobile", QString()); },
            "applicant's data is not valid"},
        {"negative promised days", K::Created, [](QJsonObject &e) { setAt(e, u"case.promisedDays", -5); },
            "case.promisedDays must be a whole number from 0 to 366"},
        {"promised days beyond a year", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.promisedDays", 100000); }, "case.promisedDays"},
        {"fractional promised days", K::Created, [](QJsonObject &e) { setAt(e, u"case.promisedDays", 2.5); },
            "case.promisedDays"},
        {"promised days as text", K::Created, [](QJsonObject &e) { setAt(e, u"case.promisedDays", u"7"_s); },
            "case.promisedDays"},
        {"zero quantity", K::Created, [](QJsonObject &e) { setAt(e, u"case.quantity", 0); }, "case.quantity"},
        {"1 MB clerk", K::Created,
            [](QJsonObject &e) { setAt(e, u"event.clerk", QString(1024 * 1024, u'x')); }, "bytes; at most"},
        {"long clerk", K::Created, [](QJsonObject &e) { setAt(e, u"event.clerk", QString(65, u'x')); },
            "event.clerk must be text of 1 to 64"},
        {"empty clerk", K::Created, [](QJsonObject &e) { setAt(e, u"event.clerk", QString()); },
            "event.clerk must be text"},
        {"clerk as a number", K::Created, [](QJsonObject &e) { setAt(e, u"event.clerk", 42); },
            "event.clerk must be text"},
        {"long remarks", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.applicant.remarks", QString(5000, u'备')); },
            "longer than 4000"},
        {"control character", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.applicant.remarks", u"ok\u001b[2J"_s); },
            "control character"},
        {"long matter name", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.matter.name", QString(201, u'x')); }, "case.matter.name"},
        {"deep payload", K::Created, [](QJsonObject &e) { setAt(e, u"event.payload.deep", deepPayload(40)); },
            "nested deeper"},
        {"event dated 9999", K::Created,
            [](QJsonObject &e) { setAt(e, u"event.time", u"9999-12-31T00:00:00.000Z"_s); }, "hours after"},
        {"event 25 hours ahead", K::Created,
            [](QJsonObject &e) { setAt(e, u"event.time", CaseJson::timeText(kNow.addSecs(25 * 3600))); },
            "hours after"},
        {"event 23 hours ahead", K::Created,
            [](QJsonObject &e) { setAt(e, u"event.time", CaseJson::timeText(kNow.addSecs(23 * 3600))); },
            nullptr},
        {"event dated 1970", K::Created,
            [](QJsonObject &e) { setAt(e, u"event.time", u"1970-01-01T00:00:00.000Z"_s); }, "days before"},
        {"event not a time", K::Created, [](QJsonObject &e) { setAt(e, u"event.time", u"13/13/2026"_s); },
            "no valid time"},
        {"snapshot created in 2099", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.created", u"2099-01-01T00:00:00.000Z"_s); }, "case.created"},
        {"promised deadline not a date", K::Created,
            [](QJsonObject &e) { setAt(e, u"case.promisedDeadline", u"2026-02-30"_s); }, "not a date"},
        {"withdrawal with its reason and who asked", K::Withdrawn,
            [](QJsonObject &e) {
                setAt(e, u"event.payload",
                    QJsonObject {{u"reason"_s, u"不再需要"_s}, {u"requestedBy"_s, u"applicant"_s},
                        {u"requester"_s, u"张三"_s}});
            },
            nullptr},
        {"withdrawal without a reason", K::Withdrawn,
            [](QJsonObject &e) {
                setAt(e, u"event.payload",
                    QJsonObject {{u"requestedBy"_s, u"applicant"_s}, {u"requester"_s, u"张三"_s}});
            },
            "reason"},
        {"withdrawal without who asked", K::Withdrawn,
            [](QJsonObject &e) {
                setAt(e, u"event.payload", QJsonObject {{u"reason"_s, u"不再需要"_s}});
            },
            "agent"},
        {"attachment of negative size", K::Created,
            [](QJsonObject &e) {
                QJsonObject a = CaseJson::attachment(CaseAttachment {
                    QString(64, u'a'), u"id-card"_s, u"scan.png"_s, u"image/png"_s, -1, kNow});
                setAt(e, u"case.attachments", QJsonArray {a});
            },
            "case.attachments.size"},
    };
    return rows;
}

void TestEventValidation::eachRule_data()
{
    QTest::addColumn<int>("row");
    for (qsizetype i = 0; i < rules().size(); ++i)
        QTest::newRow(rules().at(i).rule) << int(i);
}

void TestEventValidation::eachRule()
{
    QFETCH(int, row);
    const Row &r = rules().at(row);
    const QString number = caseNumber(1);
    Case c = snapshotOf(number);
    const CaseState after = r.kind == EventKind::Accepted ? CaseState::Accepted : CaseState::Draft;
    c.state = after;
    QJsonObject entry = outboxEntry(&c, number, r.kind, kNow.addSecs(-60), after);
    r.edit(entry);
    const IncomingEvent incoming = parsed(entry);
    const QString reason
        = incoming.problem.isEmpty() ? EventValidator().check(incoming, counter7(), kNow) : incoming.problem;
    if (!r.refusal) {
        QVERIFY2(reason.isEmpty(), qPrintable(QString::fromLatin1(r.rule) + u": "_s + reason));
        return;
    }
    QVERIFY2(reason.contains(QString::fromUtf8(r.refusal)),
        qPrintable(QString::fromLatin1(r.rule) + u": got “"_s + reason.left(300) + u"”"_s));
}

void TestEventValidation::lifecycleOrder()
{
    const QString number = caseNumber(2);
    Case c = snapshotOf(number);
    const IncomingEvent created
        = parsed(outboxEntry(&c, number, EventKind::Created, kNow.addSecs(-60), CaseState::Draft));
    const IncomingEvent acceptedFirst
        = parsed(outboxEntry(&c, number, EventKind::Accepted, kNow.addSecs(-60), CaseState::Accepted));
    const IncomingEvent bare = parsed(
        outboxEntry(nullptr, number, EventKind::Transferred, kNow.addSecs(-60), CaseState::Transferred));
    QVERIFY(EventValidator::checkOrder(created, false).isEmpty());
    QVERIFY(EventValidator::checkOrder(acceptedFirst, false).contains(u"first event must be “created”"_s));
    QVERIFY(EventValidator::checkOrder(bare, false).contains(u"first event must be “created”"_s));
    QVERIFY(EventValidator::checkOrder(created, true).contains(u"comes once"_s));
    QVERIFY(EventValidator::checkOrder(acceptedFirst, true).isEmpty());
    QVERIFY(EventValidator::checkOrder(bare, true).isEmpty());
}

void TestEventValidation::uuidShape()
{
    QVERIFY(EventValidator::isUuid(u"0f8fad5b-d9cb-469f-a165-70867728950e"));
    QVERIFY(EventValidator::isUuid(u"0F8FAD5B-D9CB-469F-A165-70867728950E"));
    QVERIFY(!EventValidator::isUuid(u"{0f8fad5b-d9cb-469f-a165-70867728950e}"));
    QVERIFY(!EventValidator::isUuid(u"0f8fad5bd9cb469fa16570867728950e"));
    QVERIFY(!EventValidator::isUuid(u"0f8fad5b-d9cb-469f-a165-70867728950g"));
    QVERIFY(!EventValidator::isUuid(u""));

    // No upper bound for old events when the server is told so (counters that were offline long).
    const QString number = caseNumber(3);
    Case c = snapshotOf(number);
    QJsonObject entry = outboxEntry(&c, number, EventKind::Created, kNow.addSecs(-60), CaseState::Draft);
    setAt(entry, u"event.time", CaseJson::timeText(kNow.addDays(-800)));
    const IncomingEvent old = parsed(entry);
    QVERIFY(!EventValidator().check(old, counter7(), kNow).isEmpty());
    QVERIFY(EventValidator({24 * 3600, 0}).check(old, counter7(), kNow).isEmpty());
}

void TestEventValidation::departmentEventBounds()
{
    DepartmentEventRequest request;
    request.kind = EventKind::InReview;
    request.clerk = u"li"_s;
    request.payload = QJsonObject {{u"note"_s, u"材料齐全，进入审查"_s}};
    QVERIFY(EventValidator::checkDepartmentEvent(request).isEmpty());
    request.clerk = QString(1024 * 1024, u'x');
    QVERIFY(EventValidator::checkDepartmentEvent(request).contains(u"bytes; at most"_s));
    request.clerk = QString(65, u'x');
    QVERIFY(EventValidator::checkDepartmentEvent(request).contains(u"clerk must be text of 1 to 64"_s));
    request.clerk = u"li"_s;
    request.payload = QJsonObject {{u"note"_s, u"\u001b[31mred"_s}};
    QVERIFY(EventValidator::checkDepartmentEvent(request).contains(u"control character"_s));
    request.payload = QJsonObject {{u"deep"_s, deepPayload(40)}};
    QVERIFY(EventValidator::checkDepartmentEvent(request).contains(u"nested deeper"_s));
}

void TestEventValidation::supplementEventsFromACounter()
{
    // 补齐补正 at the counter: what was handed in, with its scans, and what is still awaited, as
    // Supplements::payload writes it. supplement-received keeps the state; supplemented completes
    // a department's request.
    const QString number = caseNumber(4);
    const QString scan(64, u'b');
    const QJsonObject payload {{u"materials"_s,
                                   QJsonArray {QJsonObject {{u"id"_s, u"water-test"_s},
                                       {u"name"_s, u"水质检测报告"_s}, {u"scans"_s, QJsonArray {scan}}}}},
        {u"outstanding"_s, QJsonArray {u"fire-check"_s}}};
    const QList<std::pair<EventKind, CaseState>> kinds {
        {EventKind::SupplementReceived, CaseState::AcceptedWithWaiver},
        {EventKind::SupplementReceived, CaseState::SupplementRequested},
        {EventKind::Supplemented, CaseState::Supplemented}};
    for (const auto &[kind, state] : kinds) {
        Case c = snapshotOf(number);
        c.state = state;
        c.applicant = ow::cases::testing::person();
        c.attachments = {CaseAttachment {scan, u"water-test"_s, u"page.jpg"_s, u"image/jpeg"_s, 1024, kNow}};
        QJsonObject entry = outboxEntry(&c, number, kind, kNow.addSecs(-60), state);
        setAt(entry, u"event.payload"_s, payload);
        const IncomingEvent incoming = parsed(entry);
        QVERIFY2(incoming.problem.isEmpty(), qPrintable(incoming.problem));
        const QString reason = EventValidator().check(incoming, counter7(), kNow);
        QVERIFY2(reason.isEmpty(), qPrintable(keyword(kind) + u": "_s + reason));
        QVERIFY(EventValidator::checkOrder(incoming, true).isEmpty());

        // The same bounds as every event: a control character in a material's name is refused.
        QJsonObject bad = entry;
        QJsonObject badPayload = payload;
        badPayload.insert(u"materials"_s,
            QJsonArray {QJsonObject {{u"id"_s, u"water-test"_s}, {u"name"_s, u"\u001b[2J"_s}}});
        setAt(bad, u"event.payload"_s, badPayload);
        QVERIFY(EventValidator().check(parsed(bad), counter7(), kNow).contains(u"control character"_s));
    }

    // Departments ask for materials; what the applicant hands in is recorded where it is handed in,
    // at a counter: the department API refuses both kinds.
    for (const char *kind : {"supplement-received", "supplemented"}) {
        const QByteArray body = QJsonDocument(
            QJsonObject {{u"kind"_s, QString::fromLatin1(kind)}, {u"clerk"_s, u"li"_s},
                {u"payload"_s,
                    payload}}).toJson(QJsonDocument::Compact);
        const Result<DepartmentEventRequest> request = RequestParser::departmentEvent(body);
        QVERIFY(!request);
        QVERIFY(request.error().message().contains(QString::fromLatin1(kind)));
    }
}

void TestEventValidation::transferEventsFromACounter()
{
    // 移交清单 as TransferDesk writes it: transfer-listed puts the case's folder on a list,
    // transfer-flagged marks it missing (or extra) at the receiver's check. Neither moves the case.
    const QString number = caseNumber(5);
    const QString list = u"33030201-20260316-07-1130-wj"_s;
    const QJsonObject listed {{u"list"_s, list}, {u"department"_s, u"wj"_s},
        {u"departmentName"_s, u"区卫生健康局"_s}, {u"day"_s, u"2026-03-16"_s}, {u"slot"_s, u"11:30"_s},
        {u"matterName"_s, u"公共场所卫生许可"_s}, {u"applicant"_s, u"张*丰 1101**********002X"_s},
        {u"materials"_s,
            QJsonArray {QJsonObject {{u"id"_s, u"id-card"_s}, {u"name"_s, u"居民身份证"_s},
                {u"original"_s, false}, {u"copy"_s, true}, {u"copies"_s, 1}, {u"pages"_s, 2}}}}};
    const QJsonObject flagged {{u"list"_s, list},
        {u"confirmation"_s, u"0b7e0a52-3f51-4a8e-9a57-6c2b1e9d4f10"_s}, {u"missing"_s, QJsonArray {number}},
        {u"extra"_s, QJsonArray {}}, {u"problem"_s, u"missing"_s}};
    const QList<std::pair<EventKind, QJsonObject>> kinds {
        {EventKind::TransferListed, listed}, {EventKind::TransferFlagged, flagged}};
    for (const auto &[kind, payload] : kinds) {
        QJsonObject entry = outboxEntry(nullptr, number, kind, kNow.addSecs(-60), CaseState::Accepted);
        setAt(entry, u"event.payload"_s, payload);
        const IncomingEvent incoming = parsed(entry);
        QVERIFY2(incoming.problem.isEmpty(), qPrintable(incoming.problem));
        const QString reason = EventValidator().check(incoming, counter7(), kNow);
        QVERIFY2(reason.isEmpty(), qPrintable(keyword(kind) + u": "_s + reason));
        QVERIFY(EventValidator::checkOrder(incoming, true).isEmpty());

        // Bounded like every payload: a control character in the list id is refused.
        QJsonObject bad = entry;
        QJsonObject badPayload = payload;
        badPayload.insert(u"list"_s, u"\u001b[2J"_s);
        setAt(bad, u"event.payload"_s, badPayload);
        QVERIFY(EventValidator().check(parsed(bad), counter7(), kNow).contains(u"control character"_s));
    }
}

QTEST_GUILESS_MAIN(TestEventValidation)
#include "tst_eventValidation.moc"
