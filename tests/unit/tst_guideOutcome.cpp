#include "catalogue/CatalogueLoader.h"
#include "server/GuidePage.h"

#include <QTest>

using namespace ow;
using namespace ow::catalogue;

/// The self-service checklist page (/guide/) when the answers reach a screening outcome: the
/// outcome and its reason instead of an empty checklist, and a referral's link to the other matter
/// with the shared answers (tests/data/outcomes).
class TestGuideOutcome : public QObject
{
    Q_OBJECT

    std::unique_ptr<server::GuideCatalogue::Loaded> m_loaded;

    QString page(const QString &code, const QList<QPair<QString, Answer>> &given) const
    {
        const Matter &matter = *m_loaded->catalogue->matter(code);
        Answers answers;
        for (const auto &[id, answer] : given)
            answers.set(id, answer);
        return QString::fromUtf8(server::GuidePage::matter(*m_loaded, matter, answers, {}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/outcomes"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        m_loaded.reset(new server::GuideCatalogue::Loaded {
            *loaded, SituationEngine(*loaded), MatterSearch(*loaded), QStringLiteral("1.0")});
    }

    void notRequiredSaysWhyAndListsNothing()
    {
        const QString html
            = page(QStringLiteral("T-001"), {{QStringLiteral("vehicle-mass"), Answer::numeric(3)}});
        QVERIFY2(html.contains(QStringLiteral("id=\"outcome\"")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("使用总质量4.5吨及以下")));
        QVERIFY(!html.contains(QStringLiteral("申请表"))); // no material of the checklist
        QVERIFY(!html.contains(QStringLiteral("/guide/m/F-002")));
    }

    void referralLinksTheOtherMatterWithSharedAnswers()
    {
        const QString html = page(QStringLiteral("F-001"),
            {{QStringLiteral("entity"), Answer::single(QStringLiteral("company"))},
                {QStringLiteral("scope"), Answer::single(QStringLiteral("prepacked"))}});
        QVERIFY2(html.contains(QStringLiteral("/guide/m/F-002?a=entity%3Dcompany")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("仅销售预包装食品的，向市场监管部门备案即可")));
        QVERIFY(!html.contains(QStringLiteral("营业执照"))); // F-001's checklist is not shown
    }

    void withoutOutcomeTheChecklistShows()
    {
        const QString html = page(QStringLiteral("F-001"),
            {{QStringLiteral("entity"), Answer::single(QStringLiteral("company"))},
                {QStringLiteral("scope"), Answer::single(QStringLiteral("bulk"))}});
        QVERIFY(!html.contains(QStringLiteral("id=\"outcome\"")));
        QVERIFY(html.contains(QStringLiteral("营业执照")));
    }
};

QTEST_GUILESS_MAIN(TestGuideOutcome)
#include "tst_guideOutcome.moc"
