#pragma once

#include "authoring/LiveLint.h"

#include <QTreeWidget>

namespace ow::editorui {

/// The live lint's findings, errors first within each file: level, place and message with its rule.
/// Enter or a double click on one asks to go to its entry.
class ProblemsPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setProblems(const QList<authoring::Problem> &problems);
    /// The next problem after the current one (wrapping), made current; false when there is none.
    bool selectNext();

Q_SIGNALS:
    void problemActivated(const authoring::NodeRef &node, const QString &file, int line);

private:
    QList<authoring::Problem> m_problems;
};

} // namespace ow::editorui
