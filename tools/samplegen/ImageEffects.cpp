#include "ImageEffects.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace ow::samplegen {

namespace {

// One horizontal or vertical pass of a running-sum box blur over the RGB channels.
void boxPass(std::vector<QRgb> &pixels, int width, int height, int radius, bool horizontal)
{
    const int length = horizontal ? width : height;
    const int lines = horizontal ? height : width;
    std::vector<QRgb> line(static_cast<size_t>(length));
    for (int l = 0; l < lines; ++l) {
        auto at = [&](int i) -> QRgb & {
            return horizontal ? pixels[size_t(l * width + i)] : pixels[size_t(i * width + l)];
        };
        for (int i = 0; i < length; ++i) {
            line[size_t(i)] = at(i);
        }
        int r = 0;
        int g = 0;
        int b = 0;
        const int window = 2 * radius + 1;
        for (int i = -radius; i <= radius; ++i) {
            const QRgb px = line[size_t(qBound(0, i, length - 1))];
            r += qRed(px);
            g += qGreen(px);
            b += qBlue(px);
        }
        for (int i = 0; i < length; ++i) {
            at(i) = qRgb(r / window, g / window, b / window);
            const QRgb out = line[size_t(qBound(0, i - radius, length - 1))];
            const QRgb in = line[size_t(qBound(0, i + radius + 1, length - 1))];
            r += qRed(in) - qRed(out);
            g += qGreen(in) - qGreen(out);
            b += qBlue(in) - qBlue(out);
        }
    }
}

// Colours are counted in 15-bit cells (5 bits a channel): plenty for documents, small enough to sort.
int cellOf(QRgb px)
{
    return ((qRed(px) >> 3) << 10) | ((qGreen(px) >> 3) << 5) | (qBlue(px) >> 3);
}

struct Cell
{
    int index = 0;
    qint64 count = 0;
    int channel(int c) const { return (index >> (10 - 5 * c)) & 31; }
};

struct Box
{
    std::vector<Cell> cells;
    int widestChannel(int *range) const
    {
        int best = 0;
        *range = -1;
        for (int c = 0; c < 3; ++c) {
            int lo = 31;
            int hi = 0;
            for (const Cell &cell : cells) {
                lo = std::min(lo, cell.channel(c));
                hi = std::max(hi, cell.channel(c));
            }
            if (hi - lo > *range) {
                *range = hi - lo;
                best = c;
            }
        }
        return best;
    }
    qint64 weight() const
    {
        qint64 total = 0;
        for (const Cell &cell : cells) {
            total += cell.count;
        }
        return total;
    }
};

} // namespace

void ImageEffects::blur(QImage &image, const QRect &region, int radius)
{
    const QRect area = region.intersected(image.rect());
    if (area.isEmpty() || radius < 1) {
        return;
    }
    const int width = area.width();
    const int height = area.height();
    std::vector<QRgb> pixels(size_t(width) * size_t(height));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            pixels[size_t(y * width + x)] = image.pixel(area.x() + x, area.y() + y);
        }
    }
    // Pixelate first: a blur alone leaves large digits guessable.
    const int block = std::clamp(height / 5, 8, 14);
    for (int by = 0; by < height; by += block) {
        for (int bx = 0; bx < width; bx += block) {
            int r = 0;
            int g = 0;
            int b = 0;
            int n = 0;
            for (int y = by; y < std::min(height, by + block); ++y) {
                for (int x = bx; x < std::min(width, bx + block); ++x) {
                    const QRgb px = pixels[size_t(y * width + x)];
                    r += qRed(px);
                    g += qGreen(px);
                    b += qBlue(px);
                    ++n;
                }
            }
            const QRgb mean = qRgb(r / n, g / n, b / n);
            for (int y = by; y < std::min(height, by + block); ++y) {
                for (int x = bx; x < std::min(width, bx + block); ++x) {
                    pixels[size_t(y * width + x)] = mean;
                }
            }
        }
    }
    for (int pass = 0; pass < 3; ++pass) {
        boxPass(pixels, width, height, radius, true);
        boxPass(pixels, width, height, radius, false);
    }
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.setPixel(area.x() + x, area.y() + y, pixels[size_t(y * width + x)]);
        }
    }
}

void ImageEffects::watermark(QImage &image, const QString &text)
{
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font(u"Noto Serif CJK SC"_s);
    font.setBold(true);
    font.setPixelSize(qMax(36, image.width() / 9));
    font.setLetterSpacing(QFont::AbsoluteSpacing, font.pixelSize() * 0.3);
    font.setHintingPreference(QFont::PreferNoHinting);
    painter.setFont(font);
    painter.setPen(QColor(0xd0, 0x20, 0x20, 46));
    const QFontMetricsF metrics(font);
    const double stepX = metrics.horizontalAdvance(text) * 2.2;
    const double stepY = font.pixelSize() * 3.2;
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(-30);
    const double reach = std::hypot(image.width(), image.height()) / 2 + stepX;
    int row = 0;
    for (double y = -reach; y <= reach; y += stepY, ++row) {
        const double shift = (row % 2) * stepX / 2;
        for (double x = -reach + shift; x <= reach; x += stepX) {
            painter.drawText(QPointF(x, y), text);
        }
    }
}

} // namespace ow::samplegen

namespace ow::samplegen {

QImage ImageEffects::quantise(const QImage &image, int colours)
{
    const QImage source = image.convertToFormat(QImage::Format_RGB32);
    std::vector<qint64> histogram(1 << 15, 0);
    std::vector<std::array<qint64, 3>> sums(1 << 15, {0, 0, 0});
    for (int y = 0; y < source.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        for (int x = 0; x < source.width(); ++x) {
            const int cell = cellOf(row[x]);
            ++histogram[size_t(cell)];
            sums[size_t(cell)][0] += qRed(row[x]);
            sums[size_t(cell)][1] += qGreen(row[x]);
            sums[size_t(cell)][2] += qBlue(row[x]);
        }
    }
    std::vector<Box> boxes(1);
    for (int cell = 0; cell < (1 << 15); ++cell) {
        if (histogram[size_t(cell)] > 0) {
            boxes.front().cells.push_back({cell, histogram[size_t(cell)]});
        }
    }
    // Median cut: split the box with the widest colour range, weighted by how many pixels it holds.
    while (int(boxes.size()) < colours) {
        int chosen = -1;
        double bestScore = 0;
        for (size_t b = 0; b < boxes.size(); ++b) {
            int range = 0;
            boxes[b].widestChannel(&range);
            const double score = double(range) * std::sqrt(double(boxes[b].weight()));
            if (boxes[b].cells.size() > 1 && score > bestScore) {
                bestScore = score;
                chosen = int(b);
            }
        }
        if (chosen < 0) {
            break;
        }
        Box &box = boxes[size_t(chosen)];
        int range = 0;
        const int channel = box.widestChannel(&range);
        std::sort(box.cells.begin(), box.cells.end(),
            [channel](const Cell &a, const Cell &b) { return a.channel(channel) < b.channel(channel); });
        const qint64 half = box.weight() / 2;
        qint64 running = 0;
        size_t split = 1;
        for (size_t i = 0; i + 1 < box.cells.size(); ++i) {
            running += box.cells[i].count;
            split = i + 1;
            if (running >= half) {
                break;
            }
        }
        Box upper;
        upper.cells.assign(box.cells.begin() + qsizetype(split), box.cells.end());
        box.cells.resize(split);
        boxes.push_back(std::move(upper));
    }
    QList<QRgb> palette;
    std::vector<int> lookup(1 << 15, 0);
    for (const Box &box : boxes) {
        std::array<qint64, 3> total {0, 0, 0};
        const qint64 weight = std::max<qint64>(1, box.weight());
        for (const Cell &cell : box.cells) {
            for (int c = 0; c < 3; ++c) {
                total[size_t(c)] += sums[size_t(cell.index)][size_t(c)];
            }
            lookup[size_t(cell.index)] = int(palette.size());
        }
        palette.append(qRgb(int(total[0] / weight), int(total[1] / weight), int(total[2] / weight)));
    }
    QImage result(source.size(), QImage::Format_Indexed8);
    result.setColorTable(palette);
    for (int y = 0; y < source.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        uchar *out = result.scanLine(y);
        for (int x = 0; x < source.width(); ++x) {
            out[x] = uchar(lookup[size_t(cellOf(row[x]))]);
        }
    }
    return result;
}

} // namespace ow::samplegen
