#pragma once

#include "cases/TransferSlots.h"
#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace ow::documents {

/// A hall's identity (name, address, phone, seal, public link base, complaint line) and the wording
/// of its printed documents: the built-in defaults (resources/documents/hall-settings.ini) with a
/// hall's own INI file over them. Printed wording is Chinese legal text and lives here rather than
/// in UI translations, so every hall prints it exactly, whatever language the clerk's screen uses.
class HallSettings
{
public:
    /// The defaults compiled into the library.
    static Result<HallSettings> builtIn();
    /// The defaults with the values of the file at `path` over them. A key the defaults do not have
    /// is an error (a typo would otherwise be ignored silently), as is a public base URL that is not
    /// an absolute http(s) URL and any value HallSettingsRules refuses: a wording without exactly
    /// the placeholders of its default, a control character, a value too long. The error names the
    /// file and line.
    static Result<HallSettings> load(const QString &path);

    /// The value of `key` in `section`; "⟦section.key⟧" when there is none, so a missing wording
    /// shows on the page instead of silently leaving a gap.
    QString text(QStringView section, QStringView key) const;
    bool contains(QStringView section, QStringView key) const;

    QString hallName() const { return text(u"hall", u"name"); }
    QString sealText() const { return text(u"hall", u"seal"); }
    QString complaintLine() const { return text(u"hall", u"complaint-line"); }
    QString serifFamily() const { return text(u"fonts", u"serif"); }
    QString sansFamily() const { return text(u"fonts", u"sans"); }
    QUrl publicBaseUrl() const;

    /// `<public base URL>/s/<token>`: what a case's QR code encodes.
    QUrl caseLink(const QString &qrToken) const;

    /// The handover slots of [handover]: `slots` for every department, a department's own under its
    /// id, and `day-end`. Each was checked with TransferSlots::parseTimes when the file was loaded.
    cases::TransferSlots transferSlots() const;

private:
    Result<void> merge(const QString &path, bool defaults);
    static QString id(QStringView section, QStringView key);

    QHash<QString, QString> m_values; ///< "section.key" → value
};

} // namespace ow::documents
