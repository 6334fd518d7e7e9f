#include "ui/PointsDrillDownDialog.h"

#include "cases/CaseJson.h"
#include "ui/ConfirmDialog.h"
#include "ui/DeskTableTab.h"
#include "ui/Theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

QString kindName(const QString &kind)
{
    if (kind == u"case-received"_s)
        return PointsDrillDownDialog::tr("Case taken in");
    if (kind == u"consultation"_s)
        return PointsDrillDownDialog::tr("Consultation");
    if (kind == u"practice-passed"_s)
        return PointsDrillDownDialog::tr("Practice passed");
    if (kind == u"rating"_s)
        return PointsDrillDownDialog::tr("Rating");
    if (kind == u"correction"_s)
        return PointsDrillDownDialog::tr("Supervisor's correction");
    if (kind == u"catalogue-item"_s)
        return PointsDrillDownDialog::tr("Catalogue item maintained");
    return kind;
}

} // namespace

PointsDrillDownDialog::PointsDrillDownDialog(QWidget *parent, const QString &staffNumber, const QString &name,
    const QString &month, Fetch fetch, Correct correct)
    : QDialog(parent)
    , m_staffNumber(staffNumber)
    , m_name(name)
    , m_month(month)
    , m_fetch(std::move(fetch))
    , m_correctRequest(std::move(correct))
{
    setObjectName(u"pointsDrillDown"_s);
    setWindowTitle(tr("Points of %1 (%2), %3").arg(name, staffNumber, month));
    m_total = new QLabel(this);
    m_total->setObjectName(u"pointsTotal"_s);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_items = new DeskTableTab(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    // A correction is an item of its own with the supervisor's reason, never an edit of an item.
    m_points = new QSpinBox(this);
    m_points->setRange(-1000, 1000);
    m_points->setObjectName(u"correctionPoints"_s);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"correctionReason"_s);
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("Required: why the points are corrected"));
    m_correct = new QPushButton(tr("Record &correction…"), this);
    auto *form = new QFormLayout;
    auto *pointsLabel = new QLabel(tr("Correct by &points:"), this);
    pointsLabel->setBuddy(m_points);
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(pointsLabel, m_points);
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_correct);
    form->addRow(reasonLabel, reasonRow);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_total);
    layout->addWidget(m_items, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(1000, 560);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_correct, &QPushButton::clicked, this, &PointsDrillDownDialog::recordCorrection);
    connect(m_reason, &QLineEdit::returnPressed, this, &PointsDrillDownDialog::recordCorrection);
}

bool PointsDrillDownDialog::reload()
{
    const Result<QJsonObject> answer = m_fetch();
    if (!answer) {
        showProblem(answer.error().message());
        return false;
    }
    documents::ExportTable table;
    table.title = tr("Points %1 %2 %3").arg(m_staffNumber, m_name, m_month);
    table.header
        = {tr("Time"), tr("Item"), tr("Points"), tr("Case number"), tr("Matter"), tr("Reason"), tr("By")};
    table.numeric = {false, false, true, false, false, false, false};
    int sum = 0;
    for (const QJsonValue &value : answer->value(u"items"_s).toArray()) {
        const QJsonObject item = value.toObject();
        const int points = item.value(u"points"_s).toInt();
        sum += points;
        const QDateTime at = cases::CaseJson::timeFrom(item.value(u"at"_s).toString());
        table.rows.append(
            {at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), kindName(item.value(u"kind"_s).toString()),
                QString::number(points), item.value(u"case"_s).toString(),
                m_matterNames.value(item.value(u"matter"_s).toString(), item.value(u"matter"_s).toString()),
                item.value(u"reason"_s).toString(), item.value(u"by"_s).toString()});
    }
    m_sum = sum;
    m_items->setTable(table);
    const int total = answer->value(u"points"_s).toInt();
    const int count = int(table.rows.size());
    m_total->setText(tr("Total %1 points from %n item(s); grade %2, %3 qualified matters.", nullptr, count)
                         .arg(total)
                         .arg(answer->value(u"grade"_s).toInt())
                         .arg(answer->value(u"qualifiedMatters"_s).toInt()));
    // The total is the sum of its items; a server answering otherwise is said, not hidden.
    if (total != sum)
        showProblem(tr("The items add up to %1, not to the total the server gave.").arg(sum));
    return true;
}

bool PointsDrillDownDialog::recordCorrection()
{
    const QString reason = m_reason->text().trimmed();
    const int points = m_points->value();
    if (points == 0) {
        showProblem(tr("Type the points to add, or a negative number to take away."));
        m_points->setFocus();
        return false;
    }
    if (reason.isEmpty()) {
        showProblem(tr("A correction needs its reason."));
        m_reason->setFocus();
        return false;
    }
    const QString signedPoints = points > 0 ? u"+"_s + QString::number(points) : QString::number(points);
    if (ConfirmDialog::ask(this, tr("Correct points"),
            tr("Record %1 point(s) for %2 in %3?").arg(signedPoints, m_name, m_month),
            tr("Reason: %1<br>The correction is kept as an item of its own with your name; it is not "
               "an edit and cannot be removed.")
                .arg(reason.toHtmlEscaped()),
            tr("Record"))
        != ConfirmDialog::Choice::Confirm)
        return false;
    const Result<QJsonObject> recorded = m_correctRequest(points, reason);
    if (!recorded) {
        showProblem(tr("The correction was not recorded: %1").arg(recorded.error().message()));
        return false;
    }
    m_reason->clear();
    m_points->setValue(0);
    if (!reload())
        return true;
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::success().name()));
    m_status->setText(tr("Correction of %1 point(s) recorded.").arg(signedPoints));
    return true;
}

void PointsDrillDownDialog::showProblem(const QString &message)
{
    m_status->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::danger().name()));
    m_status->setText(message);
}

} // namespace ow::ui
