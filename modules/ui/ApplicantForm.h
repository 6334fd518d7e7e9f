#pragma once

#include "cases/Applicant.h"

#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace ow::ui {

/// The applicant registration form (DOMAIN.md "Applicant registration fields"): person, enterprise
/// or other organisation, contact, delivery by post with a division picker, and the agent tick.
/// Numbers are checked as they are typed and the reason shown beside the field.
class ApplicantForm : public QWidget
{
    Q_OBJECT

public:
    explicit ApplicantForm(QWidget *parent = nullptr);

    cases::Applicant applicant() const;
    void setApplicant(const cases::Applicant &applicant);
    /// Empty for the next applicant: no data, no agent.
    void clear();
    /// Whether someone applies on the applicant's behalf (委托代理): the checklist then needs the
    /// authorisation letter.
    bool isAgent() const;
    /// Why the form cannot be saved yet, or success.
    Result<void> validate() const;
    /// The reason shown beside the ID field (empty when the number is valid or empty).
    QString idNumberProblem() const;
    /// The reason shown beside the contact's ID field (empty when valid or empty).
    QString contactIdProblem() const;
    QString mobileProblem() const;

public Q_SLOTS:
    /// Fills the person's fields from an ID card (name, number, address on the card).
    void fillFromCard(const QString &name, const QString &idNumber, const QString &address);
    void focusFirstField();

Q_SIGNALS:
    /// F3: the page asks the card reader; the reader's answer comes back through fillFromCard().
    void readCardRequested();
    void agentChanged(bool agent);
    /// Any field, choice or tick of the applicant changed: applicant() has the new data.
    void changed();

private:
    void setKind(cases::ApplicantKind kind);
    void checkIdNumber();
    void checkContactIdNumber();
    void checkMobile(QLineEdit *field, QLabel *status);
    void fillDivisions(QComboBox *combo, const QStringList &codes);
    QLabel *makeStatus(const QString &name);

    cases::ApplicantKind m_kind = cases::ApplicantKind::Person;
    QButtonGroup *m_kinds = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_idNumber = nullptr;
    QLabel *m_idStatus = nullptr;
    QLineEdit *m_legalRepresentative = nullptr;
    QLineEdit *m_projectName = nullptr;
    QLineEdit *m_contactName = nullptr;
    QLineEdit *m_contactMobile = nullptr;
    QLabel *m_mobileStatus = nullptr;
    QLineEdit *m_contactIdNumber = nullptr;
    QLabel *m_contactIdStatus = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_postcode = nullptr;
    QCheckBox *m_agent = nullptr;
    QCheckBox *m_byPost = nullptr;
    QGroupBox *m_postBox = nullptr;
    QLineEdit *m_recipientName = nullptr;
    QLineEdit *m_recipientMobile = nullptr;
    QLabel *m_recipientMobileStatus = nullptr;
    QComboBox *m_province = nullptr;
    QComboBox *m_city = nullptr;
    QComboBox *m_district = nullptr;
    QLineEdit *m_recipientAddress = nullptr;
    QLineEdit *m_recipientPostcode = nullptr;
    QLineEdit *m_remarks = nullptr;
};

} // namespace ow::ui
