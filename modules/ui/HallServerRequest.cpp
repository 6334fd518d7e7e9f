#include "ui/HallServerRequest.h"

#include <QApplication>
#include <QEventLoop>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <QWidget>
#include <memory>

namespace ow::ui {

void runHallServerRequest(
    QWidget *waiting, const sync::SyncSettings &hall, const std::function<void(sync::SyncClient &)> &request)
{
    // Disabling takes the keyboard away; the widget that had it gets it back, so typing goes on.
    const QPointer<QWidget> focused = QApplication::focusWidget();
    waiting->setEnabled(false);
    const QString server = hall.server;
    const QString token = hall.token;
    QEventLoop loop;
    std::unique_ptr<QThread> thread(QThread::create([&request, server, token] {
        sync::SyncClient client {QUrl(server), token};
        client.setTimeout(15000);
        request(client);
    }));
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    waiting->setEnabled(true);
    if (focused && !QApplication::focusWidget())
        focused->setFocus(Qt::OtherFocusReason);
}

} // namespace ow::ui
