#include "ui/WorkstationShortcuts.h"

#include <QCoreApplication>

namespace ow::ui {

QList<ShortcutRow> workstationShortcuts()
{
    // Key names stay as printed on the keyboard; only what they do is translated. The rows keep the
    // main window's translation context: they are its menus' help text.
    return {
        {QStringLiteral("Ctrl+F"),
            QCoreApplication::translate("ow::ui::MainWindow", "Find a matter: go to the search field"),
            false},
        {QStringLiteral("↑ / ↓"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Search: move through the results. Interview: previous / next question"),
            true},
        {QStringLiteral("Enter"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Search: open the selected matter. Interview: confirm and go on"),
            true},
        {QStringLiteral("1 – 9"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Choose the option with that number (multi-choice: tick or untick it)"),
            true},
        {QStringLiteral("Tab / Shift+Tab"),
            QCoreApplication::translate("ow::ui::MainWindow", "Next / previous question, then the checklist"),
            true},
        {QStringLiteral("Esc, Alt+←"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "One step back: document → decision → material check → applicant → interview → search (the "
                "interview is kept); from an enlarged sample, back to the interview"),
            false},
        {QStringLiteral("Alt+→"),
            QCoreApplication::translate("ow::ui::MainWindow", "Resume the interview left last"), false},
        {QStringLiteral("Ctrl+R"),
            QCoreApplication::translate("ow::ui::MainWindow", "Start the interview over"), false},
        {QStringLiteral("F12"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Interview: the frequently asked questions that apply to the answers so far, in place of the "
                "checklist; again: back to the checklist"),
            true},
        {QStringLiteral("F2, Ctrl+Enter"),
            QCoreApplication::translate("ow::ui::MainWindow", "Register the applicant of the open interview"),
            false},
        {QStringLiteral("F3"),
            QCoreApplication::translate("ow::ui::MainWindow", "Registration: read the applicant's ID card"),
            true},
        {QStringLiteral("F4"),
            QCoreApplication::translate("ow::ui::MainWindow", "Check the materials handed in, line by line"),
            false},
        {QStringLiteral("R / M / W / D"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Material check: received / missing / waived / shared data; Ctrl+Enter: all points met, "
                "received"),
            true},
        {QStringLiteral("F6 / Ctrl+I"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Material check: photograph the material with the document camera / import scanned files"),
            true},
        {QStringLiteral("F7"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Material check: fetch a data-shared material from the data-sharing platform"),
            true},
        {QStringLiteral("F5"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Decide: accept, accept with waiver, correction notice or refusal"),
            false},
        {QStringLiteral("F11"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Interview: record a consultation — the applicant's question, Tab, the answer given, "
                "Ctrl+Enter"),
            false},
        {QStringLiteral("Ctrl+S"),
            QCoreApplication::translate("ow::ui::MainWindow", "Save the intake as a draft case"), false},
        {QStringLiteral("Ctrl+Shift+P"),
            QCoreApplication::translate("ow::ui::MainWindow", "The applicant's checklist, to print or save"),
            false},
        {QStringLiteral("Ctrl+P / Ctrl+Shift+S / Ctrl+T"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Document: print it / save it as PDF / show the receipt for the receipt printer"),
            true},
        {QStringLiteral("Ctrl+N"),
            QCoreApplication::translate("ow::ui::MainWindow", "After a decision: start the next case"),
            false},
        {QStringLiteral("F9 / Shift+F9 / Ctrl+F9"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Queue: call the next ticket (its matter and ID card open the intake) / call it again / "
                "mark it a no-show"),
            false},
        {QStringLiteral("F8 / Shift+F8"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Queue: transfer the ticket to another counter or area / park it"),
            false},
        {QStringLiteral("Ctrl+Shift+K"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "The pickup counter: scan or type a case number"),
            false},
        {QStringLiteral("Ctrl+P / Ctrl+O"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Pickup counter: print the department's result document / open it in the PDF viewer"),
            true},
        {QStringLiteral("Ctrl+Shift+L"),
            QCoreApplication::translate("ow::ui::MainWindow", "The case list with deadlines"), false},
        {QStringLiteral("Ctrl+Shift+Y"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Online pre-applications: pre-review, accept for the counter or return with reasons"),
            false},
        {QStringLiteral("Ctrl+Shift+T"),
            QCoreApplication::translate("ow::ui::MainWindow",
                "Record a complaint: the case on screen, the clerk and the matter where known"),
            false},
        {QStringLiteral("Ctrl+Shift+J"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "The supervisor's desk: the hall's warnings and figures (supervisors)"),
            false},
        {QStringLiteral("Ctrl+= / Ctrl+- / Ctrl+0"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Zoom the sample in / out / fit it to the view"),
            false},
        {QStringLiteral("Ctrl+Wheel"), QCoreApplication::translate("ow::ui::MainWindow", "Zoom the sample"),
            true},
        {QStringLiteral("Ctrl+E"),
            QCoreApplication::translate(
                "ow::ui::MainWindow", "Enlarge the sample to the whole window, or shrink it back"),
            false},
        {QStringLiteral("F1"), QCoreApplication::translate("ow::ui::MainWindow", "This list"), false},
        {QStringLiteral("Ctrl+Q"), QCoreApplication::translate("ow::ui::MainWindow", "Quit"), false},
    };
}

QList<QPair<QString, QString>> shortcutTable(const QList<ShortcutRow> &rows)
{
    QList<QPair<QString, QString>> table;
    for (const ShortcutRow &row : rows)
        table.append({row.keys, row.action});
    return table;
}

} // namespace ow::ui
