#include "ui/FileDialog.h"

#include <QFileDialog>

namespace ow::ui {

std::optional<QStringList> FileDialog::s_nextFileNames;
QString FileDialog::s_lastCaption;
QString FileDialog::s_lastSuggestion;
int FileDialog::s_askCount = 0;

std::optional<QStringList> FileDialog::takeAnswer(const QString &caption, const QString &suggestion)
{
    ++s_askCount;
    s_lastCaption = caption;
    s_lastSuggestion = suggestion;
    std::optional<QStringList> answer;
    answer.swap(s_nextFileNames);
    return answer;
}

QStringList FileDialog::getOpenFileNames(
    QWidget *parent, const QString &caption, const QString &directory, const QString &filter)
{
    if (std::optional<QStringList> answer = takeAnswer(caption, directory))
        return *answer;
    return QFileDialog::getOpenFileNames(parent, caption, directory, filter);
}

QString FileDialog::getSaveFileName(
    QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter)
{
    if (std::optional<QStringList> answer = takeAnswer(caption, suggestedPath))
        return answer->value(0);
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &directory)
{
    if (std::optional<QStringList> answer = takeAnswer(caption, directory))
        return answer->value(0);
    return QFileDialog::getExistingDirectory(parent, caption, directory);
}

void FileDialog::setNextFileNames(const QStringList &fileNames)
{
    s_nextFileNames = fileNames;
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileNames = fileName.isEmpty() ? QStringList() : QStringList {fileName};
}

QString FileDialog::lastCaption()
{
    return s_lastCaption;
}

QString FileDialog::lastSuggestion()
{
    return s_lastSuggestion;
}

int FileDialog::askCount()
{
    return s_askCount;
}

} // namespace ow::ui
