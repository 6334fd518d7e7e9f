#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace ow::deptsim {

/// The simulated department's result document: a one-page PDF (准予许可决定书) naming the case, its
/// matter and the day, written by hand so the simulator needs neither Qt Gui nor a font of its own.
/// The Chinese lines use the PDF reader's STSong-Light (Adobe-GB1), the case number Helvetica.
class ResultPdf
{
public:
    static QByteArray make(const QString &caseNumber, const QString &matterName, const QDate &date);
    /// The file name it is uploaded under.
    static QString fileName(const QString &caseNumber);
};

} // namespace ow::deptsim
