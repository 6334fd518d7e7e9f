// libFuzzer target for the CSV reader of material tables (a department's file, any bytes): whatever
// it reads stays within the table's bounds, and a table it reads maps onto nothing worse than refusals.

#include "tableimport/CsvReader.h"
#include "tableimport/TableHeader.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>

using namespace ow::tableimport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ow::Result<MaterialTable> table = CsvReader::read(bytes);
    if (!table)
        return 0;
    if (table->rows.size() > TableLimits::kMaxRows)
        std::abort();
    int previous = 0;
    for (const TableRow &row : table->rows) {
        if (row.number <= previous || row.cells.size() > TableLimits::kMaxColumns)
            std::abort();
        previous = row.number;
        for (const QString &cell : row.cells)
            if (cell.size() > TableLimits::kMaxCellChars)
                std::abort();
    }
    (void)TableHeader::locate(*table);
    return 0;
}
