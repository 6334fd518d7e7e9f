#include "catalogue/Answers.h"
#include "catalogue/Condition.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;
using Kind = Condition::Kind;
using Op = Condition::Op;

Q_DECLARE_METATYPE(ow::catalogue::Truth)

namespace {

ConditionPtr parsed(const QString &text)
{
    auto result = parseCondition(text, {QStringLiteral("m.txt"), 1, 1});
    if (!result) {
        qWarning("%s: %s", qPrintable(text), qPrintable(result.error().message()));
        return {};
    }
    return *result;
}

// The tree without its source locations: what a round trip through toString() must preserve.
bool sameShape(const Condition &a, const Condition &b)
{
    if (a.kind != b.kind || a.literal != b.literal || a.questionId != b.questionId
        || a.optionIds != b.optionIds || a.op != b.op || a.number != b.number
        || a.operands.size() != b.operands.size())
        return false;
    for (size_t i = 0; i < a.operands.size(); ++i) {
        if (!sameShape(*a.operands[i], *b.operands[i]))
            return false;
    }
    return true;
}

const char *truthName(Truth t)
{
    switch (t) {
    case Truth::True:
        return "True";
    case Truth::False:
        return "False";
    case Truth::Unknown:
        return "Unknown";
    }
    return "?";
}

} // namespace

namespace QTest {
template<> char *toString(const Truth &t)
{
    return qstrdup(truthName(t));
}
} // namespace QTest

class TestCondition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAtoms_data();
    void parsesAtoms();
    void acceptsFullWidthAndMathSigns();
    void precedence();
    void flattensGroups();
    void recordsLocations();
    void referencedQuestions();
    void roundTrip_data();
    void roundTrip();
    void evaluates_data();
    void evaluates();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void treatsColumnZeroAsOne();
    void limitsNesting();
    void randomInputNeverCrashes();
};

void TestCondition::parsesAtoms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("op");
    QTest::addColumn<double>("number");

    const auto k = [](Kind kind) { return int(kind); };
    const auto o = [](Op op) { return int(op); };
    const QString q = QStringLiteral("place-type");
    QTest::newRow("equals") << u"place-type = bath"_s << k(Kind::Equals) << q << QStringList {u"bath"_s} << 4
                            << 0.0;
    QTest::newRow("not-equals") << u"place-type!=bath"_s << k(Kind::NotEquals) << q << QStringList {u"bath"_s}
                                << 4 << 0.0;
    QTest::newRow("in") << u"place-type in (a, b.c, d_e)"_s << k(Kind::In) << q
                        << QStringList {u"a"_s, u"b.c"_s, u"d_e"_s} << 4 << 0.0;
    QTest::newRow("has") << u"place-type has pool"_s << k(Kind::Has) << q << QStringList {u"pool"_s} << 4
                         << 0.0;
    QTest::newRow("has-any") << u"place-type has any (x,y)"_s << k(Kind::HasAny) << q
                             << QStringList {u"x"_s, u"y"_s} << 4 << 0.0;
    QTest::newRow("answered") << u"answered( place-type )"_s << k(Kind::Answered) << q << QStringList {} << 4
                              << 0.0;
    QTest::newRow("less") << u"area < 10"_s << k(Kind::Compare) << u"area"_s << QStringList {} << o(Op::Less)
                          << 10.0;
    QTest::newRow("less-equal") << u"area<=10.5"_s << k(Kind::Compare) << u"area"_s << QStringList {}
                                << o(Op::LessEqual) << 10.5;
    QTest::newRow("greater") << u"area > -3"_s << k(Kind::Compare) << u"area"_s << QStringList {}
                             << o(Op::Greater) << -3.0;
    QTest::newRow("greater-equal") << u"area >= 150"_s << k(Kind::Compare) << u"area"_s << QStringList {}
                                   << o(Op::GreaterEqual) << 150.0;
    QTest::newRow("equal-number") << u"area = 0"_s << k(Kind::Compare) << u"area"_s << QStringList {}
                                  << o(Op::Equal) << 0.0;
    QTest::newRow("not-equal-number")
        << u"area != +2"_s << k(Kind::Compare) << u"area"_s << QStringList {} << o(Op::NotEqual) << 2.0;
    QTest::newRow("digit-first-id") << u"2nd-floor = yes"_s << k(Kind::Equals) << u"2nd-floor"_s
                                    << QStringList {u"yes"_s} << 4 << 0.0;
    QTest::newRow("number-like-option")
        << u"q = 1.2.3"_s << k(Kind::Equals) << u"q"_s << QStringList {u"1.2.3"_s} << 4 << 0.0;
}

void TestCondition::parsesAtoms()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, question);
    QFETCH(QStringList, options);
    QFETCH(int, op);
    QFETCH(double, number);

    const ConditionPtr c = parsed(text);
    QVERIFY(c);
    QCOMPARE(int(c->kind), kind);
    QCOMPARE(c->questionId, question);
    QCOMPARE(c->optionIds, options);
    if (c->kind == Kind::Compare) {
        QCOMPARE(int(c->op), op);
        QCOMPARE(c->number, number);
    }
}

void TestCondition::acceptsFullWidthAndMathSigns()
{
    auto c = parsed(u"q in （a，b） and n ≥ 3 and n ≤ 9 and n ≠ 5 and q ≠ c"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::And);
    QCOMPARE(c->operands.size(), size_t(5));
    QCOMPARE(c->operands[0]->optionIds, (QStringList {u"a"_s, u"b"_s}));
    QCOMPARE(c->operands[1]->op, Op::GreaterEqual);
    QCOMPARE(c->operands[2]->op, Op::LessEqual);
    QCOMPARE(c->operands[3]->op, Op::NotEqual);
    QCOMPARE(c->operands[3]->kind, Kind::Compare);
    QCOMPARE(c->operands[4]->kind, Kind::NotEquals);
    QCOMPARE(c->toString(), u"q in (a, b) and n >= 3 and n <= 9 and n != 5 and q != c"_s);

    c = parsed(u"（a = x or b = y） and true"_s);
    QVERIFY(c);
    QCOMPARE(c->toString(), u"(a = x or b = y) and true"_s);
}

void TestCondition::precedence()
{
    // not > and > or
    auto c = parsed(u"not a = x and b = y or c = z"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::Or);
    QCOMPARE(c->operands.size(), size_t(2));
    const Condition &left = *c->operands[0];
    QCOMPARE(left.kind, Kind::And);
    QCOMPARE(left.operands[0]->kind, Kind::Not);
    QCOMPARE(left.operands[0]->operands[0]->kind, Kind::Equals);
    QCOMPARE(left.operands[1]->questionId, u"b"_s);
    QCOMPARE(c->operands[1]->questionId, u"c"_s);

    c = parsed(u"a = x or b = y and c = z"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::Or);
    QCOMPARE(c->operands[1]->kind, Kind::And);

    c = parsed(u"not (a = x or b = y)"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::Not);
    QCOMPARE(c->operands[0]->kind, Kind::Or);

    c = parsed(u"(a = x or b = y) and c = z"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::And);
    QCOMPARE(c->operands[0]->kind, Kind::Or);
}

void TestCondition::flattensGroups()
{
    auto c = parsed(u"a = x and b = y and c = z"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::And);
    QCOMPARE(c->operands.size(), size_t(3));

    c = parsed(u"a = x or (b = y or c = z) or d = w"_s);
    QVERIFY(c);
    QCOMPARE(c->kind, Kind::Or);
    QCOMPARE(c->operands.size(), size_t(4));
    QCOMPARE(c->operands[3]->questionId, u"d"_s);
}

void TestCondition::recordsLocations()
{
    const SourceLocation where {QStringLiteral("matters/x.txt"), 12, 11};
    auto result = parseCondition(u"a = x or not (b has y)"_s, where);
    QVERIFY(result);
    const Condition &c = **result;
    QCOMPARE(c.where, where);
    QCOMPARE(c.operands[0]->where.column, 11);
    QCOMPARE(c.operands[1]->where.column, 20); // "not"
    QCOMPARE(c.operands[1]->operands[0]->where.column, 25); // "b"
    QCOMPARE(c.operands[1]->operands[0]->where.line, 12);
    QCOMPARE(c.operands[1]->operands[0]->where.file, where.file);
}

void TestCondition::referencedQuestions()
{
    auto c = parsed(u"b = x or (a > 3 and not answered(c)) or b has y or true or a in (b)"_s);
    QVERIFY(c);
    QCOMPARE(c->referencedQuestions(), (QStringList {u"b"_s, u"a"_s, u"c"_s}));
    QCOMPARE(parsed(u"true"_s)->referencedQuestions(), QStringList {});
}

void TestCondition::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    const auto row = [](const char *name, const QString &text, const QString &canonical) {
        QTest::newRow(name) << text << canonical;
    };
    row("spec-example", u"place-type = bath or (bath-area >= 150 and not answered(x))"_s,
        u"place-type = bath or (bath-area >= 150 and not answered(x))"_s);
    row("spacing", u"  q=a   and(r!=b)"_s, u"q = a and r != b"_s);
    row("in", u"q in(a,b ,c)"_s, u"q in (a, b, c)"_s);
    row("has-any", u"q has any(a)"_s, u"q has any (a)"_s);
    row("has", u"q has a"_s, u"q has a"_s);
    row("true", u"true"_s, u"true"_s);
    row("false-parens", u"((false))"_s, u"false"_s);
    row("not-not", u"not not answered(q)"_s, u"not not answered(q)"_s);
    row("not-atom", u"not q = a"_s, u"not (q = a)"_s);
    row("not-group", u"not (q = a and r = b)"_s, u"not (q = a and r = b)"_s);
    row("or-in-and", u"(a = x or b = y) and (c = z or d = w)"_s, u"(a = x or b = y) and (c = z or d = w)"_s);
    row("and-in-or", u"(a = x and b = y) or c = z"_s, u"(a = x and b = y) or c = z"_s);
    row("and-in-or-bare", u"a = x and b = y or c = z"_s, u"(a = x and b = y) or c = z"_s);
    row("flatten", u"a = x and (b = y and c = z)"_s, u"a = x and b = y and c = z"_s);
    row("decimal", u"n >= 0.50"_s, u"n >= 0.5"_s);
    row("negative", u"n < -12"_s, u"n < -12"_s);
    row("plus-sign", u"n <= +7"_s, u"n <= 7"_s);
    row("tiny", u"n > 0.0000001"_s, u"n > 1e-07"_s);
    row("huge", u"n > 120000000000000000"_s, u"n > 1.2e+17"_s);
    row("math-signs", u"n≥1 and n≤2 and n≠3"_s, u"n >= 1 and n <= 2 and n != 3"_s);
    row("number-equals", u"n = 5 or n != 6"_s, u"n = 5 or n != 6"_s);
    row("ids", u"a.b-c_d = 9x"_s, u"a.b-c_d = 9x"_s);
    row("mixed", u"not answered(a) or a in (x) and b has any (y, z) and not b has w"_s,
        u"not answered(a) or (a in (x) and b has any (y, z) and not (b has w))"_s);
}

void TestCondition::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const ConditionPtr c = parsed(text);
    QVERIFY(c);
    QCOMPARE(c->toString(), canonical);
    const ConditionPtr again = parsed(canonical);
    QVERIFY(again);
    QVERIFY(sameShape(*c, *again));
    QCOMPARE(again->toString(), canonical);
}

void TestCondition::evaluates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Truth>("expected");

    const auto row = [](const QString &text, Truth t) { QTest::newRow(qPrintable(text)) << text << t; };
    const Truth T = Truth::True, F = Truth::False, U = Truth::Unknown;
    // single choice
    row(u"place = bath"_s, T);
    row(u"place = lodging"_s, F);
    row(u"place != lodging"_s, T);
    row(u"place != bath"_s, F);
    row(u"place in (lodging, bath)"_s, T);
    row(u"place in (lodging)"_s, F);
    // multi choice
    row(u"services has food"_s, T);
    row(u"services has bar"_s, F);
    row(u"services has any (bar, pool)"_s, T);
    row(u"services has any (bar)"_s, F);
    row(u"services = food"_s, F);
    row(u"only-food = food"_s, T);
    row(u"only-food != food"_s, F);
    row(u"nothing has food"_s, F);
    row(u"answered(nothing)"_s, T);
    // number
    row(u"area >= 150"_s, T);
    row(u"area ≥ 200"_s, T);
    row(u"area > 200"_s, F);
    row(u"area < 150"_s, F);
    row(u"area <= 200"_s, T);
    row(u"area = 200"_s, T);
    row(u"area != 200"_s, F);
    // mismatched types are false, never true
    row(u"place >= 5"_s, F);
    row(u"area = bath"_s, F);
    row(u"area != bath"_s, F);
    row(u"place has bath"_s, F);
    row(u"services in (food)"_s, F);
    row(u"place has any (bath)"_s, F);
    // unanswered: Unknown; answered() is already decided
    row(u"later = x"_s, U);
    row(u"later != x"_s, U);
    row(u"later in (x)"_s, U);
    row(u"later has x"_s, U);
    row(u"later >= 1"_s, U);
    row(u"answered(later)"_s, F);
    row(u"answered(place)"_s, T);
    row(u"not later = x"_s, U);
    // not applicable: every comparison false
    row(u"skipped = x"_s, F);
    row(u"skipped != x"_s, F);
    row(u"not (skipped = x)"_s, T);
    row(u"skipped has x"_s, F);
    row(u"skipped < 1"_s, F);
    row(u"answered(skipped)"_s, F);
    // Kleene logic
    row(u"true"_s, T);
    row(u"not true"_s, F);
    row(u"later = x and place = lodging"_s, F);
    row(u"later = x and place = bath"_s, U);
    row(u"place = bath and later = x"_s, U);
    row(u"later = x or place = bath"_s, T);
    row(u"later = x or place = lodging"_s, U);
    row(u"later = x and false"_s, F);
    row(u"later = x or true"_s, T);
    row(u"place = bath and (area > 100 or later = x)"_s, T);
    row(u"not (later = x or place = bath)"_s, F);
}

void TestCondition::evaluates()
{
    QFETCH(QString, text);
    QFETCH(Truth, expected);

    Answers answers;
    answers.set(u"place"_s, Answer::single(u"bath"_s));
    answers.set(u"services"_s, Answer::multi({u"pool"_s, u"food"_s}));
    answers.set(u"only-food"_s, Answer::multi({u"food"_s}));
    answers.set(u"nothing"_s, Answer::multi({}));
    answers.set(u"area"_s, Answer::numeric(200));
    answers.setNotApplicable(u"skipped"_s);

    const ConditionPtr c = parsed(text);
    QVERIFY(c);
    QCOMPARE(c->evaluate(answers), expected);
}

void TestCondition::rejectsMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // The condition text starts at column 11 (after "    when: ").
    const auto row = [](const char *name, const QString &text, int column, const QString &message) {
        QTest::newRow(name) << text << column << message;
    };
    row("empty", u""_s, 11, u"the condition is empty: write a condition or leave out the line"_s);
    row("blank", u"   "_s, 11, u"the condition is empty: write a condition or leave out the line"_s);
    row("dangling-and", u"a = x and"_s, 20, u"unexpected end of condition: expected a condition"_s);
    row("missing-paren", u"(a = x"_s, 17, u"unexpected end of condition: a closing ')' is missing"_s);
    row("equals-paren", u"a = )"_s, 15, u"expected an option id after '=' but found ')'"_s);
    row("empty-in", u"a in ()"_s, 17, u"the list in parentheses is empty: write at least one option id"_s);
    row("unknown-char", u"a = x & b = y"_s, 17, u"unknown character '&'"_s);
    row("control-char", u"a = x\u0001"_s, 16, u"unknown character U+0001"_s);
    row("chinese", u"a = 浴室"_s, 15, u"unknown character '浴'"_s);
    row("has-number", u"a has 5"_s, 17, u"expected an option id after 'has' but found '5'"_s);
    row("has-any-bare", u"a has any b"_s, 21,
        u"'has any' needs a list in parentheses, as in q has any (a, b)"_s);
    row("in-bare", u"a in b"_s, 16, u"'in' needs a list in parentheses, as in q in (a, b)"_s);
    row("compare-id", u"a >= x"_s, 16, u"expected a number after '>=' but found 'x'"_s);
    row("compare-sign", u"a ≥ x"_s, 15, u"expected a number after '≥' but found 'x'"_s);
    row("stray-close", u"a = x)"_s, 16, u"unexpected ')': there is no '(' it could close"_s);
    row("juxtaposed", u"a = x b = y"_s, 17,
        u"expected 'and', 'or' or the end of the condition but found 'b'"_s);
    row("keyword-as-id", u"and = x"_s, 11, u"expected a condition but found the reserved word 'and'"_s);
    row("keyword-as-option", u"a = not"_s, 15,
        u"expected an option id after '=' but found the reserved word 'not'"_s);
    row("id-alone", u"a"_s, 12,
        u"unexpected end of condition: expected '=', '!=', 'in', 'has' or a comparison after the question id 'a'"_s);
    row("list-no-comma", u"a in (x y)"_s, 19, u"expected ',' or ')' in the list but found 'y'"_s);
    row("list-open", u"a in (x, y"_s, 21, u"unexpected end of condition: a closing ')' is missing"_s);
    row("answered-bare", u"answered q"_s, 20,
        u"'answered' needs a question id in parentheses, as in answered(q)"_s);
    row("bang", u"a ! b"_s, 13, u"unknown character '!'"_s);
    row("double-equals", u"a == b"_s, 14, u"expected an option id after '=' but found '='"_s);
    row("inner-junk", u"(a = x b)"_s, 18, u"expected 'and', 'or' or ')' but found 'b'"_s);
    row("number-first", u"5 = a"_s, 11, u"expected a condition but found '5'"_s);
    row("too-large", u"a > 1e999"_s, 15, u"the number '1e999' is too large"_s);
    row("sign-without-digits", u"a > -x"_s, 15, u"unknown character '-'"_s);
}

void TestCondition::rejectsMalformed()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);

    const SourceLocation where {QStringLiteral("matters/x.txt"), 7, 11};
    const auto result = parseCondition(text, where);
    QVERIFY(!result);
    QCOMPARE(result.error().message(), message);
    QCOMPARE(result.error().code(), Error::Code::Parse);
    QCOMPARE(result.error().where().file, where.file);
    QCOMPARE(result.error().where().line, 7);
    QCOMPARE(result.error().where().column, column);
}

void TestCondition::treatsColumnZeroAsOne()
{
    const auto result = parseCondition(u"a = )"_s, {QStringLiteral("f.txt"), 3, 0});
    QVERIFY(!result);
    QCOMPARE(result.error().where().column, 5);
    QCOMPARE(result.error().toString(), u"f.txt:3:5: expected an option id after '=' but found ')'"_s);
}

void TestCondition::limitsNesting()
{
    const QString deepParens = QString(200, u'(') + u"a = x"_s + QString(200, u')');
    auto result = parseCondition(deepParens);
    QVERIFY(!result);
    QVERIFY(result.error().message().contains(u"nested too deeply"_s));

    QString deepNot;
    for (int i = 0; i < 500; ++i)
        deepNot += u"not "_s;
    deepNot += u"true"_s;
    result = parseCondition(deepNot);
    QVERIFY(!result);

    const QString fine = QString(50, u'(') + u"a = x"_s + QString(50, u')');
    QVERIFY(parseCondition(fine));
}

namespace {

// A random well-formed condition in loose, non-canonical spelling.
QString randomCondition(QRandomGenerator &random, int depth)
{
    static const QStringList ids = {u"a"_s, u"b-1"_s, u"c.d"_s, u"9z"_s};
    static const QStringList numbers = {u"5"_s, u"-2.5"_s, u"+1e3"_s, u"0.125"_s};
    static const QStringList ops
        = {u"="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s, u"≥"_s, u"≤"_s, u"≠"_s};
    const auto pick = [&](const QStringList &list) { return list[random.bounded(int(list.size()))]; };
    const auto list = [&]() -> QString {
        QString text = pick(ids);
        for (int n = random.bounded(3); n > 0; --n)
            text += (random.bounded(2) ? u","_s : u" ， "_s) + pick(ids);
        return (random.bounded(2) ? u"("_s : u"（"_s) + text + u")"_s;
    };
    switch (depth > 3 ? random.bounded(7) : random.bounded(11)) {
    case 0:
        return random.bounded(2) ? u"true"_s : u"false"_s;
    case 1:
        return pick(ids) + u"="_s + pick(ids);
    case 2:
        return pick(ids) + u" != "_s + pick(ids);
    case 3:
        return pick(ids) + u" in "_s + list();
    case 4:
        return pick(ids) + u" has "_s + pick(ids);
    case 5:
        return pick(ids) + u" has any"_s + list();
    case 6:
        return pick(ids) + u" "_s + pick(ops) + u" "_s + pick(numbers) + u" "_s;
    case 7:
        return u"answered ("_s + pick(ids) + u")"_s;
    case 8:
        return u"not "_s + randomCondition(random, depth + 1);
    case 9:
        return u"("_s + randomCondition(random, depth + 1) + u")"_s;
    default:
        return randomCondition(random, depth + 1) + (random.bounded(2) ? u" and "_s : u" or "_s)
            + randomCondition(random, depth + 1);
    }
}

// Some random damage: cut, duplicate or overwrite a stretch, or splice in arbitrary bytes.
QString damaged(QRandomGenerator &random, QString text)
{
    const int at = text.isEmpty() ? 0 : random.bounded(int(text.size()));
    const int length = random.bounded(4);
    switch (random.bounded(4)) {
    case 0:
        return text.remove(at, length);
    case 1:
        return text.insert(at, text.mid(at, length));
    case 2:
        return text.insert(at, u"(),=!<>&"_s.mid(random.bounded(8), 1));
    default: {
        QByteArray bytes;
        for (int i = 0; i <= length; ++i)
            bytes += char(random.bounded(256));
        return text.insert(at, QString::fromUtf8(bytes));
    }
    }
}

} // namespace

void TestCondition::randomInputNeverCrashes()
{
    QRandomGenerator random(20240611);
    int parsedCount = 0;
    int failedCount = 0;
    for (int i = 0; i < 6000; ++i) {
        QString text;
        if (i % 3 == 2) {
            QByteArray bytes;
            for (int n = random.bounded(24); n > 0; --n)
                bytes += char(random.bounded(256));
            text = QString::fromUtf8(bytes);
        } else {
            text = randomCondition(random, 0);
            if (i % 3 == 1)
                text = damaged(random, text);
        }
        const auto result = parseCondition(text, {QStringLiteral("r.txt"), 1, 1});
        if (!result) {
            ++failedCount;
            QVERIFY2(!result.error().message().isEmpty(), qPrintable(text));
            QVERIFY2(result.error().where().column >= 1 && result.error().where().column <= text.size() + 1,
                qPrintable(text));
            QVERIFY2(i % 3 != 0, qPrintable(text)); // undamaged conditions must parse
            continue;
        }
        ++parsedCount;
        const QString canonical = (*result)->toString();
        const auto again = parseCondition(canonical);
        QVERIFY2(again, qPrintable(text + u" → "_s + canonical));
        QVERIFY2(sameShape(**result, **again), qPrintable(text + u" → "_s + canonical));
        QCOMPARE((*again)->toString(), canonical);
        (*result)->evaluate(Answers());
    }
    // The generator really exercises both the happy path and the error paths.
    QVERIFY(parsedCount > 2000);
    QVERIFY(failedCount > 1500);
}

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
