#include "editorui/SubmissionDialog.h"

#include "editorui/ReviewLabels.h"
#include "ui/HallServerRequest.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ow::editorui {

using namespace Qt::StringLiterals;

SubmissionDialog::SubmissionDialog(
    QWidget *parent, const sync::SyncSettings &server, sync::SubmissionRequest request, const QDate &today)
    : QDialog(parent)
    , m_server(server)
    , m_request(std::move(request))
{
    setWindowTitle(tr("Submit for review"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"reason"_s);
    for (const QString &reason : {u"立"_s, u"改"_s, u"废"_s, u"释"_s})
        m_reason->addItem(ReviewLabels::reason(reason), reason);
    m_reason->setCurrentIndex(1);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"note"_s);
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What changed and why, e.g. the law or notice it follows"));
    m_note->setFixedHeight(72);
    m_effective = new QDateEdit(today.addDays(1), this);
    m_effective->setObjectName(u"effective"_s);
    m_effective->setCalendarPopup(true);
    m_effective->setMinimumDate(today);
    m_effective->setDisplayFormat(u"yyyy-MM-dd"_s);
    auto *what = new QLabel(tr("Version %1 of catalogue %2, from the folder as saved.")
                                .arg(m_request.version, m_request.catalogueId),
        this);
    what->setObjectName(u"what"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Uploading…"));
    m_progress->hide();
    m_result = new QLabel(this);
    m_result->setObjectName(u"result"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_items = new QTreeWidget(this);
    m_items->setObjectName(u"items"_s);
    m_items->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("&Effective from:"), m_effective);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_submit = buttons->addButton(tr("&Submit"), QDialogButtonBox::ActionRole);
    m_submit->setObjectName(u"submit"_s);
    m_submit->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &SubmissionDialog::submit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_items, 1);
    layout->addWidget(buttons);
    resize(760, 520);
}

void SubmissionDialog::submit()
{
    m_request.reason = m_reason->currentData().toString();
    m_request.note = m_note->toPlainText().trimmed();
    m_request.effective = m_effective->date();
    m_result->clear();
    m_progress->show();
    Result<QJsonObject> answer = fail(Error::Code::Io, QString());
    sync::HttpFailure failure;
    ui::runHallServerRequest(this, m_server, [&](sync::SyncClient &client) {
        answer = sync::CatalogueEditorClient(client).submit(m_request);
        failure = client.lastFailure();
    });
    m_progress->hide();
    if (!answer) {
        QStringList lines {tr("The server did not take the submission: %1").arg(answer.error().message())};
        for (const QJsonValue &line : failure.body.value(u"diagnostics"_s).toArray())
            lines.append(line.toString());
        m_result->setStyleSheet(u"color: #b00020;"_s);
        m_result->setText(lines.join(u'\n'));
        return;
    }
    showAnswer(*answer);
    Q_EMIT submitted(*answer);
}

void SubmissionDialog::showAnswer(const QJsonObject &status)
{
    m_answer = status;
    m_result->setStyleSheet(QString());
    const int count = int(status.value(u"items"_s).toArray().size());
    m_result->setText(tr("Submission %1 is %2: %n item(s) to review, effective from %3.", nullptr, count)
                          .arg(status.value(u"id"_s).toInteger())
                          .arg(ReviewLabels::state(status.value(u"state"_s).toString()),
                              status.value(u"effective"_s).toString()));
    ReviewLabels::fillItems(m_items, status);
    m_items->show();
    m_submit->setEnabled(false);
}

} // namespace ow::editorui
