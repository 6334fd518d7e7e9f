// The catalogue editor for catalogue staff (docs/editor.md): opens a catalogue folder, edits it as a
// tree with live lint, and saves only what was changed.

#include "core/HelpWithoutScreen.h"
#include "core/Translations.h"
#include "editorui/EditorWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <cstdio>

int main(int argc, char *argv[])
{
    ow::helpWithoutScreen(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("onewindow-editor"));
    QApplication::setApplicationVersion(QStringLiteral(OW_VERSION));
    ow::installTranslations(app, ow::languageFromArguments(QApplication::arguments()));
    // The counter's look: the preview (F5) is the counter's own interview page, seen as a clerk sees it.
    ow::ui::Theme::apply(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("editor",
        "OneWindow catalogue editor, for catalogue staff: edit a catalogue folder (docs/catalogue-format.md) "
        "as a tree of matters, questions, options, requirements, materials and bundles, with the lint "
        "running as you type, and save only what you changed (files you did not touch stay byte for byte "
        "as they were). Before saving it shows which situations gain or lose which materials. A catalogue "
        "editor who signs in to the hall's server (Review menu) locks the matters he edits and submits "
        "versions for review there; without signing in, folders are edited offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
        QApplication::translate("editor", "The language: zh_CN (default) or en."), QStringLiteral("LANG"));
    parser.addOption(lang);
    parser.addPositionalArgument(QStringLiteral("DIR"),
        QApplication::translate("editor", "The catalogue folder to open (else choose it with Ctrl+O)."));
    parser.process(app);

    ow::editorui::EditorWindow window;
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty() && !window.openCatalogue(folders.first())) {
        std::fprintf(stderr, "onewindow-editor: %s\n", qUtf8Printable(window.message()));
        return 1;
    }
    window.show();
    return QApplication::exec();
}
