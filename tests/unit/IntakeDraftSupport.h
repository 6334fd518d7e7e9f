#pragma once

// The demo catalogue's hotel licence as a clerk would take it in: shared by the draft tests and
// the helper that is killed mid-intake.

#include "CaseTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "intake/IntakeSession.h"

namespace ow::intake::testing {

inline const QString kHotelMatter = QStringLiteral("330302-WJ-001");

/// The answers in the order a clerk gives them: each question shows only after the one before.
inline QList<QPair<QString, QString>> hotelAnswers()
{
    return {{QStringLiteral("place-type"), QStringLiteral("lodging")},
        {QStringLiteral("linen-washing"), QStringLiteral("outsourced")},
        {QStringLiteral("lodging-facilities"), QStringLiteral("neither")},
        {QStringLiteral("central-ac"), QStringLiteral("yes")},
        {QStringLiteral("agent"), QStringLiteral("self")}};
}

inline catalogue::CataloguePtr demoCatalogue()
{
    Result<catalogue::CataloguePtr> loaded
        = catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    return loaded ? *loaded : nullptr;
}

inline IntakeEnvironment environment(cases::CaseStore *store, Clock clock = {})
{
    IntakeEnvironment environment;
    environment.store = store;
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = documents::HallSettings::builtIn().value();
    environment.calendar = std::make_shared<const WorkingCalendar>(WorkingCalendar::loadBuiltIn().value());
    environment.clock = std::move(clock);
    return environment;
}

/// Opens the hotel matter and answers it question by question, as the interview page does.
inline void answerHotel(IntakeSession &session)
{
    session.openMatter(*session.catalogue().matter(kHotelMatter));
    for (const auto &[question, option] : hotelAnswers())
        session.setAnswer(0, question, catalogue::Answer::single(option));
}

} // namespace ow::intake::testing
