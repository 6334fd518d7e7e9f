#include "cases/CaseNumber.h"
#include "cases/CaseStore.h"
#include "cli/CliApplication.h"
#include "documents/CaseDocuments.h"
#include "documents/ChecklistSheet.h"
#include "documents/DocumentRenderer.h"
#include "documents/DocumentSamples.h"
#include "documents/HallSettings.h"
#include "documents/IniFile.h"
#include "documents/MaterialRow.h"
#include "documents/PickupDocuments.h"
#include "documents/QrCode.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
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

/// What a scanner reads from an image: the text of the first QR code, or nothing.
std::optional<QString> scanQr(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

QString ecLevelOf(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    return QString::fromStdString(ZXing::ReadBarcode(view).ecLevel());
}

/// Whitespace removed: Chinese has none, and pdftotext breaks lines where the layout wrapped.
QString squeezed(const QString &text)
{
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("\\s")));
    return out;
}

} // namespace

/// Printed documents: settings, QR codes, layout on A4 and receipts, PDF text, the case documents.
class TestDocuments : public QObject
{
    Q_OBJECT

    std::optional<DocumentSamples> m_samples;
    std::optional<HallSettings> m_settings;
    QTemporaryDir m_dir;
    QString m_storedNumber;

    DocumentContext context() const { return DocumentSamples::context(*m_settings); }

    Document sample(DocumentKind kind) const
    {
        Result<Document> document = m_samples->document(kind, context());
        if (!document)
            qFatal("sample %s: %s", qPrintable(keyword(kind)), qPrintable(document.error().toString()));
        return *document;
    }

    /// The text pdftotext extracts from pages first..last (0 = to the end); null when it is missing.
    QString pdfText(const QByteArray &pdf, int first = 1, int last = 0)
    {
        const QString path = m_dir.filePath(QStringLiteral("extract.pdf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return {};
        file.close();
        QStringList arguments {
            QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("-f"), QString::number(first)};
        if (last > 0)
            arguments << QStringLiteral("-l") << QString::number(last);
        arguments << path << QStringLiteral("-");
        QProcess process;
        process.start(QStringLiteral("pdftotext"), arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    static bool havePdfToText()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
    }

    static QString deadlineText() { return QStringLiteral("2026年3月25日"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<DocumentSamples> samples = DocumentSamples::make(kDemo);
        QVERIFY2(samples.has_value(), samples ? "" : qPrintable(samples.error().toString()));
        m_samples = *samples;
        Result<HallSettings> settings = HallSettings::builtIn();
        QVERIFY2(settings.has_value(), settings ? "" : qPrintable(settings.error().toString()));
        m_settings = *settings;
    }

    // --- settings ---------------------------------------------------------------------------

    void builtInSettingsNameTheHall()
    {
        QCOMPARE(m_settings->hallName(), QStringLiteral("鹿城区行政服务中心"));
        QCOMPARE(m_settings->complaintLine(), QStringLiteral("12345"));
        QVERIFY(m_settings->contains(u"refusal", u"rights"));
        QCOMPARE(m_settings->text(u"hall", u"no-such-key"), QStringLiteral("⟦hall.no-such-key⟧"));
    }

    void hallFileOverridesDefaults()
    {
        const QString path = m_dir.filePath(QStringLiteral("hall.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# our hall\n[hall]\nname = 瓯海区行政服务中心\npublic-base-url = "
                   "https://zwfw.example.org/ouhai/\n"
                   "[receipt]\nkeep = 请妥善保管, 遗失不补。\n");
        file.close();
        Result<HallSettings> settings = HallSettings::load(path);
        QVERIFY2(settings.has_value(), settings ? "" : qPrintable(settings.error().toString()));
        QCOMPARE(settings->hallName(), QStringLiteral("瓯海区行政服务中心"));
        QCOMPARE(settings->text(u"receipt", u"keep"), QStringLiteral("请妥善保管, 遗失不补。"));
        QCOMPARE(settings->complaintLine(), QStringLiteral("12345")); // kept from the defaults
        QCOMPARE(settings->caseLink(QStringLiteral("abc")).toString(),
            QStringLiteral("https://zwfw.example.org/ouhai/s/abc"));
    }

    void hallFileMistakesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::newRow("unknown key") << QByteArray("[hall]\nname = x\nnmae = y\n") << 3;
        QTest::newRow("unknown section") << QByteArray("\n[hal]\nname = x\n") << 3;
        QTest::newRow("no section") << QByteArray("name = x\n") << 1;
        QTest::newRow("no equals") << QByteArray("[hall]\n\nname x\n") << 3;
        QTest::newRow("duplicate") << QByteArray("[hall]\nname = x\nname = y\n") << 3;
        QTest::newRow("relative url") << QByteArray("[hall]\npublic-base-url = hall.example.org\n") << 2;
        QTest::newRow("url with query")
            << QByteArray("[hall]\npublic-base-url = https://a.example.org/?x=1\n") << 2;
    }
    void hallFileMistakesNameTheLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        const QString path = m_dir.filePath(QStringLiteral("bad.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        Result<HallSettings> settings = HallSettings::load(path);
        QVERIFY(!settings.has_value());
        QCOMPARE(settings.error().where().line, line);
    }

    void iniKeepsCommasAndReadsLineBreaks()
    {
        Result<QList<IniFile::Entry>> entries
            = IniFile::parse(QStringLiteral("[a]\nk = x, y;z\\n2\n; c\n"), {});
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().value, QStringLiteral("x, y;z\n2"));
    }

    // --- QR codes ---------------------------------------------------------------------------

    void qrCodeRoundTripsAtLevelM()
    {
        const QString link = QStringLiteral("https://hall.example.org/s/lucheng2demo2case2token2aq");
        Result<QrCode> code = QrCode::encode(link);
        QVERIFY(code.has_value());
        QVERIFY(code->size() >= 21);
        QImage image(code->sizeWithQuietZone() * 4, code->sizeWithQuietZone() * 4, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        code->draw(painter, QRectF(image.rect()));
        painter.end();
        QCOMPARE(scanQr(image), std::optional<QString>(link));
        QCOMPARE(ecLevelOf(image), QStringLiteral("M"));
        // Crisp modules: no grey pixels, only black and white.
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        for (int y = 0; y < grey.height(); ++y)
            for (int x = 0; x < grey.width(); ++x)
                QVERIFY(grey.pixelColor(x, y).value() == 0 || grey.pixelColor(x, y).value() == 255);
    }

    void qrCodeRefusesTextTooLong()
    {
        Result<QrCode> code = QrCode::encode(QString(8000, QLatin1Char('x')));
        QVERIFY(!code.has_value());
    }

    // --- the documents as PDF -----------------------------------------------------------------

    void everyDocumentRendersToPdf_data()
    {
        QTest::addColumn<DocumentKind>("kind");
        for (DocumentKind kind : kDocumentKinds)
            QTest::newRow(qPrintable(keyword(kind))) << kind;
    }
    void everyDocumentRendersToPdf()
    {
        QFETCH(DocumentKind, kind);
        Result<QByteArray> pdf = DocumentRenderer::pdf(sample(kind));
        QVERIFY2(pdf.has_value(), pdf ? "" : qPrintable(pdf.error().toString()));
        QVERIFY(pdf->startsWith("%PDF-"));
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString raw = pdfText(*pdf);
        QVERIFY2(!raw.isEmpty(), "pdftotext could not read the PDF");
        const QString text = squeezed(raw);
        QVERIFY2(text.contains(QStringLiteral("公共场所卫生许可（新发证）")), qPrintable(raw.left(400)));
        QVERIFY2(!text.contains(QStringLiteral("⟦")), "a wording key is missing from the settings");
        // Kangxi radicals would mean the ToUnicode maps were not repaired: “卫⽣” is not searchable.
        QVERIFY(!text.contains(QRegularExpression(QStringLiteral("[\\x{2E80}-\\x{2FDF}]"))));
        const QString number = m_samples->caseFor(kind).number;
        const QString display = cases::CaseNumber::parse(number)->toDisplayString();
        if (kind == DocumentKind::Checklist) {
            QVERIFY(!text.contains(display)); // printed before the case exists
            // Table cells wrap and pdftotext interleaves neighbouring cells, so the exact marks are
            // checked in the table itself and only their start in the PDF.
            QStringList notes;
            bool sharedRowSeen = false;
            for (const Document::Entry &entry : sample(kind).entries)
                if (const auto *table = std::get_if<TableBlock>(&entry.block))
                    for (const QList<TableCell> &row : table->rows) {
                        notes.append(row.last().text);
                        // A data-shared material (the business licence) asks for no paper: its
                        // form says so and it has no copies or medium, not "复印件 1 纸质".
                        if (row.at(1).text != QStringLiteral("营业执照"))
                            continue;
                        sharedRowSeen = true;
                        QCOMPARE(row.at(2).text, QStringLiteral("免提交（数据共享，窗口调取）"));
                        QCOMPARE(row.at(3).text, QString());
                        QCOMPARE(row.at(4).text, QString());
                    }
            QVERIFY(sharedRowSeen);
            QVERIFY(notes.contains(QStringLiteral("可容缺")));
            QVERIFY(text.contains(QStringLiteral("免提交")));
            QVERIFY(text.contains(QStringLiteral("可容缺")));
            return;
        }
        QVERIFY2(text.contains(display), qPrintable(display));
        QVERIFY(text.contains(QStringLiteral("张三")));
        QVERIFY(text.contains(QStringLiteral("1101**********002X")));
        QVERIFY(!text.contains(QStringLiteral("11010519491231002X")));
        QVERIFY(text.contains(QStringLiteral("138****5678")));
        if (kind == DocumentKind::AcceptanceReceipt || kind == DocumentKind::WaiverNotice)
            QVERIFY2(text.contains(deadlineText()), qPrintable(raw));
    }

    void receiptStatesTermsAndMaterials()
    {
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text
            = squeezed(pdfText(*DocumentRenderer::pdf(sample(DocumentKind::AcceptanceReceipt))));
        QVERIFY(text.contains(QStringLiteral("承诺办结时限为7个工作日，将于2026年3月25日前作出决定")));
        QVERIFY(text.contains(QStringLiteral("公共场所卫生许可证申请表")));
        QVERIFY(text.contains(QStringLiteral("数据共享获取"))); // the business licence
        QVERIFY(text.contains(QStringLiteral("免提交"))); // its form: nothing was handed in
        QVERIFY(text.contains(QStringLiteral("综合受理7号窗口")));
        QVERIFY(text.contains(QStringLiteral("鹿城区卫生健康局")));
    }

    void waiverNoticeListsWhatToSupplyAndWhen()
    {
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = squeezed(pdfText(*DocumentRenderer::pdf(sample(DocumentKind::WaiverNotice))));
        QVERIFY(text.contains(QStringLiteral("公共场所卫生检测报告")));
        QVERIFY(text.contains(QStringLiteral("集中空调通风系统卫生检测报告")));
        QVERIFY(text.contains(QStringLiteral("2026年3月23日"))); // five working days after 16 March
        QVERIFY(text.contains(QStringLiteral("逾期未补齐的，视为撤回申请")));
    }

    void correctionNoticeTellsEveryProblemOnce()
    {
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text
            = squeezed(pdfText(*DocumentRenderer::pdf(sample(DocumentKind::CorrectionNotice))));
        QVERIFY(text.contains(QStringLiteral("第三十二条第一款第（四）项")));
        QVERIFY(text.contains(QStringLiteral("未提交")));
        QVERIFY(text.contains(QStringLiteral("请提交原件1份"))); // the missing plans
        QVERIFY(text.contains(QStringLiteral("布草洗涤委托合同已于2025年12月31日到期")));
        QVERIFY(text.contains(QStringLiteral("合同在有效期内"))); // the review point it failed
        QVERIFY(text.contains(QStringLiteral("未加盖单位公章")));
        QVERIFY(text.contains(QStringLiteral("申请表所填联系电话无法接通")));
    }

    void refusalNoticeStatesReasonsAndRights()
    {
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString text = squeezed(pdfText(*DocumentRenderer::pdf(sample(DocumentKind::RefusalNotice))));
        QVERIFY(text.contains(QStringLiteral("不属于鹿城区卫生健康局的管辖范围")));
        QVERIFY(text.contains(QStringLiteral("第三十二条第一款第（二）项")));
        QVERIFY(text.contains(QStringLiteral("请向温州市瓯海区卫生健康局提出申请")));
        QVERIFY(text.contains(QStringLiteral("六十日内向温州市鹿城区人民政府申请行政复议")));
        QVERIFY(text.contains(QStringLiteral("六个月内依法向温州市鹿城区人民法院提起行政诉讼")));
        QVERIFY(text.contains(QStringLiteral("《中华人民共和国行政复议法》第二十条")));
        QVERIFY(text.contains(QStringLiteral("《中华人民共和国行政诉讼法》第四十六条")));
    }

    void longChecklistFlowsOntoSecondPage()
    {
        ChecklistSubject subject
            = ChecklistSubject::fromCase(m_samples->caseFor(DocumentKind::AcceptanceReceipt));
        const QList<MaterialRow> base = subject.materials;
        for (int i = 0; i < 3; ++i)
            subject.materials += base;
        subject.materials.last().name = QStringLiteral("最后一项材料");
        const Document document = ChecklistSheet::build(subject, context());
        Result<int> pages = DocumentRenderer::pageCount(document);
        QVERIFY(pages.has_value());
        QVERIFY2(*pages >= 2, qPrintable(QString::number(*pages)));
        Result<QByteArray> pdf = DocumentRenderer::pdf(document);
        QVERIFY(pdf.has_value());
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString first = squeezed(pdfText(*pdf, 1, 1));
        const QString last = squeezed(pdfText(*pdf, *pages, *pages));
        QVERIFY(!first.contains(QStringLiteral("最后一项材料")));
        QVERIFY(last.contains(QStringLiteral("最后一项材料")));
        QVERIFY(last.contains(QStringLiteral("材料名称及要求"))); // the table header repeats
        QVERIFY(last.contains(QStringLiteral("申请材料清单（续）")));
        QVERIFY(last.contains(QStringLiteral("第%1页共%1页").arg(*pages)));
    }

    // --- QR codes on the page and on the receipt --------------------------------------------

    void pageQrCodeScansToCaseLink_data()
    {
        QTest::addColumn<DocumentKind>("kind");
        for (DocumentKind kind : kDocumentKinds)
            if (kind != DocumentKind::Checklist)
                QTest::newRow(qPrintable(keyword(kind))) << kind;
    }
    void pageQrCodeScansToCaseLink()
    {
        QFETCH(DocumentKind, kind);
        const Document document = sample(kind);
        const QString link
            = QStringLiteral("https://hall.example.org/s/") + QString(DocumentSamples::kQrToken);
        QCOMPARE(document.caseLink.toString(), link);
        Result<int> pages = DocumentRenderer::pageCount(document);
        QVERIFY(pages.has_value());
        std::optional<QString> found;
        for (int page = 0; page < *pages && !found; ++page) {
            Result<QImage> image = DocumentRenderer::pageImage(document, page, 200);
            QVERIFY(image.has_value());
            QCOMPARE(image->width(), qRound(210 / 25.4 * 200));
            found = scanQr(*image);
        }
        QCOMPARE(found, std::optional<QString>(link));
    }

    void receiptRasterIsMonochromeWithQr_data()
    {
        QTest::addColumn<DocumentKind>("kind");
        QTest::addColumn<ReceiptWidth>("width");
        QTest::addColumn<int>("dots");
        for (DocumentKind kind : kDocumentKinds) {
            if (kind == DocumentKind::Checklist)
                continue;
            QTest::newRow(qPrintable(keyword(kind) + QStringLiteral("-80mm")))
                << kind << ReceiptWidth::Paper80mm << 576;
            QTest::newRow(qPrintable(keyword(kind) + QStringLiteral("-58mm")))
                << kind << ReceiptWidth::Paper58mm << 384;
        }
    }
    void receiptRasterIsMonochromeWithQr()
    {
        QFETCH(DocumentKind, kind);
        QFETCH(ReceiptWidth, width);
        QFETCH(int, dots);
        Result<QImage> receipt = DocumentRenderer::receipt(sample(kind), width);
        QVERIFY2(receipt.has_value(), receipt ? "" : qPrintable(receipt.error().toString()));
        QCOMPARE(receipt->width(), dots);
        QCOMPARE(receipt->format(), QImage::Format_Mono);
        QVERIFY(receipt->height() > 400);
        QCOMPARE(scanQr(*receipt),
            std::optional<QString>(
                QStringLiteral("https://hall.example.org/s/") + QString(DocumentSamples::kQrToken)));
    }

    void checklistBeforeACaseHasNoQr()
    {
        const Document document = sample(DocumentKind::Checklist);
        QVERIFY(document.caseLink.isEmpty());
        Result<int> pages = DocumentRenderer::pageCount(document);
        QVERIFY(pages.has_value());
        for (int page = 0; page < *pages; ++page)
            QVERIFY(!scanQr(*DocumentRenderer::pageImage(document, page, 200)).has_value());
        QVERIFY(!scanQr(*DocumentRenderer::receipt(document)).has_value());
    }

    // --- what a document refuses to say -------------------------------------------------------

    void documentsRefuseWhatTheyCannotState()
    {
        const DocumentContext ctx = context();
        cases::Case accepted = m_samples->caseFor(DocumentKind::AcceptanceReceipt);
        QVERIFY(!CaseDocuments::waiverNotice(accepted, ctx).has_value()); // nothing waived
        QVERIFY(!CaseDocuments::correctionNotice(accepted, {}, ctx).has_value()); // nothing to correct
        QVERIFY(CaseDocuments::correctionNotice(accepted, {QStringLiteral("补充说明")}, ctx).has_value());
        QVERIFY(!CaseDocuments::refusalNotice(accepted, DecisionDetails {}, ctx).has_value()); // no reasons
        DecisionDetails notCompetent;
        notCompetent.reasons = {QStringLiteral("理由")};
        notCompetent.ground = DecisionDetails::Ground::NotCompetent;
        QVERIFY(!CaseDocuments::refusalNotice(accepted, notCompetent, ctx).has_value()); // to whom?
        accepted.promisedDeadline = QDate();
        QVERIFY(!CaseDocuments::acceptanceReceipt(accepted, ctx).has_value());
        accepted.caseType = catalogue::MatterKind::Immediate;
        QVERIFY(CaseDocuments::acceptanceReceipt(accepted, ctx).has_value());
    }

    void decisionDetailsReadThePayload()
    {
        const DecisionDetails details = DecisionDetails::fromPayload(QJsonObject {
            {QStringLiteral("reasons"), QStringLiteral("不属于本机关职权")},
            {QStringLiteral("items"),
                QJsonArray {QStringLiteral("一"), QStringLiteral(" "), QStringLiteral("二")}},
            {QStringLiteral("ground"), QStringLiteral("not-competent")},
            {QStringLiteral("referTo"), QStringLiteral("瓯海区卫生健康局")},
        });
        QCOMPARE(details.reasons, QStringList {QStringLiteral("不属于本机关职权")});
        QCOMPARE(details.items, (QStringList {QStringLiteral("一"), QStringLiteral("二")}));
        QCOMPARE(details.ground, DecisionDetails::Ground::NotCompetent);
        QCOMPARE(details.competentAuthority, QStringLiteral("瓯海区卫生健康局"));
    }

    void printingOnAnUnknownPrinterFails()
    {
        Result<void> printed = DocumentRenderer::print(
            sample(DocumentKind::AcceptanceReceipt), QStringLiteral("no-such-printer-7f3a"));
        QVERIFY(!printed.has_value());
        QCOMPARE(printed.error().code(), Error::Code::NotFound);
    }

    // --- the command line ----------------------------------------------------------------------

    void sampleCommandWritesEveryDocument()
    {
        const QString out = m_dir.filePath(QStringLiteral("samples"));
        QString stdOut;
        QString stdErr;
        int exitCode = -1;
        {
            cli::Console console(&stdOut, &stdErr);
            exitCode = cli::CliApplication().run(
                {QStringLiteral("onewindow-cli"), QStringLiteral("document"), QStringLiteral("sample"),
                    QStringLiteral("--out"), out, QStringLiteral("--catalogue"), kDemo},
                console);
        }
        QVERIFY2(exitCode == 0, qPrintable(stdErr));
        for (DocumentKind kind : kDocumentKinds) {
            QFile pdf(QDir(out).filePath(keyword(kind) + QStringLiteral(".pdf")));
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");
            const QImage receipt(QDir(out).filePath(keyword(kind) + QStringLiteral("-receipt.png")));
            QCOMPARE(receipt.width(), 576);
        }
    }

    void renderCommandPrintsAStoredCase()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        {
            Result<std::unique_ptr<cases::CaseStore>> store = cases::CaseStore::open(
                data.path(), cases::Workstation {QStringLiteral("33030201"), QStringLiteral("W07"), 7});
            QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().toString()));
            cases::Case draft = m_samples->caseFor(DocumentKind::AcceptanceReceipt);
            draft.number.clear();
            draft.qrToken.clear();
            draft.state = cases::CaseState::Draft;
            Result<cases::Case> created = (*store)->createDraft(draft, QStringLiteral("lisi"));
            QVERIFY2(created.has_value(), created ? "" : qPrintable(created.error().toString()));
            cases::Case accepted = *created;
            accepted.materialChecks = draft.materialChecks;
            accepted.promisedDeadline = draft.promisedDeadline;
            cases::CaseEvent event;
            event.kind = cases::EventKind::Accepted;
            event.clerk = QStringLiteral("lisi");
            event.counter = QStringLiteral("W07");
            Result<cases::CaseEvent> saved = (*store)->save(accepted, event);
            QVERIFY2(saved.has_value(), saved ? "" : qPrintable(saved.error().toString()));
            m_storedNumber = accepted.number;
        }
        const auto render = [&](const QString &kind, const QString &file, QString *err) {
            QString out;
            cli::Console console(&out, err);
            return cli::CliApplication().run(
                {QStringLiteral("onewindow-cli"), QStringLiteral("document"), QStringLiteral("render"),
                    QStringLiteral("--case"), m_storedNumber, QStringLiteral("--kind"), kind,
                    QStringLiteral("--data-dir"), data.path(), QStringLiteral("--out"), m_dir.filePath(file)},
                console);
        };
        QString err;
        QCOMPARE(render(QStringLiteral("receipt"), QStringLiteral("stored.pdf"), &err), 0);
        QCOMPARE(render(QStringLiteral("receipt"), QStringLiteral("stored.png"), &err), 0);
        QCOMPARE(QImage(m_dir.filePath(QStringLiteral("stored.png"))).width(), 576);
        QCOMPARE(render(QStringLiteral("refusal"), QStringLiteral("refused.pdf"), &err), 1); // never refused
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused.pdf"))));
        QCOMPARE(render(QStringLiteral("nonsense"), QStringLiteral("x.pdf"), &err), 2);
        if (!havePdfToText())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QFile pdf(m_dir.filePath(QStringLiteral("stored.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QString text = squeezed(pdfText(pdf.readAll()));
        QVERIFY(text.contains(cases::CaseNumber::parse(m_storedNumber)->toDisplayString()));
        QVERIFY(text.contains(deadlineText()));
    }

    // --- screenshots for the docs ----------------------------------------------------------

    void bundleMaterialsSayWhichMatterTheyServe()
    {
        // A bundle's case: the ID card serves both matters, each form one of them.
        cases::Case c = m_samples->caseFor(DocumentKind::AcceptanceReceipt);
        QJsonArray lines = c.checklist;
        QVERIFY(lines.size() >= 2);
        const QString both = QStringLiteral("设立登记、食品经营许可");
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QJsonObject line = lines.at(i).toObject();
            line.insert(QStringLiteral("matterNames"),
                i == 0 ? QJsonArray {QStringLiteral("设立登记"), QStringLiteral("食品经营许可")}
                       : QJsonArray {QStringLiteral("食品经营许可")});
            lines.replace(i, line);
        }
        c.checklist = lines;
        QCOMPARE(
            MaterialRow::fromSnapshot(c.checklist).constFirst().matters.join(QStringLiteral("、")), both);
        const auto servesLines = [](const Document &document) {
            QStringList found;
            for (const Document::Entry &entry : document.entries)
                if (const auto *table = std::get_if<TableBlock>(&entry.block))
                    for (const QList<TableCell> &row : table->rows)
                        for (const TableCell &cell : row)
                            for (const QString &detail : cell.details)
                                if (detail.startsWith(QStringLiteral("用于：")))
                                    found.append(detail);
            return found;
        };
        Result<Document> receipt = CaseDocuments::acceptanceReceipt(c, context());
        QVERIFY2(receipt.has_value(), receipt ? "" : qPrintable(receipt.error().toString()));
        QVERIFY2(servesLines(*receipt).contains(QStringLiteral("用于：") + both),
            qPrintable(servesLines(*receipt).join(QLatin1Char('|'))));
        QVERIFY(servesLines(*receipt).contains(QStringLiteral("用于：食品经营许可")));
        // One matter only: nothing to say.
        const cases::Case single = m_samples->caseFor(DocumentKind::AcceptanceReceipt);
        QVERIFY(servesLines(*CaseDocuments::acceptanceReceipt(single, context())).isEmpty());

        // The correction notice of a bundle names them under each material to correct too.
        cases::Case correction = m_samples->caseFor(DocumentKind::CorrectionNotice);
        QJsonArray correctionLines = correction.checklist;
        for (qsizetype i = 0; i < correctionLines.size(); ++i) {
            QJsonObject line = correctionLines.at(i).toObject();
            line.insert(QStringLiteral("matterNames"),
                i % 2 == 0 ? QJsonArray {QStringLiteral("设立登记"), QStringLiteral("食品经营许可")}
                           : QJsonArray {QStringLiteral("食品经营许可")});
            correctionLines.replace(i, line);
        }
        correction.checklist = correctionLines;
        Result<Document> notice = CaseDocuments::correctionNotice(correction, {}, context());
        QVERIFY2(notice.has_value(), notice ? "" : qPrintable(notice.error().toString()));
        QVERIFY2(!servesLines(*notice).isEmpty(), "the correction notice names no matter");
        for (const QString &line : servesLines(*notice))
            QVERIFY2(line == QStringLiteral("用于：") + both || line == QStringLiteral("用于：食品经营许可"),
                qPrintable(line));
        QVERIFY(servesLines(*CaseDocuments::correctionNotice(
                                m_samples->caseFor(DocumentKind::CorrectionNotice), {}, context()))
                    .isEmpty());
    }

    void pickupSlipListsReturnedOriginalsWithTheirMatters()
    {
        // A bundle's case: the first material was handed in "verify the original, keep a copy",
        // so its original goes back with the result; the second (an original) stays in the file.
        cases::Case c = m_samples->caseFor(DocumentKind::AcceptanceReceipt);
        QJsonArray lines = c.checklist;
        QVERIFY(lines.size() >= 2);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QJsonObject line = lines.at(i).toObject();
            line.insert(QStringLiteral("form"),
                i == 0 ? QStringLiteral("verify-original-keep-copy") : QStringLiteral("original"));
            line.insert(QStringLiteral("matterNames"),
                i == 0 ? QJsonArray {QStringLiteral("设立登记"), QStringLiteral("食品经营许可")}
                       : QJsonArray {QStringLiteral("食品经营许可")});
            lines.replace(i, line);
        }
        c.checklist = lines;
        const QList<MaterialRow> rows = MaterialRow::fromSnapshot(c.checklist);
        c.materialChecks.clear();
        for (const MaterialRow &row : rows) {
            cases::MaterialCheck check;
            check.materialId = row.materialId;
            check.status = cases::MaterialCheck::Status::Received;
            check.originalSeen = true;
            c.materialChecks.append(check);
        }

        const QList<TableCell> returned = PickupDocuments::returnedOriginals(c, context());
        QCOMPARE(returned.size(), 1);
        QCOMPARE(returned.constFirst().text, rows.constFirst().name);
        QCOMPARE(returned.constFirst().details, QStringList {QStringLiteral("用于：设立登记、食品经营许可")});

        const cases::Collector collector {
            cases::Collector::Kind::Applicant, c.applicant.name, c.applicant.idNumber};
        Result<Document> slip = PickupDocuments::slip(c, collector, context());
        QVERIFY2(slip.has_value(), slip ? "" : qPrintable(slip.error().toString()));
        bool listed = false;
        for (const Document::Entry &entry : slip->entries)
            if (const auto *table = std::get_if<TableBlock>(&entry.block))
                for (const QList<TableCell> &row : table->rows)
                    listed = listed
                        || (row.value(1).text == rows.constFirst().name
                            && row.value(1).details.contains(QStringLiteral("用于：设立登记、食品经营许可")));
        QVERIFY2(listed, "the slip does not list the returned original with its matters");

        // An original the clerk did not see is not handed back; one matter says no matter.
        c.materialChecks.first().originalSeen = false;
        QVERIFY(PickupDocuments::returnedOriginals(c, context()).isEmpty());
        c.materialChecks.first().originalSeen = true;
        QJsonObject single = lines.at(0).toObject();
        single.insert(QStringLiteral("matterNames"), QJsonArray {QStringLiteral("食品经营许可")});
        lines.replace(0, single);
        c.checklist = lines;
        QCOMPARE(PickupDocuments::returnedOriginals(c, context()).constFirst().details, QStringList());
    }

    void screenshots()
    {
        const QString directory = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
        if (directory.isEmpty())
            QSKIP("OW_SCREENSHOTS_DIR is not set");
        QVERIFY(QDir().mkpath(directory));
        for (DocumentKind kind : kDocumentKinds) {
            const Document document = sample(kind);
            Result<QImage> page = DocumentRenderer::pageImage(document, 0, 110);
            QVERIFY(page.has_value());
            QVERIFY(page->convertToFormat(QImage::Format_Grayscale8)
                        .save(QDir(directory).filePath(keyword(kind) + QStringLiteral(".png"))));
            Result<QImage> receipt = DocumentRenderer::receipt(document);
            QVERIFY(receipt.has_value());
            QVERIFY(receipt->save(QDir(directory).filePath(keyword(kind) + QStringLiteral("-receipt.png"))));
        }
    }
};

QTEST_MAIN(TestDocuments)
#include "tst_documents.moc"
