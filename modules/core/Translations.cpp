#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStringList>
#include <QTranslator>

namespace ow {

bool installTranslations(QCoreApplication &app, const QString &language)
{
    QLocale::setDefault(QLocale(language));
    auto *own = new QTranslator(&app);
    const bool loaded = own->load(QStringLiteral(":/i18n/onewindow_") + language + QStringLiteral(".qm"));
    if (loaded)
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return loaded;
}

QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QStringLiteral("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QStringLiteral("--lang=")))
            return arg.mid(7);
    }
    const QString env = qEnvironmentVariable("OW_LANG");
    return env.isEmpty() ? QStringLiteral("zh_CN") : env;
}

} // namespace ow
