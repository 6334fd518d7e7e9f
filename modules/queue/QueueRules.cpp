#include "queue/QueueRules.h"

#include "core/SettingsReader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace ow::queue {

using namespace Qt::StringLiterals;

namespace {

// A text setting: QSettings splits a value at ASCII commas into a list; the text is the whole line.
QString textValue(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (value.userType() == QMetaType::QStringList)
        return value.toStringList().join(u", "_s);
    return value.toString();
}

} // namespace

QString keyword(SmsKind kind)
{
    switch (kind) {
    case SmsKind::Issued:
        return u"issued"_s;
    case SmsKind::Next:
        return u"next"_s;
    case SmsKind::Called:
        break;
    }
    return u"called"_s;
}

QueueRules::QueueRules()
    // The defaults are the hall's words to its visitors; a hall changes them in its settings file.
    : smsIssued(u"您已取号 {number}，前方 {ahead} 人，预计等候 {minutes} 分钟，请留意叫号。"_s)
    , smsNext(u"{number} 号：前方还有 {ahead} 人，请到 {counter} 号窗口附近等候。"_s)
    , smsCalled(u"请 {number} 号到 {counter} 号窗口办理。"_s)
{
}

Result<void> QueueRules::checkSmsText(const QString &key, const QString &text)
{
    static const QRegularExpression placeholder(u"\\{([^}]*)\\}"_s);
    static const QStringList allowed {u"number"_s, u"counter"_s, u"ahead"_s, u"minutes"_s};
    if (text.trimmed().isEmpty())
        return SettingsReader::invalid(
            key, text, QCoreApplication::translate("ow::queue", "an SMS text may not be empty."));
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        if (!allowed.contains(match.captured(1)))
            return SettingsReader::invalid(key, text,
                QCoreApplication::translate(
                    "ow::queue", "an SMS may only name {number}, {counter}, {ahead} and {minutes}, not {%1}.")
                    .arg(match.captured(1)));
    return {};
}

Result<QueueRules> QueueRules::load(const QSettings &settings)
{
    QueueRules rules;
    struct NumberKey
    {
        const char *key;
        int low;
        int high;
        int *target;
    };
    const NumberKey numbers[] = {{"queue/max_calls", 1, 10, &rules.maxCalls},
        {"queue/recall_after_minutes", 0, 60, &rules.recallAfterMinutes},
        {"queue/walk_in_cap_minutes", 1, 24 * 60, &rules.walkInCapMinutes},
        {"queue/appointment_early_minutes", 0, 240, &rules.appointmentEarlyMinutes},
        {"queue/target_wait_minutes", 1, 24 * 60, &rules.targetWaitMinutes},
        {"queue/default_service_minutes", 1, 240, &rules.defaultServiceMinutes},
        {"queue/history_days", 1, 365, &rules.historyDays},
        {"queue/minimum_samples", 1, 1000, &rules.minimumSamples},
        {"queue/number_digits", 2, 5, &rules.numberDigits}};
    for (const NumberKey &number : numbers)
        if (Result<void> read = SettingsReader::number(
                settings, QString::fromLatin1(number.key), number.low, number.high, *number.target);
            !read)
            return failWith(read.error());
    if (Result<void> read = SettingsReader::onOff(settings, u"queue/stealing"_s, rules.stealing); !read)
        return failWith(read.error());
    if (Result<void> read = SettingsReader::onOff(settings, u"queue/display_silent"_s, rules.displaySilent);
        !read)
        return failWith(read.error());
    const QVariant areas = settings.value(u"queue/areas"_s);
    if (areas.isValid()) {
        const QStringList list = areas.userType() == QMetaType::QStringList
            ? areas.toStringList()
            : areas.toString().split(u',', Qt::SkipEmptyParts);
        static const QRegularExpression prefix(u"^[A-Z]{1,2}$"_s);
        rules.areas.clear();
        for (const QString &area : list) {
            const QString trimmed = area.trimmed();
            if (!prefix.match(trimmed).hasMatch() || rules.areas.contains(trimmed))
                return SettingsReader::invalid(u"queue/areas"_s, textValue(settings, u"queue/areas"_s),
                    QCoreApplication::translate(
                        "ow::queue", "list distinct prefixes of one or two capital letters, e.g. A, B, C."));
            rules.areas.append(trimmed);
        }
        if (rules.areas.isEmpty())
            return SettingsReader::invalid(u"queue/areas"_s, QString(),
                QCoreApplication::translate("ow::queue", "name at least one service area, e.g. A."));
    }
    const std::pair<QString, QString *> texts[] = {{u"queue/sms_issued"_s, &rules.smsIssued},
        {u"queue/sms_next"_s, &rules.smsNext}, {u"queue/sms_called"_s, &rules.smsCalled}};
    for (const auto &[key, target] : texts) {
        if (!settings.contains(key))
            continue;
        const QString text = textValue(settings, key);
        if (Result<void> checked = checkSmsText(key, text); !checked)
            return failWith(checked.error());
        *target = text;
    }
    return rules;
}

QString QueueRules::smsText(SmsKind kind) const
{
    switch (kind) {
    case SmsKind::Issued:
        return smsIssued;
    case SmsKind::Next:
        return smsNext;
    case SmsKind::Called:
        break;
    }
    return smsCalled;
}

QString QueueRules::renderSms(SmsKind kind, const SmsFacts &facts) const
{
    QString text = smsText(kind);
    text.replace(u"{number}"_s, facts.number);
    text.replace(u"{counter}"_s, facts.counter > 0 ? QString::number(facts.counter) : u"-"_s);
    text.replace(u"{ahead}"_s, QString::number(facts.ahead));
    text.replace(u"{minutes}"_s, QString::number(facts.minutes));
    return text;
}

} // namespace ow::queue
