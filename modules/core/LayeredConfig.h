#pragma once

#include <QHash>
#include <QString>

namespace ow {

/// One setting looked up in layers, the first that has it winning: command line > the person's
/// own settings > the machine-wide file > built-in defaults (docs/deployment.md).
class LayeredConfig
{
public:
    enum class Source
    {
        CommandLine,
        User,
        Machine,
        Default,
        Unset,
    };

    /// Replaces one layer's values; empty values count as unset.
    void setLayer(Source source, const QHash<QString, QString> &values);
    /// Sets one value of one layer (empty removes it).
    void set(Source source, const QString &key, const QString &value);

    /// The winning value, empty when no layer has the key.
    QString value(const QString &key) const;
    /// Which layer the value comes from.
    Source source(const QString &key) const;
    /// True when a layer above the defaults has the key: someone chose it.
    bool isChosen(const QString &key) const;
    /// "true", "on", "yes" and "1" (any case) are true.
    bool isOn(const QString &key) const;

    /// "command line", "per-user settings"…, for messages and `--help`.
    static QString sourceName(Source source);

private:
    static constexpr int kLayers = 4;
    QHash<QString, QString> m_layers[kLayers];
};

} // namespace ow
