#include "ui/Theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace ow::ui {

namespace {

// Calm and legible for a whole shift: light neutral ground, white panels, one blue accent, colour
// only where it carries meaning (green: settled or fetched by the hall, amber: waivable or pending).
const char *const kStyleSheet = R"(
QMainWindow, #searchPage, #interviewPage { background: #f4f6f8; }
QMenuBar { background: #ffffff; border-bottom: 1px solid #dde2e8; padding: 2px 6px; }
QMenuBar::item { padding: 4px 10px; border-radius: 4px; }
QMenuBar::item:selected { background: #e7effb; }
QMenu { background: #ffffff; border: 1px solid #dde2e8; padding: 4px; }
QMenu::item { padding: 5px 28px 5px 16px; border-radius: 4px; }
QMenu::item:selected { background: #e7effb; color: #1f2933; }
QMenu::item:disabled { color: #5b6775; }
QMenu::separator { height: 1px; background: #dde2e8; margin: 4px 8px; }
QStatusBar { background: #ffffff; border-top: 1px solid #dde2e8; color: #5b6775; }
QStatusBar QLabel { color: #5b6775; padding: 0 8px; }
QToolTip { background: #1f2933; color: #ffffff; border: none; padding: 4px 8px; }

#pageHeader { background: #ffffff; border-bottom: 1px solid #dde2e8; }
#pageTitle { font-size: 15pt; font-weight: 600; color: #1f2933; }
#pageSubtitle { color: #5b6775; }
#panelTitle { font-size: 11.5pt; font-weight: 600; color: #1f2933; }
#panelSubtitle { color: #5b6775; }
#sectionTitle { font-weight: 600; color: #1f2933; }
#sectionPath { color: #1d6b37; }

QSplitter::handle { background: #dde2e8; }
#questionsPanel, #checklistPanel, #detailPanel, #questionsHost { background: #ffffff; }
#checklistView, #reviewPoints { background: #ffffff; border: none; }
#checklistState { color: #8a5a00; }
#checklistState[complete="true"] { color: #1d6b37; }

#question { background: #ffffff; border: 1px solid #dde2e8; border-radius: 8px; }
#question[answered="true"] { background: #fbfcfd; }
#question[active="true"] { background: #f3f8ff; border: 1px solid #1d5fbf; }
#question[locked="true"] { background: #f4f6f8; }
#questionOrdinal { min-width: 24px; max-width: 24px; min-height: 24px; max-height: 24px;
                   border-radius: 12px; background: #eef1f4; color: #5b6775; font-weight: 600; }
#questionOrdinal[answered="true"] { background: #e3f3e7; color: #1d6b37; }
#questionOrdinal[active="true"] { background: #1d5fbf; color: #ffffff; }
#questionText { font-weight: 600; color: #1f2933; padding-top: 2px; }
#questionStatus { color: #1d6b37; padding-top: 3px; }
#questionHint { color: #5b6775; }
#inputError { color: #a3322a; }
#keycap { min-width: 20px; max-width: 20px; min-height: 20px; max-height: 20px;
          border: 1px solid #c9d1da; border-bottom: 2px solid #b4bec9; border-radius: 4px;
          background: #f8fafc; color: #5b6775; font-size: 9pt; font-weight: 600; }
#question QRadioButton, #question QCheckBox { padding: 2px 0; spacing: 0; }
#optionLabel { color: #1f2933; padding: 1px 0; }
#optionLabel:disabled { color: #5b6775; }
#numberEditor { padding: 5px 8px; border: 1px solid #c9d1da; border-radius: 5px; background: #ffffff;
                font-size: 11pt; }
#numberEditor:focus { border: 1px solid #1d5fbf; }
#numberUnit { color: #1f2933; }
#confirmSelection { padding: 3px 12px; border: 1px solid #c9d1da; border-radius: 5px; background: #ffffff; }
#confirmSelection:hover { background: #eef1f4; }

#situationBanner { padding: 12px 16px; background: #f4f6f8; border-top: 1px solid #dde2e8; color: #5b6775; }
#situationBanner[complete="true"] { background: #e3f3e7; color: #1d6b37; font-weight: 600; }
#situationBanner[outcome="true"] { background: #fdf1d8; color: #8a5a00; font-weight: 600; }
#outcomeHeadline { font-size: 14pt; font-weight: 600; color: #8a5a00; }
#outcomeHeadline[kind="refer"] { color: #1d5fbf; }
#outcomeReason { font-size: 11pt; color: #1f2933; }
#faqQuestion { font-weight: 600; color: #1f2933; }
#faqAnswer { color: #1f2933; padding-left: 14px; }

#searchColumn #pageTitle { font-size: 17pt; padding-bottom: 4px; }
#searchField { font-size: 14pt; padding: 10px 14px; border: 1px solid #c9d1da; border-radius: 8px;
               background: #ffffff; selection-background-color: #cfe0fa; selection-color: #1f2933; }
#searchField:focus { border: 2px solid #1d5fbf; padding: 9px 13px; }
#searchResults { background: #ffffff; border: 1px solid #dde2e8; border-radius: 8px; }
#resumeHint { color: #1d5fbf; }

#flatButton { border: 1px solid #c9d1da; border-radius: 6px; padding: 5px 12px; background: #ffffff;
              color: #1f2933; }
#flatButton:hover { background: #eef1f4; }
#zoomButton { min-width: 26px; border: 1px solid #c9d1da; border-radius: 4px; background: #ffffff;
              padding: 2px 6px; color: #1f2933; }
#zoomButton:hover { background: #eef1f4; }
#zoomButton:disabled { color: #b4bec9; }
#zoomLabel { color: #5b6775; }
#samplePlaceholder { color: #5b6775; background: #f4f6f8; border-radius: 6px; padding: 24px; }
#materialDescription { color: #1f2933; }
#commonErrors { color: #a3322a; background: #fdf0ef; border-radius: 6px; padding: 8px 10px; }
#prerequisites { color: #1f2933; background: #f4f6f8; border-radius: 6px; padding: 8px 10px; }
#materialFiles { color: #5b6775; }

#casePage, #caseDetail { background: #f4f6f8; }
#card { background: #ffffff; border: 1px solid #dde2e8; border-radius: 8px; }
#cardTitle { font-size: 11.5pt; font-weight: 600; color: #1f2933; }
#fieldLabel { color: #5b6775; }
#fieldValue { color: #1f2933; }
#fieldHint { color: #5b6775; }
#fieldHint[tone="success"] { color: #1d6b37; }
#fieldHint[tone="danger"] { color: #a3322a; }
#chip { border-radius: 4px; padding: 2px 8px; background: #eef1f4; color: #5b6775; font-weight: 600; }
#chip[tone="success"] { background: #e3f3e7; color: #1d6b37; }
#chip[tone="warning"] { background: #fdf1d8; color: #8a5a00; }
#chip[tone="danger"] { background: #fdf0ef; color: #a3322a; }
#chip[tone="accent"] { background: #e7effb; color: #1d5fbf; }
#caseTable { background: #ffffff; border: 1px solid #dde2e8; border-radius: 6px;
             alternate-background-color: #f8fafc; selection-background-color: #e7effb;
             selection-color: #1f2933; }
#card #caseTable { border: none; }
#caseTable QHeaderView::section { background: #ffffff; color: #5b6775; font-weight: 600; border: none;
                                  border-bottom: 1px solid #dde2e8; padding: 6px 8px; }
#filterSearch, #scanField, #formField { padding: 6px 10px; border: 1px solid #c9d1da; border-radius: 6px;
                                        background: #ffffff; }
#scanField { font-size: 14pt; padding: 9px 14px; border-radius: 8px; }
#filterSearch:focus, #scanField:focus, #formField:focus { border: 1px solid #1d5fbf; }
#primaryButton { border: none; border-radius: 6px; padding: 7px 18px; background: #1d5fbf; color: #ffffff;
                 font-weight: 600; }
#primaryButton:hover { background: #184f9f; }
#primaryButton:disabled { background: #c9d1da; color: #ffffff; }
#caseNumber { font-size: 14pt; font-weight: 600; color: #1f2933; }
#pickupMessage { padding: 10px 14px; border-radius: 6px; background: #eef1f4; color: #1f2933; }
#pickupMessage[tone="success"] { background: #e3f3e7; color: #1d6b37; font-weight: 600; }
#pickupMessage[tone="danger"] { background: #fdf0ef; color: #a3322a; font-weight: 600; }
#readyList { border: none; background: #ffffff; }
#readyList::item { padding: 6px 4px; border-bottom: 1px solid #eef1f4; }
#readyList::item:hover { background: #f3f8ff; }

#materialCheckPage { background: #f4f6f8; }
#summaryBar { background: #ffffff; border-bottom: 1px solid #dde2e8; }
#materialCheckPanel, #materialCheckList { background: #ffffff; border: none; }
#pointChecks, #attachmentList { background: #ffffff; border: 1px solid #dde2e8; border-radius: 6px; }
#keyHint { color: #5b6775; font-size: 9.5pt; }
#statusButton { border: 1px solid #c9d1da; border-radius: 6px; padding: 6px 14px; background: #ffffff;
                color: #1f2933; }
#statusButton:hover { background: #eef1f4; }
#statusButton:disabled { color: #b4bec9; border-color: #e3e7ec; background: #f8fafc; }
#statusButton[tone="success"]:checked { background: #1d6b37; border-color: #1d6b37; color: #ffffff; font-weight: 600; }
#statusButton[tone="danger"]:checked { background: #a3322a; border-color: #a3322a; color: #ffffff; font-weight: 600; }
#statusButton[tone="warning"]:checked { background: #8a5a00; border-color: #8a5a00; color: #ffffff; font-weight: 600; }
#statusButton[tone="accent"]:checked { background: #1d5fbf; border-color: #1d5fbf; color: #ffffff; font-weight: 600; }

#dialogHeading { font-size: 11.5pt; font-weight: 600; color: #1f2933; }
#shortcutsTable { color: #1f2933; }

QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar::handle:vertical { background: #c9d1da; border-radius: 3px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: #a9b4c0; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QScrollBar:horizontal { background: transparent; height: 10px; margin: 2px; }
QScrollBar::handle:horizontal { background: #c9d1da; border-radius: 3px; min-width: 32px; }
QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal { width: 0; }
QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal { background: transparent; }
)";

} // namespace

QFont Theme::baseFont()
{
    QFont font;
    // Noto Sans CJK first (Debian's fonts-noto-cjk); the others are what Windows and macOS counters have.
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
        QStringLiteral("Microsoft YaHei UI"), QStringLiteral("PingFang SC"),
        QStringLiteral("Source Han Sans SC"), QStringLiteral("sans-serif")});
    font.setPointSizeF(10.5);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

void Theme::apply(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setFont(baseFont());

    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Window, window());
    palette.setColor(QPalette::Base, panel());
    palette.setColor(QPalette::AlternateBase, QColor(0xf8, 0xfa, 0xfc));
    palette.setColor(QPalette::Text, text());
    palette.setColor(QPalette::WindowText, text());
    palette.setColor(QPalette::ButtonText, text());
    palette.setColor(QPalette::Button, panel());
    palette.setColor(QPalette::Highlight, accent());
    palette.setColor(QPalette::HighlightedText, QColor(Qt::white));
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x96, 0xa3));
    palette.setColor(QPalette::ToolTipBase, text());
    palette.setColor(QPalette::ToolTipText, QColor(Qt::white));
    QApplication::setPalette(palette);
    app.setStyleSheet(QString::fromUtf8(kStyleSheet));
}

} // namespace ow::ui
