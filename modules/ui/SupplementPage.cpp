#include "ui/SupplementPage.h"

#include "cases/CaseNumber.h"
#include "intake/SupplementSession.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MaterialCheckPanel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using cases::AwaitedMaterial;

SupplementPage::SupplementPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("supplementPage"));

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    m_back = new QPushButton(tr("← Case"), header);
    m_back->setObjectName(QStringLiteral("flatButton"));
    m_back->setToolTip(tr("Back to the case without recording (Esc)"));
    connect(m_back, &QPushButton::clicked, this, &SupplementPage::backRequested);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    m_scan = new QPushButton(tr("S&can the selected material  F6"), header);
    m_scan->setToolTip(tr("Photograph what the applicant handed in with the document camera"));
    m_record = new QPushButton(tr("&Record the hand-in and print the receipt"), header);
    m_record->setObjectName(QStringLiteral("primaryButton"));
    m_record->setToolTip(tr("Store what was handed in and print the supplement receipt (Ctrl+Shift+Enter)"));
    for (QPushButton *button : {m_scan, m_record})
        button->setMinimumHeight(34);
    m_message = new QLabel(header);
    m_message->setObjectName(QStringLiteral("panelSubtitle"));
    m_message->setWordWrap(true);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(12);
    titleRow->addWidget(m_back);
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_scan);
    titleRow->addWidget(m_record);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 14, 24, 12);
    headerLayout->setSpacing(4);
    headerLayout->addLayout(titleRow);
    headerLayout->addWidget(m_subtitle);
    headerLayout->addWidget(m_message);

    m_check = new MaterialCheckPage(this);
    connect(m_check, &MaterialCheckPage::importRequested, this, &SupplementPage::importFiles);
    // A refusal told earlier no longer holds once the checks change.
    connect(m_check, &MaterialCheckPage::checksChanged, this, [this] {
        if (m_message->property("tone").toString() == QStringLiteral("danger"))
            setMessage({}, false);
    });
    connect(m_check, &MaterialCheckPage::scanRequested, this, [this](const QString &materialId) {
        if (!m_session)
            return;
        const int index = m_session->checkList().indexOf(materialId);
        Q_EMIT scanRequested(materialId, index >= 0 ? m_session->checkList().line(index).name : materialId);
    });
    connect(m_scan, &QPushButton::clicked, m_check->panel(), &MaterialCheckPanel::requestScan);
    connect(m_record, &QPushButton::clicked, this, &SupplementPage::record);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this, this, [this] { record(); });
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_check, 1);
}

SupplementPage::~SupplementPage()
{
    // The check page edits the session's list: let go of it before the session goes.
    close();
}

bool SupplementPage::open(const intake::IntakeEnvironment &environment, const QString &caseNumber)
{
    close();
    Result<std::unique_ptr<intake::SupplementSession>> opened
        = intake::SupplementSession::open(environment, caseNumber);
    if (!opened) {
        setMessage(opened.error().message(), true);
        return false;
    }
    m_session = std::move(*opened);
    m_check->showCheckList(&m_session->checkList());
    m_check->setAttachments(m_session->allScans());
    setMessage(tr("Check each material handed in like at intake: R received, its review points met; "
                  "F6 scans it. What is not handed in now stays awaited."),
        false);
    showHeader();
    return true;
}

void SupplementPage::close()
{
    m_check->showCheckList(nullptr);
    if (m_session) {
        // Scans taken for a hand-in that was never recorded would be orphans.
        const Result<void> abandoned = m_session->abandon();
        if (!abandoned)
            setMessage(abandoned.error().message(), true);
    }
    m_session.reset();
}

QString SupplementPage::message() const
{
    return m_message->text();
}

void SupplementPage::focusFirstLine()
{
    m_check->focusFirstPending();
}

void SupplementPage::showHeader()
{
    const cases::Case &c = m_session->currentCase();
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(c.number);
    m_title->setText(tr("Supplement · case %1").arg(number ? number->toDisplayString() : c.number));
    const QList<AwaitedMaterial> &awaited = m_session->awaited();
    const QDate due = cases::Supplements::nextDeadline(awaited);
    QString facts = tr("%1 · %n material(s) awaited", nullptr, int(awaited.size())).arg(c.matterName);
    if (due.isValid())
        facts += tr(" · due %1").arg(due.toString(Qt::ISODate));
    m_subtitle->setText(facts);
}

bool SupplementPage::record()
{
    if (!m_session)
        return false;
    Result<documents::Document> receipt = m_session->record();
    if (!receipt) {
        setMessage(receipt.error().message(), true);
        return false;
    }
    const QString number = m_session->currentCase().number;
    setMessage(tr("Recorded as “%1”.").arg(cases::displayName(m_session->recorded().kind)), false);
    Q_EMIT recorded(number, *receipt);
    return true;
}

void SupplementPage::importFiles(const QString &materialId, const QStringList &paths)
{
    if (m_session)
        attached(m_session->importFiles(materialId, paths));
}

void SupplementPage::importScans(const QString &materialId, const QList<QByteArray> &jpegPages)
{
    if (m_session)
        attached(m_session->importScans(materialId, jpegPages));
}

void SupplementPage::attached(const Result<QList<cases::CaseAttachment>> &added)
{
    if (!added) {
        setMessage(added.error().message(), true);
        return;
    }
    m_check->setAttachments(m_session->allScans());
    setMessage(
        tr("%n file(s) attached; they are stored with the hand-in.", nullptr, int(added->size())), false);
}

void SupplementPage::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("tone", problem ? QStringLiteral("danger") : QString());
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void SupplementPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ow::ui
