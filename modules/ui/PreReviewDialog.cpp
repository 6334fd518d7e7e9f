#include "ui/PreReviewDialog.h"

#include "catalogue/SituationEngine.h"
#include "ui/CameraImageView.h"
#include "ui/HallServerRequest.h"
#include "ui/RoleScreens.h"

#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

PreReviewDialog::PreReviewDialog(const CaseScreenContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("preReviewDialog"));
    setWindowTitle(tr("Online pre-applications: pre-review"));

    auto *listLabel = new QLabel(tr("Pre-applications &waiting"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("preReviewList"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    listLabel->setBuddy(m_list);
    auto *reload = new QPushButton(tr("&Refresh"), this);
    reload->setAutoDefault(false);
    auto *left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addWidget(reload);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("preReviewDetail"));
    m_detail->setOpenLinks(false);
    auto *scansLabel = new QLabel(tr("S&cans"), this);
    m_scans = new QListWidget(this);
    m_scans->setObjectName(QStringLiteral("preReviewScans"));
    m_scans->setWordWrap(true);
    m_scans->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scansLabel->setBuddy(m_scans);
    m_preview = new CameraImageView(this);
    m_preview->setPlaceholder(tr("Choose a scan to see it."));
    auto *scanColumn = new QVBoxLayout;
    scanColumn->addWidget(scansLabel);
    scanColumn->addWidget(m_scans, 1);
    auto *scanRow = new QHBoxLayout;
    scanRow->addLayout(scanColumn, 2);
    scanRow->addWidget(m_preview, 3);

    auto *reasonsLabel
        = new QLabel(tr("Reasons &for returning, one a line (the applicant reads them)"), this);
    m_reasons = new QPlainTextEdit(this);
    m_reasons->setObjectName(QStringLiteral("preReviewReasons"));
    m_reasons->setTabChangesFocus(true);
    m_reasons->setMaximumHeight(90);
    reasonsLabel->setBuddy(m_reasons);
    m_accept = new QPushButton(tr("&Accept for the counter"), this);
    m_accept->setObjectName(QStringLiteral("preReviewAccept"));
    m_return = new QPushButton(tr("Re&turn to the applicant"), this);
    m_return->setObjectName(QStringLiteral("preReviewReturn"));
    auto *close = new QPushButton(tr("C&lose"), this);
    for (QPushButton *button : {m_accept, m_return, close})
        button->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_return);
    buttons->addStretch(1);
    buttons->addWidget(close);

    auto *right = new QVBoxLayout;
    right->addWidget(m_detail, 3);
    right->addLayout(scanRow, 3);
    right->addWidget(reasonsLabel);
    right->addWidget(m_reasons);
    right->addLayout(buttons);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("preReviewStatus"));
    m_status->setWordWrap(true);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 7);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);

    connect(reload, &QPushButton::clicked, this, &PreReviewDialog::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { openCurrent(); });
    connect(m_scans, &QListWidget::currentRowChanged, this, &PreReviewDialog::showScan);
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_return, &QPushButton::clicked, this, [this] { decide(false); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    // Within a 1366×768 counter screen, its taskbar allowed for.
    resize(1240, 680);
    openCurrent();
    refresh();
    m_list->setFocus();
}

QString PreReviewDialog::statusText() const
{
    return m_status->text();
}

void PreReviewDialog::say(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b3261e;") : QString());
}

void PreReviewDialog::refresh()
{
    if (!m_context.hall || !m_context.hall->isEnrolled()) {
        say(tr("This workstation is not enrolled with the hall's server: there are no online "
               "pre-applications "
               "to review here."),
            true);
        return;
    }
    std::optional<Result<QList<sync::PreApplicationSummary>>> listed;
    runHallServerRequest(this, *m_context.hall,
        [&](sync::SyncClient &client) { listed = sync::PreApplicationClient(client).list(u"submitted"_s); });
    if (!*listed) {
        say(listed->error().message(), true);
        return;
    }
    const QString current = m_open ? m_open->code : QString();
    m_summaries = **listed;
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    int keep = -1;
    for (const sync::PreApplicationSummary &s : std::as_const(m_summaries)) {
        const QString when = s.submitted.toLocalTime().toString(QStringLiteral("MM-dd HH:mm"));
        m_list->addItem(tr("%1  %2\n%3 · submitted %4 · %n scan(s)", nullptr, s.scanCount)
                            .arg(s.code, s.matterName, s.applicantText(), when));
        if (s.code == current)
            keep = m_list->count() - 1;
    }
    say(tr("%n pre-application(s) waiting for the pre-review.", nullptr, int(m_summaries.size())), false);
    m_list->setCurrentRow(keep >= 0 ? keep : (m_summaries.isEmpty() ? -1 : 0));
    openCurrent();
}

void PreReviewDialog::openCurrent()
{
    const int row = m_list->currentRow();
    m_open.reset();
    m_openScans.clear();
    m_scans->clear();
    m_preview->setImage({});
    m_reasons->clear();
    if (row < 0 || row >= m_summaries.size() || !m_context.hall) {
        m_detail->setHtml(tr("<p>Choose a pre-application on the left.</p>"));
        m_accept->setEnabled(false);
        m_return->setEnabled(false);
        return;
    }
    const QString code = m_summaries.at(row).code;
    std::optional<Result<sync::PreApplication>> fetched;
    std::optional<Result<QList<sync::FetchedScan>>> scans;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        sync::PreApplicationClient pre(client);
        fetched = pre.fetch(code);
        if (*fetched)
            scans = pre.fetchScans(**fetched);
    });
    if (!*fetched) {
        m_detail->setHtml(QString());
        say(fetched->error().message(), true);
        return;
    }
    m_open = **fetched;
    if (scans && *scans)
        m_openScans = **scans;
    else if (scans)
        say(scans->error().message(), true);
    const QLocale locale;
    for (const sync::PreApplicationScan &scan : std::as_const(m_open->scans)) {
        const catalogue::Material *material
            = m_context.catalogue ? m_context.catalogue->material(scan.material) : nullptr;
        m_scans->addItem(tr("%1 — %2 (%3)")
                             .arg(material ? material->name : scan.material, scan.fileName,
                                 locale.formattedDataSize(scan.size)));
    }
    m_detail->setHtml(detailHtml());
    const bool open = m_open->state == sync::PreApplication::kSubmitted;
    m_accept->setEnabled(open);
    m_return->setEnabled(open);
    if (m_scans->count() > 0)
        m_scans->setCurrentRow(0);
}

QString PreReviewDialog::detailHtml() const
{
    const sync::PreApplication &p = *m_open;
    const catalogue::Matter *matter = m_context.catalogue ? m_context.catalogue->matter(p.matter) : nullptr;
    // Who serves the applicant sees the registration; supervisors see it masked, like the case list.
    const bool clear = RoleScreens::seesPersonalData(m_context.role);
    const QJsonObject applicant = clear ? p.applicant.toJson() : p.applicant.toMaskedJson();
    QString html = u"<h3>%1</h3>"_s.arg((matter ? matter->name : p.matter).toHtmlEscaped());
    html += tr("<p>Code %1 · submitted %2 · verified mobile %3</p>")
                .arg(p.code, p.submitted.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    (clear ? p.mobile : applicant.value(u"contactMobile"_s).toString()).toHtmlEscaped());
    html += tr("<p><b>Applicant:</b> %1 %2 · %3</p>")
                .arg(applicant.value(u"name"_s).toString().toHtmlEscaped(),
                    applicant.value(u"idNumber"_s).toString().toHtmlEscaped(),
                    cases::displayName(p.applicant.kind).toHtmlEscaped());
    if (!matter) {
        html += tr("<p>This workstation's catalogue does not have matter %1.</p>")
                    .arg(p.matter.toHtmlEscaped());
        return html;
    }
    const catalogue::SituationEngine engine(m_context.catalogue);
    const catalogue::Evaluation evaluation = engine.evaluate(*matter, p.answers);
    html += tr("<p><b>Answers:</b> %1</p>").arg(evaluation.situationPath.join(u" → ").toHtmlEscaped());
    if (!evaluation.complete)
        html
            += tr("<p><b>The answers do not reach a situation in this catalogue: return the pre-application, "
                  "or let the counter ask.</b></p>");
    html += tr("<p><b>Checklist:</b></p>") + u"<ol>"_s;
    for (const catalogue::ChecklistLine &line : evaluation.checklist.lines) {
        int count = 0;
        for (const sync::PreApplicationScan &scan : p.scans)
            count += scan.material == line.materialId ? 1 : 0;
        const QString state = line.dataShared ? tr("data-shared: nothing to upload")
            : count > 0                       ? tr("%n scan(s)", nullptr, count)
                                              : tr("no scan");
        html += u"<li>%1 — %2</li>"_s.arg(line.name.toHtmlEscaped(), state.toHtmlEscaped());
    }
    html += u"</ol>"_s;
    return html;
}

void PreReviewDialog::showScan(int row)
{
    if (!m_open || row < 0 || row >= m_open->scans.size()) {
        m_preview->setImage({});
        return;
    }
    const sync::PreApplicationScan &scan = m_open->scans.at(row);
    for (const sync::FetchedScan &fetched : std::as_const(m_openScans))
        if (fetched.scan.id == scan.id) {
            const QImage image = QImage::fromData(fetched.bytes);
            if (!image.isNull()) {
                m_preview->setImage(image);
                return;
            }
        }
    m_preview->setImage({});
    m_preview->setPlaceholder(tr("%1 (%2) cannot be shown here; the counter opens it with the case.")
                                  .arg(scan.fileName, scan.mime));
}

void PreReviewDialog::decide(bool accept)
{
    if (!m_open || !m_context.hall)
        return;
    QStringList reasons;
    for (const QString &line : m_reasons->toPlainText().split(u'\n'))
        if (!line.trimmed().isEmpty())
            reasons.append(line.trimmed());
    if (!accept && reasons.isEmpty()) {
        say(tr("Write at least one reason, one a line: the applicant reads them to put the application "
               "right."),
            true);
        m_reasons->setFocus();
        return;
    }
    const QString code = m_open->code;
    const QString reviewer = m_context.nameOfClerk(m_context.clerk);
    std::optional<Result<void>> done;
    runHallServerRequest(this, *m_context.hall, [&](sync::SyncClient &client) {
        done = sync::PreApplicationClient(client).review(
            code, accept, accept ? QStringList() : reasons, reviewer);
    });
    if (!*done) {
        say(done->error().message(), true);
        return;
    }
    refresh();
    say(accept ? tr("Pre-application %1 accepted for the counter.").arg(code)
               : tr("Pre-application %1 returned to the applicant with %n reason(s).", nullptr,
                   int(reasons.size()))
                     .arg(code),
        false);
    m_list->setFocus();
}

} // namespace ow::ui
