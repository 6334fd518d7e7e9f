// A data-shared material at the counter, in Chinese on the 1366×768 screen, against the data-sharing
// simulator on loopback: the hotel's business licence (营业执照) fetched by the key F7 for an
// enterprise applicant. First the platform is down: the failure names the material and the cause and
// offers the paper, taken only with a reason; then the platform is back and F7 fetches the licence
// into the case as its scan, with the source and time beside it and its review points. Not
// configured, the key says so. Every fetch is in the audit log with the key masked.

#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "core/ManualClock.h"
#include "deptsim/PushReceiver.h"
#include "intake/IntakeSession.h"
#include "sharing/HttpDataSharingPlatform.h"
#include "sharing/SharingSimulator.h"
#include "ui/ApplicantForm.h"
#include "ui/IntakeFlow.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckDelegate.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MaterialCheckPanel.h"
#include "ui/SharedMaterialBox.h"
#include "ui/Theme.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace ow;
using namespace ow::ui;
using namespace Qt::StringLiterals;
using Status = cases::MaterialCheck::Status;

namespace {

const QString kHotel = u"330302-WJ-001"_s;
const QString kLicence = u"business-licence"_s;
const QString kCode = u"91330302578932146J"_s; // 温州市鹿城区南塘酒店管理有限公司 in the simulator
const QString kAppId = u"hall-33030201"_s;
const QByteArray kSecret = "secret-of-the-hall";

cases::Applicant hotelCompany()
{
    cases::Applicant a;
    a.kind = cases::ApplicantKind::Enterprise;
    a.name = u"温州市鹿城区南塘酒店管理有限公司"_s;
    a.idNumber = kCode;
    a.projectName = u"公共场所卫生许可（新发证）"_s;
    a.legalRepresentative = u"林晓燕"_s;
    a.contactName = u"林晓燕"_s;
    a.contactMobile = u"13957712345"_s;
    a.address = u"浙江省温州市鹿城区南汇街道南塘街88号"_s;
    a.postcode = u"325000"_s;
    return a;
}

/// The simulator on a loopback port; `downForMs` of its clock it answers 503.
struct SimulatedPlatform
{
    SimulatedPlatform(const ManualClock &clock, qint64 downForMs)
        : simulator({kAppId, kSecret, downForMs}, clock.clock())
        , receiver([this](const deptsim::PushRequest &request) {
            const sharing::SharingSimulator::Answer answer = simulator.handle(
                request.method, request.path,
                [&request](const QByteArray &name) { return request.header(name); }, request.body);
            return deptsim::PushAnswer {answer.status, answer.body};
        })
    {
        port = *receiver.listen(QHostAddress::LocalHost, 0);
    }
    sharing::HttpDataSharingPlatform::Settings settings() const
    {
        return {QUrl(u"http://127.0.0.1:%1"_s.arg(port)), kAppId, kSecret};
    }

    sharing::SharingSimulator simulator;
    deptsim::PushReceiver receiver;
    quint16 port = 0;
};

} // namespace

class TestSharedMaterialCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void licenceFetchedByTheKey();

private:
    QList<cases::AuditEntry> auditRows(const QString &action) const
    {
        QList<cases::AuditEntry> found;
        const QList<cases::AuditEntry> entries = m_store->auditLog().entries().value();
        for (const cases::AuditEntry &entry : entries)
            if (entry.action == action)
                found.append(entry);
        return found;
    }
    QString statusBarText() const { return m_window->statusBar()->currentMessage(); }

    test::IntakeData m_data;
    QTemporaryDir m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestSharedMaterialCounter::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
    m_store = test::openIntakeStore(m_dir.path());
    QVERIFY(m_store);
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = u"1001"_s;
    environment.clerkName = u"张三"_s;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->resize(1366, 760);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestSharedMaterialCounter::licenceFetchedByTheKey()
{
    const ManualClock clock(test::kIntakeNow);
    SimulatedPlatform down(clock, 60 * 60 * 1000);
    SimulatedPlatform up(clock, 0);
    sharing::HttpDataSharingPlatform downPlatform(down.settings(), clock.clock());
    sharing::HttpDataSharingPlatform upPlatform(up.settings(), clock.clock());
    auto *flow = m_window->findChild<IntakeFlow *>();
    QVERIFY(flow);
    flow->setDataSharing(&downPlatform);

    // The hotel's lodging situation for a company: the business licence is data-shared.
    catalogue::Answers answers;
    for (const auto &[question, option] : QList<QPair<QString, QString>> {{u"place-type"_s, u"lodging"_s},
             {u"linen-washing"_s, u"outsourced"_s}, {u"lodging-facilities"_s, u"neither"_s},
             {u"central-ac"_s, u"yes"_s}, {u"agent"_s, u"self"_s}})
        answers.set(question, catalogue::Answer::single(option));
    flow->openMatterWithAnswers(m_data.catalogue->matter(kHotel), answers);
    m_window->applicantForm()->setApplicant(hotelCompany());
    QCOMPARE(m_window->intakeSession()->currentCase().applicant.idNumber, kCode);
    QTRY_VERIFY(QApplication::focusWidget());
    test::press(Qt::Key_F4);
    QVERIFY(m_window->isChecking());
    MaterialCheckPage *page = m_window->materialCheckPage();
    int row = -1;
    for (int i = 0; i < page->lineList()->count(); ++i)
        if (page->lineList()->item(i)->data(MaterialCheckDelegate::MaterialIdRole).toString() == kLicence)
            row = i;
    QVERIFY(row >= 0);
    page->lineList()->setCurrentRow(row);
    page->lineList()->setFocus();
    SharedMaterialBox *box = page->panel()->sharedBox();
    QVERIFY(box->isVisible());
    QVERIFY2(box->fetchButton()->text().contains(u"F7"_s), qPrintable(box->fetchButton()->text()));
    QVERIFY(box->fetchButton()->toolTip().contains(u"F7"_s));
    auto *progress = box->findChild<QProgressBar *>(u"sharedFetchProgress"_s);
    QVERIFY(progress);

    // The platform is down: the window goes on while it answers, then names the material and why.
    test::press(Qt::Key_F7);
    QVERIFY(progress->isVisible());
    QVERIFY(!box->fetchButton()->isEnabled());
    QTRY_VERIFY(!progress->isVisible());
    QVERIFY2(box->stateText().contains(u"营业执照"_s) && box->stateText().contains(u"503"_s),
        qPrintable(box->stateText()));
    QVERIFY2(statusBarText().contains(u"营业执照"_s), qPrintable(statusBarText()));
    QVERIFY(box->paperButton()->isVisible());
    QVERIFY(!box->paperButton()->isEnabled()); // no reason yet
    const int index = m_window->intakeSession()->checkList().indexOf(kLicence);
    QCOMPARE(m_window->intakeSession()->checkList().check(index).status, Status::Pending);
    test::saveScreenshot(*m_window, u"zh-shared-material-failed.png"_s);
    const QList<cases::AuditEntry> failed = auditRows(u"shared.failed"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).clerk, u"1001"_s);
    QVERIFY(failed.at(0).detail.contains(u"9133**********146J"_s));
    QVERIFY(!failed.at(0).detail.contains(kCode));

    // The paper instead, with the reason.
    box->paperReason()->setFocus();
    box->paperReason()->insert(u"共享平台维护，申请人提交纸质营业执照副本"_s); // as an input method gives it
    QVERIFY(box->paperButton()->isEnabled());
    QTest::mouseClick(box->paperButton(), Qt::LeftButton);
    QCOMPARE(m_window->intakeSession()->checkList().check(index).status, Status::Received);
    QCOMPARE(m_window->intakeSession()->checkList().check(index).shared.paperReason,
        u"共享平台维护，申请人提交纸质营业执照副本"_s);
    QVERIFY2(box->stateText().contains(u"共享平台维护"_s), qPrintable(box->stateText()));
    QCOMPARE(auditRows(u"shared.paper"_s).size(), 1);

    // The platform is back: F7 fetches the licence into the case as the material's scan.
    flow->setDataSharing(&upPlatform);
    page->lineList()->setFocus();
    test::press(Qt::Key_F7);
    QTRY_COMPARE(m_window->intakeSession()->checkList().check(index).status, Status::DataShared);
    const cases::MaterialCheck check = m_window->intakeSession()->checkList().check(index);
    QCOMPARE(check.shared.source, u"温州市鹿城区市场监督管理局"_s);
    QCOMPARE(check.shared.fetchedAt, test::kIntakeNow);
    QVERIFY(check.shared.paperReason.isEmpty());
    const QList<cases::CaseAttachment> attachments = m_window->intakeSession()->currentCase().attachments;
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).materialId, kLicence);
    QCOMPARE(attachments.at(0).mimeType, u"application/pdf"_s);
    QCOMPARE(page->panel()->attachmentList()->count(), 1);
    QVERIFY2(box->stateText().contains(u"温州市鹿城区市场监督管理局"_s), qPrintable(box->stateText()));
    QVERIFY(!box->paperButton()->isVisible());
    // Its review points, to check on the fetched document.
    QVERIFY(page->panel()->pointList()->count() >= 4);
    QVERIFY(page->panel()->pointList()->isVisible());
    QCOMPARE(m_window->width(), 1366);
    QVERIFY(m_window->frameGeometry().height() <= 768);
    test::saveScreenshot(*m_window, u"zh-shared-material.png"_s);
    const QList<cases::AuditEntry> fetched = auditRows(u"shared.fetched"_s);
    QCOMPARE(fetched.size(), 1);
    const QJsonObject detail = QJsonDocument::fromJson(fetched.at(0).detail.toUtf8()).object();
    QCOMPARE(detail.value(u"material"_s).toString(), kLicence);
    QCOMPARE(detail.value(u"key"_s).toString(), u"9133**********146J"_s);
    QCOMPARE(detail.value(u"source"_s).toString(), u"温州市鹿城区市场监督管理局"_s);

    // Without a platform the key says so, and the paper path stays.
    flow->setDataSharing(nullptr);
    QVERIFY2(box->fetchButton()->text().contains(u"F7"_s), qPrintable(box->fetchButton()->text()));
    page->lineList()->setFocus();
    test::press(Qt::Key_F7);
    QVERIFY2(statusBarText().contains(u"sharing-endpoint"_s), qPrintable(statusBarText()));
}

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestSharedMaterialCounter>(argc, argv);
}
#include "tst_sharedMaterialCounter.moc"
