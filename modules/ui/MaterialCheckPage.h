#pragma once

#include "cases/Case.h"
#include "catalogue/SituationEngine.h"
#include "intake/MaterialCheckList.h"

#include <QDate>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QKeySequence;
class QListWidget;

namespace ow::intake {
class SharedMaterialFetch;
} // namespace ow::intake

namespace ow::ui {

class MaterialCheckPanel;

/// The material check of the intake (收件核验): the clerk goes through the checklist line by line,
/// records what was handed in, ticks the review points and attaches scans. Keyboard: Up/Down move
/// between lines, Right goes into the review points (Space met, F not met with a reason), R M W D set
/// the status, Enter on a received line or Ctrl+Enter anywhere: all points met and received; F7
/// fetches a data-shared material from the data-sharing platform.
class MaterialCheckPage : public QWidget
{
    Q_OBJECT

public:
    explicit MaterialCheckPage(QWidget *parent = nullptr);

    /// Shows the checklist; `checks` are the earlier checks of these materials (kept by id).
    void setChecklist(const catalogue::Checklist &checklist, const QList<cases::MaterialCheck> &checks);
    /// Shows and edits the intake's checks (not owned: call again with null before they go); null
    /// goes back to a list of the page's own.
    void showCheckList(intake::MaterialCheckList *list);
    QList<cases::MaterialCheck> checks() const; ///< one per checklist line, in order
    /// Attachments already stored for the case (shown under their material).
    /// `online`: the SHA-256 of the scans an online pre-application brought (marked 网上预审).
    void setAttachments(const QList<cases::CaseAttachment> &attachments, const QStringList &online = {});
    /// Default supplement deadline offered when a material is waived (the controller computes it).
    void setDefaultSupplementDeadline(const QDate &date);
    void focusFirstPending();
    /// The data-sharing fetch whose state the data-shared materials show (not owned; null: none).
    void setSharedFetch(const intake::SharedMaterialFetch *fetch);
    /// A material's check or fetch changed outside the page (fetched, failed, taken on paper).
    void refreshMaterial(const QString &materialId);
    /// Counts for the summary bar and the decision step.
    int pendingCount() const;
    int missingCount() const;
    int failedPointCount() const;
    int waivedCount() const;
    int receivedCount() const;

    /// The line list on the left, the selected line's panel on the right (for tests and the window).
    QListWidget *lineList() const { return m_lines; }
    MaterialCheckPanel *panel() const { return m_panel; }
    int currentLine() const;
    /// "3 received · 1 missing · …" as the summary bar shows it.
    QString summaryText() const;

Q_SIGNALS:
    void checksChanged();
    /// showCheckList() was given another intake's checks (or none): what was under way for the
    /// last one no longer applies.
    void checkListReplaced();
    /// The clerk wants files imported (file dialog already answered) into a material.
    void importRequested(const QString &materialId, const QStringList &filePaths);
    /// The clerk wants the document camera for a material (the device layer answers later).
    void scanRequested(const QString &materialId);
    void attachmentOpenRequested(const QString &sha256);
    /// F7 on a data-shared material: fetch it from the data-sharing platform.
    void sharedFetchRequested(const QString &materialId);
    /// The fetch failed and the clerk takes the paper instead, for `reason`.
    void sharedPaperRequested(const QString &materialId, const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildSummaryBar();
    /// One row per line of the list, the first selected.
    void showLines();
    void addShortcut(const QKeySequence &keys, const std::function<void()> &slot);
    void refreshLine(int index);
    /// Whether the lines serve several matters (a bundle): each line then names those it serves.
    bool servesSeveralMatters() const;
    void refreshSummary();
    void lineChanged(int index);
    void moveToNextLine();
    void receiveAllMetAndMoveOn();
    void requestSharedFetch();

    intake::MaterialCheckList m_ownList; ///< when the page is shown without an intake (tests)
    intake::MaterialCheckList *m_list = &m_ownList;
    QListWidget *m_lines = nullptr;
    MaterialCheckPanel *m_panel = nullptr;
    QList<QLabel *> m_summaryChips;
    QLabel *m_summaryTitle = nullptr;
};

} // namespace ow::ui
