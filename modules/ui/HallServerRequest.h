#pragma once

#include "sync/SyncClient.h"
#include "sync/SyncSettings.h"

#include <functional>

class QWidget;

namespace ow::ui {

/// One request to the hall's server from a dialog (an account change, a clerk's own password). The
/// sync client blocks, so `request` runs on a thread of its own while `waiting` stays disabled and
/// the window keeps painting; returns when the request is done (at most the client's 15 s timeout).
void runHallServerRequest(
    QWidget *waiting, const sync::SyncSettings &hall, const std::function<void(sync::SyncClient &)> &request);

} // namespace ow::ui
