#include "tableimport/MaterialIdMaker.h"

#include "catalogue/Pinyin.h"

#include <QStringList>

namespace ow::tableimport {

QString MaterialIdMaker::stem(const QString &name)
{
    QStringList parts;
    QString latin; // a run of Latin letters and digits is one part
    const auto endLatin = [&] {
        if (!latin.isEmpty())
            parts.append(latin);
        latin.clear();
    };
    for (const char32_t c : name.toUcs4()) {
        if (c < 128 && (QChar::isLetterOrNumber(c))) {
            latin += QChar(char16_t(c)).toLower();
            continue;
        }
        endLatin();
        const auto readings = catalogue::Pinyin::syllables(c);
        if (!readings.empty())
            parts.append(QString(readings.front()));
    }
    endLatin();
    QString id;
    for (const QString &part : std::as_const(parts)) {
        const qsizetype length = id.size() + (id.isEmpty() ? 0 : 1) + part.size();
        if (length > kMaxLength)
            break;
        if (!id.isEmpty())
            id += QLatin1Char('-');
        id += part;
    }
    return id.isEmpty() ? QStringLiteral("material") : id;
}

QString MaterialIdMaker::make(const QString &name)
{
    const QString base = stem(name);
    QString id = base;
    for (int n = 2; m_taken.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    m_taken.insert(id);
    return id;
}

} // namespace ow::tableimport
