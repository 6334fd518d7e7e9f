#include "cases/TransferList.h"
#include "documents/DocumentRenderer.h"
#include "documents/DocumentSamples.h"
#include "documents/HallSettings.h"
#include "documents/PickupDocuments.h"
#include "documents/TransferDocuments.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <ZXing/ReadBarcode.h>
#include <optional>

using namespace ow;
using namespace ow::documents;

namespace {

const QString kDemo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
const QString kTracking = QStringLiteral("EA123456785CN"); // S10 check digit 5

/// The texts of every QR code a scanner finds on the image, top to bottom.
QStringList scanQrs(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    QStringList texts;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints))
        texts.append(QString::fromStdString(result.text()));
    return texts;
}

QString squeezed(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

} // namespace

/// The handover and pickup documents: the transfer list and its folder labels, the pickup slip and
/// the EMS label, to PDF and to images, with their QR codes read back.
class TestTransferDocuments : public QObject
{
    Q_OBJECT

    std::optional<DocumentSamples> m_samples;
    std::optional<HallSettings> m_settings;
    QTemporaryDir m_dir;

    DocumentContext context() const { return DocumentSamples::context(*m_settings); }
    const cases::Case &accepted() const { return m_samples->caseFor(DocumentKind::AcceptanceReceipt); }

    cases::TransferList sampleList() const
    {
        cases::TransferList list;
        list.hall = QStringLiteral("33030201");
        list.counter = QStringLiteral("W07");
        list.departmentId = QStringLiteral("wj");
        list.departmentName = QStringLiteral("温州市鹿城区卫生健康局");
        list.day = QDate(2026, 3, 16);
        list.slot = QTime(11, 30);
        list.made = QDateTime(list.day, QTime(3, 20), Qt::UTC);
        list.clerk = QStringLiteral("1002");
        list.id = cases::TransferList::makeId(list.hall, list.day, 7, list.slot, list.departmentId);
        const cases::Case &c = accepted();
        cases::TransferItem first {
            c.number, c.matterName, QStringLiteral("张*"), cases::TransferMaterial::ofCase(c)};
        if (first.materials.isEmpty())
            first.materials = {{QStringLiteral("营业执照"), QStringLiteral("营业执照"), false, true, 1, 1}};
        list.items.append(first);
        // A long matter name and material name must wrap inside their cells.
        list.items.append(cases::TransferItem {QStringLiteral("330302202603160700002"),
            QStringLiteral("公共场所卫生许可（新办，含游泳场所、沐浴场所及美容美发场所的卫生许可证核发）"),
            QStringLiteral("温州某某酒店管理有限公司"),
            {{QStringLiteral("a"),
                 QStringLiteral("卫生管理制度及从业人员健康检查合格证明、卫生知识培训合格证明"), true, true,
                 2, 14},
                {QStringLiteral("b"), QStringLiteral("法定代表人身份证"), false, true, 1, 2}}});
        return list;
    }

    cases::Case mailedCase() const
    {
        cases::Case c = accepted();
        c.applicant.deliverByPost = true;
        c.applicant.recipientName = QStringLiteral("张三");
        c.applicant.recipientMobile = QStringLiteral("13800138000");
        c.applicant.recipientProvince = QStringLiteral("浙江省");
        c.applicant.recipientCity = QStringLiteral("温州市");
        c.applicant.recipientDistrict = QStringLiteral("鹿城区");
        c.applicant.recipientAddress = QStringLiteral("五马街道示例路88号3幢1201室");
        c.applicant.recipientPostcode = QStringLiteral("325000");
        return c;
    }

    QString pdfText(const Document &document)
    {
        Result<QByteArray> pdf = DocumentRenderer::pdf(document);
        if (!pdf)
            return {};
        const QString path = m_dir.filePath(keyword(document.kind) + QStringLiteral(".pdf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size())
            return {};
        file.close();
        QProcess process;
        process.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    static bool havePdfToText()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
    }

    void save(const Document &document)
    {
        const QString directory = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
        if (directory.isEmpty())
            return;
        QVERIFY(QDir().mkpath(directory));
        Result<QImage> page = DocumentRenderer::pageImage(document, 0, 110);
        QVERIFY(page.has_value());
        QVERIFY(page->convertToFormat(QImage::Format_Grayscale8)
                    .save(QDir(directory).filePath(keyword(document.kind) + QStringLiteral(".png"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<HallSettings> settings = HallSettings::builtIn();
        QVERIFY2(settings.has_value(), settings ? "" : qPrintable(settings.error().toString()));
        m_settings = *settings;
        Result<DocumentSamples> samples = DocumentSamples::make(kDemo);
        QVERIFY2(samples.has_value(), samples ? "" : qPrintable(samples.error().toString()));
        m_samples = std::move(*samples);
    }

    void newKindsStayOutOfTheDecisionDocuments()
    {
        for (DocumentKind kind : kDocumentKinds)
            QVERIFY(kind != DocumentKind::TransferList && kind != DocumentKind::FolderLabels
                && kind != DocumentKind::PickupSlip && kind != DocumentKind::EmsLabel);
        for (DocumentKind kind : {DocumentKind::TransferList, DocumentKind::FolderLabels,
                 DocumentKind::PickupSlip, DocumentKind::EmsLabel})
            QCOMPARE(documentKindFromKeyword(keyword(kind)), kind);
    }

    void transferListCarriesItsScanCode()
    {
        const cases::TransferList list = sampleList();
        Result<Document> document = TransferDocuments::list(list, context());
        QVERIFY2(document.has_value(), document ? "" : qPrintable(document.error().toString()));
        // The code follows the table, on whichever page that ends.
        Result<int> pages = DocumentRenderer::pageCount(*document);
        QVERIFY(pages.has_value());
        QStringList codes;
        for (int i = 0; i < *pages; ++i) {
            Result<QImage> page = DocumentRenderer::pageImage(*document, i, 200);
            QVERIFY(page.has_value());
            codes += scanQrs(*page);
        }
        // Exactly the scan text, upper-case prefix included (a QUrl would lower-case it).
        QCOMPARE(codes, QStringList {cases::TransferList::scanText(list.id)});
        QCOMPARE(cases::TransferList::idFromScan(codes.constFirst()), list.id);
        save(*document);
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = squeezed(pdfText(*document));
        for (const QString &expected : {QStringLiteral("材料移交清单"), list.id,
                 QStringLiteral("温州市鹿城区卫生健康局"), QStringLiteral("原件、复印件"),
                 QStringLiteral("法定代表人身份证"), QStringLiteral("张*"), QStringLiteral("接收人（签字）")})
            QVERIFY2(text.contains(squeezed(expected)), qPrintable(expected));
    }

    void emptyTransferListIsRefused()
    {
        cases::TransferList list = sampleList();
        list.items.clear();
        QVERIFY(!TransferDocuments::list(list, context()));
        QVERIFY(!TransferDocuments::folderLabels(list, {}, context()));
    }

    void folderLabelsCarryTheCaseLink()
    {
        const cases::TransferList list = sampleList();
        const QHash<QString, QString> tokens {{accepted().number, accepted().qrToken}};
        Result<Document> document = TransferDocuments::folderLabels(list, tokens, context());
        QVERIFY2(document.has_value(), document ? "" : qPrintable(document.error().toString()));
        Result<QImage> page = DocumentRenderer::pageImage(*document, 0, 200);
        QVERIFY(page.has_value());
        const QStringList codes = scanQrs(*page);
        QCOMPARE(codes.size(), 2);
        // The first case has its QR link; the second, without a token, its number.
        QVERIFY(codes.contains(m_settings->caseLink(accepted().qrToken).toString()));
        QVERIFY(codes.contains(QStringLiteral("330302202603160700002")));
        save(*document);
    }

    void pickupSlipMasksTheCollector()
    {
        const cases::Collector collector {
            cases::Collector::Kind::Agent, QStringLiteral("王五"), QStringLiteral("11010519491231002X")};
        Result<Document> document = PickupDocuments::slip(accepted(), collector, context());
        QVERIFY2(document.has_value(), document ? "" : qPrintable(document.error().toString()));
        save(*document);
        Result<QImage> receipt = DocumentRenderer::receipt(*document);
        QVERIFY(receipt.has_value());
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = squeezed(pdfText(*document));
        QVERIFY2(text.contains(QStringLiteral("办理结果签收单")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("委托他人代领")));
        QVERIFY(text.contains(QStringLiteral("领取人（签字）")));
        QVERIFY(text.contains(QStringLiteral("王*")));
        QVERIFY(!text.contains(QStringLiteral("11010519491231002X")));
        QVERIFY(!text.contains(QStringLiteral("王五")));
    }

    void emsLabelNeedsTheWholeAddress()
    {
        cases::Case c = mailedCase();
        c.applicant.recipientDistrict.clear();
        c.applicant.recipientMobile.clear();
        Result<Document> refused = PickupDocuments::emsLabel(c, kTracking, context());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("district")),
            qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QStringLiteral("mobile")));
    }

    void emsLabelChecksTheTrackingNumber()
    {
        QVERIFY(!PickupDocuments::emsLabel(mailedCase(), QStringLiteral("EA123456784CN"), context()));
    }

    void emsLabelNamesSenderRecipientAndNumber()
    {
        Result<Document> document = PickupDocuments::emsLabel(mailedCase(), kTracking.toLower(), context());
        QVERIFY2(document.has_value(), document ? "" : qPrintable(document.error().toString()));
        Result<QImage> page = DocumentRenderer::pageImage(*document, 0, 200);
        QVERIFY(page.has_value());
        QCOMPARE(scanQrs(*page), QStringList {kTracking});
        save(*document);
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = squeezed(pdfText(*document));
        for (const QString &expected :
            {kTracking, QStringLiteral("浙江省温州市鹿城区"), QStringLiteral("五马街道示例路88号3幢1201室"),
                m_settings->hallName(), m_settings->text(u"hall", u"address"), QStringLiteral("325000")})
            QVERIFY2(text.contains(squeezed(expected)), qPrintable(expected));
        QVERIFY(!text.contains(QStringLiteral("13800138000")));
    }
};

QTEST_MAIN(TestTransferDocuments)
#include "tst_transferDocuments.moc"
