#pragma once

#include "catalogue/Catalogue.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace ow::ui {

/// The interview's 常见问题 (F12): the frequently asked questions of the matter or bundle being
/// interviewed whose condition holds for the answers so far, each with the answer the counter gives,
/// and a field that narrows them to those holding a word.
class FaqPanel : public QWidget
{
    Q_OBJECT

public:
    /// The faqs of one matter or bundle, under its name (empty for a single matter's interview).
    struct Section
    {
        QString title;
        QList<catalogue::Faq> faqs;
    };

    explicit FaqPanel(QWidget *parent = nullptr);

    void showSections(const QList<Section> &sections);
    /// Entries that apply to the answers, before the search narrows them.
    int applicableCount() const { return m_applicable; }
    /// The questions listed now, in order (the search applied).
    QStringList listedQuestions() const;
    QLineEdit *searchField() const { return m_search; }

private:
    void rebuild();

    QList<Section> m_sections;
    int m_applicable = 0;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_search = nullptr;
    QWidget *m_host = nullptr;
    QVBoxLayout *m_list = nullptr;
    QStringList m_listed;
};

} // namespace ow::ui
