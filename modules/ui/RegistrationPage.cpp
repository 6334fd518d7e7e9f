#include "ui/RegistrationPage.h"

#include "ui/ApplicantForm.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ow::ui {

RegistrationPage::RegistrationPage(ApplicantForm *form, bool storing, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("registrationPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The same header as the other intake pages: what this step is and which keys lead on.
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("pageHeader"));
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(24, 14, 24, 14);
    auto *title = new QLabel(tr("Register the applicant"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *hint = new QLabel(storing
            ? tr("F3 reads the ID card · F4 goes on to check the materials · Esc back to the questions")
            : tr("F3 reads the ID card · Ctrl+Shift+P shows the checklist · Esc back to the questions"),
        header);
    hint->setObjectName(QStringLiteral("pageSubtitle"));
    headerLayout->addWidget(title);
    headerLayout->addWidget(hint);
    layout->addWidget(header);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    form->setMaximumWidth(1000);
    scroll->setWidget(form);
    layout->addWidget(scroll, 1);
}

} // namespace ow::ui
