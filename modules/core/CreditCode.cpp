#include "core/CreditCode.h"

#include "core/AdministrativeDivisions.h"
#include "core/InputText.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>

namespace ow {

namespace {

// GB 32100-2015 §5: weight of position i is 3^i mod 31; the check character makes the weighted sum
// 0 mod 31.
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

struct Text
{
    const char *source;
    const char *comment; ///< for translators: the standard's own Chinese wording
};

struct Authority
{
    char code;
    Text name;
};

struct Category
{
    char authority;
    char code;
    Text name;
};

// GB 32100-2015 table A.1 (登记管理部门代码), with the authorities A and N its amendments added.
const std::array<Authority, 12> kAuthorities = {{
    {'1',
        QT_TRANSLATE_NOOP3("ow::core", "establishment administration", "credit code authority 1: 机构编制")},
    {'2', QT_TRANSLATE_NOOP3("ow::core", "foreign affairs", "credit code authority 2: 外交")},
    {'3', QT_TRANSLATE_NOOP3("ow::core", "judicial administration", "credit code authority 3: 司法行政")},
    {'4', QT_TRANSLATE_NOOP3("ow::core", "culture", "credit code authority 4: 文化")},
    {'5', QT_TRANSLATE_NOOP3("ow::core", "civil affairs", "credit code authority 5: 民政")},
    {'6', QT_TRANSLATE_NOOP3("ow::core", "tourism", "credit code authority 6: 旅游")},
    {'7', QT_TRANSLATE_NOOP3("ow::core", "religious affairs", "credit code authority 7: 宗教")},
    {'8', QT_TRANSLATE_NOOP3("ow::core", "trade unions", "credit code authority 8: 工会")},
    {'9', QT_TRANSLATE_NOOP3("ow::core", "market regulation", "credit code authority 9: 工商")},
    {'A',
        QT_TRANSLATE_NOOP3("ow::core", "Central Military Commission reform and establishment office",
            "credit code authority A: 中央军委改革和编制办公室")},
    {'N', QT_TRANSLATE_NOOP3("ow::core", "agriculture", "credit code authority N: 农业")},
    {'Y', QT_TRANSLATE_NOOP3("ow::core", "other authority", "credit code authority Y: 其他")},
}};

// GB 32100-2015 table A.1 (机构类别代码) and its amendments.
const std::array<Category, 36> kCategories = {{
    {'1', '1', QT_TRANSLATE_NOOP3("ow::core", "government organ", "机关")},
    {'1', '2', QT_TRANSLATE_NOOP3("ow::core", "public institution", "事业单位")},
    {'1', '3',
        QT_TRANSLATE_NOOP3("ow::core", "mass organisation managed by the central establishment office",
            "中央编办直接管理机构编制的群众团体")},
    {'1', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'2', '1', QT_TRANSLATE_NOOP3("ow::core", "resident foreign news agency", "外国常住新闻机构")},
    {'2', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'3', '1', QT_TRANSLATE_NOOP3("ow::core", "law firm", "律师执业机构")},
    {'3', '2', QT_TRANSLATE_NOOP3("ow::core", "notary office", "公证处")},
    {'3', '3', QT_TRANSLATE_NOOP3("ow::core", "grassroots legal service office", "基层法律服务所")},
    {'3', '4', QT_TRANSLATE_NOOP3("ow::core", "forensic appraisal institution", "司法鉴定机构")},
    {'3', '5', QT_TRANSLATE_NOOP3("ow::core", "arbitration commission", "仲裁委员会")},
    {'3', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'4', '1', QT_TRANSLATE_NOOP3("ow::core", "foreign cultural centre in China", "外国在华文化中心")},
    {'4', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'5', '1', QT_TRANSLATE_NOOP3("ow::core", "social organisation", "社会团体")},
    {'5', '2', QT_TRANSLATE_NOOP3("ow::core", "private non-enterprise unit", "民办非企业单位")},
    {'5', '3', QT_TRANSLATE_NOOP3("ow::core", "foundation", "基金会")},
    {'5', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'6', '1',
        QT_TRANSLATE_NOOP3(
            "ow::core", "representative office of a foreign tourism authority", "外国旅游部门常驻代表机构")},
    {'6', '2',
        QT_TRANSLATE_NOOP3("ow::core",
            "representative office of a Hong Kong, Macao or Taiwan tourism authority",
            "港澳台地区旅游部门常驻内地（大陆）代表机构")},
    {'6', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'7', '1', QT_TRANSLATE_NOOP3("ow::core", "venue for religious activities", "宗教活动场所")},
    {'7', '2', QT_TRANSLATE_NOOP3("ow::core", "religious school", "宗教院校")},
    {'7', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'8', '1', QT_TRANSLATE_NOOP3("ow::core", "grassroots trade union", "基层工会")},
    {'8', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'9', '1', QT_TRANSLATE_NOOP3("ow::core", "enterprise", "企业")},
    {'9', '2', QT_TRANSLATE_NOOP3("ow::core", "individual business", "个体工商户")},
    {'9', '3', QT_TRANSLATE_NOOP3("ow::core", "farmers' specialised cooperative", "农民专业合作社")},
    {'A', '1', QT_TRANSLATE_NOOP3("ow::core", "military public institution", "军队事业单位")},
    {'A', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'N', '1',
        QT_TRANSLATE_NOOP3("ow::core", "group-level collective economic organisation", "组级集体经济组织")},
    {'N', '2',
        QT_TRANSLATE_NOOP3("ow::core", "village-level collective economic organisation", "村级集体经济组织")},
    {'N', '3',
        QT_TRANSLATE_NOOP3(
            "ow::core", "township-level collective economic organisation", "乡镇级集体经济组织")},
    {'N', '9', QT_TRANSLATE_NOOP3("ow::core", "other", "其他")},
    {'Y', '1', QT_TRANSLATE_NOOP3("ow::core", "not divided into categories", "不再具体划分机构类别")},
}};

const Authority *findAuthority(QChar code)
{
    for (const Authority &authority : kAuthorities)
        if (QLatin1Char(authority.code) == code)
            return &authority;
    return nullptr;
}

const Category *findCategory(QChar authority, QChar code)
{
    for (const Category &category : kCategories)
        if (QLatin1Char(category.authority) == authority && QLatin1Char(category.code) == code)
            return &category;
    return nullptr;
}

/// GB 11714-1997 check character of an organisation code's 8-character body: weights 3 7 9 10 5 8
/// 4 2, letters worth 10–35, check = 11 − sum mod 11 written 0–9 or X.
QChar organizationCheck(QStringView body)
{
    static constexpr std::array<int, 8> weights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (qsizetype i = 0; i < 8; ++i) {
        const QChar c = body.at(i);
        const int value = c.isDigit() ? c.unicode() - u'0' : c.unicode() - u'A' + 10;
        sum += value * weights[size_t(i)];
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return u'X';
    return QChar(char16_t(u'0' + check % 11));
}

} // namespace

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i) {
        const qsizetype value = alphabet().indexOf(first17.at(i));
        if (value < 0)
            return {};
        sum += int(value) * kWeights[size_t(i)];
    }
    return alphabet().at((31 - sum % 31) % 31);
}

Result<CreditCode> CreditCode::parse(QStringView text)
{
    return parse(text, AdministrativeDivisions::builtIn());
}

Result<CreditCode> CreditCode::parse(QStringView text, const AdministrativeDivisions &divisions)
{
    const QString code = InputText::compact(text).toUpper();
    if (code.isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::core", "The credit code is empty."));
    if (code.size() == 15 && std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c.isDigit(); }))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "This looks like a 15-digit registration number from before unified credit codes; ask for "
                "the 18-character unified social credit code on the current licence."));
    if (code.size() != 18)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "A unified social credit code has 18 characters; this one has %n.", nullptr,
                int(code.size())));
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (alphabet().contains(c))
            continue;
        if (c == u'I' || c == u'O' || c == u'S' || c == u'V' || c == u'Z')
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core",
                    "Character %1 is '%2', a letter credit codes never use (I, O, S, V and Z are left out); "
                    "it is probably a mistyped digit or letter.")
                    .arg(i + 1)
                    .arg(c));
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "Character %1 is '%2', but a credit code has only digits and capital letters.")
                .arg(i + 1)
                .arg(c));
    }
    const QChar expected = checkCharacter(QStringView(code).left(17));
    if (expected != code.at(17))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core",
                "The check character (the last one) should be '%1', not '%2': a character was probably "
                "mistyped.")
                .arg(expected)
                .arg(code.at(17)));
    const QString area = code.mid(2, 6);
    if (!std::all_of(area.cbegin(), area.cend(), [](QChar c) { return c.isDigit(); }))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::core", "Characters 3 to 8 are the registration area code and must be digits, not %1.")
                .arg(area));

    CreditCode result;
    result.m_code = code;
    const Authority *authority = findAuthority(code.at(0));
    if (!authority)
        result.m_warnings.append(QCoreApplication::translate(
            "ow::core", "The registering authority code '%1' (character 1) is not listed in GB 32100.")
                                     .arg(code.at(0)));
    else if (!findCategory(code.at(0), code.at(1)))
        result.m_warnings.append(QCoreApplication::translate("ow::core",
            "The category code '%1' (character 2) is not listed in GB 32100 for the authority '%2'.")
                                     .arg(code.at(1))
                                     .arg(code.at(0)));
    if (area == u"100000")
        result.m_areaName = QCoreApplication::translate("ow::core", "national");
    else
        result.m_areaName = divisions.fullName(area);
    if (result.m_areaName.isEmpty())
        result.m_warnings.append(QCoreApplication::translate("ow::core",
            "The registration area code %1 (characters 3 to 8) is not in the division table; it may "
            "belong to a division abolished since.")
                                     .arg(area));
    const QStringView organization = QStringView(code).mid(8, 9);
    const QChar organizationExpected = organizationCheck(organization.left(8));
    if (organizationExpected != organization.at(8))
        result.m_warnings.append(QCoreApplication::translate("ow::core",
            "The organisation code %1 (characters 9 to 17) does not pass its own GB 11714 check (its last "
            "character would be '%2'); ask the applicant to confirm the code.")
                                     .arg(organization)
                                     .arg(organizationExpected));
    return result;
}

QString CreditCode::authorityName() const
{
    const Authority *authority = findAuthority(authorityCode());
    return authority
        ? QCoreApplication::translate("ow::core", authority->name.source, authority->name.comment)
        : QString();
}

QString CreditCode::categoryName() const
{
    const Category *category = findCategory(authorityCode(), categoryCode());
    return category ? QCoreApplication::translate("ow::core", category->name.source, category->name.comment)
                    : QString();
}

} // namespace ow
