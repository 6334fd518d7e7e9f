#include "core/LayeredConfig.h"

#include <QCoreApplication>

namespace ow {

void LayeredConfig::setLayer(Source source, const QHash<QString, QString> &values)
{
    if (source == Source::Unset)
        return;
    QHash<QString, QString> &layer = m_layers[static_cast<int>(source)];
    layer.clear();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!it.value().isEmpty())
            layer.insert(it.key(), it.value());
}

void LayeredConfig::set(Source source, const QString &key, const QString &value)
{
    if (source == Source::Unset)
        return;
    QHash<QString, QString> &layer = m_layers[static_cast<int>(source)];
    if (value.isEmpty())
        layer.remove(key);
    else
        layer.insert(key, value);
}

QString LayeredConfig::value(const QString &key) const
{
    const Source from = source(key);
    return from == Source::Unset ? QString() : m_layers[static_cast<int>(from)].value(key);
}

LayeredConfig::Source LayeredConfig::source(const QString &key) const
{
    for (int layer = 0; layer < kLayers; ++layer)
        if (m_layers[layer].contains(key))
            return static_cast<Source>(layer);
    return Source::Unset;
}

bool LayeredConfig::isChosen(const QString &key) const
{
    const Source from = source(key);
    return from != Source::Default && from != Source::Unset;
}

bool LayeredConfig::isOn(const QString &key) const
{
    const QString text = value(key).toLower();
    return text == QLatin1String("true") || text == QLatin1String("on") || text == QLatin1String("yes")
        || text == QLatin1String("1");
}

QString LayeredConfig::sourceName(Source source)
{
    switch (source) {
    case Source::CommandLine:
        return QCoreApplication::translate("ow::LayeredConfig", "command line");
    case Source::User:
        return QCoreApplication::translate("ow::LayeredConfig", "per-user settings");
    case Source::Machine:
        return QCoreApplication::translate("ow::LayeredConfig", "machine-wide file");
    case Source::Default:
        return QCoreApplication::translate("ow::LayeredConfig", "default");
    case Source::Unset:
        break;
    }
    return QCoreApplication::translate("ow::LayeredConfig", "not set");
}

} // namespace ow
