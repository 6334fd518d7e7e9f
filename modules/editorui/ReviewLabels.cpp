#include "editorui/ReviewLabels.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QTreeWidget>

namespace ow::editorui::ReviewLabels {

using namespace Qt::StringLiterals;

namespace {

QString change(const QString &change)
{
    if (change == u"added"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "added");
    if (change == u"removed"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "removed");
    return QCoreApplication::translate("ow::editorui::ReviewLabels", "changed");
}

} // namespace

QString state(const QString &state)
{
    if (state == u"in-review"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "in review");
    if (state == u"returned"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "returned to the editor");
    if (state == u"reviewed"_s)
        return QCoreApplication::translate(
            "ow::editorui::ReviewLabels", "reviewed, awaiting acceptance walks");
    if (state == u"walked"_s)
        return QCoreApplication::translate(
            "ow::editorui::ReviewLabels", "walked, awaiting back office sign-off");
    if (state == u"accepted"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "accepted, awaiting publication");
    if (state == u"published"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "published");
    if (state == u"withdrawn"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "withdrawn");
    return state;
}

QString reason(const QString &reason)
{
    if (reason == u"立"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "立 (new)");
    if (reason == u"改"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "改 (amended)");
    if (reason == u"废"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "废 (repealed)");
    if (reason == u"释"_s)
        return QCoreApplication::translate("ow::editorui::ReviewLabels", "释 (interpreted)");
    return reason;
}

bool isWithdrawable(const QString &state)
{
    return state == u"in-review"_s || state == u"reviewed"_s || state == u"walked"_s
        || state == u"accepted"_s;
}

void fillItems(QTreeWidget *list, const QJsonObject &status)
{
    list->clear();
    list->setColumnCount(4);
    list->setHeaderLabels({QCoreApplication::translate("ow::editorui::ReviewLabels", "Item"),
        QCoreApplication::translate("ow::editorui::ReviewLabels", "Change"),
        QCoreApplication::translate("ow::editorui::ReviewLabels", "Grade"),
        QCoreApplication::translate("ow::editorui::ReviewLabels", "Comment")});
    list->setRootIsDecorated(false);
    for (const QJsonValue &value : status.value(u"items"_s).toArray()) {
        const QJsonObject item = value.toObject();
        const QString grade = item.value(u"grade"_s).toString();
        const QString comment = item.value(u"comment"_s).toString();
        auto *row = new QTreeWidgetItem(list,
            {item.value(u"title"_s).toString(), change(item.value(u"change"_s).toString()),
                grade.isEmpty() ? QCoreApplication::translate("ow::editorui::ReviewLabels", "not graded yet")
                                : grade,
                comment});
        row->setData(0, Qt::UserRole, item.value(u"item"_s).toString());
        row->setToolTip(0, item.value(u"item"_s).toString());
        if (grade == u"中"_s || grade == u"低"_s) {
            for (int column = 0; column < 4; ++column)
                row->setForeground(column, QColor(0xb0, 0x00, 0x20));
            row->setToolTip(3, comment + u" — "_s + item.value(u"reviewer"_s).toString());
        }
    }
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
}

} // namespace ow::editorui::ReviewLabels
