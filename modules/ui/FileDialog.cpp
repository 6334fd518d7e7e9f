#include "ui/FileDialog.h"

#include <QFileDialog>

namespace ow::ui {

std::optional<QStringList> FileDialog::s_nextFileNames;
QString FileDialog::s_lastCaption;
int FileDialog::s_askCount = 0;

QStringList FileDialog::getOpenFileNames(
    QWidget *parent, const QString &caption, const QString &directory, const QString &filter)
{
    ++s_askCount;
    s_lastCaption = caption;
    if (s_nextFileNames) {
        const QStringList answer = *s_nextFileNames;
        s_nextFileNames.reset();
        return answer;
    }
    return QFileDialog::getOpenFileNames(parent, caption, directory, filter);
}

void FileDialog::setNextFileNames(const QStringList &fileNames)
{
    s_nextFileNames = fileNames;
}

QString FileDialog::lastCaption()
{
    return s_lastCaption;
}

int FileDialog::askCount()
{
    return s_askCount;
}

} // namespace ow::ui
