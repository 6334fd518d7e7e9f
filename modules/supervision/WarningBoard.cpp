#include "supervision/WarningBoard.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>

namespace ow::supervision {

using namespace Qt::StringLiterals;

WarningBoard WarningBoard::fromAnswer(const QJsonObject &answer)
{
    WarningBoard board;
    board.m_day = answer.value(u"day"_s).toString();
    QHash<QString, qsizetype> index;
    const QJsonArray rows = answer.value(u"warnings"_s).toArray();
    for (const QJsonValue &value : rows) {
        std::optional<Warning> warning = Warning::fromJson(value.toObject());
        if (!warning) {
            ++board.m_skipped;
            continue;
        }
        auto found = index.constFind(warning->departmentId);
        if (found == index.cend()) {
            found = index.insert(warning->departmentId, board.m_departments.size());
            board.m_departments.append(Department {warning->departmentId, warning->departmentName, 0, 0, {}});
        }
        Department &department = board.m_departments[*found];
        const bool red = warning->colour == Colour::Red;
        ++(red ? department.red : department.yellow);
        ++(red ? board.m_red : board.m_yellow);
        department.warnings.append(std::move(*warning));
    }
    for (Department &department : board.m_departments)
        std::stable_sort(
            department.warnings.begin(), department.warnings.end(), [](const Warning &a, const Warning &b) {
                if (a.colour != b.colour)
                    return a.colour == Colour::Red;
                if (a.since != b.since)
                    return a.since < b.since;
                return a.caseNumber < b.caseNumber;
            });
    std::sort(
        board.m_departments.begin(), board.m_departments.end(), [](const Department &a, const Department &b) {
            if (a.red != b.red)
                return a.red > b.red;
            if (a.yellow != b.yellow)
                return a.yellow > b.yellow;
            return a.name < b.name;
        });
    return board;
}

const WarningBoard::Department *WarningBoard::department(const QString &id) const
{
    for (const Department &d : m_departments)
        if (d.id == id)
            return &d;
    return nullptr;
}

} // namespace ow::supervision
