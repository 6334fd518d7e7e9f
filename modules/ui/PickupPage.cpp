#include "ui/PickupPage.h"

#include "core/CitizenId.h"
#include "core/Masking.h"
#include "core/TrackingNumber.h"
#include "documents/DocumentContext.h"
#include "documents/PickupDocuments.h"
#include "intake/CaseReprint.h"
#include "ui/CaseListDelegate.h"
#include "ui/DocumentPreview.h"
#include "ui/ResultDocumentsBox.h"
#include "ui/RoleScreens.h"

#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::cases;

namespace {

constexpr int kReadyListLimit = 200;

QFrame *card(const QString &title, QWidget *parent, QLabel **heading = nullptr)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(8);
    auto *label = new QLabel(title, frame);
    label->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(label);
    if (heading)
        *heading = label;
    return frame;
}

QLabel *hint(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldHint"));
    label->setWordWrap(true);
    return label;
}

void setTone(QLabel *label, const char *tone)
{
    label->setProperty("tone", QString::fromLatin1(tone));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

PickupPage::PickupPage(const CaseScreenContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_desk(*context.store, context.clerk)
{
    setObjectName(QStringLiteral("casePage"));

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *title = new QLabel(tr("Pickup counter"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(
        tr("Scan the QR code on the applicant's receipt, or type the case number and press Enter."), header);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_code = new QLineEdit(header);
    m_code->setObjectName(QStringLiteral("scanField"));
    m_code->setPlaceholderText(tr("Case number or scanned case link"));
    m_code->setClearButtonEnabled(true);
    connect(m_code, &QLineEdit::returnPressed, this, [this] { lookUp(m_code->text()); });
    auto *find = new QPushButton(tr("Find"), header);
    find->setObjectName(QStringLiteral("primaryButton"));
    connect(find, &QPushButton::clicked, this, [this] { lookUp(m_code->text()); });
    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(m_code, 1);
    scanRow->addWidget(find);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 16, 24, 14);
    headerLayout->setSpacing(8);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(12);
    titleRow->addWidget(subtitle, 1, Qt::AlignBottom);
    headerLayout->addLayout(titleRow);
    headerLayout->addLayout(scanRow);

    // Left: what waits at the counter.
    QFrame *readyCard = card(tr("Ready for pickup"), this, &m_readyTitle);
    m_ready = new QListWidget(readyCard);
    m_ready->setObjectName(QStringLiteral("readyList"));
    m_ready->setFocusPolicy(Qt::NoFocus);
    m_ready->setWordWrap(true);
    connect(m_ready, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { lookUp(item->data(Qt::UserRole).toString()); });
    readyCard->layout()->addWidget(m_ready);
    readyCard->setMaximumWidth(380);
    // Below it: the department's result documents of the case shown, to print or open.
    m_documents
        = new ResultDocumentsBox(m_desk, context.store->attachments(), context.printWithoutDialog, this);
    m_documents->setMaximumWidth(380);
    connect(m_documents, &ResultDocumentsBox::reported, this,
        [this](const QString &text, bool ok) { showMessage(text, ok ? Tone::Success : Tone::Danger); });

    // Right: the message, the case, the two ways out.
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pickupMessage"));
    m_message->setWordWrap(true);

    QFrame *caseCard = card(tr("Case"), this);
    m_caseCard = caseCard;
    m_caseNumber = new QLabel(caseCard);
    m_caseNumber->setObjectName(QStringLiteral("caseNumber"));
    m_caseNumber->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caseState = new QLabel(caseCard);
    auto *numberRow = new QHBoxLayout;
    numberRow->setSpacing(12);
    numberRow->addWidget(m_caseNumber);
    numberRow->addWidget(m_caseState);
    numberRow->addStretch(1);
    auto *caseLayout = new QVBoxLayout; // the case's facts; the address form beside them
    caseLayout->setSpacing(8);
    caseLayout->addLayout(numberRow);
    for (QLabel **line : {&m_caseFacts, &m_caseApplicant, &m_caseResult}) {
        *line = new QLabel(caseCard);
        (*line)->setObjectName(QStringLiteral("fieldValue"));
        caseLayout->addWidget(*line);
    }
    m_caseResult->setWordWrap(true); // a bundle's returned originals make a long line
    m_delivery = new QLabel(caseCard);
    m_delivery->setObjectName(QStringLiteral("fieldHint"));
    caseLayout->addWidget(m_delivery);

    QFrame *handOverCard = card(tr("Hand over at the counter"), this);
    m_applicantChoice = new QRadioButton(tr("The applicant"), handOverCard);
    m_agentChoice = new QRadioButton(tr("An agent"), handOverCard);
    m_collectorKind = new QButtonGroup(this);
    m_collectorKind->addButton(m_applicantChoice);
    m_collectorKind->addButton(m_agentChoice);
    m_applicantChoice->setChecked(true);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_applicantChoice);
    kindRow->addWidget(m_agentChoice);
    kindRow->addStretch(1);
    m_collectorName = new QLineEdit(handOverCard);
    m_collectorName->setObjectName(QStringLiteral("formField"));
    m_collectorName->setPlaceholderText(tr("Name of the person collecting"));
    m_collectorId = new QLineEdit(handOverCard);
    m_collectorId->setObjectName(QStringLiteral("formField"));
    m_collectorId->setPlaceholderText(tr("Their citizen ID number (read the card or type it)"));
    m_collectorIdCheck = hint(handOverCard);
    m_handOver = new QPushButton(tr("Record hand-over"), handOverCard);
    m_handOver->setObjectName(QStringLiteral("primaryButton"));
    auto *handOverLayout = static_cast<QVBoxLayout *>(handOverCard->layout());
    handOverLayout->addLayout(kindRow);
    handOverLayout->addWidget(m_collectorName);
    handOverLayout->addWidget(m_collectorId);
    handOverLayout->addWidget(m_collectorIdCheck);
    handOverLayout->addSpacing(4);
    handOverLayout->addStretch(1);
    handOverLayout->addWidget(m_handOver, 0, Qt::AlignRight);

    QFrame *mailCard = card(tr("Send by EMS"), this);
    m_mailHint = hint(mailCard);
    m_mailHint->setText(tr("Post the result through the unified postal channel and keep the waybill."));
    m_tracking = new QLineEdit(mailCard);
    m_tracking->setObjectName(QStringLiteral("formField"));
    m_tracking->setPlaceholderText(tr("EMS tracking number, e.g. EA123456785CN"));
    m_trackingCheck = hint(mailCard);
    m_addressCheck = hint(mailCard);
    // The address the applicant gives now, when intake recorded none (or only part of one).
    m_addressForm = new QWidget(mailCard);
    auto *addressGrid = new QGridLayout(m_addressForm);
    addressGrid->setContentsMargins(0, 0, 0, 0);
    addressGrid->setSpacing(6);
    const QStringList placeholders {tr("Recipient's name"), tr("Recipient's mobile"), tr("Province"),
        tr("City"), tr("District"), tr("Street address"), tr("Postcode (optional)")};
    for (int i = 0; i < placeholders.size(); ++i) {
        auto *field = new QLineEdit(m_addressForm);
        field->setObjectName(QStringLiteral("formField"));
        field->setPlaceholderText(placeholders.at(i));
        field->setToolTip(placeholders.at(i));
        connect(field, &QLineEdit::returnPressed, this, [this] { saveAddress(); });
        m_addressFields.append(field);
    }
    // Three rows of three.
    m_saveAddress = new QPushButton(tr("Save the &address"), m_addressForm);
    connect(m_saveAddress, &QPushButton::clicked, this, [this] { saveAddress(); });
    addressGrid->addWidget(m_addressFields.at(0), 0, 0);
    addressGrid->addWidget(m_addressFields.at(1), 0, 1);
    addressGrid->addWidget(m_addressFields.at(6), 0, 2);
    addressGrid->addWidget(m_addressFields.at(2), 1, 0);
    addressGrid->addWidget(m_addressFields.at(3), 1, 1);
    addressGrid->addWidget(m_addressFields.at(4), 1, 2);
    addressGrid->addWidget(m_addressFields.at(5), 2, 0, 1, 2);
    addressGrid->addWidget(m_saveAddress, 2, 2);
    // Beside the case's facts, where there is room, so the counter still fits 1366×768.
    auto *caseRow = new QHBoxLayout;
    caseRow->setSpacing(16);
    caseRow->addLayout(caseLayout, 3);
    caseRow->addWidget(m_addressForm, 2, Qt::AlignTop);
    static_cast<QVBoxLayout *>(caseCard->layout())->addLayout(caseRow);
    m_mail = new QPushButton(tr("Record mailing"), mailCard);
    m_mail->setObjectName(QStringLiteral("primaryButton"));
    auto *mailLayout = static_cast<QVBoxLayout *>(mailCard->layout());
    mailLayout->addWidget(m_mailHint);
    mailLayout->addWidget(m_tracking);
    mailLayout->addWidget(m_trackingCheck);
    mailLayout->addWidget(m_addressCheck);
    mailLayout->addStretch(1);
    mailLayout->addWidget(m_mail, 0, Qt::AlignRight);

    auto *actions = new QHBoxLayout;
    actions->setSpacing(16);
    actions->addWidget(handOverCard, 1);
    actions->addWidget(mailCard, 1);
    auto *right = new QVBoxLayout;
    right->setSpacing(14);
    right->addWidget(m_message);
    right->addWidget(caseCard);
    right->addLayout(actions);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->setContentsMargins(24, 16, 24, 16);
    columns->setSpacing(16);
    auto *left = new QVBoxLayout;
    left->setSpacing(16);
    left->addWidget(readyCard, 1);
    left->addWidget(m_documents, 1);
    columns->addLayout(left, 4);
    columns->addLayout(right, 9);
    m_counter = new QWidget(this);
    auto *layout = new QVBoxLayout(m_counter);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addLayout(columns, 1);

    // The slip to sign or the label to stick on, printed like every document of the counter.
    m_documentPage = new QWidget(this);
    auto *documentBack = new QPushButton(tr("← Pickup counter"), m_documentPage);
    documentBack->setObjectName(QStringLiteral("flatButton"));
    documentBack->setToolTip(tr("Back to the pickup counter (Esc)"));
    connect(documentBack, &QPushButton::clicked, this, &PickupPage::showCounter);
    m_preview = new DocumentPreview(m_documentPage);
    m_preview->setPrintWithoutDialog(context.printWithoutDialog);
    connect(m_preview, &DocumentPreview::output, this, [this](intake::IntakeSession::Output output) {
        if (!m_case)
            return;
        const Result<void> audited = intake::CaseReprint::recordOutput(
            m_context.intakeEnvironment(), m_case->number, m_preview->document(), output, false);
        if (!audited)
            showMessage(audited.error().message(), Tone::Danger);
    });
    auto *documentLayout = new QVBoxLayout(m_documentPage);
    documentLayout->setContentsMargins(0, 0, 0, 0);
    documentLayout->setSpacing(0);
    auto *documentHeader = new QHBoxLayout;
    documentHeader->setContentsMargins(24, 8, 24, 0);
    documentHeader->addWidget(documentBack);
    documentHeader->addStretch(1);
    documentLayout->addLayout(documentHeader);
    documentLayout->addWidget(m_preview, 1);

    m_pages = new QStackedLayout(this);
    m_pages->addWidget(m_counter);
    m_pages->addWidget(m_documentPage);

    connect(m_handOver, &QPushButton::clicked, this, [this] { recordHandOver(); });
    connect(m_mail, &QPushButton::clicked, this, [this] { recordMailing(); });
    connect(m_collectorId, &QLineEdit::textChanged, this, &PickupPage::checkCollectorId);
    connect(m_tracking, &QLineEdit::textChanged, this, &PickupPage::checkTracking);
    connect(m_tracking, &QLineEdit::returnPressed, this, [this] { recordMailing(); });
    connect(m_collectorId, &QLineEdit::returnPressed, this, [this] { recordHandOver(); });
    connect(m_collectorKind, &QButtonGroup::buttonClicked, this, [this] {
        // The applicant's own name is known; an agent's is asked for.
        if (m_case)
            m_collectorName->setText(m_applicantChoice->isChecked() ? m_case->applicant.name : QString());
        m_collectorId->clear();
    });

    showMessage(tr("Waiting for a receipt to be scanned."), Tone::Neutral);
    showCase();
    refreshReady();
}

QString PickupPage::message() const
{
    return m_message->text();
}

void PickupPage::showMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    setTone(m_message, tone == Tone::Success ? "success" : tone == Tone::Danger ? "danger" : "neutral");
}

QString PickupPage::shownName() const
{
    if (!m_case)
        return {};
    const Applicant &a = m_case->applicant;
    if (RoleScreens::seesPersonalData(m_context.role) || a.isOrganisation())
        return a.name + QLatin1Char(' ') + a.idNumber;
    return Masking::name(a.name) + QLatin1Char(' ') + Masking::idNumber(a.idNumber);
}

bool PickupPage::lookUp(const QString &code)
{
    m_code->setText(code.trimmed());
    m_code->selectAll();
    Result<Case> found = m_desk.find(code);
    if (!found) {
        m_case.reset();
        showCase();
        showMessage(found.error().message(), Tone::Danger);
        return false;
    }
    m_case = std::move(*found);
    m_collectorName->setText(m_applicantChoice->isChecked() ? m_case->applicant.name : QString());
    m_collectorId->clear();
    m_tracking->clear();
    showCase();
    if (Result<void> ready = PickupDesk::checkReady(*m_case); !ready)
        showMessage(ready.error().message(), Tone::Danger);
    else
        showMessage(m_case->applicant.deliverByPost
                ? tr("Ready. The applicant asked for delivery by post: send it by EMS.")
                : tr("Ready. Check the collector's ID card, then record the hand-over."),
            Tone::Success);
    return true;
}

void PickupPage::showCase()
{
    m_caseCard->setEnabled(m_case.has_value());
    m_documents->showCase(m_case ? &*m_case : nullptr);
    if (!m_case) {
        m_caseNumber->setText(tr("No case"));
        CaseListDelegate::makeChip(m_caseState, QString(), ChipPainter::Style::Neutral);
        m_caseState->hide();
        m_caseFacts->clear();
        m_caseApplicant->clear();
        m_caseResult->clear();
        m_delivery->clear();
        updateActions();
        return;
    }
    const Case &c = *m_case;
    m_caseNumber->setText(c.number);
    CaseListDelegate::makeChip(m_caseState, displayName(c.state), CaseListDelegate::styleFor(c.state));
    m_caseState->show();
    // What waits at the counter: a licence after an approval, a written decision after a denial.
    const QString result
        = c.state == CaseState::ResultReady || c.state == CaseState::PickedUp || c.state == CaseState::Mailed
        ? tr("Result: the licence or written decision of %1").arg(c.departmentName)
        : tr("No result yet");
    m_caseFacts->setText(QStringLiteral("%1 · %2 · %3").arg(c.matterName, c.matterCode, c.departmentName));
    m_caseApplicant->setText(tr("Applicant: %1").arg(shownName()));
    // The originals go back with the result, named as the slip names them (PickupDocuments).
    QStringList returned;
    for (const documents::TableCell &material :
        documents::PickupDocuments::returnedOriginals(c, documentContext()))
        returned.append(material.details.isEmpty()
                ? material.text
                : tr("%1 (%2)").arg(material.text, material.details.join(tr("; "))));
    m_caseResult->setText(
        returned.isEmpty() ? result : tr("%1\nOriginals to return: %2").arg(result, returned.join(tr("; "))));
    if (c.applicant.deliverByPost) {
        const Applicant &a = c.applicant;
        const bool clear = RoleScreens::seesPersonalData(m_context.role);
        m_delivery->setText(tr("Deliver by post to %1 %2, %3%4%5 %6")
                                .arg(clear ? a.recipientName : Masking::name(a.recipientName),
                                    clear ? a.recipientMobile : Masking::phone(a.recipientMobile),
                                    a.recipientProvince, a.recipientCity, a.recipientDistrict,
                                    clear ? a.recipientAddress : QStringLiteral("****")));
    } else {
        m_delivery->setText(tr("To be collected at the counter."));
    }
    updateActions();
}

void PickupPage::updateActions()
{
    const bool ready
        = m_case && m_case->state == CaseState::ResultReady && RoleScreens::mayRecordEvents(m_context.role);
    for (QWidget *w : {static_cast<QWidget *>(m_applicantChoice), static_cast<QWidget *>(m_agentChoice),
             static_cast<QWidget *>(m_collectorName), static_cast<QWidget *>(m_collectorId),
             static_cast<QWidget *>(m_handOver), static_cast<QWidget *>(m_tracking),
             static_cast<QWidget *>(m_mail)})
        w->setEnabled(ready);
    // A result cannot go by post to an address that is not all there: each gap is named.
    const QStringList missing = m_case ? PickupDesk::missingAddressFields(m_case->applicant) : QStringList();
    m_mail->setEnabled(ready && missing.isEmpty());
    m_addressCheck->setVisible(ready && !missing.isEmpty());
    m_addressCheck->setText(missing.isEmpty()
            ? QString()
            : tr("The mailing address lacks %1.").arg(QLocale().createSeparatedList(missing)));
    setTone(m_addressCheck, "danger");
    const bool showForm = ready && !missing.isEmpty();
    if (showForm && !m_addressForm->isVisibleTo(this) && m_case) {
        // What intake recorded, so only the gaps need typing; the applicant as recipient by default.
        const Applicant &a = m_case->applicant;
        const QStringList known {a.recipientName.isEmpty() ? a.name : a.recipientName,
            a.recipientMobile.isEmpty() ? a.contactMobile : a.recipientMobile, a.recipientProvince,
            a.recipientCity, a.recipientDistrict, a.recipientAddress, a.recipientPostcode};
        for (int i = 0; i < m_addressFields.size(); ++i)
            m_addressFields.at(i)->setText(known.at(i));
    }
    m_addressForm->setVisible(showForm);
    checkCollectorId();
    checkTracking();
}

bool PickupPage::saveAddress()
{
    if (!m_case)
        return false;
    const auto text = [this](int i) { return m_addressFields.at(i)->text(); };
    Applicant address;
    address.recipientName = text(0);
    address.recipientMobile = text(1);
    address.recipientProvince = text(2);
    address.recipientCity = text(3);
    address.recipientDistrict = text(4);
    address.recipientAddress = text(5);
    address.recipientPostcode = text(6);
    Result<Case> saved = m_desk.completeAddress(*m_case, address);
    if (!saved) {
        showMessage(saved.error().message(), Tone::Danger);
        return false;
    }
    m_case = std::move(*saved);
    showCase();
    Q_EMIT recorded(m_case->number, EventKind::Updated);
    showMessage(tr("Mailing address saved for case %1. Scan or type the EMS number, then record the mailing.")
                    .arg(m_case->number),
        Tone::Success);
    m_tracking->setFocus(Qt::OtherFocusReason);
    return true;
}

QString PickupPage::addressCheckText() const
{
    return m_addressCheck->isVisibleTo(this) ? m_addressCheck->text() : QString();
}

void PickupPage::checkCollectorId()
{
    const QString text = m_collectorId->text();
    if (text.trimmed().isEmpty()) {
        m_collectorIdCheck->setText(tr("Compare the photo on the card with the person."));
        setTone(m_collectorIdCheck, "neutral");
        return;
    }
    Result<CitizenId> id = CitizenId::parse(text);
    m_collectorIdCheck->setText(id ? tr("Valid ID number, %1").arg(id->areaName()) : id.error().message());
    setTone(m_collectorIdCheck, id ? "success" : "danger");
}

void PickupPage::checkTracking()
{
    const QString text = m_tracking->text();
    if (text.trimmed().isEmpty()) {
        m_trackingCheck->setText(tr("13 characters: EA123456785CN, or 13 digits."));
        setTone(m_trackingCheck, "neutral");
        return;
    }
    Result<QString> number = TrackingNumber::parse(text);
    m_trackingCheck->setText(number ? tr("Tracking number %1").arg(*number) : number.error().message());
    setTone(m_trackingCheck, number ? "success" : "danger");
}

bool PickupPage::recordHandOver()
{
    if (!m_case)
        return false;
    Collector collector;
    collector.kind = m_agentChoice->isChecked() ? Collector::Kind::Agent : Collector::Kind::Applicant;
    collector.name = m_collectorName->text();
    collector.idNumber = m_collectorId->text();
    Result<CaseEvent> done = m_desk.handOver(*m_case, collector);
    if (!done) {
        showMessage(done.error().message(), Tone::Danger);
        return false;
    }
    const QString number = m_case->number;
    lookUp(number);
    refreshReady();
    Q_EMIT recorded(number, EventKind::PickedUp);
    showMessage(tr("Handed over: case %1 to %2. Ask them to sign the pickup slip.")
                    .arg(number, collector.name.trimmed()),
        Tone::Success);
    if (m_case)
        showDocument(documents::PickupDocuments::slip(*m_case, collector, documentContext()),
            tr("Handed over: case %1 to %2. Print the pickup slip and have it signed.")
                .arg(number, collector.name.trimmed()));
    return true;
}

bool PickupPage::recordMailing()
{
    if (!m_case)
        return false;
    Result<CaseEvent> done = m_desk.mail(*m_case, m_tracking->text());
    if (!done) {
        showMessage(done.error().message(), Tone::Danger);
        return false;
    }
    const QString number = m_case->number;
    const QString tracking = done->payload.value(QStringLiteral("trackingNumber")).toString();
    lookUp(number);
    refreshReady();
    Q_EMIT recorded(number, EventKind::Mailed);
    showMessage(tr("Mailed: case %1 by EMS %2. Keep the waybill with the case.").arg(number, tracking),
        Tone::Success);
    if (m_case)
        showDocument(documents::PickupDocuments::emsLabel(*m_case, tracking, documentContext()),
            tr("Mailed: case %1 by EMS %2. Print the label for the envelope.").arg(number, tracking));
    return true;
}

documents::DocumentContext PickupPage::documentContext() const
{
    const QString counter = m_context.store->workstation().counter;
    return documents::DocumentContext(m_context.settings, m_context.clock.nowLocal(),
        m_context.clerkName.isEmpty() ? m_context.clerk : m_context.clerkName, counter);
}

void PickupPage::showDocument(const Result<documents::Document> &document, const QString &heading)
{
    if (!document) {
        // The event is recorded; only the paper is missing, and the clerk must know why.
        showMessage(tr("Recorded, but the document cannot be made: %1").arg(document.error().message()),
            Tone::Danger);
        return;
    }
    m_preview->setDocument(*document, heading);
    m_pages->setCurrentWidget(m_documentPage);
    m_preview->setFocus(Qt::OtherFocusReason);
    if (m_case) {
        const Result<void> audited = intake::CaseReprint::recordOutput(m_context.intakeEnvironment(),
            m_case->number, *document, intake::IntakeSession::Output::Previewed, false);
        if (!audited)
            showMessage(audited.error().message(), Tone::Danger);
    }
}

bool PickupPage::isShowingDocument() const
{
    return m_pages->currentWidget() == m_documentPage;
}

void PickupPage::showCounter()
{
    m_pages->setCurrentWidget(m_counter);
    m_code->setFocus(Qt::OtherFocusReason);
    m_code->selectAll();
}

void PickupPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isShowingDocument()) {
        showCounter();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PickupPage::refreshReady()
{
    // A round may have brought the shown case's documents.
    if (m_case && !isShowingDocument())
        m_documents->showCase(&*m_case);
    m_ready->clear();
    CaseFilter filter;
    filter.state = CaseState::ResultReady;
    filter.limit = kReadyListLimit;
    Result<CasePage> page = m_context.store->list(filter);
    if (!page) {
        m_readyTitle->setText(tr("Ready for pickup"));
        showMessage(page.error().message(), Tone::Danger);
        return;
    }
    m_readyTitle->setText(tr("Ready for pickup (%1)").arg(page->total));
    for (const CaseSummary &s : std::as_const(page->items)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n%2 · %3").arg(s.number, s.matterName, s.applicantMasked));
        item->setData(Qt::UserRole, s.number);
        item->setToolTip(s.matterName);
        m_ready->addItem(item);
    }
    if (page->items.isEmpty()) {
        auto *none = new QListWidgetItem(tr("Nothing is waiting."));
        none->setFlags(Qt::NoItemFlags);
        m_ready->addItem(none);
    }
}

} // namespace ow::ui
