#include "tableimport/ZipArchive.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <zip.h>

namespace ow::tableimport {

namespace {

constexpr qint64 kChunk = 64 * 1024;

} // namespace

ZipArchive::~ZipArchive()
{
    if (m_archive)
        zip_discard(m_archive);
}

Result<void> ZipArchive::open(const QByteArray &bytes, int maxEntries, qint64 maxInflated)
{
    m_bytes = bytes;
    m_budget = maxInflated;
    m_budgetTotal = maxInflated;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source
        = zip_source_buffer_create(m_bytes.constData(), zip_uint64_t(m_bytes.size()), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::tableimport", "the ZIP container could not be read"));
    }
    // ZIP_CHECKCONS: a directory that disagrees with the entries (a cut or patched file) is refused.
    m_archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_archive) {
        zip_source_free(source);
        zip_error_fini(&error);
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::tableimport",
                "the file is not a complete .xlsx workbook (its ZIP container is damaged or cut short): "
                "save it again from the spreadsheet program"));
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(m_archive, 0);
    if (entries < 0 || entries > maxEntries)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "the workbook holds more than %1 parts; this is not a material table")
                .arg(maxEntries));
    return {};
}

bool ZipArchive::contains(const QString &name) const
{
    return m_archive && zip_name_locate(m_archive, name.toUtf8().constData(), 0) >= 0;
}

Result<QByteArray> ZipArchive::read(const QString &name, qint64 maxBytes)
{
    if (!m_archive)
        return fail(Error::Code::Internal, QStringLiteral("ZipArchive::read before open"));
    zip_file_t *file = zip_fopen(m_archive, name.toUtf8().constData(), 0);
    if (!file)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::tableimport", "the workbook has no part %1")
                .arg(InputExcerpt::excerpt(name)));
    QByteArray data;
    char chunk[kChunk];
    for (;;) {
        const zip_int64_t got = zip_fread(file, chunk, kChunk);
        if (got < 0) {
            zip_fclose(file);
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::tableimport",
                    "the workbook's part %1 is damaged (it does not inflate or its checksum is wrong)")
                    .arg(InputExcerpt::excerpt(name)));
        }
        if (got == 0)
            break;
        // Counted as it inflates: the sizes the directory states are not trusted.
        if (data.size() + got > maxBytes) {
            zip_fclose(file);
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "the workbook's part %1 inflates to more than %2 MiB; this is not a material table")
                    .arg(InputExcerpt::excerpt(name), QString::number(maxBytes / (1024 * 1024))));
        }
        if (got > m_budget) {
            zip_fclose(file);
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "the workbook's parts inflate to more than the %1 MiB allowed in all; this is not a "
                    "material table")
                    .arg(m_budgetTotal / (1024 * 1024)));
        }
        m_budget -= got;
        data.append(chunk, got);
    }
    zip_fclose(file);
    return data;
}

} // namespace ow::tableimport
