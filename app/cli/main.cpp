#include "cli/CliApplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return ow::cli::CliApplication().run(QCoreApplication::arguments());
}
