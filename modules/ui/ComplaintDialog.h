#pragma once

#include "cases/ComplaintRecord.h"
#include "catalogue/Catalogue.h"
#include "core/Clock.h"

#include <QDialog>
#include <QHash>
#include <functional>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;

namespace ow::ui {

class SearchResultModel;

/// 登记投诉: a complaint typed at a counter or by a supervisor from the 12345 hotline — the channel,
/// the complainant and the mobile number the reply goes to, what it is about, and where known the
/// case (the one on screen, or a number typed or scanned), the clerk (chosen by name from the hall's
/// accounts, the staff number beside it) and the matter (the counter's matter search). Enter saves;
/// a problem names its field and puts the cursor there. Where the complaint goes is the caller's
/// (the workstation's complaint log, or the server for a supervisor).
class ComplaintDialog : public QDialog
{
    Q_OBJECT

public:
    using Save = std::function<Result<void>(const cases::ComplaintRecord &)>;

    /// `clerks`: the hall's clerks, staff number (case-folded) → name.
    ComplaintDialog(catalogue::CataloguePtr catalogue, const QHash<QString, QString> &clerks, Save save,
        QWidget *parent = nullptr);

    /// Who records it and the clock that says when it came in.
    void setRecorder(const QString &staffNumber, const QString &name, Clock clock);
    /// The case on screen, prefilled (the clerk may change or clear it).
    void setCaseNumber(const QString &number);
    /// Turns a scanned case link into its case number (the workstation's store); empty when unknown.
    void setCaseLookup(std::function<QString(const QString &)> lookup) { m_lookup = std::move(lookup); }

    /// The complaint as typed (no id, the time of now).
    cases::ComplaintRecord complaint() const;
    /// Checks the form, then saves: true when saved (the dialog is accepted).
    bool save();

    QComboBox *channelField() const { return m_channel; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *mobileField() const { return m_mobile; }
    QPlainTextEdit *contentField() const { return m_content; }
    QLineEdit *caseField() const { return m_case; }
    QComboBox *clerkField() const { return m_clerk; }
    QLineEdit *matterField() const { return m_matter; }
    QCompleter *matterCompleter() const { return m_completer; }
    QLabel *problemLabel() const { return m_problem; }
    /// The complaint last saved.
    const cases::ComplaintRecord &saved() const { return m_saved; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// The complainant's name first: the channel is the window's more often than not.
    void showEvent(QShowEvent *event) override;

private:
    void showProblem(const QString &message, QWidget *field);
    void chooseMatter(const QModelIndex &index);
    /// The matter the field names: the one chosen, or one whose name or code was typed in full.
    const catalogue::Matter *typedMatter() const;

    catalogue::CataloguePtr m_catalogue;
    Save m_save;
    Clock m_clock;
    QString m_recorder;
    QString m_recorderName;
    std::function<QString(const QString &)> m_lookup;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_mobile = nullptr;
    QPlainTextEdit *m_content = nullptr;
    QLineEdit *m_case = nullptr;
    QComboBox *m_clerk = nullptr;
    QLineEdit *m_matter = nullptr;
    QLabel *m_problem = nullptr;
    SearchResultModel *m_matters = nullptr;
    QSortFilterProxyModel *m_matterRows = nullptr;
    QCompleter *m_completer = nullptr;
    QString m_matterCode; ///< chosen from the list; cleared when the text changes by hand
    cases::ComplaintRecord m_saved;
};

} // namespace ow::ui
