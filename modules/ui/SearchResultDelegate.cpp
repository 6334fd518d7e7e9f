#include "ui/SearchResultDelegate.h"

#include "catalogue/Catalogue.h"
#include "ui/ChipPainter.h"
#include "ui/ListRowPainter.h"
#include "ui/SearchResultModel.h"
#include "ui/Theme.h"

#include <QPainter>

namespace ow::ui {

using namespace ow::catalogue;

namespace {

constexpr int kPadX = 18;
constexpr int kPadY = 10;
constexpr int kLineGap = 4;

QFont nameFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 1.12);
    font.setBold(true);
    return font;
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.92);
    return font;
}

} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int height = kPadY + QFontMetrics(nameFont(option.font)).height() + kLineGap
        + QFontMetrics(smallFont(option.font)).height() + kPadY;
    return QSize(option.rect.width(), height);
}

void SearchResultDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    ListRowPainter::paintBackground(painter, option, kPadX);

    // Chips on the right: what kind of entry, and how often it is applied for.
    const QFont small = smallFont(option.font);
    QList<QPair<QString, ChipPainter::Style>> chips;
    if (index.data(SearchResultModel::IsBundleRole).toBool())
        chips.append({tr("bundle"), ChipPainter::Style::Accent});
    const int frequency = index.data(SearchResultModel::FrequencyRole).toInt();
    if (frequency >= 0)
        chips.append({displayName(FrequencyClass(frequency)),
            frequency == int(FrequencyClass::High) ? ChipPainter::Style::Success
                                                   : ChipPainter::Style::Neutral});
    int right = rect.right() - kPadX;
    const int chipTop = rect.top() + (rect.height() - ChipPainter::height(small)) / 2;
    for (auto it = chips.crbegin(); it != chips.crend(); ++it) {
        right -= ChipPainter::width(it->first, small);
        ChipPainter::paint(painter, QPoint(right, chipTop), it->first, small, it->second);
        right -= 6;
    }
    const QString match = index.data(SearchResultModel::MatchRole).toString();
    if (!match.isEmpty()) {
        painter->setFont(small);
        const int w = QFontMetrics(small).horizontalAdvance(match);
        right -= w + 6;
        painter->setPen(Theme::warning());
        painter->drawText(QRect(right, rect.top(), w + 6, rect.height()), Qt::AlignVCenter, match);
    }
    const int textRight = right - 12;

    // The name, with the part the query matched on a soft highlight.
    const QFont nf = nameFont(option.font);
    const QFontMetrics nm(nf);
    const QString name = index.data(Qt::DisplayRole).toString();
    const qsizetype start = index.data(SearchResultModel::HighlightStartRole).toLongLong();
    const qsizetype length = index.data(SearchResultModel::HighlightLengthRole).toLongLong();
    const int x = rect.left() + kPadX;
    const int nameTop = rect.top() + kPadY;
    const int baseline = nameTop + nm.ascent();
    painter->setClipRect(QRect(x, rect.top(), textRight - x, rect.height()));
    if (start >= 0 && length > 0 && start + length <= name.size()) {
        const int before = nm.horizontalAdvance(name.left(start));
        const int width = nm.horizontalAdvance(name.mid(start, length));
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::matchBackground());
        painter->drawRoundedRect(QRectF(x + before - 1, nameTop, width + 2, nm.height()), 3, 3);
    }
    painter->setFont(nf);
    painter->setPen(Theme::text());
    painter->drawText(QPoint(x, baseline), name);

    // Second line: code first, since clerks and the provincial catalogue both use it.
    painter->setFont(small);
    const QFontMetrics sm(small);
    const int detailTop = nameTop + nm.height() + kLineGap;
    QStringList details {index.data(SearchResultModel::CodeRole).toString()};
    details.append(index.data(SearchResultModel::DetailsRole).toStringList());
    painter->setPen(Theme::secondaryText());
    painter->drawText(QPoint(x, detailTop + sm.ascent()),
        sm.elidedText(details.join(QStringLiteral("  ·  ")), Qt::ElideRight, textRight - x));
    painter->restore();
}

} // namespace ow::ui
