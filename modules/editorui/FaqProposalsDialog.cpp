#include "editorui/FaqProposalsDialog.h"

#include "authoring/FaqEntry.h"
#include "editorui/EditorWindow.h"
#include "ui/HallServerRequest.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using namespace Qt::StringLiterals;
using authoring::NodeRef;

namespace {

/// The block of the matter or bundle `code` in the open catalogue, or an invalid ref.
NodeRef entryOf(const authoring::CatalogueDocument &document, const QString &code)
{
    for (const QString &file : document.files())
        for (const catalogue::TextNode &node : document.nodes(file))
            if ((node.keyword == u"matter"_s || node.keyword == u"bundle"_s) && node.id == code)
                return NodeRef {file, node.where.line};
    return {};
}

} // namespace

FaqProposalsDialog::FaqProposalsDialog(EditorWindow *window, const sync::SyncSettings &server)
    : QDialog(window)
    , m_window(window)
    , m_server(server)
{
    setObjectName(u"faqProposalsDialog"_s);
    setWindowTitle(tr("Frequent questions from the counters"));
    auto *intro = new QLabel(tr("Questions the hall's counters recorded at least three times in the last "
                                "90 days, most asked first. Adopt one to add it to its matter's FAQ, then "
                                "edit it and submit for review as usual."),
        this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"proposals"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Matter"), tr("Question"), tr("Asked"), tr("Answers given")});
    m_list->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_list->setColumnWidth(0, 220);
    m_list->setColumnWidth(1, 300);
    m_list->setColumnWidth(2, 60);
    m_list->setWordWrap(true);
    m_answer = new QComboBox(this);
    m_answer->setObjectName(u"answer"_s);
    m_answer->setEditable(true);
    m_answer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_answer->setMinimumContentsLength(40);
    auto *form = new QFormLayout;
    auto *caption = new QLabel(tr("A&nswer to write:"), this);
    caption->setBuddy(m_answer);
    form->addRow(caption, m_answer);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setAutoDefault(false);
    QPushButton *adoptButton = buttons->addButton(tr("&Adopt (Enter)"), QDialogButtonBox::AcceptRole);
    adoptButton->setObjectName(u"adopt"_s);
    adoptButton->setDefault(true);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setAutoDefault(false);
    connect(adoptButton, &QPushButton::clicked, this, &FaqProposalsDialog::adopt);
    connect(refresh, &QPushButton::clicked, this, &FaqProposalsDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &FaqProposalsDialog::showChosen);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1000, 560);
}

bool FaqProposalsDialog::reload()
{
    Result<QJsonObject> answer = fail(Error::Code::Io, QString());
    ui::runHallServerRequest(this, m_server,
        [&answer](sync::SyncClient &client) { answer = client.call("GET", u"/catalogues/faq-proposals"_s); });
    m_list->clear();
    m_proposals = {};
    if (!answer) {
        m_message->setText(tr("The proposals could not be read: %1").arg(answer.error().message()));
        return false;
    }
    const authoring::CatalogueDocument *document = m_window->document();
    for (const QJsonValue &value : answer->value(u"proposals"_s).toArray()) {
        const QJsonObject p = value.toObject();
        const QJsonObject matter = p.value(u"matter"_s).toObject();
        if (!document || !entryOf(*document, matter.value(u"code"_s).toString()).isValid())
            continue;
        QStringList answers;
        for (const QJsonValue &a : p.value(u"answers"_s).toArray())
            answers.append(a.toString());
        QString question = p.value(u"question"_s).toString();
        if (p.value(u"alreadyFaq"_s).toBool())
            question += u' ' + tr("(already a FAQ)");
        auto *item = new QTreeWidgetItem(m_list,
            {matter.value(u"name"_s).toString(), question, QString::number(p.value(u"count"_s).toInt()),
                answers.value(0)});
        QStringList variants;
        for (const QJsonValue &v : p.value(u"variants"_s).toArray())
            variants.append(v.toString());
        if (!variants.isEmpty())
            item->setToolTip(1, tr("Also asked as: %1").arg(variants.join(u" / "_s)));
        item->setToolTip(3, answers.join(u'\n'));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        m_proposals.append(p);
    }
    m_message->setText(m_proposals.isEmpty()
            ? tr("No question of this catalogue's matters was recorded often enough yet.")
            : tr("%n proposal(s) for this catalogue's matters.", nullptr, int(m_proposals.size())));
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->setFocus();
    return true;
}

void FaqProposalsDialog::showChosen()
{
    m_answer->clear();
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (row < 0)
        return;
    for (const QJsonValue &a : m_proposals.at(row).toObject().value(u"answers"_s).toArray())
        m_answer->addItem(a.toString());
}

bool FaqProposalsDialog::adopt()
{
    authoring::CatalogueDocument *document = m_window->document();
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (!document || row < 0) {
        m_message->setText(tr("Choose a proposal first."));
        return false;
    }
    const QJsonObject p = m_proposals.at(row).toObject();
    const QString code = p.value(u"matter"_s).toObject().value(u"code"_s).toString();
    const QString answer = m_answer->currentText().trimmed();
    if (answer.isEmpty()) {
        m_message->setText(tr("Write the answer the FAQ gives."));
        m_answer->setFocus();
        return false;
    }
    const NodeRef entry = entryOf(*document, code);
    const catalogue::TextNode *node = document->node(entry);
    if (!node) {
        m_message->setText(tr("Matter %1 is not in the open catalogue.").arg(code));
        return false;
    }
    const Result<authoring::Edit> edit = document->addBlock(entry.file, entry, {},
        authoring::FaqEntry::block(p.value(u"question"_s).toString(), answer, node->children));
    if (!edit) {
        m_message->setText(edit.error().message());
        return false;
    }
    const QString name = node->value;
    const QString before = document->text(entry.file);
    m_window->pushEdits({*edit}, tr("Adopt the frequent question"));
    if (document->text(entry.file) == before) {
        // Refused (another editor holds the matter): the window's status bar says why.
        m_message->setText(m_window->message());
        return false;
    }
    m_window->say(
        tr("Added to the FAQ of %1: edit the question and answer in the form, then submit for review.")
            .arg(name));
    accept();
    return true;
}

} // namespace ow::editorui
