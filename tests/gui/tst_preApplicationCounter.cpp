// Online pre-applications (网上件) at the workstation, in Chinese on a 1366×768 screen, against a
// real onewindow-server: two pre-applications of the hotel permit are seeded into the server's store
// as the applicant's pages leave them (answers, registration, two scans, submitted). The hall's
// pre-review lists them masked, returns one with a reason and accepts the other; at the counter the
// accepted one's QR code read into the search field opens the intake with the matter answered, the
// registration filled and the scans on their materials (marked 网上预审); the clerk checks the
// originals and accepts, and the server shows the pre-application taken by that case. The returned
// code, and the taken one read again, are refused with their state named. Screenshots of the
// pre-review and of the pre-filled material check.

#include "../unit/QueueHallSupport.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "catalogue/PreApplicationCode.h"
#include "catalogue/SituationEngine.h"
#include "intake/IntakeSession.h"
#include "server/PreApplicationRepository.h"
#include "sync/PreApplicationMarks.h"
#include "sync/SyncSettings.h"
#include "ui/CameraImageView.h"
#include "ui/CaseScreenContext.h"
#include "ui/CaseScreens.h"
#include "ui/DecisionPage.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/PreReviewDialog.h"
#include "ui/Theme.h"

#include <QBuffer>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTranslator>

using namespace ow;
using namespace ow::ui;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHotel = u"330302-WJ-001"_s;
const QStringList kHotelAnswers {u"place-type=lodging"_s, u"linen-washing=outsourced"_s,
    u"lodging-facilities=neither"_s, u"central-ac=yes"_s, u"agent=self"_s};

QByteArray png(const QString &text)
{
    QImage image(600, 420, QImage::Format_RGB32);
    image.fill(QColor(250, 248, 240));
    QPainter painter(&image);
    painter.setPen(Qt::darkRed);
    painter.drawRect(20, 20, 560, 380);
    painter.drawText(image.rect(), Qt::AlignCenter, text);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestPreApplicationCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reviewedOnlineThenTakenInAtTheCounter();

private:
    /// A submitted pre-application of the hotel with two scans, written into the server's store.
    QString seed(const storage::Database &db, const QString &mobile);
    CaseScreenContext context(accounts::Role role) const;
    QString statusBarText() const { return m_window->statusBar()->currentMessage(); }

    test::IntakeData m_data;
    QTranslator m_translator;
    QTemporaryDir m_dir;
    std::unique_ptr<QueueHall> m_hall;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    sync::SyncSettings m_settings;
    QStringList m_materials;
};

void TestPreApplicationCounter::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
    QVERIFY(m_translator.load(u":/i18n/onewindow_zh_CN.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    // The materials the hotel's answers ask for: the scans go to the first two.
    catalogue::SituationEngine engine(m_data.catalogue);
    const catalogue::Matter *hotel = m_data.catalogue->matter(kHotel);
    QVERIFY(hotel);
    catalogue::Answers answers;
    for (const QString &text : kHotelAnswers)
        answers.set(text.section(u'=', 0, 0), catalogue::Answer::single(text.section(u'=', 1)));
    const catalogue::Evaluation evaluation = engine.evaluate(*hotel, answers);
    QVERIFY(evaluation.complete);
    for (const catalogue::ChecklistLine &line : evaluation.checklist.lines)
        if (!line.dataShared)
            m_materials.append(line.materialId);
    QVERIFY(m_materials.size() >= 2);
}

QString TestPreApplicationCounter::seed(const storage::Database &db, const QString &mobile)
{
    server::PreApplicationRules rules;
    rules.hall = QueueHall::kHall;
    server::PreApplicationRepository repository(
        db, m_dir.filePath(u"server/preapplications"_s), rules, Clock::system());
    catalogue::Answers answers;
    for (const QString &text : kHotelAnswers)
        answers.set(text.section(u'=', 0, 0), catalogue::Answer::single(text.section(u'=', 1)));
    const Result<server::PreApplication> made = repository.create(kHotel,
        m_data.catalogue->matter(kHotel)->name, m_data.catalogue->matter(kHotel)->departmentId,
        cases::CaseJson::answers(answers), kHotelAnswers, mobile);
    if (!made)
        return {};
    cases::Applicant applicant;
    applicant.name = u"张三丰"_s;
    applicant.idNumber = u"11010519491231002X"_s;
    applicant.contactName = u"张三丰"_s;
    applicant.contactMobile = mobile;
    applicant.address = u"浙江省温州市鹿城区五马街1号"_s;
    applicant.postcode = u"325000"_s;
    if (!repository.setApplicant(made->code, applicant))
        return {};
    const QList<std::pair<QString, QByteArray>> scans {
        {u"申请表.png"_s, png(u"公共场所卫生许可证申请表（扫描件）"_s)},
        {u"身份证.png"_s, png(u"居民身份证（扫描件）"_s)}};
    for (qsizetype i = 0; i < scans.size(); ++i) {
        const auto added = repository.addScan(
            made->code, m_materials.at(i), scans.at(i).first, u"image/png"_s, scans.at(i).second.size());
        if (!added || added->first != server::PreApplicationRepository::Outcome::Done)
            return {};
        const auto written = repository.appendScan(made->code, added->second, 0, scans.at(i).second);
        if (!written || !written->first || !written->first->complete())
            return {};
    }
    const auto submitted = repository.submit(made->code);
    if (!submitted || *submitted != server::PreApplicationRepository::Outcome::Done)
        return {};
    return made->code;
}

CaseScreenContext TestPreApplicationCounter::context(accounts::Role role) const
{
    CaseScreenContext c;
    c.store = m_store.get();
    c.calendar = *m_data.calendar;
    c.role = role;
    c.clerk = u"lisi"_s;
    c.clerkName = u"李四"_s;
    c.clock = Clock::fixed(test::kIntakeNow);
    c.catalogue = m_data.catalogue;
    c.hall = m_settings;
    return c;
}

void TestPreApplicationCounter::reviewedOnlineThenTakenInAtTheCounter()
{
    // The server's store, prepared before it starts: the two pre-applications as submitted online.
    const QString serverDir = m_dir.filePath(u"server"_s);
    QVERIFY(QDir().mkpath(serverDir));
    QString toReturn;
    QString toAccept;
    {
        Result<std::unique_ptr<storage::Database>> db
            = server::ServerSchema::open(u"sqlite:"_s + serverDir + u"/server.db"_s);
        QVERIFY(db);
        QVERIFY(server::ServerSchema::migrate(**db));
        toReturn = seed(**db, u"13912345678"_s);
        toAccept = seed(**db, u"13812345678"_s);
        QVERIFY(!toReturn.isEmpty() && !toAccept.isEmpty());
    }
    m_hall = std::make_unique<QueueHall>(serverDir);
    m_hall->server().setExtraArguments({u"--preapplication-hall"_s, QueueHall::kHall});
    QVERIFY2(m_hall->start(), qPrintable(m_hall->server().startError()));
    const QString token = m_hall->enrol(u"W07"_s);
    QVERIFY(!token.isEmpty());
    m_settings.server = m_hall->url();
    m_settings.token = token;
    m_settings.workstation = cases::Workstation {QueueHall::kHall, u"W07"_s, 7};

    m_store = test::openIntakeStore(m_dir.filePath(u"counter"_s));
    QVERIFY(m_store);
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = u"lisi"_s;
    environment.clerkName = u"李四"_s;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->resize(1366, 768);
    m_window->addCaseScreens(context(accounts::Role::IntakeClerk));
    QVERIFY(m_window->caseScreens()->preReviewAction());
    QCOMPARE(m_window->caseScreens()->preReviewAction()->shortcut(), QKeySequence(u"Ctrl+Shift+Y"_s));
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // The counter's 1366×768 screen, its frame included.
    m_window->resize(1366, 760);

    // The pre-review: both listed, the applicant masked.
    {
        PreReviewDialog review(context(accounts::Role::IntakeClerk), m_window.get());
        review.show();
        QApplication::setActiveWindow(&review);
        QVERIFY(QTest::qWaitForWindowActive(&review));
        QCOMPARE(review.list()->count(), 2);
        for (int row = 0; row < 2; ++row) {
            QVERIFY(!review.list()->item(row)->text().contains(u"张三丰"_s));
            QVERIFY(!review.list()->item(row)->text().contains(u"11010519491231002X"_s));
        }
        QVERIFY2(
            review.list()->item(0)->text().contains(toReturn), qPrintable(review.list()->item(0)->text()));
        QCOMPARE(review.list()->currentRow(), 0);
        QCOMPARE(review.scanList()->count(), 2);
        QVERIFY(!review.preview()->image().isNull());
        QVERIFY2(review.detail()->toPlainText().contains(m_data.catalogue->matter(kHotel)->name),
            qPrintable(review.detail()->toPlainText()));
        // The dialog fits the counter's screen.
        QVERIFY(review.width() <= 1366 && review.height() <= 768);
        test::saveScreenshot(review, u"pre-review.png"_s);

        // A return needs a reason: Alt+T alone is refused and the reasons field takes the keyboard.
        test::press(Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), review.reasonsField());
        QVERIFY(review.statusText().contains(u"理由"_s));
        review.reasonsField()->insertPlainText(
            u"营业执照扫描件不清晰，请重新上传"_s); // as an input method gives it
        test::press(Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(review.list()->count(), 1);
        QVERIFY(review.list()->item(0)->text().contains(toAccept));
        test::press(Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(review.list()->count(), 0);
    }
    HttpClient http;
    const auto stateOf = [&](const QString &code) {
        return http.call("GET", m_hall->server().url(u"/api/v1/preapplications/"_s + code), {}, token).json();
    };
    QCOMPARE(stateOf(toReturn).value(u"state"_s).toString(), u"returned"_s);
    QCOMPARE(stateOf(toAccept).value(u"state"_s).toString(), u"accepted"_s);

    // At the counter: the returned code is refused with its reason, nothing opens.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    test::type(catalogue::PreApplicationCode {toReturn}.toText());
    test::press(Qt::Key_Return);
    QVERIFY(m_window->isSearching());
    QVERIFY2(statusBarText().contains(u"营业执照扫描件不清晰"_s), qPrintable(statusBarText()));
    QVERIFY(!m_window->intakeSession());

    // The accepted one's QR code: the intake opens answered, registered, with the scans.
    m_window->searchPage()->searchField()->clear();
    test::type(catalogue::PreApplicationCode {toAccept}.toText());
    test::press(Qt::Key_Return);
    QTRY_VERIFY(!m_window->isSearching());
    const intake::IntakeSession *session = m_window->intakeSession();
    QVERIFY(session);
    QCOMPARE(session->preApplicationCode(), toAccept);
    QCOMPARE(m_window->interviewPage()->session()->parts().constFirst().matter->code, kHotel);
    QVERIFY(m_window->interviewPage()->session()->isComplete());
    QCOMPARE(session->currentCase().applicant.idNumber, u"11010519491231002X"_s);
    QCOMPARE(session->currentCase().attachments.size(), 2);
    QCOMPARE(session->currentCase().attachments.at(0).materialId, m_materials.at(0));

    test::press(Qt::Key_F2);
    QVERIFY(m_window->isRegistering());
    test::saveScreenshot(*m_window, u"pre-application-intake.png"_s);
    test::press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    MaterialCheckPage *check = m_window->materialCheckPage();
    bool marked = false;
    for (QListWidget *list : check->findChildren<QListWidget *>())
        for (int row = 0; row < list->count(); ++row)
            marked = marked || list->item(row)->text().contains(u"网上预审"_s);
    QVERIFY2(marked, "the first material's scan is not marked as the pre-application's");
    QCOMPARE(m_window->width(), 1366);
    QVERIFY(m_window->frameGeometry().height() <= 768);
    test::saveScreenshot(*m_window, u"pre-application-scans.png"_s);

    // The clerk checks the originals and decides as usual.
    for (int guard = 0; guard < 60 && check->pendingCount() > 0; ++guard) {
        const int before = check->pendingCount();
        test::press(Qt::Key_Return, Qt::ControlModifier);
        if (check->pendingCount() < before)
            continue;
        test::press(Qt::Key_R);
        if (check->pendingCount() < before)
            continue;
        test::press(Qt::Key_Down);
    }
    QCOMPARE(check->pendingCount(), 0);
    test::press(Qt::Key_F5);
    QVERIFY(m_window->isDeciding());
    QPushButton *accept = m_window->decisionPage()->decisionButton(cases::EventKind::Accepted);
    QVERIFY2(
        accept->isEnabled(), qPrintable(m_window->decisionPage()->decisionHint(cases::EventKind::Accepted)));
    test::press(Qt::Key_Return);
    QVERIFY(m_window->isShowingDocument());
    const QString number = m_window->intakeSession()->currentCase().number;
    QCOMPARE(m_store->findByNumber(number).value().state, cases::CaseState::Accepted);

    // The sync round tells the server which case took it, from the note on the case.
    QVERIFY(m_store->setSyncValues({{sync::SyncSettings::kCounter, u"W07"_s}}));
    {
        sync::SyncClient client {QUrl(m_hall->url()), token};
        const Result<sync::PreApplicationMarks::Report> marked
            = sync::PreApplicationMarks(*m_store, client).send();
        QVERIFY2(marked, marked ? "" : qPrintable(marked.error().message()));
        QCOMPARE(marked->marked, 1);
    }
    const QJsonObject taken = stateOf(toAccept);
    QCOMPARE(taken.value(u"state"_s).toString(), u"taken"_s);
    QCOMPARE(taken.value(u"case"_s).toString(), number);

    // Read again, the taken code names its case.
    test::press(Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(m_window->isSearching());
    m_window->searchPage()->searchField()->clear();
    test::type(toAccept.toLower()); // typed by hand, in lower case
    test::press(Qt::Key_Return);
    QVERIFY(m_window->isSearching());
    QVERIFY2(statusBarText().contains(number), qPrintable(statusBarText()));
}

QTEST_MAIN(TestPreApplicationCounter)
#include "tst_preApplicationCounter.moc"
