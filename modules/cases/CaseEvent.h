#pragma once

#include "cases/CaseState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ow::cases {

/// One entry of a case's event log: what happened, when, by which clerk at which counter.
struct CaseEvent
{
    QString id; ///< globally unique (UUID), so the server can merge logs from many counters
    qint64 sequence = 0; ///< order of recording in the local store (0 = not stored yet)
    QString caseNumber;
    EventKind kind = EventKind::Note;
    QDateTime time; ///< UTC
    QString clerk; ///< clerk id
    QString counter; ///< counter id
    QJsonObject payload; ///< kind-specific detail: reasons, supplement deadline, tracking number…

    friend bool operator==(const CaseEvent &, const CaseEvent &) = default;
};

} // namespace ow::cases
