#pragma once

#include "catalogue/Answers.h"
#include "catalogue/MatterSearch.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace ow::ui {

class SearchResultModel;

/// The first screen: a search field that keeps the keyboard, and the matching matters and bundles.
/// Up/Down move through the results, Enter opens the selected one. A guide code (the QR code of the
/// applicant's self-service checklist, read by the scanner into the field) opens its matter with the
/// applicant's answers; a pre-application code (its QR code, or the code typed) is fetched from the
/// hall's server with everything the applicant submitted online.
class MatterSearchPage : public QWidget
{
    Q_OBJECT

public:
    explicit MatterSearchPage(catalogue::CataloguePtr catalogue, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_field; }
    QListView *resultView() const { return m_view; }
    SearchResultModel *results() const { return m_model; }
    /// Focuses the search field with its text selected, so typing replaces the last query.
    void focusSearch();
    /// Shows or hides the hint that an interview can be resumed (Alt+Right), naming it.
    void setResumable(const QString &name);

Q_SIGNALS:
    void matterChosen(const catalogue::Matter *matter);
    void bundleChosen(const catalogue::Bundle *bundle);
    /// A guide code was read: its matter, with the answers the catalogue still reads.
    void guideCodeRead(const catalogue::Matter *matter, const catalogue::Answers &answers);
    /// A pre-application code was scanned (OWP1:…) or typed ("YS…"): the code, as the server stores it.
    void preApplicationCodeRead(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateResults();
    void openCurrent();
    void openGuideCode();
    /// The pre-application code the field holds: scanned (OWP1:…) or typed alone; empty otherwise.
    QString preApplicationCode() const;

    catalogue::CataloguePtr m_catalogue;
    QLineEdit *m_field = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_resume = nullptr;
    SearchResultModel *m_model = nullptr;
};

} // namespace ow::ui
