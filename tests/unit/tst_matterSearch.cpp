#include "catalogue/CatalogueLoader.h"
#include "catalogue/MatterSearch.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow::catalogue;

namespace {

Matter makeMatter(
    const QString &code, const QString &name, FrequencyClass frequency, const QStringList &keywords = {})
{
    Matter matter;
    matter.code = code;
    matter.name = name;
    matter.departmentId = u"test"_s;
    matter.frequency = frequency;
    matter.keywords = keywords;
    return matter;
}

CataloguePtr makeCatalogue(QList<Matter> matters, QList<Bundle> bundles = {})
{
    auto catalogue = std::make_shared<Catalogue>();
    catalogue->id = u"test"_s;
    catalogue->matters = std::move(matters);
    catalogue->bundles = std::move(bundles);
    catalogue->index();
    return catalogue;
}

/// A small hall: the matters DOMAIN.md names, plus names that exercise polyphones, ü and Latin letters.
CataloguePtr hallCatalogue()
{
    using F = FrequencyClass;
    Bundle printing;
    printing.id = u"printing-enterprise"_s;
    printing.name = u"开办印刷经营企业"_s;
    printing.leadDepartmentId = u"culture"_s;
    printing.keywords = {u"印刷厂"_s};
    printing.members = {BundleMember {u"330302-SC-001"_s, {}, {}}, BundleMember {u"330302-WH-004"_s, {}, {}}};

    return makeCatalogue(
        {
            makeMatter(u"330302-WJ-001"_s, u"公共场所卫生许可（新发证）"_s, F::High,
                {u"卫生许可证"_s, u"宾馆"_s, u"酒店"_s}),
            makeMatter(u"330302-WJ-002"_s, u"公共场所卫生许可（延续）"_s, F::Middle),
            makeMatter(u"330302-JT-001"_s, u"普通货物运输经营许可"_s, F::High, {u"货运"_s}),
            makeMatter(u"330302-SC-001"_s, u"个体工商户设立登记"_s, F::High, {u"个体户"_s}),
            makeMatter(u"330302-HB-001"_s, u"建设项目环境影响报告表审批"_s, F::Middle),
            makeMatter(u"330302-JR-001"_s, u"银行业金融机构许可"_s, F::Low),
            makeMatter(u"330302-GA-001"_s, u"重庆籍人员居住登记"_s, F::Low),
            makeMatter(u"330302-GA-002"_s, u"长期居住证明"_s, F::Low),
            makeMatter(u"330302-SF-001"_s, u"律师事务所设立"_s, F::Low),
            makeMatter(u"330302-WH-004"_s, u"印刷经营许可"_s, F::Low),
            makeMatter(u"330302-TX-001"_s, u"ICP经营许可证"_s, F::Middle),
        },
        {printing});
}

QStringList codes(const QList<SearchHit> &hits)
{
    QStringList result;
    for (const SearchHit &hit : hits)
        result.append(hit.code);
    return result;
}

const SearchHit *find(const QList<SearchHit> &hits, const QString &code)
{
    for (const SearchHit &hit : hits)
        if (hit.code == code)
            return &hit;
    return nullptr;
}

} // namespace

class TestMatterSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_search = std::make_unique<MatterSearch>(hallCatalogue()); }

    void emptyQueryFindsNothing();
    void exactCode();
    void codePrefixRanksByFrequency();
    void namePrefixAndSubstring();
    void keyword();
    void pinyinInitials();
    void fullPinyin();
    void mixedPinyin_data();
    void mixedPinyin();
    void pinyinSkipsPunctuation();
    void pinyinInsideTheName();
    void polyphonicCharacters_data();
    void polyphonicCharacters();
    void umlautTypedAsVOrU();
    void latinLettersInNames();
    void wrongPinyinFindsNothing();
    void bundles();
    void rankingByMatchQuality();
    void tiesBreakByFrequencyThenLengthThenCode();
    void limit();
    void hitsPointIntoTheCatalogue();
    void overlongQueryIsSafe();
    void keywordPinyin_data();
    void keywordPinyin();
    void bundlesAnswerToYiJianShi();

private:
    std::unique_ptr<MatterSearch> m_search;
};

void TestMatterSearch::emptyQueryFindsNothing()
{
    QVERIFY(m_search->search(u"").isEmpty());
    QVERIFY(m_search->search(u"   ").isEmpty());
    QVERIFY(MatterSearch(nullptr).search(u"g").isEmpty());
}

void TestMatterSearch::exactCode()
{
    const auto hits = m_search->search(u"330302-wj-001");
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.front().code, u"330302-WJ-001"_s);
    QCOMPARE(hits.front().match, SearchMatch::ExactCode);
    QCOMPARE(hits.front().nameStart, -1);
    QCOMPARE(hits.size(), 1);
}

void TestMatterSearch::codePrefixRanksByFrequency()
{
    const auto hits = m_search->search(u"330302-WJ");
    QCOMPARE(codes(hits), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(hits.at(1).match, SearchMatch::CodePrefix);

    // All codes share the prefix: high before middle before low, then the shorter name.
    const auto all = m_search->search(u"330302");
    QCOMPARE(all.size(), 11);
    QCOMPARE(all.front().code, u"330302-SC-001"_s); // high, 9 characters
    QCOMPARE(all.at(1).code, u"330302-JT-001"_s); // high, 10
    QCOMPARE(all.at(2).code, u"330302-WJ-001"_s); // high, 13
    QCOMPARE(all.back().code, u"330302-JR-001"_s); // low, 9, after 长期居住证明 (6) etc.
}

void TestMatterSearch::namePrefixAndSubstring()
{
    const auto prefix = m_search->search(u"公共场所");
    QCOMPARE(codes(prefix), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(prefix.front().match, SearchMatch::NamePrefix);
    QCOMPARE(prefix.front().nameStart, 0);
    QCOMPARE(prefix.front().nameLength, 4);

    const auto inside = m_search->search(u"卫生 许可"); // spaces in the query are ignored
    QCOMPARE(codes(inside), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(inside.front().match, SearchMatch::NameSubstring);
    QCOMPARE(inside.front().nameStart, 4);
    QCOMPARE(inside.front().nameLength, 4);
    QVERIFY(!inside.front().isBundle());
}

void TestMatterSearch::keyword()
{
    const auto hits = m_search->search(u"宾馆");
    QCOMPARE(codes(hits), QStringList {u"330302-WJ-001"_s});
    QCOMPARE(hits.front().match, SearchMatch::Keyword);
    QCOMPARE(hits.front().keywordIndex, 1);
    QCOMPARE(hits.front().nameStart, -1);
}

void TestMatterSearch::pinyinInitials()
{
    const auto hits = m_search->search(u"ggcswsxk");
    QCOMPARE(codes(hits), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(hits.front().match, SearchMatch::PinyinPrefix);
    QCOMPARE(hits.front().nameStart, 0);
    QCOMPARE(hits.front().nameLength, 8);
}

void TestMatterSearch::fullPinyin()
{
    const auto hits = m_search->search(u"gonggongchangsuo");
    QCOMPARE(codes(hits), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(hits.front().match, SearchMatch::PinyinPrefix);
    QCOMPARE(hits.front().nameLength, 4);

    // Case and spaces do not matter.
    QCOMPARE(codes(m_search->search(u"GongGong Chang Suo")), codes(hits));
}

void TestMatterSearch::mixedPinyin_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<qsizetype>("matchedLength");

    QTest::newRow("whole then initial") << u"gongg"_s << qsizetype(2);
    QTest::newRow("whole, initial, initials") << u"gonggcs"_s << qsizetype(4);
    QTest::newRow("initials then whole") << u"ggchangsuo"_s << qsizetype(4);
    QTest::newRow("last one cut short") << u"gonggongcha"_s << qsizetype(3);
    QTest::newRow("zh/ch/sh as initial") << u"ggchs"_s << qsizetype(4);
    QTest::newRow("one letter") << u"g"_s << qsizetype(1);
}

void TestMatterSearch::mixedPinyin()
{
    QFETCH(QString, query);
    QFETCH(qsizetype, matchedLength);
    const auto hits = m_search->search(query);
    const SearchHit *hit = find(hits, u"330302-WJ-001"_s);
    QVERIFY2(hit, qPrintable(codes(hits).join(u' ')));
    QCOMPARE(hit->match, SearchMatch::PinyinPrefix);
    QCOMPARE(hit->nameStart, 0);
    QCOMPARE(hit->nameLength, matchedLength);
}

void TestMatterSearch::pinyinSkipsPunctuation()
{
    const auto hits = m_search->search(u"ggcswsxkxfz");
    QCOMPARE(codes(hits), QStringList {u"330302-WJ-001"_s});
    QCOMPARE(hits.front().nameLength, 12); // 公共场所卫生许可（新发证: the bracket lies inside the range
}

void TestMatterSearch::pinyinInsideTheName()
{
    const auto hits = m_search->search(u"wsxk");
    QCOMPARE(codes(hits), (QStringList {u"330302-WJ-001"_s, u"330302-WJ-002"_s}));
    QCOMPARE(hits.front().match, SearchMatch::PinyinInside);
    QCOMPARE(hits.front().nameStart, 4);
    QCOMPARE(hits.front().nameLength, 4);
}

void TestMatterSearch::polyphonicCharacters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");

    QTest::newRow("银行 yh (hang)") << u"yh"_s << u"330302-JR-001"_s;
    QTest::newRow("银行 yinhang") << u"yinhang"_s << u"330302-JR-001"_s;
    QTest::newRow("银行 yinxing also reads") << u"yinxing"_s << u"330302-JR-001"_s;
    QTest::newRow("重庆 cq (chong)") << u"cq"_s << u"330302-GA-001"_s;
    QTest::newRow("重庆 chongqing") << u"chongqing"_s << u"330302-GA-001"_s;
    QTest::newRow("重庆 zhongq") << u"zhongq"_s << u"330302-GA-001"_s;
    QTest::newRow("长期 changqi") << u"changqi"_s << u"330302-GA-002"_s;
    QTest::newRow("长期 zqjz") << u"zqjz"_s << u"330302-GA-002"_s;
}

void TestMatterSearch::polyphonicCharacters()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    const auto hits = m_search->search(query);
    const SearchHit *hit = find(hits, code);
    QVERIFY2(hit, qPrintable(codes(hits).join(u' ')));
    QCOMPARE(hit->match, SearchMatch::PinyinPrefix);
}

void TestMatterSearch::umlautTypedAsVOrU()
{
    for (const QString &query : {u"lvshi"_s, u"lushi"_s, u"lssws"_s, u"lvssws"_s})
        QVERIFY2(find(m_search->search(query), u"330302-SF-001"_s), qPrintable(query));
}

void TestMatterSearch::latinLettersInNames()
{
    const auto byName = m_search->search(u"icp");
    QCOMPARE(codes(byName), QStringList {u"330302-TX-001"_s});
    QCOMPARE(byName.front().match, SearchMatch::NamePrefix);

    const auto byPinyin = m_search->search(u"ICPjyxk");
    QCOMPARE(codes(byPinyin), QStringList {u"330302-TX-001"_s});
    QCOMPARE(byPinyin.front().match, SearchMatch::PinyinPrefix);
    QCOMPARE(byPinyin.front().nameLength, 7);

    // Full-width letters, as a Chinese IME types them, are the same letters.
    QCOMPARE(codes(m_search->search(u"ＩＣＰ")), QStringList {u"330302-TX-001"_s});
}

void TestMatterSearch::wrongPinyinFindsNothing()
{
    QVERIFY(m_search->search(u"qqqq").isEmpty());
    QVERIFY(m_search->search(u"gonggongx").isEmpty()); // x is no reading of 场
    QVERIFY(m_search->search(u"gonggonghangsuo").isEmpty());
    QVERIFY(!find(m_search->search(u"ggcsws"), u"330302-JT-001"_s));
}

void TestMatterSearch::bundles()
{
    const auto hits = m_search->search(u"kbys");
    QCOMPARE(hits.size(), 1);
    QVERIFY(hits.front().isBundle());
    QCOMPARE(hits.front().target, SearchTarget::Bundle);
    QCOMPARE(hits.front().code, u"printing-enterprise"_s);
    QVERIFY(hits.front().bundle);
    QVERIFY(!hits.front().matter);

    const auto byKeyword = m_search->search(u"印刷厂");
    QCOMPARE(codes(byKeyword), QStringList {u"printing-enterprise"_s});
    QCOMPARE(byKeyword.front().match, SearchMatch::Keyword);
}

void TestMatterSearch::rankingByMatchQuality()
{
    // 印刷经营许可 starts with 印刷; the bundle 开办印刷经营企业 has it inside.
    const auto byName = m_search->search(u"印刷");
    QCOMPARE(codes(byName), (QStringList {u"330302-WH-004"_s, u"printing-enterprise"_s}));
    QCOMPARE(byName.at(0).match, SearchMatch::NamePrefix);
    QCOMPARE(byName.at(1).match, SearchMatch::NameSubstring);
    QCOMPARE(byName.at(1).nameStart, 2);

    // The bundle is high frequency (it contains 个体工商户设立登记), yet a prefix match wins.
    const auto byPinyin = m_search->search(u"yinshua");
    QCOMPARE(codes(byPinyin), (QStringList {u"330302-WH-004"_s, u"printing-enterprise"_s}));
    QCOMPARE(byPinyin.at(0).match, SearchMatch::PinyinPrefix);
    QCOMPARE(byPinyin.at(1).match, SearchMatch::PinyinInside);

    // Whatever the query, the match kinds never get better further down the list.
    for (const QString &query : {u"g"_s, u"j"_s, u"x"_s, u"330302"_s, u"许可"_s}) {
        const auto hits = m_search->search(query, 0);
        for (qsizetype i = 1; i < hits.size(); ++i)
            QVERIFY2(hits.at(i - 1).match <= hits.at(i).match, qPrintable(query));
    }
}

void TestMatterSearch::tiesBreakByFrequencyThenLengthThenCode()
{
    using F = FrequencyClass;
    const MatterSearch search(makeCatalogue({
        makeMatter(u"C"_s, u"食品经营许可延续"_s, F::Low),
        makeMatter(u"B"_s, u"食品经营许可"_s, F::Low),
        makeMatter(u"A"_s, u"食品经营许可变更"_s, F::Low),
        makeMatter(u"E"_s, u"食品经营许可注销"_s, F::Middle),
        makeMatter(u"D"_s, u"食品经营许可注销登记"_s, F::High),
    }));
    const QStringList expected {u"D"_s, u"E"_s, u"B"_s, u"A"_s, u"C"_s};
    QCOMPARE(codes(search.search(u"spjy")), expected);
    QCOMPARE(codes(search.search(u"食品")), expected);
    QCOMPARE(codes(search.search(u"spjy")), expected); // the same again: deterministic
}

void TestMatterSearch::limit()
{
    QCOMPARE(m_search->search(u"330302", 3).size(), 3);
    QCOMPARE(m_search->search(u"330302", 0).size(), 11);
    QCOMPARE(codes(m_search->search(u"330302", 3)), codes(m_search->search(u"330302", 0)).mid(0, 3));
}

void TestMatterSearch::hitsPointIntoTheCatalogue()
{
    const auto hits = m_search->search(u"gtgs");
    QCOMPARE(codes(hits), QStringList {u"330302-SC-001"_s});
    QCOMPARE(hits.front().matter, m_search->catalogue()->matter(u"330302-SC-001"_s));
    QCOMPARE(hits.front().name, u"个体工商户设立登记"_s);
}

void TestMatterSearch::overlongQueryIsSafe()
{
    const QString longQuery = u"gonggongchangsuoweishengxuke"_s.repeated(3); // 84 letters
    QVERIFY(m_search->search(longQuery).isEmpty());
    QVERIFY(m_search->search(u"公共场所"_s.repeated(20)).isEmpty());
}

void TestMatterSearch::keywordPinyin_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    // What a clerk typed in the walk-through and found nothing for: the keywords' initials and spelling.
    QTest::newRow("yyzz") << u"yyzz"_s << QStringList {u"330302-SC-001"_s, u"330302-SC-002"_s};
    QTest::newRow("jd") << u"jd"_s << QStringList {u"330302-GA-001"_s, u"330302-WJ-001"_s};
    QTest::newRow("huoyun") << u"huoyun"_s << QStringList {u"330302-JT-001"_s};
    QTest::newRow("jiudian") << u"jiudian"_s << QStringList {u"330302-GA-001"_s, u"330302-WJ-001"_s};
}

void TestMatterSearch::keywordPinyin()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    const ow::Result<CataloguePtr> demo
        = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY(demo.has_value());
    const MatterSearch search(*demo);
    const QList<SearchHit> hits = search.search(query, 0);
    const QStringList found = codes(hits);
    for (const QString &code : std::as_const(expected)) {
        QVERIFY2(found.contains(code), qPrintable(code + u" not in "_s + found.join(u' ')));
        const SearchHit *hit = find(hits, code);
        if (hit->match == SearchMatch::KeywordPinyin)
            QVERIFY(hit->keywordIndex >= 0 && hit->keywordIndex < hit->matter->keywords.size());
    }
    // A name's own pinyin still ranks before a keyword's.
    const auto byName = m_search->search(u"gtgs");
    QCOMPARE(byName.front().match, SearchMatch::PinyinPrefix);
}

void TestMatterSearch::bundlesAnswerToYiJianShi()
{
    const ow::Result<CataloguePtr> demo
        = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY(demo.has_value());
    const MatterSearch search(*demo);
    for (const QString &query : {u"一件事"_s, u"yjs"_s, u"yijianshi"_s}) {
        const QList<SearchHit> hits = search.search(query, 0);
        QCOMPARE(hits.size(), (*demo)->bundles.size());
        for (const SearchHit &hit : hits) {
            QVERIFY(hit.isBundle());
            QCOMPARE(hit.keywordIndex, hit.bundle->keywords.size());
        }
    }
    QVERIFY(!(*demo)->bundles.isEmpty());
}

QTEST_GUILESS_MAIN(TestMatterSearch)
#include "tst_matterSearch.moc"
