#pragma once

#include <QString>
#include <optional>

class QPrinter;
class QWidget;

namespace ow::ui {

/// The print dialog, always reached through here so a test can answer it in advance with
/// setNextAnswer() instead of a QPrintDialog that would block the test.
class PrintDialog
{
public:
    enum class Answer
    {
        Print,
        Cancel
    };

    /// Lets the clerk choose the printer and its options for `printer`; false when cancelled.
    static bool ask(QWidget *parent, QPrinter &printer, const QString &title);
    /// Test seam: the next ask() returns this without showing anything (used once). Print with a
    /// printer name sets that printer; without one the printer stays as it was set up. Print with
    /// an output file sends what a caller paints on the printer to that PDF file instead.
    static void setNextAnswer(Answer answer, const QString &printerName = {}, const QString &outputFile = {});
    /// Test seam: the title of the last ask(), shown or answered in advance.
    static QString lastTitle();
    /// Test seam: how many times ask() was called since the program started.
    static int askCount();

private:
    struct Prepared
    {
        Answer answer = Answer::Cancel;
        QString printerName;
        QString outputFile;
    };
    static std::optional<Prepared> s_next;
    static QString s_lastTitle;
    static int s_askCount;
};

} // namespace ow::ui
