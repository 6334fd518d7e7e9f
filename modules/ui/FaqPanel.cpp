#include "ui/FaqPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

FaqPanel::FaqPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("faqPanel"));
    setAttribute(Qt::WA_StyledBackground);

    auto *title = new QLabel(tr("Frequently asked questions"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("panelSubtitle"));
    m_subtitle->setWordWrap(true);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("faqSearch"));
    m_search->setPlaceholderText(tr("Search the questions and answers"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the frequently asked questions"));
    connect(m_search, &QLineEdit::textChanged, this, &FaqPanel::rebuild);

    m_host = new QWidget;
    m_host->setObjectName(QStringLiteral("faqHost"));
    m_list = new QVBoxLayout(m_host);
    m_list->setContentsMargins(0, 0, 8, 0);
    m_list->setSpacing(4);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_host);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_search);
    layout->addWidget(scroll, 1);
}

void FaqPanel::showSections(const QList<Section> &sections)
{
    m_sections = sections;
    m_applicable = 0;
    for (const Section &section : sections)
        m_applicable += int(section.faqs.size());
    m_subtitle->setText(m_applicable == 0
            ? tr("No frequently asked question applies to the answers so far.")
            : tr("%n entries apply to the answers so far; tell the applicant the answer as written.", nullptr,
                m_applicable));
    rebuild();
}

QStringList FaqPanel::listedQuestions() const
{
    return m_listed;
}

void FaqPanel::rebuild()
{
    m_listed.clear();
    while (QLayoutItem *item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QString word = m_search->text().trimmed();
    auto label = [this](const QString &text, const QString &name) {
        auto *l = new QLabel(text, m_host);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_list->addWidget(l);
        return l;
    };
    for (const Section &section : std::as_const(m_sections)) {
        bool titled = section.title.isEmpty();
        for (const Faq &faq : section.faqs) {
            if (!word.isEmpty() && !faq.question.contains(word, Qt::CaseInsensitive)
                && !faq.answer.contains(word, Qt::CaseInsensitive))
                continue;
            if (!titled) {
                label(section.title, QStringLiteral("sectionTitle"))->setContentsMargins(0, 6, 0, 0);
                titled = true;
            }
            label(tr("Q: %1").arg(faq.question), QStringLiteral("faqQuestion"))
                ->setContentsMargins(0, 6, 0, 0);
            label(tr("A: %1").arg(faq.answer), QStringLiteral("faqAnswer"));
            m_listed.append(faq.question);
        }
    }
    if (m_listed.isEmpty() && m_applicable > 0)
        label(tr("No entry holds \"%1\".").arg(word), QStringLiteral("panelSubtitle"));
    m_list->addStretch(1);
}

} // namespace ow::ui
