#pragma once

#include "catalogue/Catalogue.h"
#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace ow::tableimport {

/// What the guide's 形式审查要点 column often says first: form, medium and copies, "核验原件复印件纸质1".
struct FormSpec
{
    catalogue::MaterialForm form = catalogue::MaterialForm::Original;
    std::optional<catalogue::Medium> medium;
    std::optional<int> copies;
    friend bool operator==(const FormSpec &, const FormSpec &) = default;
};

/// The readings of one cell of a material table (docs/catalogue-format.md, "Importing a material
/// table"). Each returns nothing, or an error, for text it cannot read; none guesses.
class CellValues
{
public:
    /// A cell that says nothing: empty, "/", "无", "-", "—".
    static bool isBlank(const QString &cell);
    /// 是否容缺: 是/否, 可/不可, 可容缺/不可容缺, yes/no, true/false, Y/N, √/×.
    static std::optional<bool> waivable(const QString &cell);
    /// "核验原件复印件纸质1", "原件 纸质 1份", "复印件2份": the whole text, or nothing.
    static std::optional<FormSpec> formSpec(const QString &text);
    /// A review-point cell split into points: one per line, per "；", and per "审查点N：" (the numbering
    /// itself, "1.", "（2）", "审查要点3：", dropped).
    static QStringList reviewPoints(const QString &cell);
    /// 材料类别: a category keyword of the format or its Chinese name (表格, 证照批文, 技术性文件,
    /// 申请书, 承诺书, 其他).
    static std::optional<catalogue::MaterialCategory> category(const QString &cell);
    /// The category a material's name suggests when the table gives none: …表 a form, …申请书 an
    /// application, …承诺书 a pledge, …证/证书/执照/批文/批复 a certificate, …报告/方案/图纸 technical,
    /// anything else other.
    static catalogue::MaterialCategory categoryFromName(const QString &name);
    /// One line of text for the catalogue format: line breaks and control characters as spaces, runs of
    /// spaces as one.
    static QString oneLine(const QString &text);
    /// A name compared with another: spaces dropped, full-width brackets as ASCII ones.
    static QString comparableName(const QString &name);
};

} // namespace ow::tableimport
