#include "cases/CaseState.h"

#include <QCoreApplication>

namespace ow::cases {

namespace {

constexpr QLatin1StringView kStateKeywords[kCaseStateCount] = {
    QLatin1StringView("draft"),
    QLatin1StringView("correction-notice"),
    QLatin1StringView("accepted"),
    QLatin1StringView("accepted-with-waiver"),
    QLatin1StringView("refused"),
    QLatin1StringView("transferred"),
    QLatin1StringView("in-review"),
    QLatin1StringView("supplement-requested"),
    QLatin1StringView("supplemented"),
    QLatin1StringView("approved"),
    QLatin1StringView("denied"),
    QLatin1StringView("result-ready"),
    QLatin1StringView("picked-up"),
    QLatin1StringView("mailed"),
    QLatin1StringView("withdrawn"),
};

constexpr QLatin1StringView kEventKeywords[kEventKindCount] = {
    QLatin1StringView("created"),
    QLatin1StringView("updated"),
    QLatin1StringView("note"),
    QLatin1StringView("accepted"),
    QLatin1StringView("accepted-with-waiver"),
    QLatin1StringView("correction-notice"),
    QLatin1StringView("refused"),
    QLatin1StringView("transferred"),
    QLatin1StringView("in-review"),
    QLatin1StringView("supplement-requested"),
    QLatin1StringView("supplemented"),
    QLatin1StringView("approved"),
    QLatin1StringView("denied"),
    QLatin1StringView("result-ready"),
    QLatin1StringView("picked-up"),
    QLatin1StringView("mailed"),
    QLatin1StringView("supplement-received"),
    QLatin1StringView("transfer-listed"),
    QLatin1StringView("transfer-flagged"),
    QLatin1StringView("withdrawn"),
};

} // namespace

QString keyword(CaseState state)
{
    return QString(kStateKeywords[int(state)]);
}

QString keyword(EventKind kind)
{
    return QString(kEventKeywords[int(kind)]);
}

std::optional<CaseState> caseStateFromKeyword(QStringView text)
{
    for (int i = 0; i < kCaseStateCount; ++i)
        if (text == kStateKeywords[i])
            return CaseState(i);
    return std::nullopt;
}

std::optional<EventKind> eventKindFromKeyword(QStringView text)
{
    for (int i = 0; i < kEventKindCount; ++i)
        if (text == kEventKeywords[i])
            return EventKind(i);
    return std::nullopt;
}

QString displayName(CaseState state)
{
    switch (state) {
    case CaseState::Draft:
        return QCoreApplication::translate("ow::cases", "draft");
    case CaseState::CorrectionNotice:
        return QCoreApplication::translate("ow::cases", "correction notice issued");
    case CaseState::Accepted:
        return QCoreApplication::translate("ow::cases", "accepted");
    case CaseState::AcceptedWithWaiver:
        return QCoreApplication::translate("ow::cases", "accepted with waiver");
    case CaseState::Refused:
        return QCoreApplication::translate("ow::cases", "refused");
    case CaseState::Transferred:
        return QCoreApplication::translate("ow::cases", "transferred to the department");
    case CaseState::InReview:
        return QCoreApplication::translate("ow::cases", "in review");
    case CaseState::SupplementRequested:
        return QCoreApplication::translate("ow::cases", "supplement requested");
    case CaseState::Supplemented:
        return QCoreApplication::translate("ow::cases", "supplemented");
    case CaseState::Approved:
        return QCoreApplication::translate("ow::cases", "approved");
    case CaseState::Denied:
        return QCoreApplication::translate("ow::cases", "denied");
    case CaseState::ResultReady:
        return QCoreApplication::translate("ow::cases", "result ready for pickup");
    case CaseState::PickedUp:
        return QCoreApplication::translate("ow::cases", "picked up");
    case CaseState::Mailed:
        return QCoreApplication::translate("ow::cases", "mailed");
    case CaseState::Withdrawn:
        return QCoreApplication::translate("ow::cases", "withdrawn by the applicant");
    }
    return {};
}

QString displayName(EventKind kind)
{
    switch (kind) {
    case EventKind::Created:
        return QCoreApplication::translate("ow::cases", "draft opened");
    case EventKind::Updated:
        return QCoreApplication::translate("ow::cases", "case data changed");
    case EventKind::Note:
        return QCoreApplication::translate("ow::cases", "note");
    case EventKind::SupplementReceived:
        return QCoreApplication::translate("ow::cases", "supplement handed in");
    case EventKind::TransferListed:
        return QCoreApplication::translate("ow::cases", "put on a transfer list");
    case EventKind::TransferFlagged:
        return QCoreApplication::translate("ow::cases", "flagged at a handover");
    default:
        break;
    }
    return displayName(*targetState(kind));
}

std::optional<CaseState> targetState(EventKind kind)
{
    switch (kind) {
    case EventKind::Created:
    case EventKind::Updated:
    case EventKind::Note:
    case EventKind::SupplementReceived:
    case EventKind::TransferListed:
    case EventKind::TransferFlagged:
        return std::nullopt;
    case EventKind::Accepted:
        return CaseState::Accepted;
    case EventKind::AcceptedWithWaiver:
        return CaseState::AcceptedWithWaiver;
    case EventKind::CorrectionNotice:
        return CaseState::CorrectionNotice;
    case EventKind::Refused:
        return CaseState::Refused;
    case EventKind::Transferred:
        return CaseState::Transferred;
    case EventKind::InReview:
        return CaseState::InReview;
    case EventKind::SupplementRequested:
        return CaseState::SupplementRequested;
    case EventKind::Supplemented:
        return CaseState::Supplemented;
    case EventKind::Approved:
        return CaseState::Approved;
    case EventKind::Denied:
        return CaseState::Denied;
    case EventKind::ResultReady:
        return CaseState::ResultReady;
    case EventKind::PickedUp:
        return CaseState::PickedUp;
    case EventKind::Mailed:
        return CaseState::Mailed;
    case EventKind::Withdrawn:
        return CaseState::Withdrawn;
    }
    return std::nullopt;
}

} // namespace ow::cases
