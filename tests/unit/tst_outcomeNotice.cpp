#include "catalogue/CatalogueLoader.h"
#include "documents/DocumentRenderer.h"
#include "documents/DocumentSamples.h"
#include "documents/HallSettings.h"
#include "documents/OutcomeNotice.h"

#include <QDir>
#include <QTest>

using namespace ow;
using namespace ow::documents;

namespace {

/// Every text the document prints, in order, for checking what it says.
QString allText(const Document &document)
{
    QStringList parts;
    for (const Document::Entry &entry : document.entries) {
        if (const auto *heading = std::get_if<HeadingBlock>(&entry.block))
            parts << heading->organ << heading->title << heading->subtitle;
        else if (const auto *paragraph = std::get_if<ParagraphBlock>(&entry.block))
            parts << paragraph->text;
        else if (const auto *fields = std::get_if<FieldsBlock>(&entry.block))
            for (const Field &field : fields->fields)
                parts << field.label + QStringLiteral("：") + field.value;
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace

/// The one-time notice of a screening outcome (无需办理 / 请办理), built from the engine's evaluation.
class TestOutcomeNotice : public QObject
{
    Q_OBJECT

    catalogue::CataloguePtr m_catalogue;
    std::unique_ptr<catalogue::SituationEngine> m_engine;
    std::optional<HallSettings> m_settings;

    catalogue::Evaluation walk(const QString &code, const QStringList &texts) const
    {
        const catalogue::Matter &matter = *m_catalogue->matter(code);
        catalogue::Answers answers;
        for (const QString &text : texts) {
            const auto parsed = m_engine->parseAnswer(matter, text);
            if (parsed)
                answers.set(parsed->first, parsed->second);
        }
        return m_engine->evaluate(matter, answers);
    }

    Document notice(const QString &code, const QStringList &answers) const
    {
        const std::optional<OutcomeSubject> subject
            = OutcomeSubject::fromEvaluation(*m_catalogue, *m_catalogue->matter(code), walk(code, answers));
        if (!subject)
            qFatal("no outcome for %s", qPrintable(code));
        return OutcomeNotice::build(*subject, DocumentSamples::context(*m_settings));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/outcomes"));
        QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
        m_catalogue = *loaded;
        m_engine = std::make_unique<catalogue::SituationEngine>(m_catalogue);
        Result<HallSettings> settings = HallSettings::builtIn();
        QVERIFY2(settings.has_value(), settings ? "" : qPrintable(settings.error().toString()));
        m_settings = *settings;
    }

    void noOutcomeNoNotice()
    {
        QVERIFY(!OutcomeSubject::fromEvaluation(*m_catalogue, *m_catalogue->matter(QStringLiteral("T-001")),
            walk(QStringLiteral("T-001"), {QStringLiteral("vehicle-mass=10")}))
                     .has_value());
    }

    void notRequiredSaysWhy()
    {
        const Document document = notice(QStringLiteral("T-001"), {QStringLiteral("vehicle-mass=3")});
        const QString text = allText(document);
        QCOMPARE(document.title, QStringLiteral("一次性告知书"));
        QVERIFY2(text.contains(QStringLiteral("告知结论：无需办理本事项")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("理由及依据：使用总质量4.5吨及以下普通货运车辆")));
        QVERIFY(text.contains(QStringLiteral("办事情形：拟投入车辆的最大总质量是多少：3 吨"))
            || text.contains(QStringLiteral("办事情形：拟投入车辆的最大总质量是多少：3吨")));
        QVERIFY(!text.contains(QStringLiteral("应办理事项")));
        QVERIFY(!text.contains(QStringLiteral("⟦"))); // every wording is in the hall settings
        QVERIFY(document.caseLink.isEmpty()); // no case exists
    }

    void referralNamesTheOtherMatter()
    {
        const Document document = notice(QStringLiteral("F-001"),
            {QStringLiteral("entity=individual"), QStringLiteral("scope=prepacked")});
        const QString text = allText(document);
        QVERIFY2(text.contains(QStringLiteral("应办理事项：仅销售预包装食品备案")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("办理部门：区市场监督管理局")));
        QVERIFY(text.contains(QStringLiteral("告知结论：无需办理本事项，请办理下列事项")));
        QVERIFY(text.contains(QStringLiteral("个体工商户")));
        QVERIFY(!text.contains(QStringLiteral("⟦")));
    }

    void rendersOnOnePageAndOnAReceipt()
    {
        const Document document = notice(
            QStringLiteral("F-001"), {QStringLiteral("entity=company"), QStringLiteral("scope=prepacked")});
        const Result<int> pages = DocumentRenderer::pageCount(document);
        QVERIFY2(pages.has_value(), pages ? "" : qPrintable(pages.error().toString()));
        QCOMPARE(*pages, 1);
        QVERIFY(DocumentRenderer::pdf(document).has_value());
        const Result<QImage> receipt = DocumentRenderer::receipt(document);
        QVERIFY(receipt.has_value());
        QVERIFY(receipt->height() > 200);
        // For docs/screenshots/documents: the sheet as printed, when screenshots are asked for.
        const QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
        if (!dir.isEmpty()) {
            const Result<QImage> page = DocumentRenderer::pageImage(document, 0, 96);
            QVERIFY(page.has_value());
            QVERIFY(QDir().mkpath(dir + QStringLiteral("/documents")));
            QVERIFY(page->save(dir + QStringLiteral("/documents/outcome-notice.png")));
        }
    }
};

QTEST_MAIN(TestOutcomeNotice)
#include "tst_outcomeNotice.moc"
