#include "ui/ApplicantForm.h"

#include "core/AdministrativeDivisions.h"
#include "core/CitizenId.h"
#include "core/CreditCode.h"
#include "core/PhoneNumber.h"
#include "ui/ComboTypeAhead.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ow::ui {

using cases::ApplicantKind;

namespace {

QLineEdit *field(QWidget *parent, const QString &name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

QWidget *withStatus(QWidget *parent, QWidget *input, QLabel *status)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(input, 2);
    row->addWidget(status, 3);
    return box;
}

} // namespace

ApplicantForm::ApplicantForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("applicantForm"));
    auto *layout = new QVBoxLayout(this);

    auto *kindRow = new QHBoxLayout;
    m_kinds = new QButtonGroup(this);
    const QList<QPair<ApplicantKind, QString>> kinds {{ApplicantKind::Person, tr("Pe&rson")},
        {ApplicantKind::Enterprise, tr("&Enterprise")},
        {ApplicantKind::OtherOrganisation, tr("&Other organisation")}};
    for (const auto &[kind, text] : kinds) {
        auto *button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("kind-%1").arg(cases::keyword(kind)));
        m_kinds->addButton(button, int(kind));
        kindRow->addWidget(button);
    }
    kindRow->addStretch();
    m_kinds->button(int(ApplicantKind::Person))->setChecked(true);
    connect(m_kinds, &QButtonGroup::idClicked, this, [this](int id) { setKind(ApplicantKind(id)); });
    layout->addLayout(kindRow);

    m_form = new QFormLayout;
    m_name = field(this, QStringLiteral("applicantName"));
    m_nameLabel = new QLabel(this);
    m_form->addRow(m_nameLabel, m_name);
    m_idNumber = field(this, QStringLiteral("applicantIdNumber"));
    m_idStatus = makeStatus(QStringLiteral("idNumberStatus"));
    m_idLabel = new QLabel(this);
    m_form->addRow(m_idLabel, withStatus(this, m_idNumber, m_idStatus));
    m_legalRepresentative = field(this, QStringLiteral("legalRepresentative"));
    m_form->addRow(tr("Legal representative:"), m_legalRepresentative);
    m_projectName = field(this, QStringLiteral("projectName"));
    m_form->addRow(tr("Project name:"), m_projectName);
    m_contactName = field(this, QStringLiteral("contactName"));
    m_form->addRow(tr("Contact name:"), m_contactName);
    m_contactMobile = field(this, QStringLiteral("contactMobile"));
    m_mobileStatus = makeStatus(QStringLiteral("mobileStatus"));
    m_form->addRow(tr("Contact mobile:"), withStatus(this, m_contactMobile, m_mobileStatus));
    m_contactIdNumber = field(this, QStringLiteral("contactIdNumber"));
    m_contactIdStatus = makeStatus(QStringLiteral("contactIdStatus"));
    m_form->addRow(tr("Contact's ID number:"), withStatus(this, m_contactIdNumber, m_contactIdStatus));
    m_address = field(this, QStringLiteral("address"));
    m_form->addRow(tr("Address:"), m_address);
    m_postcode = field(this, QStringLiteral("postcode"));
    m_form->addRow(tr("Postcode:"), m_postcode);
    m_remarks = field(this, QStringLiteral("remarks"));
    m_form->addRow(tr("Remarks:"), m_remarks);
    layout->addLayout(m_form);

    m_agent = new QCheckBox(
        tr("An &agent applies on the applicant's behalf (authorisation letter needed)"), this);
    m_agent->setObjectName(QStringLiteral("agentCheck"));
    connect(m_agent, &QCheckBox::toggled, this, &ApplicantForm::agentChanged);
    layout->addWidget(m_agent);

    m_byPost = new QCheckBox(tr("Deliver the result by &post (EMS)"), this);
    m_byPost->setObjectName(QStringLiteral("byPostCheck"));
    layout->addWidget(m_byPost);
    m_postBox = new QGroupBox(tr("Recipient"), this);
    auto *post = new QFormLayout(m_postBox);
    m_recipientName = field(m_postBox, QStringLiteral("recipientName"));
    post->addRow(tr("Recipient name:"), m_recipientName);
    m_recipientMobile = field(m_postBox, QStringLiteral("recipientMobile"));
    m_recipientMobileStatus = makeStatus(QStringLiteral("recipientMobileStatus"));
    post->addRow(tr("Recipient mobile:"), withStatus(m_postBox, m_recipientMobile, m_recipientMobileStatus));
    m_province = new QComboBox(m_postBox);
    m_province->setObjectName(QStringLiteral("province"));
    ComboTypeAhead::install(m_province); // typing 浙江 picks 浙江省
    m_city = new QComboBox(m_postBox);
    m_city->setObjectName(QStringLiteral("city"));
    m_district = new QComboBox(m_postBox);
    m_district->setObjectName(QStringLiteral("district"));
    auto *divisions = new QWidget(m_postBox);
    auto *divisionRow = new QHBoxLayout(divisions);
    divisionRow->setContentsMargins(0, 0, 0, 0);
    divisionRow->addWidget(m_province);
    divisionRow->addWidget(m_city);
    divisionRow->addWidget(m_district);
    post->addRow(tr("Province / city / district:"), divisions);
    m_recipientAddress = field(m_postBox, QStringLiteral("recipientAddress"));
    post->addRow(tr("Street address:"), m_recipientAddress);
    m_recipientPostcode = field(m_postBox, QStringLiteral("recipientPostcode"));
    post->addRow(tr("Recipient postcode:"), m_recipientPostcode);
    layout->addWidget(m_postBox);
    layout->addStretch();
    m_postBox->setVisible(false);
    connect(m_byPost, &QCheckBox::toggled, m_postBox, &QWidget::setVisible);

    const AdministrativeDivisions &table = AdministrativeDivisions::builtIn();
    fillDivisions(m_province, table.provinces());
    connect(m_province, &QComboBox::currentIndexChanged, this, [this] {
        fillDivisions(
            m_city, AdministrativeDivisions::builtIn().children(m_province->currentData().toString()));
    });
    connect(m_city, &QComboBox::currentIndexChanged, this, [this] {
        fillDivisions(
            m_district, AdministrativeDivisions::builtIn().children(m_city->currentData().toString()));
    });

    connect(m_idNumber, &QLineEdit::textChanged, this, &ApplicantForm::checkIdNumber);
    connect(m_contactIdNumber, &QLineEdit::textChanged, this, &ApplicantForm::checkContactIdNumber);
    connect(m_contactMobile, &QLineEdit::textChanged, this,
        [this] { checkMobile(m_contactMobile, m_mobileStatus); });
    connect(m_recipientMobile, &QLineEdit::textChanged, this,
        [this] { checkMobile(m_recipientMobile, m_recipientMobileStatus); });
    // Every field, choice and tick reports a change, so the intake always holds the applicant shown.
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &ApplicantForm::changed);
    for (QComboBox *combo : {m_province, m_city, m_district})
        connect(combo, &QComboBox::currentIndexChanged, this, &ApplicantForm::changed);
    connect(m_byPost, &QCheckBox::toggled, this, &ApplicantForm::changed);
    connect(m_kinds, &QButtonGroup::idClicked, this, &ApplicantForm::changed);

    auto *readCard = new QAction(tr("Read the ID card"), this);
    readCard->setShortcut(QKeySequence(Qt::Key_F3));
    readCard->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(readCard, &QAction::triggered, this, &ApplicantForm::readCardRequested);
    addAction(readCard);

    // Fields were moved into their rows after creation, which muddles the creation-order chain.
    const QList<QWidget *> order {m_name, m_idNumber, m_legalRepresentative, m_projectName, m_contactName,
        m_contactMobile, m_contactIdNumber, m_address, m_postcode, m_remarks, m_agent, m_byPost,
        m_recipientName, m_recipientMobile, m_province, m_city, m_district, m_recipientAddress,
        m_recipientPostcode};
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));

    setKind(ApplicantKind::Person);
}

QLabel *ApplicantForm::makeStatus(const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    return label;
}

void ApplicantForm::fillDivisions(QComboBox *combo, const QStringList &codes)
{
    const AdministrativeDivisions &table = AdministrativeDivisions::builtIn();
    combo->clear();
    combo->addItem(tr("(choose)"), QString());
    for (const QString &code : codes)
        combo->addItem(table.name(code), code);
}

void ApplicantForm::setKind(ApplicantKind kind)
{
    m_kind = kind;
    const bool person = kind == ApplicantKind::Person;
    m_nameLabel->setText(person ? tr("Applicant's name:") : tr("Organisation's name:"));
    m_idLabel->setText(person ? tr("Citizen ID number:") : tr("Unified social credit code:"));
    m_form->setRowVisible(m_legalRepresentative, !person);
    m_form->setRowVisible(m_projectName, !person);
    if (QAbstractButton *button = m_kinds->button(int(kind)))
        button->setChecked(true);
    checkIdNumber();
}

void ApplicantForm::checkIdNumber()
{
    const QString text = m_idNumber->text().trimmed();
    QString problem;
    if (!text.isEmpty()) {
        if (m_kind == ApplicantKind::Person) {
            if (Result<CitizenId> id = CitizenId::parse(text); !id)
                problem = id.error().message();
        } else if (Result<CreditCode> code = CreditCode::parse(text); !code) {
            problem = code.error().message();
        }
    }
    m_idStatus->setText(problem);
}

void ApplicantForm::checkContactIdNumber()
{
    // The contact (often an agent) is a person: a citizen ID whatever the applicant is.
    const QString text = m_contactIdNumber->text().trimmed();
    QString problem;
    if (!text.isEmpty())
        if (Result<CitizenId> id = CitizenId::parse(text); !id)
            problem = id.error().message();
    m_contactIdStatus->setText(problem);
}

void ApplicantForm::checkMobile(QLineEdit *edit, QLabel *status)
{
    const QString text = edit->text().trimmed();
    QString problem;
    if (!text.isEmpty()) {
        Result<PhoneNumber> number = PhoneNumber::parse(text);
        if (!number)
            problem = number.error().message();
        else if (number->kind() != PhoneNumber::Kind::Mobile)
            problem = tr("This is a landline number; a mobile number is needed for text messages.");
    }
    status->setText(problem);
}

QString ApplicantForm::idNumberProblem() const
{
    return m_idStatus->text();
}

QString ApplicantForm::contactIdProblem() const
{
    return m_contactIdStatus->text();
}

QString ApplicantForm::mobileProblem() const
{
    return m_mobileStatus->text();
}

bool ApplicantForm::isAgent() const
{
    return m_agent->isChecked();
}

cases::Applicant ApplicantForm::applicant() const
{
    cases::Applicant a;
    a.kind = m_kind;
    a.name = m_name->text().trimmed();
    a.idNumber = m_idNumber->text().trimmed().toUpper();
    if (a.isOrganisation()) {
        a.legalRepresentative = m_legalRepresentative->text().trimmed();
        a.projectName = m_projectName->text().trimmed();
    }
    a.contactName = m_contactName->text().trimmed();
    a.contactMobile = m_contactMobile->text().trimmed();
    a.contactIdNumber = m_contactIdNumber->text().trimmed().toUpper();
    a.address = m_address->text().trimmed();
    a.postcode = m_postcode->text().trimmed();
    a.remarks = m_remarks->text().trimmed();
    a.deliverByPost = m_byPost->isChecked();
    if (a.deliverByPost) {
        a.recipientName = m_recipientName->text().trimmed();
        a.recipientMobile = m_recipientMobile->text().trimmed();
        a.recipientProvince
            = m_province->currentData().toString().isEmpty() ? QString() : m_province->currentText();
        a.recipientCity = m_city->currentData().toString().isEmpty() ? QString() : m_city->currentText();
        a.recipientDistrict
            = m_district->currentData().toString().isEmpty() ? QString() : m_district->currentText();
        a.recipientAddress = m_recipientAddress->text().trimmed();
        a.recipientPostcode = m_recipientPostcode->text().trimmed();
    }
    return a;
}

void ApplicantForm::setApplicant(const cases::Applicant &a)
{
    setKind(a.kind);
    m_name->setText(a.name);
    m_idNumber->setText(a.idNumber);
    m_legalRepresentative->setText(a.legalRepresentative);
    m_projectName->setText(a.projectName);
    m_contactName->setText(a.contactName);
    m_contactMobile->setText(a.contactMobile);
    m_contactIdNumber->setText(a.contactIdNumber);
    m_address->setText(a.address);
    m_postcode->setText(a.postcode);
    m_remarks->setText(a.remarks);
    m_byPost->setChecked(a.deliverByPost);
    m_recipientName->setText(a.recipientName);
    m_recipientMobile->setText(a.recipientMobile);
    m_recipientAddress->setText(a.recipientAddress);
    m_recipientPostcode->setText(a.recipientPostcode);
    m_province->setCurrentIndex(qMax(0, m_province->findText(a.recipientProvince)));
    m_city->setCurrentIndex(qMax(0, m_city->findText(a.recipientCity)));
    m_district->setCurrentIndex(qMax(0, m_district->findText(a.recipientDistrict)));
    Q_EMIT changed(); // the kind may have changed alone
}

void ApplicantForm::clear()
{
    setApplicant({});
    m_agent->setChecked(false);
}

Result<void> ApplicantForm::validate() const
{
    return applicant().validate();
}

void ApplicantForm::fillFromCard(const QString &name, const QString &idNumber, const QString &address)
{
    setKind(ApplicantKind::Person);
    m_name->setText(name);
    m_idNumber->setText(idNumber);
    if (m_address->text().trimmed().isEmpty())
        m_address->setText(address);
    // The card holder is usually also the contact; the clerk overwrites it for an agent.
    if (m_contactName->text().trimmed().isEmpty())
        m_contactName->setText(name);
    Q_EMIT changed(); // the kind may have changed alone
    m_contactMobile->setFocus();
}

void ApplicantForm::focusFirstField()
{
    m_name->setFocus();
}

} // namespace ow::ui
