#pragma once

#include "authoring/DocumentEdit.h"
#include "authoring/SampleMarks.h"

#include <QDateTime>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QUndoStack;

namespace ow::authoring {
class CatalogueDocument;
}

namespace ow::editorui {

class SampleMarkView;

/// The sample editor (docs/editor.md "Sample marks"): a material's sample image with its marks, drawn,
/// moved, resized, deleted and tied to the material's review points by mouse or keyboard. Every change
/// is sent as one edit of the open document for the window's undo stack; the editor shows the document
/// again after each. A sample that is missing or does not decode is said, naming the file.
class SampleEditor : public QWidget
{
    Q_OBJECT

public:
    /// The open document, asked each time (another catalogue may have been opened meanwhile).
    using DocumentSource = std::function<const authoring::CatalogueDocument *()>;

    SampleEditor(DocumentSource document, QUndoStack *undo, QWidget *parent = nullptr);

    /// Shows the material a node belongs to (the material, its sample, a mark, a review point…),
    /// selecting the mark when the node is one. With `onlyMaterials` (following the tree), a node
    /// outside the material library leaves the material shown as it is.
    void showNode(const authoring::NodeRef &node, bool onlyMaterials = false);
    /// Reads the shown material again after an edit or an undo.
    void refresh();

    SampleMarkView *view() const { return m_view; }
    QListWidget *markList() const { return m_list; }
    QComboBox *pointChoice() const { return m_points; }
    /// What is shown instead of the image when it cannot be (or what to choose first).
    QString problem() const;
    /// The material shown (empty when none).
    QString materialId() const { return m_materialId; }

Q_SIGNALS:
    /// One change of the document, for the undo stack.
    void editRequested(const authoring::Edit &edit, const QString &text);
    /// A mark chosen here, for the tree to follow.
    void markChosen(const authoring::NodeRef &node);

private:
    void display(std::optional<authoring::SampleMarks> marks, int select);
    void loadImage();
    void fillList();
    void showSelected();
    void request(const Result<authoring::Edit> &edit, const QString &text);
    void addMark();
    void chooseImage();
    void say(const QString &text, bool problem);

    DocumentSource m_source;
    const authoring::CatalogueDocument *m_document = nullptr;
    QString m_materialId;
    std::optional<authoring::SampleMarks> m_marks;
    QString m_loadedImage; ///< the path shown, with its time, so an edit does not load it again
    QDateTime m_loadedTime;
    bool m_filling = false;

    QLabel *m_heading = nullptr;
    QStackedWidget *m_stack = nullptr;
    SampleMarkView *m_view = nullptr;
    QLabel *m_problem = nullptr;
    QListWidget *m_list = nullptr;
    QComboBox *m_points = nullptr;
    QLabel *m_written = nullptr;
    QPushButton *m_chooseImage = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ow::editorui
