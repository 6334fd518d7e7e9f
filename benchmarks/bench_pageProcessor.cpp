// The document camera's page processing on a 5 MP photo (2592×1944, what common document cameras
// take): how long the clerk waits between pressing Space and seeing the cropped, levelled page, and
// how long Done takes per page to make the JPEG. The photo is synthetic: a tilted A4 page with
// lines of text on a darker desk (tests/unit/CameraTestPhotos.h).

#include "../tests/unit/CameraTestPhotos.h"
#include "camera/PageDetector.h"
#include "camera/PageProcessor.h"

#include <benchmark/benchmark.h>

using namespace ow::drivers::camera;

namespace {

const QImage &photo()
{
    static const QImage image
        = CameraTestPhotos::pagePhoto(QSize(2592, 1944), QSizeF(1250, 1768), QPointF(1350, 990), 7.0);
    return image;
}

void detectPage(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(PageDetector::detect(photo()));
}
BENCHMARK(detectPage)->Unit(benchmark::kMillisecond);

void cropAndLevel(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(PageProcessor::process(photo(), PageOptions {}));
}
BENCHMARK(cropAndLevel)->Unit(benchmark::kMillisecond);

void encodeJpegA4(benchmark::State &state)
{
    const QImage page = PageProcessor::process(photo(), PageOptions {}).image;
    qint64 bytes = 0;
    for (auto _ : state) {
        const ow::Result<QByteArray> jpeg = PageProcessor::encodeJpeg(page, 85, 2480);
        bytes = jpeg ? jpeg->size() : 0;
    }
    state.counters["kB"] = double(bytes) / 1024;
}
BENCHMARK(encodeJpegA4)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
