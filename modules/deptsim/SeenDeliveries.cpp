#include "deptsim/SeenDeliveries.h"

#include <QCoreApplication>
#include <QFile>

namespace ow::deptsim {

Result<SeenDeliveries> SeenDeliveries::open(const QString &path)
{
    SeenDeliveries seen;
    seen.m_path = path;
    if (path.isEmpty())
        return seen;
    QFile file(path);
    if (!file.exists())
        return seen;
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::deptsim", "The list of seen deliveries %1 could not be read: %2")
                .arg(path, file.errorString()));
    while (!file.atEnd()) {
        const QString id = QString::fromLatin1(file.readLine().trimmed());
        if (!id.isEmpty())
            seen.m_ids.insert(id);
    }
    return seen;
}

Result<void> SeenDeliveries::add(const QString &id)
{
    if (!m_path.isEmpty()) {
        QFile file(m_path);
        if (!file.open(QIODevice::Append) || file.write(id.toLatin1() + '\n') < 0 || !file.flush())
            return fail(Error::Code::Io,
                QCoreApplication::translate(
                    "ow::deptsim", "The list of seen deliveries %1 could not be written: %2")
                    .arg(m_path, file.errorString()));
    }
    m_ids.insert(id);
    return {};
}

} // namespace ow::deptsim
