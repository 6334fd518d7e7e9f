#include "sync/SyncSettings.h"

#include <QFileInfo>

namespace ow::sync {

Result<SyncSettings> SyncSettings::read(const cases::CaseStore &store)
{
    SyncSettings s;
    for (auto [key, target] : {std::pair {kServer, &s.server}, std::pair {kToken, &s.token},
             std::pair {kWorkstationId, &s.workstationId}, std::pair {kHall, &s.workstation.hall},
             std::pair {kCounter, &s.workstation.counter}}) {
        Result<QString> value = store.syncValue(key);
        if (!value)
            return failWith(value.error());
        *target = *value;
    }
    Result<QString> number = store.syncValue(kCounterNumber);
    if (!number)
        return failWith(number.error());
    s.workstation.counterNumber = number->toInt();
    return s;
}

Result<std::optional<SyncSettings>> SyncSettings::readFrom(const QString &dataDirectory)
{
    if (!QFileInfo::exists(cases::CaseStore::databasePath(dataDirectory)))
        return std::optional<SyncSettings>();
    Result<std::unique_ptr<cases::CaseStore>> store
        = cases::CaseStore::open(dataDirectory, {}, cases::CaseStore::OpenMode::MustExist);
    if (!store)
        return failWith(store.error());
    Result<SyncSettings> settings = read(**store);
    if (!settings)
        return failWith(settings.error());
    if (!settings->isEnrolled())
        return std::optional<SyncSettings>();
    return std::optional<SyncSettings>(*settings);
}

} // namespace ow::sync
