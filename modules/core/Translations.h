#pragma once

#include <QString>

class QCoreApplication;

namespace ow {

/// Installs OneWindow's and Qt's own translations (Qt's from QLibraryInfo::TranslationsPath, so its
/// dialogs and standard buttons speak the language too), replacing those a previous call installed.
/// Simplified Chinese ("zh_CN") is the default; "en" gives English. Returns false when the requested
/// language has no translation file of OneWindow's.
bool installTranslations(QCoreApplication &app, const QString &language = QStringLiteral("zh_CN"));

/// Whether Qt's own translations for the language are installed (Debian: qt6-translations-l10n).
bool hasQtTranslations(const QString &language);

/// The language chosen by `--lang X` in the arguments, else OW_LANG from the environment, else zh_CN.
QString languageFromArguments(const QStringList &arguments);

} // namespace ow
