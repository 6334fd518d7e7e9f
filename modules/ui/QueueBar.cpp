#include "ui/QueueBar.h"

#include "sync/QueueService.h"
#include "ui/ChoiceDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QToolButton>

namespace ow::ui {

using namespace Qt::StringLiterals;

namespace {

QString counterStateName(const QString &state)
{
    if (state == u"open"_s)
        return QueueBar::tr("open");
    if (state == u"paused"_s)
        return QueueBar::tr("paused");
    return QueueBar::tr("closed");
}

} // namespace

QueueBar::QueueBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"queueBar"_s);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(u"#queueBar { background: %1; border-bottom: 1px solid %2; }"_s.arg(
        Theme::accentSoft().name(), Theme::border().name()));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 4, 24, 4);
    layout->setSpacing(6);
    m_label = new QLabel(this);
    m_label->setObjectName(u"queueStatus"_s);
    m_label->setTextFormat(Qt::RichText);
    m_label->setSizePolicy(
        QSizePolicy::Ignored, QSizePolicy::Preferred); // long errors never widen the window
    layout->addWidget(m_label, 1);

    m_callNext = addCall(tr("&Call next"), QKeySequence(Qt::Key_F9), u"queueCallNext"_s);
    m_recall = addCall(tr("&Recall"), QKeySequence(Qt::SHIFT | Qt::Key_F9), u"queueRecall"_s);
    m_noShow = addCall(tr("&No-show"), QKeySequence(Qt::CTRL | Qt::Key_F9), u"queueNoShow"_s);
    m_park = addCall(tr("&Park"), QKeySequence(Qt::SHIFT | Qt::Key_F8), u"queuePark"_s);
    m_transfer = addCall(tr("&Transfer…"), QKeySequence(Qt::Key_F8), u"queueTransfer"_s);
    m_open = addCall(tr("&Open the counter"), {}, u"queueOpen"_s);
    m_pause = addCall(tr("Pa&use the counter"), {}, u"queuePause"_s);
    m_close = addCall(tr("C&lose the counter"), {}, u"queueClose"_s);
    // The bar's buttons show the key, not an Alt letter: the letters belong to the page below.
    for (QAction *action : std::as_const(m_actions)) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setFocusPolicy(Qt::NoFocus); // the intake keeps the keyboard
        // "下一位(&C)" and "&Call next" alike lose their Alt letter; the key goes in the tip.
        static const QRegularExpression mnemonic(u"\\(&.\\)|&"_s);
        const QString text = action->text().remove(mnemonic);
        // The key the clerk uses most is on its button.
        button->setText(action == m_callNext ? text + u" F9"_s : text);
        button->setToolTip(action->shortcut().isEmpty()
                ? text
                : u"%1 (%2)"_s.arg(text, action->shortcut().toString(QKeySequence::NativeText)));
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(
            action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        layout->addWidget(button);
    }
    connect(m_callNext, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->callNext();
    });
    connect(m_recall, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->act(u"recall"_s);
    });
    connect(m_noShow, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->act(u"no-show"_s);
    });
    connect(m_park, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->act(u"park"_s);
    });
    connect(m_transfer, &QAction::triggered, this, [this] {
        if (m_service)
            m_service->listTargets();
    });
    for (const auto &[action, state] :
        {std::pair {m_open, u"open"_s}, std::pair {m_pause, u"paused"_s}, std::pair {m_close, u"closed"_s}})
        connect(action, &QAction::triggered, this, [this, state] {
            if (m_service)
                m_service->setCounterState(state);
        });
    showStatus({});
}

QAction *QueueBar::addCall(const QString &text, const QKeySequence &key, const QString &name)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!key.isEmpty())
        action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    m_actions.append(action);
    return action;
}

void QueueBar::setService(sync::QueueService *service)
{
    m_service = service;
    m_heard = false;
    if (service) {
        sync::QueueWorker *worker = service->worker();
        connect(worker, &sync::QueueWorker::statusChanged, this, &QueueBar::showStatus);
        connect(worker, &sync::QueueWorker::ticketCalled, this, &QueueBar::ticketCalled);
        connect(worker, &sync::QueueWorker::message, this, &QueueBar::message);
        connect(worker, &sync::QueueWorker::transferTargets, this, &QueueBar::chooseTransfer);
        service->refresh();
    }
    showStatus(m_status);
}

QMenu *QueueBar::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Queue"), parent);
    menu->setObjectName(u"queueMenu"_s);
    for (QAction *action : std::as_const(m_actions)) {
        if (action == m_open)
            menu->addSeparator();
        menu->addAction(action);
    }
    // The keys work from anywhere in the window, also with the menu bar hidden.
    parent->addActions(m_actions);
    return menu;
}

void QueueBar::showStatus(const sync::QueueStatus &status)
{
    m_status = status;
    const bool fromService = sender() != nullptr;
    m_heard = m_heard || fromService;
    QString text;
    if (!m_service) {
        text = tr("This counter works without the hall's queue: take applicants in the order they come.");
    } else if (!m_heard) {
        text = tr("Counter %1: asking the hall's queue…").arg(m_service->counter().toHtmlEscaped());
    } else if (!status.reachable) {
        text = u"<span style=\"color:%1\">%2</span>"_s.arg(Theme::warning().name(),
            tr("The hall's queue cannot be reached (%1): take applicants in the order they come; the "
               "bar follows when it answers again.")
                .arg(status.error.toHtmlEscaped()));
    } else {
        QStringList parts;
        QString counter
            = tr("Counter %1 · %2").arg(m_service->counter(), counterStateName(status.counterState));
        if (status.counterState != u"closed"_s && !status.clerk.isEmpty())
            counter += tr(" (clerk %1)").arg(m_nameOf ? m_nameOf(status.clerk) : status.clerk);
        parts.append(counter.toHtmlEscaped());
        if (status.current.isValid()) {
            const QString current = status.current.state == u"serving"_s
                ? tr("serving %1").arg(status.current.number)
                : tr("called %1 (%n call(s))", nullptr, status.current.callCount).arg(status.current.number);
            parts.append(u"<b>%1</b>"_s.arg(current.toHtmlEscaped()));
        }
        parts.append(tr("%n waiting here", nullptr, status.waiting).toHtmlEscaped());
        if (!status.kept.isEmpty())
            parts.append(u"<span style=\"color:%1\">%2</span>"_s.arg(Theme::warning().name(),
                tr("%n change(s) not yet sent", nullptr, int(status.kept.size())).toHtmlEscaped()));
        if (!status.error.isEmpty())
            parts.append(u"<span style=\"color:%1\">%2</span>"_s.arg(
                Theme::danger().name(), status.error.toHtmlEscaped()));
        text = parts.join(u"  ·  "_s);
    }
    m_label->setText(text);
    m_label->setToolTip(m_label->text().contains(u'<') ? QString() : text);
    updateActions();
}

void QueueBar::updateActions()
{
    const bool live = m_service && m_heard && m_status.reachable;
    const QString &state = m_status.counterState;
    const sync::QueueTicket &current = m_status.current;
    const bool called = current.isValid() && current.state == u"called"_s;
    const bool serving = current.isValid() && current.state == u"serving"_s;
    m_callNext->setEnabled(live && state == u"open"_s);
    m_recall->setEnabled(live && called);
    m_noShow->setEnabled(live && called);
    m_park->setEnabled(live && (called || serving));
    m_transfer->setEnabled(live && (called || serving));
    m_open->setEnabled(live && state != u"open"_s);
    m_pause->setEnabled(live && state == u"open"_s);
    m_close->setEnabled(live && state != u"closed"_s);
}

QString QueueBar::text() const
{
    return m_label->text();
}

void QueueBar::applicantArrived()
{
    if (m_service && m_status.current.isValid() && m_status.current.state == u"called"_s)
        m_service->startService();
}

void QueueBar::ticketFinished(const QString &number)
{
    if (m_service && !number.isEmpty())
        m_service->finish(number);
}

void QueueBar::workstationLocked(bool locked)
{
    if (m_service)
        m_service->setLocked(locked);
}

void QueueBar::leaveCounter(bool switchingUser)
{
    if (m_service)
        m_service->leave(switchingUser ? u"paused"_s : u"closed"_s);
}

void QueueBar::chooseTransfer(const QStringList &counters, const QStringList &areas)
{
    if (!m_status.current.isValid())
        return;
    QStringList items;
    for (const QString &counter : counters)
        items.append(tr("Counter %1").arg(counter));
    for (const QString &area : areas)
        items.append(tr("Service area %1").arg(area));
    if (items.isEmpty()) {
        Q_EMIT message(tr("The hall has no other counter or service area to transfer to."), true);
        return;
    }
    const std::optional<qsizetype> index = ChoiceDialog::choose(
        window(), tr("Transfer"), tr("Transfer ticket %1 to:").arg(m_status.current.number), items);
    if (!index || !m_service)
        return;
    if (*index < counters.size())
        m_service->act(u"transfer"_s, {}, counters.at(*index));
    else
        m_service->act(u"transfer"_s, areas.at(*index - counters.size()), {});
}

} // namespace ow::ui
