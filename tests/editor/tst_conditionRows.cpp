// The condition builder's model without widgets (authoring::ConditionRows, EntryCondition): every
// condition of the demo catalogue and of the synthetic one, made rows and written back, is the same
// condition; rows in groups give the brackets the format needs; ranges, `not` and literals; what
// cannot be rows says so; the problems of rows name their row; and the edit that writes an entry's
// condition rewrites, adds or removes only its `when:` line.

#include "EditorTestSupport.h"
#include "SyntheticCatalogue.h"
#include "authoring/CatalogueDocument.h"
#include "authoring/ConditionRows.h"
#include "authoring/EntryCondition.h"
#include "catalogue/TextTree.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::authoring;
using namespace Qt::StringLiterals;
using Op = catalogue::Condition::Op;
using Test = ConditionOperator::Test;

namespace {

/// Every `when:` value of the matter files under a catalogue folder.
QStringList conditionsIn(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder + u"/matters"_s, {u"*.txt"_s}, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        const catalogue::TextTree::Parsed parsed
            = catalogue::TextTree::parse(QString::fromUtf8(test::fileBytes(path)), path);
        std::function<void(const QList<catalogue::TextNode> &)> walk
            = [&](const QList<catalogue::TextNode> &nodes) {
                  for (const catalogue::TextNode &node : nodes) {
                      if (node.keyword == u"when")
                          found.append(node.value);
                      walk(node.children);
                  }
              };
        walk(parsed.roots);
    }
    return found;
}

QString canonical(const QString &text)
{
    const Result<catalogue::ConditionPtr> parsed = catalogue::parseCondition(text);
    return parsed ? (*parsed)->toString() : u"<does not parse: %1>"_s.arg(parsed.error().message());
}

ConditionRow row(
    const QString &question, ConditionOperator oper, const QStringList &options = {}, int group = 0)
{
    ConditionRow r;
    r.question = question;
    r.oper = oper;
    r.options = options;
    r.group = group;
    return r;
}

ConditionQuestion single(const QString &id, const QStringList &options)
{
    ConditionQuestion q;
    q.id = id;
    q.text = id + u"？"_s;
    for (const QString &option : options)
        q.options.append({option, option.toUpper()});
    return q;
}

NodeRef find(const CatalogueDocument &document, const QString &file, const QString &keyword,
    const QString &id, const QString &when = {})
{
    std::function<NodeRef(const QList<catalogue::TextNode> &)> search
        = [&](const QList<catalogue::TextNode> &nodes) {
              for (const catalogue::TextNode &node : nodes) {
                  const bool whenMatches = when.isNull()
                      || std::any_of(
                          node.children.cbegin(), node.children.cend(), [&](const catalogue::TextNode &c) {
                              return c.keyword == u"when" && c.value == when;
                          });
                  if (node.keyword == keyword && node.id == id && whenMatches)
                      return NodeRef {file, node.where.line};
                  if (NodeRef inside = search(node.children); inside.isValid())
                      return inside;
              }
              return NodeRef {};
          };
    return search(document.nodes(file));
}

} // namespace

class TestConditionRows : public QObject
{
    Q_OBJECT

    void roundTrip(const QStringList &conditions)
    {
        QVERIFY(!conditions.isEmpty());
        for (const QString &text : conditions) {
            const Result<ConditionRows> rows = ConditionRows::fromText(text);
            QVERIFY2(rows, qPrintable(text + u": "_s + (rows ? QString() : rows.error().message())));
            // Text → rows → text: the same condition.
            QCOMPARE(canonical(rows->toText()), canonical(text));
            // Rows → text → rows: the same rows.
            const Result<ConditionRows> again = ConditionRows::fromText(rows->toText());
            QVERIFY(again);
            QVERIFY2(again->rows == rows->rows && again->join == rows->join, qPrintable(text));
        }
    }

private Q_SLOTS:
    void everyDemoConditionRoundTrips()
    {
        const QStringList conditions = conditionsIn(QStringLiteral(OW_DEMO_CATALOGUE));
        QVERIFY(conditions.contains(u"sale-scope = bulk or business-form = catering"_s));
        roundTrip(conditions);
    }

    void everySyntheticConditionRoundTrips()
    {
        QTemporaryDir dir;
        synthgen::SyntheticCatalogue::Options options;
        options.matters = 1060;
        QVERIFY(synthgen::SyntheticCatalogue::write(dir.path(), options));
        const QStringList conditions = conditionsIn(dir.path());
        // The generator's shapes are all there: `not`, `and`, `or` inside `and`, numbers, answered().
        QVERIFY(conditions.size() > 1000);
        for (const QString &shape :
            {u"not ("_s, u" and "_s, u") and "_s, u" >= "_s, u"answered("_s, u" has "_s})
            QVERIFY2(std::any_of(conditions.cbegin(), conditions.cend(),
                         [&](const QString &c) { return c.contains(shape); }),
                qPrintable(shape));
        roundTrip(conditions);
    }

    void rowsAndGroups()
    {
        const Result<ConditionRows> or2
            = ConditionRows::fromText(u"place-type = lodging or bath-area >= 150"_s);
        QVERIFY(or2);
        QCOMPARE(or2->join, ConditionRows::Join::Or);
        QCOMPARE(or2->rows.size(), 2);
        QCOMPARE(or2->rows.at(0).oper, (ConditionOperator {Test::Is}));
        QCOMPARE(or2->rows.at(0).options, QStringList {u"lodging"_s});
        QCOMPARE(or2->rows.at(1).oper, (ConditionOperator {Test::Compare, false, Op::GreaterEqual}));
        QCOMPARE(or2->rows.at(1).number, 150.0);
        QCOMPARE(or2->groupCount(), 2);

        // `and` between groups; a group of two rows is joined by `or` in brackets.
        const Result<ConditionRows> mixed
            = ConditionRows::fromText(u"(a = x or b has y) and not (c in (p, q))"_s);
        QVERIFY(mixed);
        QCOMPARE(mixed->join, ConditionRows::Join::And);
        QCOMPARE(mixed->rows.size(), 3);
        QCOMPARE(mixed->rows.at(0).group, 0);
        QCOMPARE(mixed->rows.at(1).group, 0);
        QCOMPARE(mixed->rows.at(2).group, 1);
        QCOMPARE(mixed->rows.at(2).oper, (ConditionOperator {Test::AnyOf, true})); // none of
        QCOMPARE(mixed->toText(), u"(a = x or b has y) and not (c in (p, q))"_s);

        // Rows built one by one, their groups given out of order: each group's rows stand together.
        ConditionRows built;
        built.join = ConditionRows::Join::And;
        built.rows = {row(u"a"_s, {Test::Is}, {u"x"_s}, 0), row(u"c"_s, {Test::Answered, true}, {}, 1),
            row(u"b"_s, {Test::HasAny}, {u"y"_s, u"z"_s}, 0)};
        QCOMPARE(built.toText(), u"(a = x or b has any (y, z)) and not answered(c)"_s);
        built.normalize();
        QCOMPARE(built.rows.at(1).question, u"b"_s);
        built.join = ConditionRows::Join::Or;
        QCOMPARE(built.toText(), u"(a = x and b has any (y, z)) or not answered(c)"_s);
        QCOMPARE(ConditionRows {}.toText(), QString());
    }

    void rangesAreOneRow()
    {
        const Result<ConditionRows> range
            = ConditionRows::fromText(u"area >= 150 and area < 300 and kind = bath"_s);
        QVERIFY(range);
        QCOMPARE(range->rows.size(), 2);
        const ConditionRow &between = range->rows.at(0);
        QCOMPARE(between.oper, (ConditionOperator {Test::Between, false, Op::GreaterEqual, Op::Less}));
        QCOMPARE(between.number, 150.0);
        QCOMPARE(between.upper, 300.0);
        QCOMPARE(range->toText(), u"area >= 150 and area < 300 and kind = bath"_s);

        // A range in a group joined by `or` keeps its own brackets.
        const QString inOr = u"(area > 1 and area <= 5) or kind = bath"_s;
        const Result<ConditionRows> grouped = ConditionRows::fromText(inOr);
        QVERIFY(grouped);
        QCOMPARE(grouped->rows.size(), 2);
        QCOMPARE(grouped->rows.at(0).oper.test, Test::Between);
        QCOMPARE(grouped->toText(), inOr);
        const QString inAndGroup = u"kind = bath and (area >= 1 and area < 5 or area > 100)"_s;
        const Result<ConditionRows> inner = ConditionRows::fromText(inAndGroup);
        QVERIFY(inner);
        QCOMPARE(inner->rows.size(), 3);
        QCOMPARE(canonical(inner->toText()), canonical(inAndGroup));
    }

    void literalsAndNegations()
    {
        for (const QString &text : {u"true"_s, u"false"_s, u"not answered(q)"_s, u"not (q = a)"_s,
                 u"not (q has a)"_s, u"not (n >= 3)"_s, u"q != a"_s}) {
            const Result<ConditionRows> rows = ConditionRows::fromText(text);
            QVERIFY2(rows, qPrintable(text));
            QCOMPARE(rows->rows.size(), 1);
            QCOMPARE(canonical(rows->toText()), canonical(text));
        }
    }

    void deeperConditionsStayText()
    {
        for (const QString &text :
            {u"a = x or (b = y and (c = z or d = w))"_s, u"not (a = x and b = y)"_s, u"not not a = x"_s}) {
            const Result<ConditionRows> rows = ConditionRows::fromText(text);
            QVERIFY2(!rows, qPrintable(text));
            QCOMPARE(rows.error().code(), Error::Code::Invalid);
        }
        // Text that does not parse gives the parser's message, at its column within the text.
        const Result<ConditionRows> broken = ConditionRows::fromText(u"place-type = "_s);
        QVERIFY(!broken);
        QCOMPARE(broken.error().code(), Error::Code::Parse);
        QCOMPARE(broken.error().where().column, 14);
    }

    void problemsNameTheirRow()
    {
        ConditionQuestion area;
        area.id = u"area"_s;
        area.text = u"面积？"_s;
        area.kind = ConditionQuestion::Kind::Number;
        area.min = 1;
        area.max = 1000;
        const QList<ConditionQuestion> questions {
            single(u"kind"_s, {u"a"_s, u"b"_s}), area, single(u"later"_s, {u"x"_s})};
        const QStringList allowed {u"kind"_s, u"area"_s};

        ConditionRows rows;
        rows.rows = {row(u"kind"_s, {Test::Is}, {u"a"_s})};
        QVERIFY(rows.problems(questions, allowed).isEmpty());

        rows.rows = {row(u"kind"_s, {Test::AnyOf}), row(u"nowhere"_s, {Test::Is}, {u"a"_s}, 1),
            row(u"later"_s, {Test::Is}, {u"x"_s}, 2), row(u"kind"_s, {Test::Has}, {u"a"_s}, 3),
            row(u"kind"_s, {Test::Is}, {u"c"_s}, 4),
            row(u"area"_s, {Test::Compare, false, Op::GreaterEqual}, {}, 5)};
        rows.rows[5].number = 0; // below min: 1
        const QStringList problems = rows.problems(questions, allowed);
        QCOMPARE(problems.size(), 6);
        for (int i = 0; i < problems.size(); ++i)
            QVERIFY2(problems.at(i).contains(QString::number(i + 1)), qPrintable(problems.at(i)));
        QVERIFY(problems.at(1).contains(u"nowhere"_s));
        QVERIFY(problems.at(4).contains(u"'c'"_s));
        QVERIFY2(problems.at(5).contains(u"1000"_s), qPrintable(problems.at(5)));

        ConditionRows range;
        range.rows = {row(u"area"_s, {Test::Between, false, Op::GreaterEqual, Op::Less})};
        range.rows[0].number = 500;
        range.rows[0].upper = 100;
        QCOMPARE(range.problems(questions, allowed).size(), 1); // the bounds the wrong way round
        range.rows[0].upper = 2000;
        QCOMPARE(range.problems(questions, allowed).size(), 1); // above max
        range.rows[0].upper = 900;
        QVERIFY(range.problems(questions, allowed).isEmpty());
    }

    void entryConditionEditsOneLine()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(u"demo"_s);
        QVERIFY(test::copyFolder(QStringLiteral(OW_DEMO_CATALOGUE), root));
        Result<std::unique_ptr<CatalogueDocument>> opened = CatalogueDocument::open(root);
        QVERIFY(opened);
        CatalogueDocument &document = **opened;
        const QString file = u"matters/330302-WJ-001.txt"_s;
        const QString original = document.text(file);

        // A requirement's condition: all the matter's questions may be used.
        const NodeRef evaluation = find(document, file, u"require"_s, u"hygiene-evaluation"_s);
        const EntryCondition required(document, evaluation);
        QVERIFY(required.isValid());
        QCOMPARE(required.text(), u"bath-area >= 150"_s);
        QCOMPARE(required.allowed().size(), required.questions().size());
        const ConditionQuestion &area = required.questions().at(3);
        QCOMPARE(area.id, u"bath-area"_s);
        QCOMPARE(area.kind, ConditionQuestion::Kind::Number);
        QCOMPARE(area.min, std::optional<double>(1));
        QCOMPARE(area.unit, u"平方米"_s);
        QCOMPARE(
            required.questions().first().options.first().label, u"住宿场所（宾馆、饭店、旅店、招待所）"_s);

        // Rewritten: one line.
        Result<Edit> edit = required.edit(document, u"bath-area >= 150 or place-type = lodging"_s);
        QVERIFY(edit);
        QCOMPARE(edit->removed.size(), 1);
        QCOMPARE(edit->inserted, QStringList {u"    when: bath-area >= 150 or place-type = lodging\n"_s});
        QCOMPARE(edit->focus, evaluation);
        QVERIFY(document.apply(*edit));
        QVERIFY(document.apply(edit->inverse()));
        QCOMPARE(document.text(file), original);

        // Added to a requirement with a note: right under its own line, indented like the note.
        const NodeRef idCard = find(document, file, u"require"_s, u"id-card"_s);
        const EntryCondition none(document, idCard);
        QVERIFY(none.isValid());
        QVERIFY(!none.line().isValid());
        edit = none.edit(document, u"agent = self"_s);
        QVERIFY(edit);
        QCOMPARE(edit->removed, QStringList {});
        QCOMPARE(edit->inserted, QStringList {u"    when: agent = self\n"_s});
        QCOMPARE(edit->first, idCard.line);
        QVERIFY(document.apply(*edit));
        QVERIFY(document.text(file).contains(
            u"  require id-card\n    when: agent = self\n    note: 法定代表人（负责人）\n"_s));
        // And removed again with empty text.
        const EntryCondition added(document, idCard);
        QCOMPARE(added.text(), u"agent = self"_s);
        edit = added.edit(document, QString());
        QVERIFY(edit);
        QVERIFY(document.apply(*edit));
        QCOMPARE(document.text(file), original);
        // Empty text where there is no condition: nothing to do.
        edit = none.edit(document, u"  "_s);
        QVERIFY(edit && edit->isNoOp());

        // A question's condition may use only the questions before it; an option's those before its question.
        const NodeRef lodging = find(document, file, u"question"_s, u"lodging-facilities"_s);
        const EntryCondition question(document, lodging);
        QVERIFY(question.isValid());
        QCOMPARE(question.allowed(), (QStringList {u"place-type"_s, u"linen-washing"_s}));
        const NodeRef pool = find(document, file, u"option"_s, u"pool"_s);
        QCOMPARE(EntryCondition(document, pool).allowed(), question.allowed());
        // A question without options gets its condition under its own line too.
        const NodeRef agent = find(document, file, u"question"_s, u"agent"_s);
        edit = EntryCondition(document, agent).edit(document, u"place-type != exhibition"_s);
        QVERIFY(edit);
        QCOMPARE(edit->first, agent.line);

        // Entries that take no condition.
        QVERIFY(!EntryCondition(document, find(document, file, u"matter"_s, u"330302-WJ-001"_s)).isValid());
        QVERIFY(!EntryCondition(document, NodeRef {u"materials/identity.txt"_s, 1}).isValid());
    }
};

QTEST_GUILESS_MAIN(TestConditionRows)
#include "tst_conditionRows.moc"
