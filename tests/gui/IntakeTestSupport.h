#pragma once

// Shared by the GUI tests that run a whole intake: the demo catalogue, the built-in holiday
// calendar and hall settings, and a fresh case store at a fixed time.

#include "cases/CaseStore.h"
#include "catalogue/CatalogueLoader.h"
#include "core/Clock.h"
#include "core/WorkingCalendar.h"
#include "documents/HallSettings.h"

#include <QTest>
#include <memory>
#include <optional>

namespace ow::test {

/// Monday 16 March 2026, 12:00 UTC: a working day, so deadlines are easy to check by hand.
inline const QDateTime kIntakeNow(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);

/// What an intake needs besides the window.
struct IntakeData
{
    catalogue::CataloguePtr catalogue;
    std::shared_ptr<const WorkingCalendar> calendar;
    std::optional<documents::HallSettings> hall;

    /// Loads everything; call with QVERIFY(data.load()) from initTestCase.
    bool load()
    {
        Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(
            QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
        if (!loaded) {
            qWarning().noquote() << loaded.error().toString();
            return false;
        }
        catalogue = *loaded;
        Result<WorkingCalendar> builtIn = WorkingCalendar::loadBuiltIn();
        Result<documents::HallSettings> settings = documents::HallSettings::builtIn();
        if (!builtIn || !settings)
            return false;
        calendar = std::make_shared<const WorkingCalendar>(*builtIn);
        hall = *settings;
        return true;
    }
};

/// A case store in `directory` for counter W07 of hall 33030201, its clock stopped at kIntakeNow.
inline std::unique_ptr<cases::CaseStore> openIntakeStore(const QString &directory)
{
    Result<std::unique_ptr<cases::CaseStore>> store = cases::CaseStore::open(
        directory, cases::Workstation {QStringLiteral("33030201"), QStringLiteral("W07"), 7});
    if (!store) {
        qWarning().noquote() << store.error().toString();
        return nullptr;
    }
    (*store)->setClock(Clock::fixed(kIntakeNow));
    return std::move(*store);
}

} // namespace ow::test
