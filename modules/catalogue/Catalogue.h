#pragma once

#include "catalogue/Condition.h"
#include "core/Error.h"

#include <QHash>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace ow::catalogue {

class ChecklistPlan;

// The immutable in-memory catalogue: what docs/catalogue-format.md describes, after loading.
// Every element remembers where it was written, so the linter and the loader can name file and line.

enum class MatterKind
{
    Promised,
    Immediate
}; ///< 承诺件 / 即办件
enum class FrequencyClass
{
    High,
    Middle,
    Low
}; ///< 高频 / 中频 / 低频
enum class QuestionType
{
    Single,
    Multi,
    Number
};
enum class MaterialForm
{
    Original,
    Copy,
    VerifyOriginalKeepCopy
}; ///< 原件 / 复印件 / 核验原件收复印件
enum class Medium
{
    Paper,
    Electronic,
    PaperOrElectronic
}; ///< 纸质 / 电子 / 纸质或电子
enum class MaterialCategory
{ ///< decides what the "4 × 100%" rule asks for
    Form, ///< 表格: needs a filled-in sample
    Certificate, ///< 证照批文: needs a standard sample
    Technical, ///< 技术性文件: needs an outline
    Application, ///< 申请书: needs a reference text
    Pledge, ///< 承诺书: needs a reference text
    Other, ///< 其他 (e.g. a contract): a sample is recommended
};
enum class ReviewKind
{
    Form,
    Content
}; ///< 形式审查要点 / 内容审查要点

/// A review point (审查要点): one thing the clerk checks on a material.
struct ReviewPoint
{
    QString id;
    ReviewKind kind = ReviewKind::Form;
    QString text;
    QString matterCode; ///< empty for the material's own points; set for a matter's extra points
    SourceLocation where;
};

/// A numbered marker on a sample image, tied to one review point.
struct SampleMark
{
    QString reviewPointId;
    QRect rect; ///< in image pixels
    SourceLocation where;
};

/// 示例: an image of a correctly prepared material with its review points marked.
struct Sample
{
    QString image; ///< path relative to the catalogue folder
    QList<SampleMark> marks;
    SourceLocation where;
};

/// 材料: a document an applicant provides, defined once in the catalogue's material library.
struct Material
{
    QString id;
    QString name; ///< the standard name (标准名称)
    MaterialCategory category = MaterialCategory::Other;
    QString source; ///< 来源渠道, e.g. 公安局
    MaterialForm form = MaterialForm::Original;
    int copies = 1;
    Medium medium = Medium::Paper;
    bool dataShared = false; ///< 数据共享: the hall fetches it itself
    bool waivable = false; ///< 容缺
    QString description;
    QList<ReviewPoint> reviewPoints;
    QStringList commonErrors; ///< 常见错误
    QStringList prerequisites; ///< 前后置
    QString blankForm; ///< 空表: path relative to the catalogue folder, or empty
    QString outline; ///< 内容框架 for technical documents: path or empty
    QString referenceText; ///< 参照样本 for applications and pledges: path or empty
    std::optional<Sample> sample;
    SourceLocation where;

    const ReviewPoint *findReviewPoint(const QString &pointId) const;
};

/// 选项 of a choice question.
struct Option
{
    QString id;
    QString label;
    ConditionPtr when; ///< option offered only when this holds; null = always
    QStringList materialIds; ///< shorthand: choosing this option requires these materials
    SourceLocation where;
};

/// 情形问题: a single-choice, multi-choice or number question.
struct Question
{
    QString id;
    QString text;
    QString hint;
    QuestionType type = QuestionType::Single;
    QList<Option> options; ///< Single and Multi
    QString unit; ///< Number, e.g. 平方米
    std::optional<double> minimum; ///< Number
    std::optional<double> maximum; ///< Number
    ConditionPtr when; ///< asked only when this holds; null = always
    SourceLocation where;

    const Option *findOption(const QString &optionId) const;
};

/// One line of a matter's material list: which material, when, and what this matter asks beyond the library.
struct Requirement
{
    QString materialId;
    ConditionPtr when; ///< null = every situation (基本材料)
    std::optional<MaterialForm> form; ///< overrides the material's
    std::optional<int> copies; ///< overrides the material's
    std::optional<bool> waivable; ///< overrides the material's
    QList<ReviewPoint> extraReviewPoints; ///< this matter's own points for the material
    QString note;
    QString fromOption; ///< "question.option" when written as an option's `materials:` line
    SourceLocation where;
};

/// How a screening outcome ends the walk.
enum class OutcomeKind
{
    NotRequired, ///< 无需办理: the applicant's case needs no such matter at all
    Refer ///< 请办理: another matter (often a 备案) is what the applicant needs
};

/// 筛查结论: an answer that ends the walk before any checklist, because the applicant needs no matter
/// at all or another one. The counter cannot accept a case on it; it tells the applicant once, in writing.
struct ScreeningOutcome
{
    QString id; ///< unique within the matter; "question.option" for an option's `outcome:` line
    OutcomeKind kind = OutcomeKind::NotRequired;
    QString reason; ///< why, told to the applicant; never empty in a loaded catalogue
    QString targetCode; ///< Refer: the matter to apply for instead
    SourceLocation targetWhere; ///< the value of the `matter:` line
    ConditionPtr when; ///< reached as soon as this holds for the answers so far
    QString fromOption; ///< "question.option" when written under an option
    SourceLocation where;
};

/// 常见问题: a question applicants often ask about a matter or bundle, with the answer the counter gives.
/// Shown at the counter's interview when its condition holds, and on the self-service pages.
struct Faq
{
    QString id; ///< unique within its matter or bundle
    QString question;
    QString answer;
    ConditionPtr when; ///< shown only when this holds; null = always
    SourceLocation where;
};

struct Department
{
    QString id;
    QString name;
    SourceLocation where;
};

/// 事项: a service the government grants, with its situation questions and material requirements.
struct Matter
{
    QString code; ///< catalogue code, unique
    QString name;
    QString mainCode; ///< for a sub-item (子项): its main item's code; empty for a main item
    QString departmentId;
    MatterKind kind = MatterKind::Promised;
    int promisedDays = 0; ///< working days; 0 for immediate matters
    int legalDays = 0; ///< 法定时限 in working days, 0 = not given
    FrequencyClass frequency = FrequencyClass::Low;
    QStringList keywords;
    QString basis; ///< 设定依据 (legal basis), free text
    QList<Question> questions; ///< in asking order
    QList<Requirement> requirements; ///< in listing order, `materials:` shorthands expanded in place
    QList<ScreeningOutcome> outcomes; ///< in written order: the first reached wins
    QList<Faq> faqs; ///< in written order
    SourceLocation where;

    const Question *findQuestion(const QString &questionId) const;
    int questionIndex(const QString &questionId) const;
    const ScreeningOutcome *findOutcome(const QString &outcomeId) const;
};

/// A matter inside a bundle, possibly with answers the bundle fixes in advance.
struct BundleMember
{
    QString matterCode;
    QList<QPair<QString, QString>> presets; ///< (question id, answer text) fixed by the bundle
    SourceLocation where;
};

/// 一件事: several matters a citizen sees as one thing; shared materials are handed in once.
struct Bundle
{
    QString id;
    QString name;
    QString leadDepartmentId;
    QStringList keywords;
    QString description;
    QList<BundleMember> members;
    QList<Faq> faqs; ///< in written order; a `when` reads the member matters' questions (FaqReader)
    SourceLocation where;
};

/// The whole catalogue, immutable after loading. Lookups by id are O(1).
class Catalogue
{
public:
    QString id;
    QString name;
    QString version; ///< e.g. 2026.11.1 — every case records the version it used
    QString issued; ///< ISO date the version was issued
    QString region; ///< GB/T 2260 code of the area the catalogue serves
    QString rootDir; ///< absolute path of the folder the catalogue was loaded from
    QList<Department> departments;
    QList<Material> materials;
    QList<Matter> matters;
    QList<Bundle> bundles;

    /// Rebuilds the lookup tables and each matter's checklist plan; the loader calls it once, after
    /// filling the lists (call it again after changing them).
    void index();

    const Department *department(const QString &departmentId) const;
    const Material *material(const QString &materialId) const;
    const Matter *matter(const QString &code) const;
    const Bundle *bundle(const QString &bundleId) const;
    /// Absolute path of a file named relative to the catalogue folder.
    QString resolve(const QString &relativePath) const;
    /// The prepared checklist plan of one of this catalogue's matters; null for a matter that is not
    /// in the lists, or whose requirements changed since index().
    const ChecklistPlan *checklistPlan(const Matter &matter) const;

private:
    std::shared_ptr<const std::vector<ChecklistPlan>> m_checklistPlans;
    QHash<QString, qsizetype> m_departmentIndex;
    QHash<QString, qsizetype> m_materialIndex;
    QHash<QString, qsizetype> m_matterIndex;
    QHash<QString, qsizetype> m_bundleIndex;
};

using CataloguePtr = std::shared_ptr<const Catalogue>;

/// The keywords the text format uses for each enum value (docs/catalogue-format.md), in enum order.
inline constexpr QLatin1StringView kMatterKindKeywords[]
    = {QLatin1StringView("promised"), QLatin1StringView("immediate")};
inline constexpr QLatin1StringView kFrequencyKeywords[]
    = {QLatin1StringView("high"), QLatin1StringView("middle"), QLatin1StringView("low")};
inline constexpr QLatin1StringView kQuestionTypeKeywords[]
    = {QLatin1StringView("single"), QLatin1StringView("multi"), QLatin1StringView("number")};
inline constexpr QLatin1StringView kMaterialFormKeywords[] = {
    QLatin1StringView("original"), QLatin1StringView("copy"), QLatin1StringView("verify-original-keep-copy")};
inline constexpr QLatin1StringView kMediumKeywords[]
    = {QLatin1StringView("paper"), QLatin1StringView("electronic"), QLatin1StringView("paper-or-electronic")};
inline constexpr QLatin1StringView kOutcomeKindKeywords[]
    = {QLatin1StringView("not-required"), QLatin1StringView("refer")};
inline constexpr QLatin1StringView kCategoryKeywords[]
    = {QLatin1StringView("form"), QLatin1StringView("certificate"), QLatin1StringView("technical"),
        QLatin1StringView("application"), QLatin1StringView("pledge"), QLatin1StringView("other")};

template<typename Enum, std::size_t N> QString keyword(Enum value, const QLatin1StringView (&names)[N])
{
    return QString(names[static_cast<std::size_t>(value)]);
}

/// Display names (translated) of the enums, for the UI, the CLI and printed checklists.
QString displayName(MatterKind);
QString displayName(FrequencyClass);
QString displayName(MaterialForm);
QString displayName(Medium);
QString displayName(MaterialCategory);
QString displayName(ReviewKind);
QString displayName(OutcomeKind);

} // namespace ow::catalogue
