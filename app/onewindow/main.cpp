#include "core/Translations.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ow::installTranslations(app, ow::languageFromArguments(QApplication::arguments()));
    QLabel label(QApplication::translate("main", "OneWindow"));
    label.show();
    return app.exec();
}
