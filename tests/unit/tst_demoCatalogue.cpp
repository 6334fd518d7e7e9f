// The demo catalogue the workstation ships with: it must load, lint clean, keep the "4 × 100%" rule
// and model the matters the sources name the way they describe them.

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "catalogue/SituationEngine.h"

#include <QFileInfo>
#include <QImageReader>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow::catalogue;

namespace {

const QString demoCatalogue = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        lines.append(diagnostic.toString());
    }
    return lines.join(u'\n');
}

} // namespace

class TestDemoCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const CatalogueLoader::Outcome outcome = CatalogueLoader::load(demoCatalogue);
        QVERIFY2(outcome.catalogue, qPrintable(describe(outcome.diagnostics)));
        QVERIFY2(outcome.diagnostics.isEmpty(), qPrintable(describe(outcome.diagnostics)));
        m_catalogue = outcome.catalogue;
    }

    void lintsClean()
    {
        const LintReport report = Linter(m_catalogue).run();
        QVERIFY2(report.diagnostics.isEmpty(), qPrintable(describe(report.diagnostics)));
        QVERIFY(report.matters >= 12);
        QVERIFY(report.bundles >= 3);
        QVERIFY(!report.truncated);
    }

    void everySampleIsASmallReadablePngWithMarksInside()
    {
        for (const Material &material : m_catalogue->materials) {
            if (!material.sample) {
                continue;
            }
            const QString path = m_catalogue->resolve(material.sample->image);
            QVERIFY2(QFileInfo(path).size() < 150 * 1024, qPrintable(path));
            QImageReader reader(path);
            QCOMPARE(reader.format(), QByteArray("png"));
            const QSize size = reader.size();
            QVERIFY2(size.width() >= 800 && size.width() <= 1200, qPrintable(path));
            QVERIFY2(!material.sample->marks.isEmpty(), qPrintable(material.id));
            for (const SampleMark &mark : material.sample->marks) {
                QVERIFY2(QRect(QPoint(0, 0), size).contains(mark.rect), qPrintable(material.id));
            }
        }
    }

    void identityCardHasTheGuidesFourReviewPoints()
    {
        const Material *card = m_catalogue->material(u"id-card"_s);
        QVERIFY(card);
        QCOMPARE(card->name, u"居民身份证"_s);
        QStringList points;
        for (const ReviewPoint &point : card->reviewPoints) {
            points.append(point.id);
        }
        QCOMPARE(points, QStringList({u"name"_s, u"number"_s, u"photo"_s, u"validity"_s}));
        QCOMPARE(card->sample->marks.size(), 4);
    }

    void publicHealthPermitSplitsByEightPlaceCategories()
    {
        const Matter *matter = m_catalogue->matter(u"330302-WJ-001"_s);
        QVERIFY(matter);
        const Question *placeType = matter->findQuestion(u"place-type"_s);
        QVERIFY(placeType);
        QCOMPARE(placeType->options.size(), 8);
        const Question *area = matter->findQuestion(u"bath-area"_s);
        QVERIFY(area);
        QCOMPARE(area->type, QuestionType::Number);
    }

    void lodgingWithAPoolOrBathHasItsWaterTested_data()
    {
        QTest::addColumn<QString>("facilities");
        QTest::addColumn<bool>("pool");
        QTest::addColumn<bool>("bath");
        QTest::newRow("neither") << u"neither"_s << false << false;
        QTest::newRow("pool") << u"pool"_s << true << false;
        QTest::newRow("bath") << u"bath"_s << false << true;
        QTest::newRow("both") << u"both"_s << true << true;
    }

    void lodgingWithAPoolOrBathHasItsWaterTested()
    {
        // Lodging's third level: the permit covers an attached pool or bath, whose water is tested
        // as a swimming place's or a bath's is (《住宿业卫生规范》).
        QFETCH(QString, facilities);
        QFETCH(bool, pool);
        QFETCH(bool, bath);
        const Matter *matter = m_catalogue->matter(u"330302-WJ-001"_s);
        QVERIFY(matter);
        Answers given;
        for (const auto &[question, option] :
            {std::pair {u"place-type"_s, u"lodging"_s}, std::pair {u"linen-washing"_s, u"outsourced"_s},
                std::pair {u"lodging-facilities"_s, facilities}, std::pair {u"central-ac"_s, u"no"_s},
                std::pair {u"agent"_s, u"self"_s}}) {
            given.set(question, Answer::single(option));
        }
        const Evaluation evaluation = SituationEngine(m_catalogue).evaluate(*matter, given);
        QVERIFY(evaluation.complete);
        QStringList ids;
        for (const ChecklistLine &line : evaluation.checklist.lines) {
            ids.append(line.materialId);
        }
        QCOMPARE(ids.contains(u"pool-water-report"_s), pool);
        QCOMPARE(ids.contains(u"bath-water-report"_s), bath);
        // Without the answer the walk is not finished: the question is asked of every hotel.
        given.remove(u"lodging-facilities"_s);
        QVERIFY(!SituationEngine(m_catalogue).evaluate(*matter, given).complete);
    }

    void everyMatterStatesItsLegalTimeLimit()
    {
        // The business review reads 法定时限 beside 承诺时限 on every matter, immediate ones included.
        for (const Matter &matter : m_catalogue->matters) {
            QVERIFY2(matter.legalDays > 0, qPrintable(matter.code));
            if (matter.kind == MatterKind::Promised) {
                QVERIFY2(matter.promisedDays <= matter.legalDays, qPrintable(matter.code));
            }
        }
    }

    void screeningOutcomesEndTheWalkWithTheirRule_data()
    {
        QTest::addColumn<QString>("matter");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("rule");
        QTest::newRow("light lorries") << u"330302-JT-001"_s << QStringList {u"vehicle-mass=light"_s}
                                       << int(OutcomeKind::NotRequired) << QString() << u"第二十四条第三款"_s;
        QTest::newRow("added vehicles")
            << u"330302-JT-001"_s << QStringList {u"vehicle-mass=heavy"_s, u"circumstance=add-vehicles"_s}
            << int(OutcomeKind::NotRequired) << QString() << u"道路运输证"_s;
        QTest::newRow("pre-packaged food")
            << u"330302-SC-003"_s << QStringList {u"business-form=sale"_s, u"sale-scope=prepackaged"_s}
            << int(OutcomeKind::Refer) << u"330302-SC-005"_s << u"第三十五条"_s;
        QTest::newRow("fire check by pledge")
            << u"330302-XF-001"_s << QStringList {u"procedure=pledge"_s} << int(OutcomeKind::Refer)
            << u"330302-XF-002"_s << u"第十五条"_s;
        QTest::newRow("e-invoices only") << u"330302-SW-001"_s << QStringList {u"invoice-kind=digital"_s}
                                         << int(OutcomeKind::NotRequired) << QString() << u"数电票"_s;
        QTest::newRow("relocated place") << u"330302-WJ-002"_s << QStringList {u"circumstance=relocate"_s}
                                         << int(OutcomeKind::Refer) << u"330302-WJ-001"_s << u"第二十五条"_s;
    }

    void screeningOutcomesEndTheWalkWithTheirRule()
    {
        QFETCH(QString, matter);
        QFETCH(QStringList, answers);
        QFETCH(int, kind);
        QFETCH(QString, target);
        QFETCH(QString, rule);
        const Matter *m = m_catalogue->matter(matter);
        QVERIFY(m);
        Answers given;
        for (const QString &answer : answers) {
            given.set(answer.section(u'=', 0, 0), Answer::single(answer.section(u'=', 1)));
        }
        const Evaluation evaluation = SituationEngine(m_catalogue).evaluate(*m, given);
        QVERIFY2(evaluation.outcome, qPrintable(matter));
        QCOMPARE(int(evaluation.outcome->kind), kind);
        QCOMPARE(evaluation.outcome->targetCode, target);
        QVERIFY2(evaluation.outcome->reason.contains(rule), qPrintable(evaluation.outcome->reason));
        QVERIFY(evaluation.checklist.lines.isEmpty());
        if (!target.isEmpty()) {
            QVERIFY(m_catalogue->matter(target));
        }
    }

    void dataSharedMaterialsAreNeverToBeBroughtOnPaper()
    {
        // 减证便民: what the hall fetches itself — including the papers it issued — is data-shared.
        for (const QString &id :
            {u"business-licence"_s, u"real-estate-cert"_s, u"household-register"_s, u"marriage-cert"_s,
                u"credit-report"_s, u"vehicle-licence"_s, u"driver-qualification"_s, u"eia-approval"_s}) {
            const Material *material = m_catalogue->material(id);
            QVERIFY2(material && material->dataShared, qPrintable(id));
        }
        // A paper the department issued itself is not asked back: RF-002 no longer lists the filed form.
        const Matter *use = m_catalogue->matter(u"330302-RF-002"_s);
        QVERIFY(use);
        for (const Requirement &requirement : use->requirements) {
            QVERIFY(requirement.materialId != u"cd-acceptance-form"_s);
        }
    }

    void openingBundlesComeInBothForms()
    {
        // Most eateries and shops are 个体工商户: each opening bundle has a company and an individual form.
        for (const auto &[company, individual] :
            {std::pair {u"catering-enterprise"_s, u"catering-individual"_s},
                std::pair {u"supermarket"_s, u"supermarket-individual"_s}}) {
            const Bundle *a = m_catalogue->bundle(company);
            const Bundle *b = m_catalogue->bundle(individual);
            QVERIFY2(a && b, qPrintable(company));
            QCOMPARE(a->members.first().matterCode, u"330302-SC-001"_s);
            QCOMPARE(b->members.first().matterCode, u"330302-SC-002"_s);
            QCOMPARE(a->members.size(), b->members.size());
        }
        const Bundle *hotel = m_catalogue->bundle(u"hotel"_s);
        QVERIFY(hotel);
        QCOMPARE(hotel->members.size(), 4);
        QCOMPARE(hotel->leadDepartmentId, u"police"_s);
    }

    void sharedMaterialsKeepOneIdAcrossBundleMembers()
    {
        // A bundle only saves the applicant a trip when its members share material ids.
        for (const Bundle &bundle : m_catalogue->bundles) {
            QHash<QString, int> users;
            for (const BundleMember &member : bundle.members) {
                const Matter *matter = m_catalogue->matter(member.matterCode);
                QVERIFY2(matter, qPrintable(member.matterCode));
                QSet<QString> ids;
                for (const Requirement &requirement : matter->requirements) {
                    ids.insert(requirement.materialId);
                }
                for (const QString &id : std::as_const(ids)) {
                    ++users[id];
                }
            }
            const bool shares
                = std::any_of(users.cbegin(), users.cend(), [](int count) { return count > 1; });
            QVERIFY2(shares, qPrintable(bundle.id));
        }
    }

private:
    CataloguePtr m_catalogue;
};

QTEST_MAIN(TestDemoCatalogue)
#include "tst_demoCatalogue.moc"
