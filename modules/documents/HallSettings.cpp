#include "documents/HallSettings.h"

#include "cases/QrToken.h"
#include "core/InputExcerpt.h"
#include "documents/HallSettingsRules.h"
#include "documents/IniFile.h"

#include <QCoreApplication>
#include <QRegularExpression>

// Q_INIT_RESOURCE must be used outside any namespace. The resource lives in a static library, whose
// automatic initialiser the linker may drop, so it is registered explicitly before first use.
static void initSettingsResource()
{
    Q_INIT_RESOURCE(ow_documents_settings);
}

namespace ow::documents {

namespace {
const QString kBuiltInPath = QStringLiteral(":/ow/documents/hall-settings.ini");
const QString kHandover = QStringLiteral("handover");

/// A department's own key in [handover]: its id, as the catalogue writes it.
bool isDepartmentKey(QStringView key)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return shape.match(key).hasMatch();
}

/// [handover] values are times: `day-end` one, every other key a list of slots.
Result<void> checkHandover(QStringView key, const QString &value, const SourceLocation &where)
{
    QString problem;
    if (key == u"day-end") {
        if (const Result<QTime> time = cases::TransferSlots::parseTime(value); !time)
            problem = time.error().message();
    } else if (const Result<QList<QTime>> times = cases::TransferSlots::parseTimes(value); !times) {
        problem = times.error().message();
    }
    if (!problem.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "[handover] %1: %2")
                .arg(InputExcerpt::excerpt(key), problem),
            where);
    return {};
}

Result<void> checkBaseUrl(const QString &text, const SourceLocation &where)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool web = url.scheme() == QStringLiteral("https") || url.scheme() == QStringLiteral("http");
    if (!url.isValid() || !web || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents",
                "The public base URL “%1” must be an absolute http or https address without a query.")
                .arg(text),
            where);
    return {};
}
} // namespace

Result<HallSettings> HallSettings::builtIn()
{
    initSettingsResource();
    HallSettings settings;
    Result<void> merged = settings.merge(kBuiltInPath, true);
    if (!merged)
        return failWith(merged.error());
    return settings;
}

Result<HallSettings> HallSettings::load(const QString &path)
{
    Result<HallSettings> settings = builtIn();
    if (!settings)
        return settings;
    Result<void> merged = settings->merge(path, false);
    if (!merged)
        return failWith(merged.error());
    return settings;
}

Result<void> HallSettings::merge(const QString &path, bool defaults)
{
    Result<QList<IniFile::Entry>> entries = IniFile::read(path);
    if (!entries)
        return failWith(entries.error());
    for (const IniFile::Entry &entry : std::as_const(*entries)) {
        const SourceLocation where {path, entry.line, 0};
        const QString key = id(entry.section, entry.key);
        const bool departmentSlots = entry.section == kHandover && isDepartmentKey(entry.key);
        if (!defaults && !m_values.contains(key) && !departmentSlots)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::documents",
                    "There is no setting “%1” in section [%2]; see the default hall-settings.ini for the "
                    "keys.")
                    .arg(InputExcerpt::excerpt(entry.key), InputExcerpt::excerpt(entry.section)),
                where);
        // The defaults are held to the same rules (but for the placeholders, which they define).
        const auto existing = m_values.constFind(key);
        Result<void> valid = HallSettingsRules::check(entry.section, entry.key, entry.value,
            defaults || existing == m_values.cend() ? nullptr : &existing.value(), where);
        if (!valid)
            return valid;
        if (entry.section == kHandover) {
            Result<void> times = checkHandover(entry.key, entry.value, where);
            if (!times)
                return times;
        }
        if (key == id(u"hall", u"public-base-url")) {
            Result<void> url = checkBaseUrl(entry.value, where);
            if (!url)
                return url;
        }
        m_values.insert(key, entry.value);
    }
    return {};
}

QString HallSettings::id(QStringView section, QStringView key)
{
    return section.toString() + QLatin1Char('.') + key.toString();
}

QString HallSettings::text(QStringView section, QStringView key) const
{
    const auto it = m_values.constFind(id(section, key));
    if (it == m_values.cend())
        return QStringLiteral("⟦%1⟧").arg(id(section, key));
    return *it;
}

bool HallSettings::contains(QStringView section, QStringView key) const
{
    return m_values.contains(id(section, key));
}

QUrl HallSettings::publicBaseUrl() const
{
    return QUrl(text(u"hall", u"public-base-url"));
}

QUrl HallSettings::caseLink(const QString &qrToken) const
{
    QUrl base = publicBaseUrl();
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path + QStringLiteral("/s"));
    return cases::QrToken::link(base, qrToken);
}

cases::TransferSlots HallSettings::transferSlots() const
{
    // Checked at load, so the values parse; the fallbacks only guard a hand-built instance.
    cases::TransferSlots slots(cases::TransferSlots::parseTimes(text(kHandover, u"slots"))
                                   .value_or(cases::TransferSlots().defaults()),
        cases::TransferSlots::parseTime(text(kHandover, u"day-end"))
            .value_or(cases::TransferSlots().dayEnd()));
    const QString prefix = kHandover + QLatin1Char('.');
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString department = it.key().mid(prefix.size());
        if (department == u"slots" || department == u"day-end")
            continue;
        if (Result<QList<QTime>> times = cases::TransferSlots::parseTimes(*it))
            slots.setDepartment(department, *times);
    }
    return slots;
}

} // namespace ow::documents
