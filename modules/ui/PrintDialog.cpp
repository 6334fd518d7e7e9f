#include "ui/PrintDialog.h"

#include <QPrintDialog>
#include <QPrinter>

namespace ow::ui {

std::optional<PrintDialog::Prepared> PrintDialog::s_next;
QString PrintDialog::s_lastTitle;
int PrintDialog::s_askCount = 0;

bool PrintDialog::ask(QWidget *parent, QPrinter &printer, const QString &title)
{
    ++s_askCount;
    s_lastTitle = title;
    if (s_next) {
        const Prepared next = *s_next;
        s_next.reset();
        if (next.answer == Answer::Print && !next.printerName.isEmpty())
            printer.setPrinterName(next.printerName);
        if (next.answer == Answer::Print && !next.outputFile.isEmpty()) {
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(next.outputFile);
        }
        return next.answer == Answer::Print;
    }
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(title);
    return dialog.exec() == QDialog::Accepted;
}

void PrintDialog::setNextAnswer(Answer answer, const QString &printerName, const QString &outputFile)
{
    s_next = Prepared {answer, printerName, outputFile};
}

QString PrintDialog::lastTitle()
{
    return s_lastTitle;
}

int PrintDialog::askCount()
{
    return s_askCount;
}

} // namespace ow::ui
