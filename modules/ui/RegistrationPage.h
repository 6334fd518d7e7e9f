#pragma once

#include <QWidget>

namespace ow::ui {

class ApplicantForm;

/// The applicant registration step: a header saying which keys lead on, and the applicant form kept
/// narrow and centred in a scroll area (a form wider than a reading line is hard to scan).
class RegistrationPage : public QWidget
{
    Q_OBJECT

public:
    /// `storing`: the workstation can number cases, so the material check (F4) follows.
    RegistrationPage(ApplicantForm *form, bool storing, QWidget *parent = nullptr);
};

} // namespace ow::ui
