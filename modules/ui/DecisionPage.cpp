#include "ui/DecisionPage.h"

#include "intake/IntakeSession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace ow::ui {

using cases::EventKind;
using cases::MaterialCheck;
using intake::IntakeDecision;

namespace {

QStringList lines(const QPlainTextEdit *editor)
{
    QStringList out;
    for (const QString &line : editor->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    return out;
}

void setTone(QWidget *widget, const char *tone)
{
    widget->setProperty("tone", QString::fromLatin1(tone));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

/// The material's name as the checklist snapshot recorded it.
QString materialName(const cases::Case &c, const QString &materialId)
{
    for (const QJsonValue &line : c.checklist) {
        const QJsonObject object = line.toObject();
        if (object.value(QStringLiteral("material")).toString() == materialId)
            return object.value(QStringLiteral("name")).toString();
    }
    return materialId;
}

QString dateText(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

} // namespace

DecisionPage::DecisionPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("decisionPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 14, 24, 14);
    auto *title = new QLabel(tr("Decide on the application"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    headerLayout->addWidget(title);
    headerLayout->addWidget(m_subtitle);
    outer->addWidget(header);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    body->setObjectName(QStringLiteral("casePage"));
    auto *grid = new QGridLayout(body);
    grid->setContentsMargins(24, 18, 24, 18);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(14);

    // Left: what the material check found.
    auto *summary = new QWidget(body);
    summary->setObjectName(QStringLiteral("card"));
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(16, 14, 16, 16);
    auto *summaryTitle = new QLabel(tr("Material check"), summary);
    summaryTitle->setObjectName(QStringLiteral("cardTitle"));
    m_counts = new QLabel(summary);
    m_counts->setObjectName(QStringLiteral("decisionCounts"));
    m_counts->setWordWrap(true);
    m_findings = new QLabel(summary);
    m_findings->setObjectName(QStringLiteral("decisionFindings"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    m_findings->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    summaryLayout->addWidget(summaryTitle);
    summaryLayout->addWidget(m_counts);
    summaryLayout->addSpacing(6);
    summaryLayout->addWidget(m_findings, 1);
    summaryLayout->addStretch();

    // Right: the decisions, each with what it needs.
    m_options = {{EventKind::Accepted}, {EventKind::AcceptedWithWaiver}, {EventKind::CorrectionNotice},
        {EventKind::Refused}};
    auto *decisions = new QVBoxLayout;
    decisions->setSpacing(14);
    decisions->addWidget(makeCard(tr("Accept"), nullptr, m_options[0], tr("&Accept and issue the receipt")));
    decisions->addWidget(makeCard(
        tr("Accept with waiver"), nullptr, m_options[1], tr("Accept with &waiver and issue the notice")));

    auto *correctionBody = new QWidget(this);
    auto *correctionLayout = new QVBoxLayout(correctionBody);
    correctionLayout->setContentsMargins(0, 0, 0, 0);
    auto *itemsLabel = new QLabel(
        tr("Further items to tell, one per line (missing materials and failed points are listed already):"),
        correctionBody);
    itemsLabel->setObjectName(QStringLiteral("fieldLabel"));
    itemsLabel->setWordWrap(true);
    m_items = new QPlainTextEdit(correctionBody);
    m_items->setObjectName(QStringLiteral("correctionItems"));
    m_items->setTabChangesFocus(true);
    m_items->setFixedHeight(64);
    itemsLabel->setBuddy(m_items);
    correctionLayout->addWidget(itemsLabel);
    correctionLayout->addWidget(m_items);
    decisions->addWidget(
        makeCard(tr("Correction notice"), correctionBody, m_options[2], tr("Issue the &correction notice")));

    auto *refusalBody = new QWidget(this);
    auto *refusalForm = new QFormLayout(refusalBody);
    refusalForm->setContentsMargins(0, 0, 0, 0);
    m_reasons = new QPlainTextEdit(refusalBody);
    m_reasons->setObjectName(QStringLiteral("refusalReasons"));
    m_reasons->setTabChangesFocus(true);
    m_reasons->setFixedHeight(64);
    m_reasons->setPlaceholderText(tr("One reason per line; a refusal must state its reasons."));
    m_ground = new QComboBox(refusalBody);
    m_ground->setObjectName(QStringLiteral("refusalGround"));
    m_ground->addItem(tr("The reasons above"), int(IntakeDecision::Ground::Other));
    m_ground->addItem(
        tr("The matter needs no licence (art. 32(1)(1))"), int(IntakeDecision::Ground::NotRequired));
    m_ground->addItem(
        tr("Not within this organ's powers (art. 32(1)(2))"), int(IntakeDecision::Ground::NotCompetent));
    m_referTo = new QLineEdit(refusalBody);
    m_referTo->setObjectName(QStringLiteral("referTo"));
    m_referTo->setPlaceholderText(tr("The competent organ, when not within this organ's powers"));
    refusalForm->addRow(tr("Reas&ons:"), m_reasons);
    refusalForm->addRow(tr("Gro&und:"), m_ground);
    refusalForm->addRow(tr("Apply &instead at:"), m_referTo);
    decisions->addWidget(
        makeCard(tr("Refusal"), refusalBody, m_options[3], tr("&Refuse and issue the notice")));
    decisions->addStretch();

    grid->addWidget(summary, 0, 0, Qt::AlignTop);
    grid->addLayout(decisions, 0, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);

    connect(m_items, &QPlainTextEdit::textChanged, this, &DecisionPage::updateOptions);
    connect(m_reasons, &QPlainTextEdit::textChanged, this, &DecisionPage::updateOptions);
    connect(m_referTo, &QLineEdit::textChanged, this, &DecisionPage::updateOptions);
    connect(m_ground, &QComboBox::currentIndexChanged, this, &DecisionPage::updateOptions);
    refresh();
}

QWidget *DecisionPage::makeCard(
    const QString &title, QWidget *body, Option &option, const QString &buttonText)
{
    auto *card = new QWidget(this);
    card->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(16, 12, 16, 14);
    auto *heading = new QLabel(title, card);
    heading->setObjectName(QStringLiteral("cardTitle"));
    layout->addWidget(heading);
    if (body)
        layout->addWidget(body);
    auto *row = new QHBoxLayout;
    option.button = new QPushButton(buttonText, card);
    option.button->setObjectName(QStringLiteral("primaryButton"));
    option.button->setProperty("decision", cases::keyword(option.kind));
    // Enter takes the focused decision, as in a dialog: the clerk works by keyboard.
    option.button->setAutoDefault(true);
    option.hint = new QLabel(card);
    option.hint->setObjectName(QStringLiteral("fieldHint"));
    option.hint->setWordWrap(true);
    row->addWidget(option.button, 0, Qt::AlignTop);
    row->addWidget(option.hint, 1);
    layout->addLayout(row);
    const EventKind kind = option.kind;
    connect(option.button, &QPushButton::clicked, this,
        [this, kind] { Q_EMIT decisionRequested(decision(kind)); });
    return card;
}

void DecisionPage::setSession(const intake::IntakeSession *session)
{
    m_session = session;
    m_items->clear();
    m_reasons->clear();
    m_referTo->clear();
    m_ground->setCurrentIndex(0);
    refresh();
}

void DecisionPage::refresh()
{
    updateSummary();
    updateOptions();
}

IntakeDecision DecisionPage::decision(EventKind kind) const
{
    switch (kind) {
    case EventKind::AcceptedWithWaiver:
        return IntakeDecision::acceptWithWaiver();
    case EventKind::CorrectionNotice:
        return IntakeDecision::correction(lines(m_items));
    case EventKind::Refused:
        return IntakeDecision::refusal(
            lines(m_reasons), IntakeDecision::Ground(m_ground->currentData().toInt()), m_referTo->text());
    default:
        return IntakeDecision::accept();
    }
}

void DecisionPage::updateSummary()
{
    if (!m_session) {
        m_subtitle->clear();
        m_counts->clear();
        m_findings->clear();
        return;
    }
    const cases::Case &c = m_session->currentCase();
    const QString number
        = c.number.isEmpty() ? tr("not saved yet (numbered when saved or decided)") : c.number;
    m_subtitle->setText(tr("%1 · %2 · case %3").arg(c.matterName, c.applicant.maskedSummary(), number));

    int received = 0, missing = 0, waived = 0, failed = 0, pending = 0;
    QStringList findings;
    for (const MaterialCheck &check : c.materialChecks) {
        const QString name = materialName(c, check.materialId).toHtmlEscaped();
        switch (check.status) {
        case MaterialCheck::Status::Pending:
            ++pending;
            findings.append(tr("<b>Not checked yet:</b> %1").arg(name));
            break;
        case MaterialCheck::Status::Missing:
            ++missing;
            findings.append(tr("<b>Missing:</b> %1").arg(name));
            break;
        case MaterialCheck::Status::Waived:
            ++waived;
            findings.append(check.supplementDeadline.isValid()
                    ? tr("<b>Waived</b>, due by %1: %2").arg(dateText(check.supplementDeadline), name)
                    : tr("<b>Waived</b>, no due date yet: %1").arg(name));
            break;
        default:
            ++received;
            break;
        }
        for (const cases::FailedPoint &point : check.failedPoints) {
            ++failed;
            findings.append(
                tr("<b>Fails a review point:</b> %1 — %2").arg(name, point.reason.toHtmlEscaped()));
        }
    }
    m_counts->setText(tr("%1 received or shared · %2 missing · %3 waived · %4 failed points · %5 not checked")
                          .arg(received)
                          .arg(missing)
                          .arg(waived)
                          .arg(failed)
                          .arg(pending));
    if (findings.isEmpty())
        m_findings->setText(tr("Every material on the checklist was handed in and meets its review points."));
    else
        m_findings->setText(QStringLiteral("<p style=\"line-height:140%\">")
            + findings.join(QStringLiteral("<br>")) + QStringLiteral("</p>"));
}

QString DecisionPage::readyText(EventKind kind) const
{
    const cases::Case &c = m_session->currentCase();
    switch (kind) {
    case EventKind::Accepted: {
        if (c.caseType == catalogue::MatterKind::Immediate)
            return tr("Ready: an immediate matter, decided on the spot.");
        const Result<QDate> deadline = m_session->promisedDeadline();
        return deadline ? tr("Ready: the receipt promises the decision by %1 (%n working day(s)).", nullptr,
                   c.promisedDays)
                              .arg(dateText(*deadline))
                        : QString();
    }
    case EventKind::AcceptedWithWaiver:
        return tr("Ready: the notice names the waived materials and the dates they are due by.");
    case EventKind::CorrectionNotice:
        return tr("Ready: the notice tells everything missing or wrong at once.");
    case EventKind::Refused:
        return tr("Ready: the notice states the reasons and the applicant's rights of appeal.");
    default:
        return {};
    }
}

void DecisionPage::updateOptions()
{
    for (Option &o : m_options) {
        if (!m_session) {
            o.button->setEnabled(false);
            o.hint->clear();
            continue;
        }
        const Result<void> ready = m_session->check(decision(o.kind));
        o.button->setEnabled(ready.has_value());
        QString why = ready ? readyText(o.kind) : ready.error().message();
        if (!ready && o.kind == EventKind::Refused && lines(m_reasons).isEmpty() && !m_session->isDecided())
            why = tr("Write the reasons first: a refusal must state them in writing.");
        o.hint->setText(why);
        // Red only where it matters: acceptance refused. The other decisions not applying is normal.
        setTone(o.hint, ready ? "success" : (o.kind == EventKind::Accepted ? "danger" : ""));
    }
}

void DecisionPage::focusBestDecision()
{
    for (const Option &o : std::as_const(m_options)) {
        if (o.kind == EventKind::Refused)
            break;
        if (o.button->isEnabled()) {
            o.button->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    // Nothing to accept and nothing to tell: the clerk writes what is wrong first.
    if (option(EventKind::CorrectionNotice)->button->isEnabled())
        option(EventKind::CorrectionNotice)->button->setFocus(Qt::OtherFocusReason);
    else
        m_items->setFocus(Qt::OtherFocusReason);
}

DecisionPage::Option *DecisionPage::option(EventKind kind)
{
    for (Option &o : m_options)
        if (o.kind == kind)
            return &o;
    return nullptr;
}

const DecisionPage::Option *DecisionPage::option(EventKind kind) const
{
    for (const Option &o : m_options)
        if (o.kind == kind)
            return &o;
    return nullptr;
}

QPushButton *DecisionPage::decisionButton(EventKind kind) const
{
    const Option *o = option(kind);
    return o ? o->button : nullptr;
}

QString DecisionPage::decisionHint(EventKind kind) const
{
    const Option *o = option(kind);
    return o ? o->hint->text() : QString();
}

} // namespace ow::ui
