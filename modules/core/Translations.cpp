#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QStringList>
#include <QTranslator>

namespace ow {

namespace {

// The translators installed last, so a second call (the language from the settings files, known
// only after the command line was read) replaces them instead of stacking a language under another.
QPointer<QTranslator> g_own;
QPointer<QTranslator> g_qt;

void removeInstalled()
{
    for (QPointer<QTranslator> *translator : {&g_own, &g_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete translator->data();
        }
    }
}

} // namespace

bool installTranslations(QCoreApplication &app, const QString &language)
{
    removeInstalled();
    QLocale::setDefault(QLocale(language));
    auto *own = new QTranslator(&app);
    const bool loaded = own->load(QStringLiteral(":/i18n/onewindow_") + language + QStringLiteral(".qm"));
    if (loaded) {
        QCoreApplication::installTranslator(own);
        g_own = own;
    } else {
        delete own;
    }
    // Qt's own words (Cancel, the file dialog, the print dialog): "qt_" gathers every Qt module's
    // catalogue (Debian: qt6-translations-l10n); "qtbase_" alone where only that one is shipped.
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qt_") + language, qtTranslations)
        || qt->load(QStringLiteral("qtbase_") + language, qtTranslations)) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    return loaded;
}

bool hasQtTranslations(const QString &language)
{
    QTranslator probe;
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    return probe.load(QStringLiteral("qt_") + language, qtTranslations)
        || probe.load(QStringLiteral("qtbase_") + language, qtTranslations);
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
