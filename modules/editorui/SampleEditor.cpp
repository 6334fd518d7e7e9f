#include "editorui/SampleEditor.h"

#include "authoring/CatalogueDocument.h"
#include "authoring/SampleGeometry.h"
#include "editorui/SampleMarkView.h"
#include "ui/FileDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ow::editorui {

using authoring::Edit;
using authoring::NodeRef;
using authoring::SampleGeometry;
using authoring::SampleMarks;

SampleEditor::SampleEditor(DocumentSource document, QUndoStack *undo, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_source(std::move(document))
{
    setObjectName(QStringLiteral("sampleEditor"));
    setWindowTitle(tr("Sample marks"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("sampleHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_view = new SampleMarkView(this);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("sampleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_problem);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("sampleMarkList"));
    auto *listLabel = new QLabel(tr("Mar&ks:"), this);
    listLabel->setBuddy(m_list);
    m_points = new QComboBox(this);
    m_points->setObjectName(QStringLiteral("samplePoint"));
    m_points->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_points->setMinimumContentsLength(12);
    auto *pointLabel = new QLabel(tr("&Review point of the mark:"), this);
    pointLabel->setBuddy(m_points);
    m_written = new QLabel(this);
    m_written->setObjectName(QStringLiteral("sampleMarkLine"));
    m_written->setWordWrap(true);
    m_written->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseImage = new QPushButton(tr("Choose the sample &image…"), this);
    m_chooseImage->setObjectName(QStringLiteral("sampleChooseImage"));
    m_add = new QPushButton(tr("&Add a mark (Insert)"), this);
    m_delete = new QPushButton(tr("&Delete the mark (Delete)"), this);
    auto *zoomIn = new QPushButton(tr("Zoom in (Ctrl++)"), this);
    auto *zoomOut = new QPushButton(tr("Zoom out (Ctrl+-)"), this);
    auto *fit = new QPushButton(tr("Fit (Ctrl+0)"), this);
    auto *hint = new QLabel(tr("Drag on the image to draw a mark; drag a mark to move it and its small "
                               "squares to resize it. Tab selects the next mark, the arrow keys move it "
                               "by 1 % of the image, Shift with the arrow keys resizes it, Delete deletes "
                               "it. Each change is written to the mark's line and can be undone with "
                               "Ctrl+Z."),
        this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("sampleHint"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("sampleMessage"));
    m_message->setWordWrap(true);

    auto *zoomRow = new QHBoxLayout;
    zoomRow->addWidget(zoomIn);
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(fit);
    auto *side = new QVBoxLayout;
    side->addWidget(listLabel);
    side->addWidget(m_list, 1);
    side->addWidget(pointLabel);
    side->addWidget(m_points);
    side->addWidget(new QLabel(tr("As written:"), this));
    side->addWidget(m_written);
    side->addWidget(m_chooseImage);
    side->addWidget(m_add);
    side->addWidget(m_delete);
    side->addLayout(zoomRow);
    side->addWidget(hint);
    auto *sidePanel = new QWidget(this);
    sidePanel->setLayout(side);
    sidePanel->setFixedWidth(340);
    auto *left = new QVBoxLayout;
    left->addWidget(m_heading);
    left->addWidget(m_stack, 1);
    left->addWidget(m_message);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(sidePanel);

    // Undo and redo work in this window too; they are the catalogue's, shared with the main window.
    QAction *undoAction = undo->createUndoAction(this, tr("Undo"));
    undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction *redoAction = undo->createRedoAction(this, tr("Redo"));
    redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    auto *zoomInAction = new QAction(tr("Zoom in"), this);
    zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    auto *zoomOutAction = new QAction(tr("Zoom out"), this);
    zoomOutAction->setShortcuts(QKeySequence::ZoomOut);
    auto *fitAction = new QAction(tr("Fit the image to the window"), this);
    fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    auto *addAction = new QAction(tr("Add a mark"), this);
    addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    addActions({undoAction, redoAction, zoomInAction, zoomOutAction, fitAction, addAction});

    connect(zoomInAction, &QAction::triggered, m_view, &SampleMarkView::zoomIn);
    connect(zoomOutAction, &QAction::triggered, m_view, &SampleMarkView::zoomOut);
    connect(fitAction, &QAction::triggered, m_view, &SampleMarkView::fitToView);
    connect(zoomIn, &QPushButton::clicked, m_view, &SampleMarkView::zoomIn);
    connect(zoomOut, &QPushButton::clicked, m_view, &SampleMarkView::zoomOut);
    connect(fit, &QPushButton::clicked, m_view, &SampleMarkView::fitToView);
    connect(addAction, &QAction::triggered, this, &SampleEditor::addMark);
    connect(m_add, &QPushButton::clicked, this, &SampleEditor::addMark);
    connect(m_chooseImage, &QPushButton::clicked, this, &SampleEditor::chooseImage);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_marks && m_view->selected() >= 0)
            request(m_marks->remove(*m_document, m_view->selected()),
                tr("Delete mark %1").arg(m_view->selected() + 1));
    });
    connect(m_view, &SampleMarkView::selectedChanged, this, [this](int mark) {
        showSelected();
        if (m_marks && mark >= 0 && !m_filling)
            Q_EMIT markChosen(m_marks->marks.at(mark).node);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling)
            m_view->setSelected(row);
    });
    connect(m_view, &SampleMarkView::markChanged, this, [this](int mark, const QRect &rect) {
        if (!m_marks)
            return;
        const std::optional<QRect> before = m_marks->marks.value(mark).rect;
        const bool sameSize = before && before->size() == rect.size();
        request(m_marks->setRect(*m_document, mark, rect),
            sameSize ? tr("Move mark %1").arg(mark + 1) : tr("Resize mark %1").arg(mark + 1));
    });
    connect(m_view, &SampleMarkView::markDrawn, this, [this](const QRect &rect) {
        if (m_marks)
            request(m_marks->add(*m_document, rect), tr("Draw a mark"));
    });
    connect(m_view, &SampleMarkView::deleteRequested, this, [this](int mark) {
        if (m_marks)
            request(m_marks->remove(*m_document, mark), tr("Delete mark %1").arg(mark + 1));
    });
    connect(m_points, &QComboBox::activated, this, [this](int index) {
        const int mark = m_view->selected();
        if (m_filling || !m_marks || mark < 0 || index < 0)
            return;
        const QString id = m_points->itemData(index).toString();
        if (id != m_marks->marks.at(mark).pointId)
            request(m_marks->tie(*m_document, mark, id), tr("Tie mark %1 to a review point").arg(mark + 1));
    });

    resize(1100, 700);
    display(std::nullopt, -1);
}

QString SampleEditor::problem() const
{
    return m_stack->currentWidget() == m_problem ? m_problem->text() : QString();
}

void SampleEditor::showNode(const NodeRef &node, bool onlyMaterials)
{
    m_document = m_source();
    if (!m_document) {
        display(std::nullopt, -1);
        return;
    }
    const NodeRef material = SampleMarks::materialOf(*m_document, node);
    if (onlyMaterials && !material.isValid())
        return;
    std::optional<SampleMarks> marks
        = material.isValid() ? SampleMarks::read(*m_document, material) : std::nullopt;
    int select = marks ? marks->markAt(node) : -1;
    if (marks && select < 0)
        select = marks->materialId == m_materialId ? m_view->selected() : 0;
    display(std::move(marks), select);
}

void SampleEditor::refresh()
{
    const authoring::CatalogueDocument *document = m_source();
    if (document != m_document) {
        // Another catalogue was opened.
        m_document = document;
        m_materialId.clear();
        display(std::nullopt, -1);
        return;
    }
    if (!m_document || m_materialId.isEmpty())
        return;
    const NodeRef material = SampleMarks::findMaterial(*m_document, m_materialId);
    display(material.isValid() ? SampleMarks::read(*m_document, material) : std::nullopt, m_view->selected());
}

void SampleEditor::display(std::optional<SampleMarks> marks, int select)
{
    m_filling = true;
    m_marks = std::move(marks);
    m_materialId = m_marks ? m_marks->materialId : QString();
    if (!m_marks) {
        m_heading->setText(tr("No material chosen"));
        m_problem->setText(tr("Choose a material of the material library in the tree (or its sample or one "
                              "of its marks), then edit its sample's marks here."));
        m_stack->setCurrentWidget(m_problem);
        m_loadedImage.clear();
    } else {
        m_heading->setText(tr("%1 (%2) — sample %3")
                               .arg(m_marks->materialName, m_marks->materialId,
                                   m_marks->image.isEmpty() ? tr("not given") : m_marks->image));
        setWindowTitle(tr("Sample marks — %1").arg(m_marks->materialName));
        loadImage();
    }
    if (m_stack->currentWidget() == m_view) {
        QList<QRect> rects;
        for (const SampleMarks::Mark &mark : m_marks->marks)
            rects.append(mark.rect.value_or(QRect()));
        if (rects != m_view->rects())
            m_view->setRects(rects);
    }
    fillList();
    // Selecting here follows the document or the tree: the tree is not told back.
    m_view->setSelected(m_marks && select < m_marks->marks.size() ? select : -1);
    m_filling = false;
    showSelected();
}

void SampleEditor::loadImage()
{
    const QString problem = m_document ? m_marks->imageProblem(m_document->directory()) : QString();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_stack->setCurrentWidget(m_problem);
        m_loadedImage.clear();
        return;
    }
    const QString path = m_marks->imagePath(m_document->directory());
    const QDateTime modified = QFileInfo(path).lastModified();
    if (path == m_loadedImage && modified == m_loadedTime && m_stack->currentWidget() == m_view)
        return;
    const QPixmap image(path);
    if (image.isNull()) {
        m_problem->setText(tr("The sample image %1 cannot be shown: it is not a PNG or JPEG image that "
                              "can be read. Export the image again.")
                               .arg(m_marks->image));
        m_stack->setCurrentWidget(m_problem);
        m_loadedImage.clear();
        return;
    }
    QList<QRect> rects;
    for (const SampleMarks::Mark &mark : m_marks->marks)
        rects.append(mark.rect.value_or(QRect()));
    m_stack->setCurrentWidget(m_view);
    m_view->setImage(image, rects);
    m_loadedImage = path;
    m_loadedTime = modified;
}

void SampleEditor::fillList()
{
    m_list->clear();
    m_points->clear();
    if (!m_marks)
        return;
    int number = 0;
    for (const SampleMarks::Mark &mark : m_marks->marks) {
        QString text = m_marks->pointText(mark.pointId);
        if (text.isEmpty())
            text = tr("%1 (no such review point)").arg(mark.pointId);
        if (!mark.rect)
            text += QLatin1Char(' ') + tr("(the place is not written as X, Y, WIDTH, HEIGHT)");
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(++number).arg(text), m_list);
        item->setToolTip(mark.pointId);
    }
    for (const SampleMarks::Point &point : m_marks->points) {
        m_points->addItem(
            point.content ? tr("Content: %1").arg(point.text) : tr("Form: %1").arg(point.text), point.id);
        m_points->setItemData(m_points->count() - 1, point.id, Qt::ToolTipRole);
    }
}

void SampleEditor::showSelected()
{
    const int mark = m_view->selected();
    const bool chosen = m_marks && mark >= 0 && mark < m_marks->marks.size();
    const bool shown = m_marks && m_stack->currentWidget() == m_view;
    m_chooseImage->setEnabled(m_marks.has_value());
    m_add->setEnabled(shown);
    m_delete->setEnabled(chosen);
    m_points->setEnabled(chosen && !m_marks->points.isEmpty());
    const bool filling = m_filling;
    m_filling = true;
    if (m_list->currentRow() != mark)
        m_list->setCurrentRow(mark);
    if (!chosen) {
        m_points->setCurrentIndex(-1);
        m_points->setPlaceholderText(QString());
        m_written->clear();
        m_filling = filling;
        return;
    }
    const SampleMarks::Mark &current = m_marks->marks.at(mark);
    m_points->setCurrentIndex(m_points->findData(current.pointId));
    m_points->setPlaceholderText(tr("%1 (no such review point)").arg(current.pointId));
    m_written->setText(m_document
            ? QStringLiteral("%1:%2  %3")
                  .arg(current.node.file)
                  .arg(current.node.line)
                  .arg(m_document->lineText(current.node.file, current.node.line).trimmed())
            : QString());
    m_filling = filling;
}

void SampleEditor::request(const Result<Edit> &edit, const QString &text)
{
    if (!edit) {
        say(edit.error().message(), true);
        return;
    }
    say(QString(), false);
    if (!edit->isNoOp())
        Q_EMIT editRequested(*edit, text);
}

void SampleEditor::addMark()
{
    if (!m_marks || m_stack->currentWidget() != m_view)
        return;
    // Without a mouse: a mark in the middle of the image, a fifth of it wide and a tenth high, to be
    // moved and resized with the arrow keys.
    const QSize size = m_view->imageSize();
    const SampleGeometry geometry(size);
    const QRect rect = geometry.toFormat(
        QRectF(size.width() * 0.4, size.height() * 0.45, size.width() * 0.2, size.height() * 0.1));
    request(m_marks->add(*m_document, rect), tr("Add a mark"));
    m_view->setFocus();
}

void SampleEditor::chooseImage()
{
    if (!m_marks || !m_document)
        return;
    const QDir root(m_document->directory());
    const QString start
        = root.exists(QStringLiteral("samples")) ? root.filePath(QStringLiteral("samples")) : root.path();
    const QStringList chosen = ui::FileDialog::getOpenFileNames(
        this, tr("Choose the sample image"), start, tr("Images (*.png *.jpg *.jpeg)"));
    if (chosen.isEmpty())
        return;
    // The catalogue refers to files inside its folder; the editor writes only the catalogue's text.
    request(
        m_marks->setImage(*m_document, root.relativeFilePath(chosen.first())), tr("Choose the sample image"));
}

void SampleEditor::say(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QString());
}

} // namespace ow::editorui
