#include "editorui/KeywordLabels.h"

#include <QCoreApplication>
#include <QHash>

namespace ow::editorui {

QString keywordLabel(const QString &keyword)
{
    // The glossary's terms (DOMAIN.md); translated when asked for, so a language switch applies.
    static const QHash<QString, const char *> labels {
        {QStringLiteral("catalogue"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Catalogue")},
        {QStringLiteral("version"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Version")},
        {QStringLiteral("issued"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Issued")},
        {QStringLiteral("region"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Region")},
        {QStringLiteral("department"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Department")},
        {QStringLiteral("material"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Material")},
        {QStringLiteral("matter"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Matter")},
        {QStringLiteral("bundle"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Bundle")},
        {QStringLiteral("question"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Question")},
        {QStringLiteral("option"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Option")},
        {QStringLiteral("require"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Required material")},
        {QStringLiteral("outcome"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Screening outcome")},
        {QStringLiteral("form-point"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Form review point")},
        {QStringLiteral("content-point"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Content review point")},
        {QStringLiteral("sample"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Sample")},
        {QStringLiteral("mark"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Mark")},
        {QStringLiteral("kind"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Kind")},
        {QStringLiteral("promised-days"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Promised days")},
        {QStringLiteral("legal-days"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Legal days")},
        {QStringLiteral("frequency"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Frequency")},
        {QStringLiteral("keywords"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Keywords")},
        {QStringLiteral("main"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Main item")},
        {QStringLiteral("basis"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Legal basis")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Type")},
        {QStringLiteral("hint"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Hint")},
        {QStringLiteral("when"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Condition")},
        {QStringLiteral("unit"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Unit")},
        {QStringLiteral("min"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Minimum")},
        {QStringLiteral("max"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Maximum")},
        {QStringLiteral("materials"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Materials")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Note")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Category")},
        {QStringLiteral("source"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Source")},
        {QStringLiteral("form"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Form")},
        {QStringLiteral("copies"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Copies")},
        {QStringLiteral("medium"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Medium")},
        {QStringLiteral("data-shared"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Data-shared")},
        {QStringLiteral("waivable"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Waivable")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Description")},
        {QStringLiteral("common-error"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Common error")},
        {QStringLiteral("prerequisite"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Prerequisite")},
        {QStringLiteral("blank-form"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Blank form")},
        {QStringLiteral("outline"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Content outline")},
        {QStringLiteral("reference-text"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Reference text")},
        {QStringLiteral("lead"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Lead department")},
        {QStringLiteral("preset"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Preset answer")},
        {QStringLiteral("reason"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Reason")},
        {QStringLiteral("faq"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Frequently asked question")},
        {QStringLiteral("answer"), QT_TRANSLATE_NOOP("ow::editorui::Keyword", "Answer")},
    };
    const auto it = labels.constFind(keyword);
    return it == labels.constEnd() ? keyword
                                   : QCoreApplication::translate("ow::editorui::Keyword", it.value());
}

} // namespace ow::editorui
