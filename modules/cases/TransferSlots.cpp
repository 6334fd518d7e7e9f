#include "cases/TransferSlots.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ow::cases {

TransferSlots::TransferSlots()
    : TransferSlots({QTime(11, 30), QTime(16, 30)}, QTime(17, 30))
{
}

TransferSlots::TransferSlots(QList<QTime> defaults, QTime dayEnd)
    : m_defaults(std::move(defaults))
    , m_dayEnd(dayEnd)
{
}

Result<QTime> TransferSlots::parseTime(QStringView text)
{
    static const QRegularExpression shape(QStringLiteral("^([01]?[0-9]|2[0-3]):([0-5][0-9])$"));
    const QString trimmed = text.trimmed().toString();
    const QRegularExpressionMatch match = shape.match(trimmed);
    if (!match.hasMatch())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "“%1” is not a time of day (HH:MM, e.g. 11:30).")
                .arg(trimmed.left(20)));
    return QTime(match.captured(1).toInt(), match.captured(2).toInt());
}

Result<QList<QTime>> TransferSlots::parseTimes(QStringView text)
{
    static const QRegularExpression separators(QStringLiteral("[,，、]"));
    QList<QTime> times;
    const QStringList pieces = text.toString().split(separators);
    for (const QString &piece : pieces) {
        Result<QTime> time = parseTime(piece);
        if (!time)
            return failWith(time.error());
        if (!times.isEmpty() && *time <= times.constLast())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::cases",
                    "The handover times must be in ascending order without repeats: %1 after %2.")
                    .arg(time->toString(QStringLiteral("HH:mm")),
                        times.constLast().toString(QStringLiteral("HH:mm"))));
        times.append(*time);
    }
    return times;
}

QString TransferSlots::format(const QList<QTime> &times)
{
    QStringList parts;
    for (const QTime &time : times)
        parts.append(time.toString(QStringLiteral("HH:mm")));
    return parts.join(QStringLiteral(", "));
}

void TransferSlots::setDepartment(const QString &departmentId, QList<QTime> times)
{
    m_departments.insert(departmentId, std::move(times));
}

QList<QTime> TransferSlots::slotsFor(const QString &departmentId) const
{
    return m_departments.value(departmentId, m_defaults);
}

QTime TransferSlots::slotAt(const QString &departmentId, QTime now) const
{
    const QList<QTime> slots = slotsFor(departmentId);
    for (const QTime &slot : slots)
        if (slot >= QTime(now.hour(), now.minute()))
            return slot;
    return slots.isEmpty() ? QTime(now.hour(), now.minute()) : slots.constLast();
}

bool TransferSlots::isOverdue(const QDate &day, const QDateTime &now) const
{
    const QDate today = now.date();
    return day < today || (day == today && now.time() >= m_dayEnd);
}

} // namespace ow::cases
