// The applicant registration form: live checks of citizen ID, credit code and mobile with the reason
// shown, the person / organisation switch, delivery by post with the division picker, the agent
// tick, and filling from an ID card. Numbers from DOMAIN.md.

#include "GuiTestSupport.h"
#include "ui/ApplicantForm.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MatterSearchPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>

using namespace ow;
using namespace ow::ui;
using ow::test::press;
using ow::test::type;

class TestApplicantForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void personByKeyboard();
    void organisationUsesCreditCode();
    void deliverByPost();
    void agentAndCard();
    void registrationStepInWindow();
    void contactIdNumberIsCheckedAndNamed();

private:
    template<typename T> static T *child(QWidget &form, const char *name)
    {
        T *widget = form.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    void saveScreenshot(QWidget *widget, const QString &name) const
    {
        const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
        const QString dir
            = fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }
};

void TestApplicantForm::personByKeyboard()
{
    ApplicantForm form;
    form.resize(900, 700);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.focusFirstField();
    type(QStringLiteral("Zhang San"));
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("applicantIdNumber"));
    type(QStringLiteral("110105194912310021"));
    // A wrong check character: the reason is shown while typing.
    QVERIFY(!form.idNumberProblem().isEmpty());
    QVERIFY(!form.validate());
    press(Qt::Key_Backspace);
    type(QStringLiteral("x"));
    QCOMPARE(form.idNumberProblem(), QString());
    QCOMPARE(form.applicant().idNumber, QStringLiteral("11010519491231002X"));

    child<QLineEdit>(form, "contactName")->setFocus();
    type(QStringLiteral("Zhang San"));
    press(Qt::Key_Tab);
    type(QStringLiteral("1381234567"));
    QVERIFY(!form.mobileProblem().isEmpty());
    type(QStringLiteral("8"));
    QCOMPARE(form.mobileProblem(), QString());
    child<QLineEdit>(form, "contactMobile")->setText(QStringLiteral("0577-88881234"));
    QVERIFY(!form.mobileProblem().isEmpty()); // a landline cannot receive the text messages
    child<QLineEdit>(form, "contactMobile")->setText(QStringLiteral("13812345678"));
    saveScreenshot(&form, QStringLiteral("applicant-1-person.png"));

    const cases::Applicant applicant = form.applicant();
    QCOMPARE(applicant.kind, cases::ApplicantKind::Person);
    QCOMPARE(applicant.name, QStringLiteral("Zhang San"));
    QCOMPARE(applicant.contactMobile, QStringLiteral("13812345678"));
    QVERIFY(!applicant.deliverByPost);
}

void TestApplicantForm::organisationUsesCreditCode()
{
    ApplicantForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *idField = child<QLineEdit>(form, "applicantIdNumber");
    QVERIFY(idField);
    idField->setText(QStringLiteral("91110000600037341L"));
    // As a person's number the credit code is wrong ...
    QVERIFY(!form.idNumberProblem().isEmpty());
    QVERIFY(!child<QLineEdit>(form, "legalRepresentative")->isVisible());
    // ... and right once the applicant is an enterprise, whose representative field appears.
    child<QRadioButton>(form, "kind-enterprise")->click();
    QCOMPARE(form.idNumberProblem(), QString());
    QVERIFY(child<QLineEdit>(form, "legalRepresentative")->isVisible());
    idField->setText(QStringLiteral("91110000600037341M"));
    QVERIFY(!form.idNumberProblem().isEmpty());
    QCOMPARE(form.applicant().kind, cases::ApplicantKind::Enterprise);
}

void TestApplicantForm::deliverByPost()
{
    ApplicantForm form;
    form.resize(900, 800);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *byPost = child<QCheckBox>(form, "byPostCheck");
    auto *province = child<QComboBox>(form, "province");
    QVERIFY(byPost && province);
    QVERIFY(!province->isVisible());
    byPost->setChecked(true);
    QVERIFY(province->isVisible());

    const int zhejiang = province->findData(QStringLiteral("330000"));
    QVERIFY(zhejiang > 0);
    province->setCurrentIndex(zhejiang);
    auto *city = child<QComboBox>(form, "city");
    const int wenzhou = city->findData(QStringLiteral("330300"));
    QVERIFY2(wenzhou > 0, "the city list follows the province");
    city->setCurrentIndex(wenzhou);
    auto *district = child<QComboBox>(form, "district");
    const int lucheng = district->findData(QStringLiteral("330302"));
    QVERIFY(lucheng > 0);
    district->setCurrentIndex(lucheng);
    child<QLineEdit>(form, "recipientName")->setText(QStringLiteral("Li Si"));
    child<QLineEdit>(form, "recipientMobile")->setText(QStringLiteral("1398765432"));
    QVERIFY(!child<QLabel>(form, "recipientMobileStatus")->text().isEmpty());
    child<QLineEdit>(form, "recipientMobile")->setText(QStringLiteral("13987654321"));
    QVERIFY(child<QLabel>(form, "recipientMobileStatus")->text().isEmpty());
    child<QLineEdit>(form, "recipientAddress")->setText(QStringLiteral("Wuma Street 1"));
    saveScreenshot(&form, QStringLiteral("applicant-2-post.png"));

    const cases::Applicant applicant = form.applicant();
    QVERIFY(applicant.deliverByPost);
    QCOMPARE(applicant.recipientProvince, QStringLiteral("浙江省"));
    QCOMPARE(applicant.recipientCity, QStringLiteral("温州市"));
    QCOMPARE(applicant.recipientDistrict, QStringLiteral("鹿城区"));

    // Round trip through setApplicant.
    ApplicantForm copy;
    copy.setApplicant(applicant);
    QCOMPARE(copy.applicant(), applicant);
}

void TestApplicantForm::agentAndCard()
{
    ApplicantForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QSignalSpy agent(&form, &ApplicantForm::agentChanged);
    QSignalSpy readCard(&form, &ApplicantForm::readCardRequested);
    child<QCheckBox>(form, "agentCheck")->setChecked(true);
    QCOMPARE(agent.count(), 1);
    QVERIFY(form.isAgent());

    child<QRadioButton>(form, "kind-enterprise")->click();
    form.focusFirstField();
    press(Qt::Key_F3);
    QCOMPARE(readCard.count(), 1);
    form.fillFromCard(
        QStringLiteral("Wang Wu"), QStringLiteral("360426199101010071"), QStringLiteral("Jiangxi"));
    const cases::Applicant applicant = form.applicant();
    QCOMPARE(applicant.kind, cases::ApplicantKind::Person);
    QCOMPARE(applicant.name, QStringLiteral("Wang Wu"));
    QCOMPARE(applicant.contactName, QStringLiteral("Wang Wu"));
    QCOMPARE(form.idNumberProblem(), QString());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("contactMobile"));
}

void TestApplicantForm::registrationStepInWindow()
{
    MainWindow window(ow::test::uiCatalogue());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // No interview yet: F2 does nothing.
    press(Qt::Key_F2);
    QVERIFY(window.isSearching());

    window.searchPage()->focusSearch();
    press(Qt::Key_Return); // opens the first (most frequent) matter
    QVERIFY(!window.isSearching());
    QVERIFY(!window.isRegistering());
    press(Qt::Key_F2);
    QVERIFY(window.isRegistering());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("applicantName"));
    type(QStringLiteral("Zhang San"));
    saveScreenshot(&window, QStringLiteral("applicant-3-step.png"));

    // Esc goes back to the interview, which is kept; Ctrl+Enter returns to the form as it was.
    press(Qt::Key_Escape);
    QVERIFY(!window.isRegistering());
    QVERIFY(!window.isSearching());
    press(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(window.isRegistering());
    QCOMPARE(window.applicantForm()->applicant().name, QStringLiteral("Zhang San"));
}

void TestApplicantForm::contactIdNumberIsCheckedAndNamed()
{
    ApplicantForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    cases::Applicant applicant;
    applicant.name = QStringLiteral("Zhang San");
    applicant.idNumber = QStringLiteral("11010519491231002X");
    applicant.contactName = QStringLiteral("Li Si");
    applicant.contactMobile = QStringLiteral("13812345678");
    form.setApplicant(applicant);
    QVERIFY(form.validate());

    // The agent's (contact's) number, one digit mistyped: flagged beside the field as it is typed, and
    // the form's verdict names the field.
    child<QLineEdit>(form, "contactIdNumber")->setFocus();
    type(QStringLiteral("360426199101010072"));
    QVERIFY(!form.contactIdProblem().isEmpty());
    QCOMPARE(child<QLabel>(form, "contactIdStatus")->text(), form.contactIdProblem());
    QVERIFY(child<QLabel>(form, "contactIdStatus")->isVisible());
    QCOMPARE(form.idNumberProblem(), QString());
    const Result<void> verdict = form.validate();
    QVERIFY(!verdict);
    QVERIFY2(verdict.error().message().startsWith(QStringLiteral("The contact's ID number: ")),
        qPrintable(verdict.error().message()));
    press(Qt::Key_Backspace);
    type(QStringLiteral("1"));
    QCOMPARE(form.contactIdProblem(), QString());
    QVERIFY(form.validate());

    // A contact of an enterprise is still a person with a citizen ID.
    child<QRadioButton>(form, "kind-enterprise")->click();
    child<QLineEdit>(form, "applicantIdNumber")->setText(QStringLiteral("91110000600037341L"));
    child<QLineEdit>(form, "contactIdNumber")->setText(QStringLiteral("91110000600037341L"));
    QVERIFY(!form.contactIdProblem().isEmpty());
}

QTEST_MAIN(TestApplicantForm)
#include "tst_applicantForm.moc"
