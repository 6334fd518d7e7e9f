#include "catalogue/Catalogue.h"

#include "catalogue/ChecklistPlan.h"

#include <QCoreApplication>
#include <QDir>
#include <functional>

namespace ow::catalogue {

namespace {
template<typename List, typename Key>
void buildIndex(const List &list, QHash<QString, qsizetype> &index, Key key)
{
    index.clear();
    index.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(key(list.at(i)), i);
}

template<typename List>
auto lookup(const List &list, const QHash<QString, qsizetype> &index, const QString &key)
    -> decltype(&list.at(0))
{
    auto it = index.constFind(key);
    return it == index.constEnd() ? nullptr : &list.at(it.value());
}
} // namespace

const ReviewPoint *Material::findReviewPoint(const QString &pointId) const
{
    for (const ReviewPoint &point : reviewPoints)
        if (point.id == pointId)
            return &point;
    return nullptr;
}

const Option *Question::findOption(const QString &optionId) const
{
    for (const Option &option : options)
        if (option.id == optionId)
            return &option;
    return nullptr;
}

const Question *Matter::findQuestion(const QString &questionId) const
{
    const int i = questionIndex(questionId);
    return i < 0 ? nullptr : &questions.at(i);
}

int Matter::questionIndex(const QString &questionId) const
{
    for (int i = 0; i < questions.size(); ++i)
        if (questions.at(i).id == questionId)
            return i;
    return -1;
}

const ScreeningOutcome *Matter::findOutcome(const QString &outcomeId) const
{
    for (const ScreeningOutcome &outcome : outcomes)
        if (outcome.id == outcomeId)
            return &outcome;
    return nullptr;
}

void Catalogue::index()
{
    buildIndex(departments, m_departmentIndex, [](const Department &d) { return d.id; });
    buildIndex(materials, m_materialIndex, [](const Material &m) { return m.id; });
    buildIndex(matters, m_matterIndex, [](const Matter &m) { return m.code; });
    buildIndex(bundles, m_bundleIndex, [](const Bundle &b) { return b.id; });
    auto plans = std::make_shared<std::vector<ChecklistPlan>>();
    plans->reserve(matters.size());
    for (const Matter &matter : matters)
        plans->emplace_back(*this, matter);
    m_checklistPlans = std::move(plans);
}

const Department *Catalogue::department(const QString &departmentId) const
{
    return lookup(departments, m_departmentIndex, departmentId);
}

const Material *Catalogue::material(const QString &materialId) const
{
    return lookup(materials, m_materialIndex, materialId);
}

const Matter *Catalogue::matter(const QString &code) const
{
    return lookup(matters, m_matterIndex, code);
}

const ChecklistPlan *Catalogue::checklistPlan(const Matter &matter) const
{
    if (!m_checklistPlans)
        return nullptr;
    const Matter *first = matters.constData();
    const std::less<const Matter *> before;
    if (before(&matter, first) || !before(&matter, first + m_checklistPlans->size()))
        return nullptr;
    const qsizetype i = &matter - first;
    const ChecklistPlan &plan = (*m_checklistPlans)[std::size_t(i)];
    return plan.isFor(matter) ? &plan : nullptr;
}

const Bundle *Catalogue::bundle(const QString &bundleId) const
{
    return lookup(bundles, m_bundleIndex, bundleId);
}

QString Catalogue::resolve(const QString &relativePath) const
{
    return QDir(rootDir).filePath(relativePath);
}

QString displayName(MatterKind kind)
{
    return kind == MatterKind::Promised ? QCoreApplication::translate("ow::catalogue", "promised")
                                        : QCoreApplication::translate("ow::catalogue", "immediate");
}

QString displayName(FrequencyClass frequency)
{
    switch (frequency) {
    case FrequencyClass::High:
        return QCoreApplication::translate("ow::catalogue", "high frequency");
    case FrequencyClass::Middle:
        return QCoreApplication::translate("ow::catalogue", "middle frequency");
    case FrequencyClass::Low:
        return QCoreApplication::translate("ow::catalogue", "low frequency");
    }
    return {};
}

QString displayName(MaterialForm form)
{
    switch (form) {
    case MaterialForm::Original:
        return QCoreApplication::translate("ow::catalogue", "original");
    case MaterialForm::Copy:
        return QCoreApplication::translate("ow::catalogue", "copy");
    case MaterialForm::VerifyOriginalKeepCopy:
        return QCoreApplication::translate("ow::catalogue", "verify original, keep copy");
    }
    return {};
}

QString displayName(Medium medium)
{
    switch (medium) {
    case Medium::Paper:
        return QCoreApplication::translate("ow::catalogue", "paper");
    case Medium::Electronic:
        return QCoreApplication::translate("ow::catalogue", "electronic");
    case Medium::PaperOrElectronic:
        return QCoreApplication::translate("ow::catalogue", "paper or electronic");
    }
    return {};
}

QString displayName(MaterialCategory category)
{
    switch (category) {
    case MaterialCategory::Form:
        return QCoreApplication::translate("ow::catalogue", "form");
    case MaterialCategory::Certificate:
        return QCoreApplication::translate("ow::catalogue", "certificate");
    case MaterialCategory::Technical:
        return QCoreApplication::translate("ow::catalogue", "technical document");
    case MaterialCategory::Application:
        return QCoreApplication::translate("ow::catalogue", "application");
    case MaterialCategory::Pledge:
        return QCoreApplication::translate("ow::catalogue", "pledge");
    case MaterialCategory::Other:
        return QCoreApplication::translate("ow::catalogue", "other");
    }
    return {};
}

QString displayName(ReviewKind kind)
{
    return kind == ReviewKind::Form ? QCoreApplication::translate("ow::catalogue", "form review")
                                    : QCoreApplication::translate("ow::catalogue", "content review");
}

QString displayName(OutcomeKind kind)
{
    return kind == OutcomeKind::NotRequired
        ? QCoreApplication::translate("ow::catalogue", "No application needed")
        : QCoreApplication::translate("ow::catalogue", "Apply instead for");
}

} // namespace ow::catalogue
