// libFuzzer target for the XLSX reader of material tables. The first byte chooses what the rest is:
// even, a whole file (the ZIP container as a department sends it); odd, the sheet's XML, packed here
// into a workbook with libzip, so the fuzzer reaches the sheet parser rather than spending itself on
// ZIP checksums. The seed in fuzz/corpus/table-xlsx is such a sheet after the byte 0x01.

#include "tableimport/MaterialTable.h"
#include "tableimport/XlsxReader.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>
#include <zip.h>

using namespace ow::tableimport;

namespace {

QByteArray workbookAround(const QByteArray &sheet)
{
    static const QByteArray workbook
        = "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    static const QByteArray shared
        = "<sst><si><t>材料名称</t></si><si><r><t>所属</t></r><r><t>情形</t></r></si></sst>";
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    const std::pair<const char *, const QByteArray *> parts[] = {{"xl/workbook.xml", &workbook},
        {"xl/sharedStrings.xml", &shared}, {"xl/worksheets/sheet1.xml", &sheet}};
    for (const auto &[name, data] : parts)
        zip_file_add(
            archive, name, zip_source_buffer(archive, data->constData(), zip_uint64_t(data->size()), 0), 0);
    zip_close(archive);
    QByteArray bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        bytes.resize(zip_source_tell(buffer));
        zip_source_seek(buffer, 0, SEEK_SET);
        zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size()));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QByteArray file = (data[0] & 1) ? workbookAround(rest) : rest;
    const ow::Result<MaterialTable> table = XlsxReader::read(file);
    if (!table)
        return 0;
    if (table->rows.size() > TableLimits::kMaxRows)
        std::abort();
    for (const TableRow &row : table->rows) {
        if (row.cells.size() > TableLimits::kMaxColumns)
            std::abort();
        for (const QString &cell : row.cells)
            if (cell.size() > TableLimits::kMaxCellChars)
                std::abort();
    }
    return 0;
}
