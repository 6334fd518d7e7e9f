#pragma once

#include <QString>

class QCoreApplication;

namespace ow {

/// Installs OneWindow's and Qt's own translations. Simplified Chinese ("zh_CN") is the default;
/// "en" gives English. Returns false when the requested language has no translation file.
bool installTranslations(QCoreApplication &app, const QString &language = QStringLiteral("zh_CN"));

/// The language chosen by `--lang X` in the arguments, else OW_LANG from the environment, else zh_CN.
QString languageFromArguments(const QStringList &arguments);

} // namespace ow
