#include "sharing/SimulatedRegistry.h"

#include "core/CitizenId.h"
#include "core/CreditCode.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFont>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace ow::sharing {

namespace {

struct Company
{
    const char *code;
    const char *name;
    const char *representative;
    const char *address;
    const char *scope;
    const char *registered;
};

// Fictional demo companies registered in Lucheng district (codes valid under GB 32100 and GB 11714).
const Company kCompanies[] = {
    {"91330302681234565N", "温州市鹿城区瓯江印务有限公司", "陈建国", "浙江省温州市鹿城区五马街道解放街12号",
        "包装装潢印刷品、其他印刷品印刷；文具用品零售", "2015-06-18"},
    {"91330302578932146J", "温州市鹿城区南塘酒店管理有限公司", "林晓燕",
        "浙江省温州市鹿城区南汇街道南塘街88号", "住宿服务；餐饮服务；酒店管理", "2011-09-02"},
    {"91330302712345621G", "温州市鹿城区江心屿便民超市有限公司", "王海",
        "浙江省温州市鹿城区江滨街道望江路36号", "食品销售；日用百货销售；烟草制品零售", "2019-03-27"},
};

const char *const kWords[] = {"瓯越", "鹿城", "江心", "松台", "华盖", "南塘", "五马", "滨江"};
const char *const kTrades[] = {"商贸", "科技", "餐饮管理", "文化传媒", "建材", "服饰"};
const char *const kSurnames[] = {"陈", "林", "王", "张", "黄", "周", "吴", "郑"};
const char *const kGiven[] = {"建华", "晓明", "丽萍", "志强", "海燕", "国平", "文静", "雪芬"};

QString u(const char *text)
{
    return QString::fromUtf8(text);
}

/// A byte of the key's digest: made-up records are the same for the same key every time.
int pick(const QString &key, int index, int modulo)
{
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return static_cast<unsigned char>(digest.at(index % digest.size())) % modulo;
}

const Company *demoCompany(const QString &code)
{
    for (const Company &company : kCompanies)
        if (code == QLatin1StringView(company.code))
            return &company;
    return nullptr;
}

QString personName(const QString &idNumber)
{
    return u(kSurnames[pick(idNumber, 0, 8)]) + u(kGiven[pick(idNumber, 1, 8)]);
}

/// Draws lines of text in a bordered certificate, on whatever the painter paints (PDF or image).
void drawCertificate(QPainter &painter, const QRect &page, const QString &title,
    const QList<QPair<QString, QString>> &rows, const QString &authority, const QString &footer)
{
    painter.fillRect(page, QColor(0xfd, 0xfb, 0xf4));
    const int margin = page.width() / 20;
    const QRect frame = page.adjusted(margin, margin, -margin, -margin);
    painter.setPen(QPen(QColor(0xb0, 0x3a, 0x2e), page.width() / 200.0));
    painter.drawRect(frame);
    QFont font(QStringLiteral("Noto Serif CJK SC"));
    font.setPixelSize(page.width() / 14);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    const int titleHeight = page.height() / 7;
    painter.drawText(
        QRect(frame.left(), frame.top() + margin, frame.width(), titleHeight), Qt::AlignCenter, title);
    font.setBold(false);
    font.setPixelSize(page.width() / 38);
    painter.setFont(font);
    const int rowHeight = page.height() / 16;
    const int labelWidth = frame.width() / 4;
    int y = frame.top() + margin + titleHeight + margin / 2;
    for (const auto &[label, value] : rows) {
        const QRect labelBox(frame.left() + margin, y, labelWidth, rowHeight);
        const QRect valueBox(
            labelBox.right() + margin / 2, y, frame.right() - labelBox.right() - margin * 2, rowHeight);
        painter.drawText(labelBox, Qt::AlignLeft | Qt::AlignVCenter, label);
        painter.drawText(valueBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, value);
        y += rowHeight;
    }
    painter.drawText(QRect(frame.left(), frame.bottom() - rowHeight * 3, frame.width() - margin, rowHeight),
        Qt::AlignRight | Qt::AlignVCenter, authority);
    painter.setPen(QColor(0x77, 0x77, 0x77));
    painter.drawText(QRect(frame.left(), frame.bottom() - rowHeight * 2, frame.width() - margin, rowHeight),
        Qt::AlignRight | Qt::AlignVCenter, footer);
    // The seal.
    const int seal = page.width() / 6;
    painter.setPen(QPen(QColor(0xd0, 0x20, 0x20, 200), page.width() / 160.0));
    painter.drawEllipse(
        QRect(frame.right() - seal - margin * 2, frame.bottom() - rowHeight * 3 - seal / 2, seal, seal));
}

/// A company as the licence shows it.
struct Licence
{
    QString code;
    QString name;
    QString representative;
    QString address;
    QString scope;
    QString registered;
};

QByteArray licencePdf(const Licence &company, const QString &authority)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(96);
    writer.setTitle(u("营业执照（电子副本）"));
    writer.setCreator(QStringLiteral("onewindow-devsim sharing"));
    QPainter painter(&writer);
    const QRect page(QPoint(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());
    drawCertificate(painter, page, u("营 业 执 照"),
        {{u("统一社会信用代码"), company.code}, {u("名称"), company.name},
            {u("类型"), u("有限责任公司（自然人投资或控股）")}, {u("法定代表人"), company.representative},
            {u("经营范围"), company.scope}, {u("成立日期"), company.registered},
            {u("住所"), company.address}},
        u("登记机关：") + authority, u("本件由公共数据共享平台提供，仅供办理政务服务事项使用（模拟数据）"));
    painter.end();
    return bytes;
}

QByteArray certificatePng(
    const QString &title, const QList<QPair<QString, QString>> &rows, const QString &authority)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    drawCertificate(painter, image.rect(), title, rows, authority,
        u("本件由公共数据共享平台提供，仅供办理政务服务事项使用（模拟数据）"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

QStringList SimulatedRegistry::materials()
{
    return {QStringLiteral("business-licence"), QStringLiteral("household-register"),
        QStringLiteral("marriage-cert")};
}

QString SimulatedRegistry::companyName(const QString &creditCode)
{
    if (const Company *company = demoCompany(creditCode))
        return u(company->name);
    return u("温州市鹿城区") + u(kWords[pick(creditCode, 2, 8)]) + u(kTrades[pick(creditCode, 3, 6)])
        + u("有限公司");
}

std::optional<SimulatedRegistry::Issued> SimulatedRegistry::issue(
    const QString &materialId, const SharedKey &key)
{
    if (materialId == QLatin1StringView("business-licence")) {
        if (key.kind != SharedKey::Kind::CreditCode || !CreditCode::parse(key.value))
            return std::nullopt;
        const QString code = CreditCode::parse(key.value)->code();
        const Company *known = demoCompany(code);
        const Licence licence = known
            ? Licence {code, u(known->name), u(known->representative), u(known->address), u(known->scope),
                u(known->registered)}
            : Licence {code, companyName(code), personName(code), u("浙江省温州市鹿城区人民路100号"),
                u("日用百货销售；信息咨询服务"), QStringLiteral("2020-01-08")};
        const QString authority = u("温州市鹿城区市场监督管理局");
        return Issued {
            authority, u("营业执照-") + code + QStringLiteral(".pdf"), licencePdf(licence, authority)};
    }
    const bool person = key.kind == SharedKey::Kind::IdNumber && CitizenId::parse(key.value);
    if (!person)
        return std::nullopt;
    const QString number = CitizenId::parse(key.value)->number();
    const QString name = personName(number);
    if (materialId == QLatin1StringView("household-register")) {
        const QString authority = u("温州市公安局鹿城区分局");
        return Issued {authority, u("居民户口簿-") + number.right(4) + QStringLiteral(".png"),
            certificatePng(u("常住人口登记卡"),
                {{u("姓名"), name}, {u("户主或与户主关系"), u("户主")}, {u("公民身份号码"), number},
                    {u("住址"), u("浙江省温州市鹿城区五马街道公园路8号")}},
                u("户口登记机关：") + authority)};
    }
    if (materialId == QLatin1StringView("marriage-cert")) {
        const QString authority = u("温州市鹿城区民政局");
        return Issued {authority, u("结婚证-") + number.right(4) + QStringLiteral(".png"),
            certificatePng(u("结 婚 证"),
                {{u("持证人"), name}, {u("身份证件号"), number}, {u("登记日期"), u("2016年10月08日")},
                    {u("配偶"), personName(number + QLatin1Char('M'))}},
                u("婚姻登记机关：") + authority)};
    }
    return std::nullopt;
}

} // namespace ow::sharing
