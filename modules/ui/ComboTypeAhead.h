#pragma once

#include <QObject>
#include <QString>

class QComboBox;

namespace ow::ui {

/// Typing into a closed, non-editable combo box picks the item that matches what was typed so far:
/// 浙 then 江 selects 浙江省, however long the input method took between the two characters (Qt's
/// own type-ahead forgets the first after 0.4 s and then picks 江苏省). Items starting with the text
/// come before items containing it; a character that matches nothing with what came before starts
/// a new search; Backspace takes the last character back; focus in or Escape starts afresh.
class ComboTypeAhead : public QObject
{
public:
    /// Installs the type-ahead on the combo box; it lives as the combo's child.
    static ComboTypeAhead *install(QComboBox *combo);

    /// What has been typed so far (for tests).
    const QString &typed() const { return m_typed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ComboTypeAhead(QComboBox *combo);
    /// Adds typed text and selects the best match; true when something matched.
    bool type(const QString &text);
    int bestMatch(const QString &text) const;

    QComboBox *m_combo;
    QString m_typed;
};

} // namespace ow::ui
