#include "ui/ComplaintDialog.h"

#include "cases/CaseNumber.h"
#include "cases/PickupDesk.h"
#include "supervision/Complaint.h"
#include "ui/ComboTypeAhead.h"
#include "ui/SearchResultModel.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>
#include <algorithm>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kNameRole = Qt::UserRole + 1; ///< the clerk's name beside the staff number

/// Only matters: a complaint names a matter, and a bundle is several.
class MatterRows : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return !sourceModel()->index(row, 0, parent).data(SearchResultModel::IsBundleRole).toBool();
    }
};

} // namespace

ComplaintDialog::ComplaintDialog(
    catalogue::CataloguePtr catalogue, const QHash<QString, QString> &clerks, Save save, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(std::move(catalogue))
    , m_save(std::move(save))
{
    setObjectName(u"complaintDialog"_s);
    setWindowTitle(tr("Record a complaint"));
    auto *intro
        = new QLabel(tr("A complaint about the hall's service, taken at the counter or from the 12345 "
                        "hotline. The server gives it its number; supervisors handle it."),
            this);
    intro->setWordWrap(true);

    m_channel = new QComboBox(this);
    m_channel->setObjectName(u"complaintChannel"_s);
    for (const supervision::ComplaintChannel channel : {supervision::ComplaintChannel::Window,
             supervision::ComplaintChannel::Hotline, supervision::ComplaintChannel::Online})
        m_channel->addItem(supervision::displayName(channel), supervision::keyword(channel));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"complainantName"_s);
    m_name->setMaxLength(cases::ComplaintRecord::kMaxName);
    m_mobile = new QLineEdit(this);
    m_mobile->setObjectName(u"complainantMobile"_s);
    m_mobile->setPlaceholderText(tr("11 digits; the reply goes to it"));
    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(u"complaintContent"_s);
    m_content->setTabChangesFocus(true);
    m_content->setPlaceholderText(tr("What happened, in the complainant's words (Shift+Enter: a new line)"));
    m_content->setMinimumHeight(110);
    m_content->installEventFilter(this);
    m_case = new QLineEdit(this);
    m_case->setObjectName(u"complaintCase"_s);
    m_case->setPlaceholderText(tr("Case number or scanned receipt; empty when none"));
    m_clerk = new QComboBox(this);
    m_clerk->setObjectName(u"complaintClerk"_s);
    m_clerk->addItem(tr("(none named)"), QString());
    QList<std::pair<QString, QString>> byName;
    for (auto it = clerks.cbegin(); it != clerks.cend(); ++it)
        byName.append({it.value().isEmpty() ? it.key() : it.value(), it.key()});
    std::sort(byName.begin(), byName.end());
    for (const auto &[name, staff] : std::as_const(byName)) {
        m_clerk->addItem(tr("%1 (staff number %2)").arg(name, staff), staff);
        m_clerk->setItemData(m_clerk->count() - 1, name, kNameRole);
    }
    ComboTypeAhead::install(m_clerk);
    m_matter = new QLineEdit(this);
    m_matter->setObjectName(u"complaintMatter"_s);
    m_matter->setPlaceholderText(tr("Name, keyword or pinyin initials; empty when none"));
    if (m_catalogue) {
        m_matters = new SearchResultModel(m_catalogue, this);
        m_matterRows = new MatterRows(this);
        m_matterRows->setSourceModel(m_matters);
        m_completer = new QCompleter(m_matterRows, this);
        m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        m_completer->setMaxVisibleItems(8);
        m_completer->setCompletionRole(Qt::DisplayRole); // the name, as the list shows it
        m_matter->setCompleter(m_completer);
        connect(m_matter, &QLineEdit::textEdited, this, [this](const QString &text) {
            m_matterCode.clear();
            m_matters->setQuery(text);
            if (!text.trimmed().isEmpty())
                m_completer->complete();
        });
        connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &ComplaintDialog::chooseMatter);
    }

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        form->addRow(caption, field);
    };
    row(tr("C&hannel:"), m_channel);
    row(tr("Complai&nant:"), m_name);
    row(tr("&Mobile:"), m_mobile);
    row(tr("C&ontent:"), m_content);
    row(tr("C&ase:"), m_case);
    row(tr("C&lerk complained about:"), m_clerk);
    row(tr("Ma&tter:"), m_matter);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"complaintProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"QLabel { color: %1; }"_s.arg(Theme::danger().name()));
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    saveButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(saveButton, &QPushButton::clicked, this, &ComplaintDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void ComplaintDialog::setRecorder(const QString &staffNumber, const QString &name, Clock clock)
{
    m_recorder = staffNumber;
    m_recorderName = name;
    m_clock = std::move(clock);
}

void ComplaintDialog::setCaseNumber(const QString &number)
{
    const Result<cases::CaseNumber> parsed = cases::CaseNumber::parse(number);
    m_case->setText(parsed ? parsed->toDisplayString() : number);
}

bool ComplaintDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter saves from the content too; Shift+Enter is a new line in it.
    if (watched == m_content && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
            save();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ComplaintDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_name->setFocus(Qt::OtherFocusReason);
}

void ComplaintDialog::chooseMatter(const QModelIndex &index)
{
    const QModelIndex source = m_matterRows->mapToSource(index);
    const catalogue::SearchHit *hit = m_matters->hit(source.row());
    if (!hit || !hit->matter)
        return;
    m_matter->setText(hit->name);
    m_matterCode = hit->code;
}

const catalogue::Matter *ComplaintDialog::typedMatter() const
{
    if (!m_catalogue)
        return nullptr;
    const QString text = m_matter->text().trimmed();
    for (const catalogue::Matter &matter : m_catalogue->matters)
        if ((!m_matterCode.isEmpty() && matter.code == m_matterCode && matter.name == text)
            || matter.code.compare(text, Qt::CaseInsensitive) == 0 || matter.name == text)
            return &matter;
    return nullptr;
}

cases::ComplaintRecord ComplaintDialog::complaint() const
{
    cases::ComplaintRecord c;
    c.channel = m_channel->currentData().toString();
    c.receivedAt = m_clock.nowUtc();
    c.complainantName = m_name->text().trimmed();
    c.complainantMobile = m_mobile->text().trimmed();
    c.content = m_content->toPlainText().trimmed();
    QString caseText = m_case->text().trimmed();
    if (m_lookup && cases::PickupDesk::tokenFromLink(caseText)) {
        const QString found = m_lookup(caseText);
        if (!found.isEmpty())
            caseText = found;
    }
    const Result<cases::CaseNumber> number = cases::CaseNumber::parse(caseText);
    c.caseNumber = number ? number->toString() : caseText;
    c.clerkStaffNumber = m_clerk->currentData().toString();
    if (!c.clerkStaffNumber.isEmpty())
        c.clerkName = m_clerk->currentData(kNameRole).toString();
    if (const catalogue::Matter *matter = typedMatter()) {
        c.matterCode = matter->code;
        c.matterName = matter->name;
    }
    c.recordedByStaffNumber = m_recorder;
    c.recordedByName = m_recorderName;
    return c;
}

bool ComplaintDialog::save()
{
    const QString caseText = m_case->text().trimmed();
    if (!caseText.isEmpty() && m_lookup && cases::PickupDesk::tokenFromLink(caseText)
        && m_lookup(caseText).isEmpty()) {
        showProblem(
            tr("Case: the scanned receipt names no case held at this workstation; type its case number."),
            m_case);
        return false;
    }
    if (!m_matter->text().trimmed().isEmpty() && !typedMatter()) {
        showProblem(tr("Matter: choose the matter from the list (type part of its name, then ↓ and Enter)."),
            m_matter);
        return false;
    }
    const cases::ComplaintRecord typed = complaint();
    if (const std::optional<cases::ComplaintRecord::Problem> problem = typed.problem()) {
        using Field = cases::ComplaintRecord::Field;
        QWidget *field = nullptr;
        switch (problem->field) {
        case Field::Channel:
            field = m_channel;
            break;
        case Field::ComplainantName:
            field = m_name;
            break;
        case Field::Mobile:
            field = m_mobile;
            break;
        case Field::Content:
            field = m_content;
            break;
        case Field::Case:
            field = m_case;
            break;
        case Field::Clerk:
            field = m_clerk;
            break;
        case Field::Matter:
            field = m_matter;
            break;
        case Field::RecordedBy:
        case Field::ReceivedAt:
            break;
        }
        showProblem(problem->message, field);
        return false;
    }
    const Result<void> saved = m_save ? m_save(typed) : Result<void>();
    if (!saved) {
        showProblem(tr("Not saved: %1").arg(saved.error().message()), nullptr);
        return false;
    }
    m_saved = typed;
    accept();
    return true;
}

void ComplaintDialog::showProblem(const QString &message, QWidget *field)
{
    m_problem->setText(message);
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

} // namespace ow::ui
