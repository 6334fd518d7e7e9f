#pragma once

#include "SituationSpace.h"
#include "SyntheticRandom.h"
#include "SyntheticVocabulary.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QRect>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ow::synthgen {

/// One generated material, as it will be written to materials/*.txt.
struct MaterialDraft
{
    QString id;
    QString name;
    QString category;
    QString source;
    QString form;
    int copies = 1;
    QString medium;
    bool dataShared = false;
    bool waivable = false;
    QString description;
    QList<GenReviewPoint> points;
    QStringList commonErrors;
    QStringList prerequisites;
    QString blankForm;
    QString outline;
    QString referenceText;
    QString sample;
    QList<QPair<QString, QRect>> marks;
    QString file; ///< materials/<file>.txt
    int topicKey = -1;
    int uses = 0; ///< requirements that name it, counted as matters are committed
};

/// The shared material library: the common materials and one pool per topic, from which matters
/// draw so that every material ends up required somewhere and many are shared between matters.
class SyntheticMaterials
{
public:
    static constexpr auto BlankForm = "forms/blank-form.txt";
    static constexpr auto Outline = "forms/outline.txt";
    static constexpr auto ReferenceText = "forms/reference-text.txt";
    static constexpr auto Sample = "samples/sample.png";

    SyntheticMaterials(SyntheticRandom &random, QSize sampleSize);

    /// Creates a topic's pool of `count` materials; its application form always comes first.
    void addTopicPool(
        int topicKey, int departmentIndex, const DepartmentWords &department, int topicIndex, int count);

    /// A material of the topic (else of the department, else a common one) not in `taken`,
    /// preferring materials no matter uses yet. Empty when none is left.
    QString draw(int topicKey, int departmentIndex, const QSet<QString> &taken);
    /// A common material not in `taken` that no question kind claims (照片, 银行卡 …), or empty.
    QString drawCommon(const QSet<QString> &taken);
    /// The topic's application form, or empty.
    QString applicationForm(int topicKey) const;
    bool contains(const QString &id) const { return m_index.contains(id); }
    void addUse(const QString &id);
    /// Materials no matter requires yet, in library order.
    QStringList unused() const;
    /// The topic pool a material belongs to, or -1 for a common material.
    int topicOf(const QString &id) const;

    int count() const { return int(m_materials.size()); }
    /// The file names (without .txt) in the order they are written.
    QStringList files() const;
    /// The text of materials/<file>.txt.
    QString render(const QString &file) const;

private:
    void addCommon();
    void complete(MaterialDraft &m);
    QString pick(const QStringList &candidates, const QSet<QString> &taken);

    SyntheticRandom &m_random;
    QSize m_sampleSize;
    QList<MaterialDraft> m_materials;
    QHash<QString, qsizetype> m_index;
    QMap<int, QStringList> m_topicPools;
    QMap<int, QStringList> m_departmentPools;
    QStringList m_commonExtras;
};

} // namespace ow::synthgen
