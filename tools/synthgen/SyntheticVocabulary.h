#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ow::synthgen {

/// An id and its Chinese label, e.g. an option "lodging: 住宿场所".
struct Choice
{
    QString id;
    QString label;
};

/// What a department deals in (e.g. 公共场所卫生), with the family of matters it gives rise to.
struct Topic
{
    QString noun;
    QChar family; ///< key into SyntheticVocabulary::actions()
};

/// The words of one department: its matters' topics, its own question, its laws and keywords.
struct DepartmentWords
{
    QString id;
    QString name;
    QString code; ///< letters in the matter codes, e.g. WJ in 330302-WJ-001
    double volume = 1; ///< relative yearly case volume, drives the frequency classes
    QList<Topic> topics;
    QString questionId; ///< the department's own first-level question
    QString questionText;
    QList<Choice> questionOptions;
    QStringList laws;
    QStringList keywords;
};

/// One kind of matter a topic gives rise to, e.g. "%1许可（延续）".
struct Action
{
    QString pattern; ///< %1 = the topic's noun
    QString keyword; ///< a word applicants search with, e.g. 延续
    double volume = 1; ///< relative to the topic's first action
    double immediate = 0.1; ///< chance the matter is an immediate one (即办件)
    enum class Kind
    {
        New,
        Change,
        Renew,
        Reissue,
        Cancel,
        Other
    } kind
        = Kind::Other;
};

/// A kind of document a topic needs, e.g. "%1平面布局图" (technical).
struct DocumentKind
{
    QString slug; ///< ASCII, ends every material id made from it
    QString pattern; ///< %1 noun, %2 noun + family word, %3 the document the family issues
    QString category; ///< catalogue category keyword
    QString form; ///< catalogue form keyword
    QString source; ///< empty = the department itself
};

/// A material every department may use (居民身份证, 营业执照 …), written once in materials/common.txt.
struct CommonMaterial
{
    QString id;
    QString name;
    QString category;
    QString form;
    QString source;
    bool dataShared = false;
};

/// A question any matter may ask, with the common materials (or pool slots) its options require.
struct QuestionKind
{
    QString id;
    QString text;
    QString hint;
    enum class Type
    {
        Single,
        Multi,
        Number
    } type
        = Type::Single;
    QList<Choice> options;
    QList<QStringList>
        optionMaterials; ///< per option: common material ids; empty = draw from the pool; "-" = none
    QString unit; ///< Number
    QList<double> thresholds; ///< Number: the values conditions may compare with
};

/// The fixed word lists the synthetic catalogue is built from. Names are real administrative terms
/// of Zhejiang's matter catalogues, combined at random; the facts they state are invented.
class SyntheticVocabulary
{
public:
    static const QList<DepartmentWords> &departments();
    static const QList<Action> &actions(QChar family);
    static const QList<DocumentKind> &documents();
    static const QList<CommonMaterial> &commonMaterials();
    static const QList<QuestionKind> &questionKinds();
    /// A document's name: `pattern` of DocumentKind filled in for the topic.
    static QString documentName(const QString &pattern, const Topic &topic);
    /// Suffixes that tell apart matters of the same topic and action when a department runs out of names.
    static const QStringList &variantSuffixes();
    /// Chinese numerals for article numbers: 8 → 八, 23 → 二十三.
    static QString chineseNumber(int n);
};

} // namespace ow::synthgen
