#include "cases/TransferList.h"

#include <QRegularExpression>

namespace ow::cases {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

const QLatin1StringView kScanPrefix("OWTL:");

} // namespace

QJsonObject TransferMaterial::toJson() const
{
    return QJsonObject {{str("id"), materialId}, {str("name"), name}, {str("original"), original},
        {str("copy"), copy}, {str("copies"), copies}, {str("pages"), pages}};
}

TransferMaterial TransferMaterial::fromJson(const QJsonObject &o)
{
    TransferMaterial m;
    m.materialId = o.value(str("id")).toString();
    m.name = o.value(str("name")).toString();
    m.original = o.value(str("original")).toBool();
    m.copy = o.value(str("copy")).toBool();
    m.copies = std::max(0, o.value(str("copies")).toInt());
    m.pages = std::max(0, o.value(str("pages")).toInt());
    return m;
}

QList<TransferMaterial> TransferMaterial::ofCase(const Case &c)
{
    QList<TransferMaterial> materials;
    for (const QJsonValue &value : c.checklist) {
        const QJsonObject line = value.toObject();
        const QString id = line.value(str("material")).toString();
        if (line.value(str("medium")).toString() == str("electronic"))
            continue; // nothing on paper to hand over
        const MaterialCheck *check = c.findCheck(id);
        if (!check
            || (check->status != MaterialCheck::Status::Received
                && check->status != MaterialCheck::Status::Supplemented))
            continue;
        TransferMaterial m;
        m.materialId = id;
        m.name = line.value(str("name")).toString();
        const QString form = line.value(str("form")).toString();
        // An original the counter keeps goes to the department as it is; otherwise the originals were
        // seen and handed back, and the copies travel.
        m.original = form == str("original");
        m.copy = !m.original || check->copyKept;
        m.copies = check->copies > 0 ? check->copies : std::max(1, line.value(str("copies")).toInt());
        for (const CaseAttachment &attachment : c.attachments)
            if (attachment.materialId == id)
                ++m.pages;
        materials.append(m);
    }
    return materials;
}

int TransferItem::pageCount() const
{
    int pages = 0;
    for (const TransferMaterial &m : materials)
        pages += m.pages;
    return pages;
}

const TransferItem *TransferList::findItem(const QString &caseNumber) const
{
    for (const TransferItem &item : items)
        if (item.caseNumber == caseNumber)
            return &item;
    return nullptr;
}

int TransferList::pageCount() const
{
    int pages = 0;
    for (const TransferItem &item : items)
        pages += item.pageCount();
    return pages;
}

QString TransferList::makeId(
    const QString &hall, const QDate &day, int counterNumber, const QTime &slot, const QString &departmentId)
{
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(hall, day.toString(QStringLiteral("yyyyMMdd")))
        .arg(counterNumber, 2, 10, QLatin1Char('0'))
        .arg(slot.toString(QStringLiteral("HHmm")), departmentId);
}

QString TransferList::scanText(const QString &id)
{
    return kScanPrefix + id;
}

bool TransferList::isWellFormedId(QStringView id)
{
    static const QRegularExpression shape(
        QStringLiteral("^[0-9]{8}-[0-9]{8}-[0-9]{2}-([01][0-9]|2[0-3])[0-5][0-9]-[A-Za-z0-9_.-]{1,64}$"));
    return shape.match(id).hasMatch();
}

std::optional<QString> TransferList::idFromScan(QStringView text)
{
    QStringView id = text.trimmed();
    if (id.startsWith(kScanPrefix, Qt::CaseInsensitive))
        id = id.sliced(kScanPrefix.size());
    if (!isWellFormedId(id))
        return std::nullopt;
    return id.toString();
}

TransferCheck::TransferCheck(TransferList list)
    : m_list(std::move(list))
{
}

TransferCheck::Outcome TransferCheck::scan(const QString &caseNumber)
{
    if (m_received.contains(caseNumber) || m_extra.contains(caseNumber))
        return Outcome::Repeated;
    if (m_list.findItem(caseNumber)) {
        m_received.append(caseNumber);
        return Outcome::Received;
    }
    m_extra.append(caseNumber);
    return Outcome::Extra;
}

QStringList TransferCheck::missing() const
{
    QStringList numbers;
    for (const TransferItem &item : m_list.items)
        if (!m_received.contains(item.caseNumber))
            numbers.append(item.caseNumber);
    return numbers;
}

} // namespace ow::cases
