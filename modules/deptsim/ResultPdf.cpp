#include "deptsim/ResultPdf.h"

#include <QList>

namespace ow::deptsim {

using namespace Qt::StringLiterals;

namespace {

/// Text for the GB1 font: its UCS-2 code units as a hex string (UniGB-UCS2-H).
QByteArray chinese(const QString &text)
{
    QByteArray hex = "<";
    for (const QChar c : text)
        hex += QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
    return hex + '>';
}

/// Text for Helvetica: printable ASCII only, with the string's delimiters escaped.
QByteArray latin(const QString &text)
{
    QByteArray out = "(";
    for (const QChar c : text) {
        if (c == u'(' || c == u')' || c == u'\\')
            out += '\\';
        out += c.unicode() >= 0x20 && c.unicode() < 0x7f ? char(c.unicode()) : '?';
    }
    return out + ')';
}

QByteArray line(const QByteArray &font, int size, int y, const QByteArray &text)
{
    return "BT " + font + ' ' + QByteArray::number(size) + " Tf 72 " + QByteArray::number(y) + " Td " + text
        + " Tj ET\n";
}

} // namespace

QString ResultPdf::fileName(const QString &caseNumber)
{
    return u"准予许可决定书-%1.pdf"_s.arg(caseNumber);
}

QByteArray ResultPdf::make(const QString &caseNumber, const QString &matterName, const QDate &date)
{
    const QByteArray content = line("/F2", 26, 740, chinese(u"准予许可决定书"_s))
        + line("/F2", 12, 700, chinese(u"统一申报编码："_s)) + line("/F1", 12, 684, latin(caseNumber))
        + line("/F2", 12, 656, chinese(u"事项：%1"_s.arg(matterName.left(40))))
        + line("/F2", 12, 628, chinese(u"经审查，申请符合法定条件、标准，决定准予许可。"_s))
        + line("/F2", 12, 600, chinese(u"决定日期："_s))
        + line("/F1", 12, 584, latin(date.toString(Qt::ISODate)))
        + line("/F1", 9, 548,
            latin(
                u"Case %1 - simulated by onewindow-devsim department, not a real licence"_s.arg(caseNumber)));
    const QList<QByteArray> objects {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> "
        ">>"
        " /Contents 7 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        " /DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 8 0 R >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        "<< /Title " + chinese(u"\uFEFF准予许可决定书 %1"_s.arg(caseNumber))
            + " /Producer (onewindow-devsim) >>",
    };
    // The cross-reference table gives each object's byte offset: the file is built in order.
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : std::as_const(offsets))
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
        + " /Root 1 0 R /Info 9 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace ow::deptsim
