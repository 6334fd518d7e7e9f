#include "ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace ow::ui {

ShortcutsDialog::ShortcutsDialog(const QList<QPair<QString, QString>> &rows, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));

    auto *intro = new QLabel(tr("Everything can be done from the keyboard. The mouse works too."), this);
    intro->setObjectName(QStringLiteral("panelSubtitle"));
    intro->setWordWrap(true);

    // A rich-text table wraps long descriptions by itself and reads like a printed key card.
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='6' width='100%'>");
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const QString background = row % 2 ? QStringLiteral("#ffffff") : QStringLiteral("#f4f6f8");
        html += QStringLiteral(
            "<tr style='background:%1'><td style='white-space:nowrap; font-weight:600'>%2</td>"
            "<td>%3</td></tr>")
                    .arg(background, rows.at(row).first.toHtmlEscaped(), rows.at(row).second.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    auto *table = new QLabel(html, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setTextFormat(Qt::RichText);
    table->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    setMinimumWidth(620);
}

} // namespace ow::ui
