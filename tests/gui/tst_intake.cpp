// A whole intake by keyboard in the real main window, on the demo catalogue and a temporary case
// store: search the hotel's public-place hygiene permit, answer, register the applicant from the ID
// card, check every material, accept, save the acceptance receipt as PDF; then the case, the PDF and
// the audit trail are checked. Saves a screenshot of every step and prints the keys and seconds used.

#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "cases/CaseStore.h"
#include "cases/ClerkActivityLog.h"
#include "cases/DraftStore.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/GuideCode.h"
#include "catalogue/SituationEngine.h"
#include "core/WorkingCalendar.h"
#include "documents/HallSettings.h"
#include "intake/IntakeSession.h"
#include "ui/ApplicantForm.h"
#include "ui/ConfirmDialog.h"
#include "ui/DecisionPage.h"
#include "ui/DocumentPreview.h"
#include "ui/FileDialog.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/PrintDialog.h"
#include "ui/QuestionWidget.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ow;
using namespace Qt::StringLiterals;
using namespace ow::ui;

namespace {

const QString kMatter = QStringLiteral("330302-WJ-001");
/// Monday 16 March 2026, noon UTC: the deadline below is then known (seven working days later).
const QDateTime kNow = test::kIntakeNow;

/// The hotel: lodging, linen washed under contract, no pool or public bath, central air conditioning,
/// the owner in person.
const QHash<QString, Qt::Key> kHotelKeys {
    {QStringLiteral("place-type"), Qt::Key_1},
    {QStringLiteral("linen-washing"), Qt::Key_2},
    {QStringLiteral("lodging-facilities"), Qt::Key_1},
    {QStringLiteral("central-ac"), Qt::Key_1},
    {QStringLiteral("agent"), Qt::Key_1},
};

} // namespace

class TestIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hotelIntakeByKeyboard();
    void agentTickAddsAuthorisationLetter();
    void escapeGoesBackOneStep();
    void quitAsksAndKeepsTheDraft();
    void refusalNeedsReasonsOnScreen();
    void withoutStoreIntakeStopsAtChecklist();
    void checklistWithoutCaseIsAConsultation();
    void guideCodeOpensTheMatterWithItsAnswers();

private:
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void type(const QString &text);
    void openHotel();
    void answerHotel();
    void registerApplicant();
    void receiveEverything();
    QuestionWidget *focusedQuestion() const;
    QString screenshotDir() const;
    void saveScreenshot(const QString &name) const;
    static QString pdfText(const QString &path);

    test::IntakeData m_data; ///< demo catalogue, calendar, hall settings
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    int m_keys = 0;
};

void TestIntake::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestIntake::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);

    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(kNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->resize(1440, 880);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    m_keys = 0;
}

void TestIntake::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestIntake::press(int key, Qt::KeyboardModifiers modifiers)
{
    ++m_keys;
    test::press(key, modifiers);
}

void TestIntake::type(const QString &text)
{
    m_keys += int(text.size());
    test::type(text);
}

QuestionWidget *TestIntake::focusedQuestion() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

void TestIntake::openHotel()
{
    type(QStringLiteral("ggcswsxk")); // 公共场所卫生许可 by its pinyin initials
    saveScreenshot(QStringLiteral("intake-1-search.png"));
    press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    QCOMPARE(m_window->interviewPage()->session()->parts().constFirst().matter->code, kMatter);
}

void TestIntake::answerHotel()
{
    InterviewPage *page = m_window->interviewPage();
    for (int guard = 0; guard < 10 && !page->session()->isComplete(); ++guard) {
        QuestionWidget *current = focusedQuestion();
        QVERIFY2(current, "no question has the focus");
        const QString id = current->question().id;
        QVERIFY2(kHotelKeys.contains(id), qPrintable(QStringLiteral("unexpected question %1").arg(id)));
        press(kHotelKeys.value(id));
    }
    QVERIFY(page->session()->isComplete());
}

void TestIntake::registerApplicant()
{
    press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    // What the ID card reader delivers for the card put on it (DOMAIN.md's valid test number).
    m_window->applicantForm()->fillFromCard(QStringLiteral("张三"), QStringLiteral("11010519491231002X"),
        QStringLiteral("浙江省温州市鹿城区示例路8号"));
    auto *mobile = m_window->applicantForm()->findChild<QLineEdit *>(QStringLiteral("contactMobile"));
    QVERIFY(mobile);
    // The clerk tabs to the mobile number and types it; the card carries none.
    for (int guard = 0; guard < 12 && QApplication::focusWidget() != mobile; ++guard)
        press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), mobile);
    type(QStringLiteral("13812345678"));
    QVERIFY2(m_window->applicantForm()->validate(),
        qPrintable(m_window->applicantForm()->validate().error().message()));
}

void TestIntake::receiveEverything()
{
    MaterialCheckPage *page = m_window->materialCheckPage();
    QVERIFY(page->pendingCount() > 0);
    // Ctrl+Enter: all points met and received, then the next line; R as the fallback.
    for (int guard = 0; guard < 60 && page->pendingCount() > 0; ++guard) {
        const int before = page->pendingCount();
        press(Qt::Key_Return, Qt::ControlModifier);
        if (page->pendingCount() < before)
            continue;
        press(Qt::Key_R);
        if (page->pendingCount() < before)
            continue;
        press(Qt::Key_Down);
    }
    QCOMPARE(page->pendingCount(), 0);
    QCOMPARE(page->missingCount(), 0);
}

void TestIntake::hotelIntakeByKeyboard()
{
    QElapsedTimer clock;
    clock.start();

    openHotel();
    answerHotel();
    saveScreenshot(QStringLiteral("intake-2-interview.png"));
    registerApplicant();
    saveScreenshot(QStringLiteral("intake-3-applicant.png"));

    press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    receiveEverything();
    saveScreenshot(QStringLiteral("intake-4-check.png"));

    press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY2(
        accept->isEnabled(), qPrintable(m_window->decisionPage()->decisionHint(cases::EventKind::Accepted)));
    QCOMPARE(QApplication::focusWidget(), accept);
    saveScreenshot(QStringLiteral("intake-5-decision.png"));
    press(Qt::Key_Return);
    QVERIFY(m_window->isShowingDocument());
    // Before the PDF is saved, so the picture shows no temporary path.
    saveScreenshot(QStringLiteral("intake-6-receipt.png"));

    const QString pdfPath = m_dir->filePath(QStringLiteral("receipt.pdf"));
    FileDialog::setNextFileName(pdfPath);
    press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(QFileInfo::exists(pdfPath),
        qPrintable(m_window->documentPreview()->statusText() + QLatin1Char('|') + FileDialog::lastSuggestion()
            + QLatin1Char('|') + m_window->statusBar()->currentMessage()));
    const qint64 elapsed = clock.elapsed();
    qInfo().noquote() << QStringLiteral(
        "Hotel intake by keyboard: %1 key presses, %2 s wall time (with screenshots)")
                             .arg(m_keys)
                             .arg(double(elapsed) / 1000.0, 0, 'f', 2);

    // The case in the store.
    const QString number = m_window->intakeSession()->currentCase().number;
    QVERIFY(!number.isEmpty());
    QVERIFY(m_window->caseNumberText().remove(QLatin1Char('-')).contains(number));
    Result<cases::Case> stored = m_store->findByNumber(number);
    QVERIFY(stored);
    QCOMPARE(stored->state, cases::CaseState::Accepted);
    QCOMPARE(stored->matterCode, kMatter);
    QCOMPARE(stored->promisedDeadline, QDate(2026, 3, 25));
    QCOMPARE(stored->calendarVersion, m_data.calendar->version());
    QCOMPARE(stored->applicant.idNumber, QStringLiteral("11010519491231002X"));
    QCOMPARE(stored->firstHandler, QStringLiteral("lisi"));
    QVERIFY(!stored->materialChecks.isEmpty());
    QCOMPARE(stored->materialChecks.size(), stored->checklist.size());
    for (const cases::MaterialCheck &check : stored->materialChecks)
        QVERIFY2(check.status == cases::MaterialCheck::Status::Received
                || check.status == cases::MaterialCheck::Status::DataShared,
            qPrintable(check.materialId));
    QVERIFY(!stored->findCheck(QStringLiteral("authorisation-letter"))); // the owner came in person

    // The PDF says which case it is.
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        qWarning("pdftotext (poppler-utils) is missing: the PDF text is not checked");
    else
        // Documents print the number in groups (33030201-20260316-…): compare without the dashes.
        QVERIFY2(pdfText(pdfPath).remove(QLatin1Char('-')).contains(number),
            qPrintable(pdfText(pdfPath).left(400)));

    // The audit trail holds together and records the decision and the saved PDF.
    Result<cases::AuditLog::Verification> verified = m_store->auditLog().verify();
    QVERIFY(verified);
    QVERIFY(verified->intact);
    Result<QList<cases::AuditEntry>> entries = m_store->auditLog().entries();
    QVERIFY(entries);
    QStringList actions;
    for (const cases::AuditEntry &entry : *entries)
        if (entry.target == number)
            actions.append(entry.action);
    QVERIFY2(actions.contains(QStringLiteral("case.accepted")), qPrintable(actions.join(QLatin1Char(','))));
    QVERIFY2(actions.contains(QStringLiteral("document.pdf")), qPrintable(actions.join(QLatin1Char(','))));

    // Ctrl+N: the next applicant starts at the search.
    press(Qt::Key_N, Qt::ControlModifier);
    QVERIFY(m_window->isSearching());
    QVERIFY(!m_window->intakeSession());
    QVERIFY(m_window->caseNumberText().isEmpty());
}

void TestIntake::agentTickAddsAuthorisationLetter()
{
    openHotel();
    answerHotel();
    press(Qt::Key_F2);
    auto *agent = m_window->applicantForm()->findChild<QCheckBox *>(QStringLiteral("agentCheck"));
    QVERIFY(agent);
    const auto hasLetter = [this] {
        return m_window->interviewPage()->session()->checklist().find(QStringLiteral("authorisation-letter"))
            != nullptr;
    };
    QVERIFY(!hasLetter());
    agent->setChecked(true);
    QVERIFY(hasLetter());
    QVERIFY(m_window->interviewPage()->session()->checklist().find(QStringLiteral("agent-id-card")));
    agent->setChecked(false);
    QVERIFY(!hasLetter());
    agent->setChecked(true);
    m_window->applicantForm()->fillFromCard(QStringLiteral("张三"), QStringLiteral("11010519491231002X"),
        QStringLiteral("浙江省温州市鹿城区示例路8号"));
    press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    QVERIFY(m_window->intakeSession()->currentCase().findCheck(QStringLiteral("authorisation-letter")));
}

void TestIntake::escapeGoesBackOneStep()
{
    openHotel();
    answerHotel();
    press(Qt::Key_F2);
    m_window->applicantForm()->fillFromCard(QStringLiteral("张三"), QStringLiteral("11010519491231002X"),
        QStringLiteral("浙江省温州市鹿城区示例路8号"));
    // F5 before the check goes to the check first.
    press(Qt::Key_F5);
    QVERIFY(m_window->isChecking());
    press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    // Unchecked materials: acceptance is refused, with the reason on screen.
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY(!accept->isEnabled());
    QVERIFY(!m_window->decisionPage()->decisionHint(cases::EventKind::Accepted).isEmpty());

    // Ctrl+S numbers the draft and shows its number.
    press(Qt::Key_S, Qt::ControlModifier);
    const QString number = m_window->intakeSession()->currentCase().number;
    QVERIFY(!number.isEmpty());
    QVERIFY(m_window->caseNumberText().remove(QLatin1Char('-')).contains(number));
    QVERIFY(m_store->findByNumber(number));

    press(Qt::Key_Escape);
    QVERIFY(m_window->isChecking());
    press(Qt::Key_Escape);
    QVERIFY(m_window->isRegistering());
    press(Qt::Key_Escape);
    QVERIFY(!m_window->isRegistering());
    QVERIFY(m_window->interviewPage()->isVisible());
    // Ctrl+N before a decision asks first: cancelled, the intake stays open.
    const int asked = ConfirmDialog::askCount();
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(ConfirmDialog::askCount(), asked + 1);
    QVERIFY(m_window->intakeSession());
    // Confirmed, the intake is put aside as its clerk's draft and the search is next.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_N, Qt::ControlModifier);
    QVERIFY(!m_window->intakeSession());
    QVERIFY(m_window->isSearching());
    const auto drafts = cases::DraftStore(*m_store).list(QStringLiteral("lisi")).value();
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(drafts.first().caseNumber, number);
    QVERIFY(drafts.first().applicantMasked.contains(QStringLiteral("张")));
}

void TestIntake::quitAsksAndKeepsTheDraft()
{
    openHotel();
    answerHotel();
    const int asked = ConfirmDialog::askCount();
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    press(Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(ConfirmDialog::askCount(), asked + 1);
    QVERIFY(m_window->isVisible()); // cancelled: the clerk goes on
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_Q, Qt::ControlModifier);
    QVERIFY(!m_window->isVisible());
    // The draft was written on the way out, unnumbered, with the answers.
    const auto drafts = cases::DraftStore(*m_store).list(QStringLiteral("lisi")).value();
    QCOMPARE(drafts.size(), 1);
    QVERIFY(drafts.first().caseNumber.isEmpty());
    const auto draft = cases::DraftStore(*m_store).load(drafts.first().id).value();
    QVERIFY(!draft.content.value(QStringLiteral("parts")).toArray().isEmpty());
}

void TestIntake::refusalNeedsReasonsOnScreen()
{
    openHotel();
    answerHotel();
    press(Qt::Key_F2);
    m_window->applicantForm()->fillFromCard(QStringLiteral("张三"), QStringLiteral("11010519491231002X"),
        QStringLiteral("浙江省温州市鹿城区示例路8号"));
    press(Qt::Key_F4);
    press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    DecisionPage *page = m_window->decisionPage();
    QPushButton *refuse = page->decisionButton(cases::EventKind::Refused);
    QVERIFY(!refuse->isEnabled());
    // Chinese comes through the input method, which commits whole words, not key presses.
    page->refusalReasonsEditor()->setFocus();
    page->refusalReasonsEditor()->insertPlainText(QStringLiteral("经营场所不在本区"));
    QVERIFY(refuse->isEnabled());
    page->groundCombo()->setCurrentIndex(2);
    page->referToField()->setText(QStringLiteral("温州市龙湾区行政服务中心"));
    refuse->setFocus();
    press(Qt::Key_Return);
    QVERIFY(m_window->isShowingDocument());
    QCOMPARE(m_window->documentPreview()->document().kind, documents::DocumentKind::RefusalNotice);
    Result<cases::Case> stored = m_store->findByNumber(m_window->intakeSession()->currentCase().number);
    QVERIFY(stored);
    QCOMPARE(stored->state, cases::CaseState::Refused);
    // The receipt printer's image: 80 mm at 203 dpi.
    press(Qt::Key_T, Qt::ControlModifier);
    QVERIFY(m_window->documentPreview()->isShowingReceipt());
    QCOMPARE(m_window->documentPreview()->receiptImage().width(), 576);
}

void TestIntake::withoutStoreIntakeStopsAtChecklist()
{
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_data.catalogue);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    openHotel();
    answerHotel();
    press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    press(Qt::Key_F4);
    QVERIFY(m_window->isRegistering());
    press(Qt::Key_F5);
    QVERIFY(m_window->isRegistering());
    QVERIFY(m_window->caseNumberText().isEmpty());

    // The checklist is what this workstation hands out: shown, printable, and Esc comes back.
    press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->isShowingDocument());
    QCOMPARE(m_window->documentPreview()->document().kind, documents::DocumentKind::Checklist);
    QVERIFY(m_window->documentPreview()->document().caseNumber.isEmpty());
    const QString pdfPath = m_dir->filePath(QStringLiteral("checklist.pdf"));
    FileDialog::setNextFileName(pdfPath);
    press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QFileInfo::exists(pdfPath));
    // Print asks which printer through the print dialog's seam; cancelled, nothing is printed.
    const int asked = PrintDialog::askCount();
    PrintDialog::setNextAnswer(PrintDialog::Answer::Cancel);
    const QString before = m_window->documentPreview()->statusText();
    press(Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(PrintDialog::askCount(), asked + 1);
    QVERIFY(PrintDialog::lastTitle().contains(m_window->documentPreview()->document().title));
    QCOMPARE(m_window->documentPreview()->statusText(), before);
    press(Qt::Key_Escape);
    QVERIFY(m_window->isRegistering());
}

void TestIntake::checklistWithoutCaseIsAConsultation()
{
    const auto consultations = [&] { return cases::ClerkActivityLog(*m_store).list().value(); };
    // The checklist saved for the applicant, no case started: one consultation, however often it
    // is saved, and none more when the next case starts.
    openHotel();
    answerHotel();
    press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_window->documentPreview()->document().kind, documents::DocumentKind::Checklist);
    QVERIFY(consultations().isEmpty()); // shown only, so far
    for (int i = 0; i < 2; ++i) {
        FileDialog::setNextFileName(m_dir->filePath(u"checklist%1.pdf"_s.arg(i)));
        press(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    }
    QCOMPARE(consultations().size(), 1);
    QCOMPARE(consultations().first().staffNumber, u"lisi"_s);
    QCOMPARE(consultations().first().matter, u"330302-WJ-001"_s);
    QVERIFY(consultations().first().detail.value(u"checklistPrinted"_s).toBool());
    press(Qt::Key_Escape);
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_N, Qt::ControlModifier);
    QVERIFY(m_window->isSearching());
    QCOMPARE(consultations().size(), 1);

    // Shown only, then the next case: a consultation without a printed checklist.
    openHotel();
    answerHotel();
    press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    press(Qt::Key_Escape);
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(consultations().size(), 2);
    QVERIFY(!consultations().last().detail.value(u"checklistPrinted"_s).toBool());

    // Never shown: no consultation.
    openHotel();
    answerHotel();
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(consultations().size(), 2);
}

QString TestIntake::screenshotDir() const
{
    const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
}

void TestIntake::saveScreenshot(const QString &name) const
{
    QVERIFY(QDir().mkpath(screenshotDir()));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QString path = QDir(screenshotDir()).filePath(name);
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

QString TestIntake::pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

void TestIntake::guideCodeOpensTheMatterWithItsAnswers()
{
    // The applicant walked the hotel at home (/guide/) and shows the QR code; the scanner types it.
    const QStringList answers {QStringLiteral("place-type=lodging"),
        QStringLiteral("linen-washing=outsourced"), QStringLiteral("lodging-facilities=neither"),
        QStringLiteral("central-ac=yes"), QStringLiteral("agent=self")};
    type(catalogue::GuideCode {kMatter, answers}.toText());
    press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    const intake::InterviewSession *session = m_window->interviewPage()->session();
    QCOMPARE(session->parts().constFirst().matter->code, kMatter);
    QVERIFY(session->isComplete());
    const catalogue::SituationEngine engine(m_data.catalogue);
    const catalogue::Matter *matter = m_data.catalogue->matter(kMatter);
    const catalogue::Evaluation expected
        = engine.evaluate(*matter, catalogue::GuideCode {kMatter, answers}.answersFor(engine, *matter));
    QCOMPARE(session->checklist().materialIds(), expected.checklist.materialIds());
    saveScreenshot(QStringLiteral("intake-guide-code.png"));

    // A code for a matter this catalogue lacks says so and opens nothing.
    press(Qt::Key_Escape);
    QTRY_VERIFY(m_window->isSearching());
    m_window->searchPage()->searchField()->clear();
    type(QStringLiteral("OWG1:NO-SUCH-MATTER:a=b"));
    press(Qt::Key_Return);
    QVERIFY(m_window->isSearching());
}

QTEST_MAIN(TestIntake)
#include "tst_intake.moc"
