#include "ui/SaveFileDialog.h"

#include <QFileDialog>

namespace ow::ui {

std::optional<QString> SaveFileDialog::s_nextFileName;
QString SaveFileDialog::s_lastSuggestion;

QString SaveFileDialog::getSaveFileName(
    QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter)
{
    s_lastSuggestion = suggestedPath;
    if (s_nextFileName) {
        const QString answer = *s_nextFileName;
        s_nextFileName.reset();
        return answer;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

void SaveFileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
}

QString SaveFileDialog::lastSuggestion()
{
    return s_lastSuggestion;
}

} // namespace ow::ui
