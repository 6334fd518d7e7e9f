#include "cases/PickupDesk.h"

#include "cases/CaseNumber.h"
#include "cases/QrToken.h"
#include "cases/ResultDocuments.h"
#include "core/CitizenId.h"
#include "core/PhoneNumber.h"
#include "core/TrackingNumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace ow::cases {

namespace {

const QLatin1StringView kStatusPath("/s/");

} // namespace

PickupDesk::PickupDesk(CaseStore &store, QString clerk)
    : m_store(store)
    , m_clerk(std::move(clerk))
{
}

std::optional<QString> PickupDesk::tokenFromLink(QStringView code)
{
    // Any host: the hall's public address may change, and only a token the store holds finds a case.
    const QUrl url(code.trimmed().toString(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return std::nullopt;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const qsizetype at = path.lastIndexOf(kStatusPath);
    if (at < 0)
        return std::nullopt;
    const QString token = path.mid(at + kStatusPath.size());
    if (!QrToken::isWellFormed(token))
        return std::nullopt;
    return token;
}

Result<Case> PickupDesk::find(const QString &code) const
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "Scan the QR code on the receipt or type the case number."));
    if (const std::optional<QString> token = tokenFromLink(trimmed))
        return m_store.findByToken(*token);
    Result<CaseNumber> number = CaseNumber::parse(trimmed);
    if (!number) {
        if (trimmed.contains(QLatin1StringView("://")))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::cases", "The scanned code is not a case link: %1")
                    .arg(trimmed));
        return failWith(number.error());
    }
    return m_store.findByNumber(number->toString());
}

Result<void> PickupDesk::checkReady(const Case &c)
{
    switch (c.state) {
    case CaseState::ResultReady:
        return {};
    case CaseState::PickedUp:
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The result of case %1 was already picked up.")
                .arg(c.number));
    case CaseState::Mailed:
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The result of case %1 was already mailed.")
                .arg(c.number));
    default:
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "Case %1 is not ready for pickup: it is “%2”. Nothing can be handed out yet.")
                .arg(c.number, displayName(c.state)));
    }
}

Result<void> PickupDesk::addDocuments(const QString &caseNumber, QJsonObject &payload) const
{
    // The department's result documents held here go with the result, printed or on paper; the
    // event says which, so a document that came later is known not to have been handed over.
    Result<QStringList> hashes = ResultDocuments(m_store.database()).fetchedHashes(caseNumber);
    if (!hashes)
        return failWith(hashes.error());
    if (!hashes->isEmpty())
        payload.insert(QStringLiteral("documents"), QJsonArray::fromStringList(*hashes));
    return {};
}

Result<QList<ResultDocument>> PickupDesk::documents(const QString &caseNumber) const
{
    return ResultDocuments(m_store.database()).forCase(caseNumber);
}

Result<void> PickupDesk::recordDocumentOutput(const ResultDocument &document, bool printed, int pages) const
{
    QJsonObject detail {{QStringLiteral("sha256"), document.sha256}, {QStringLiteral("name"), document.name}};
    if (printed)
        detail.insert(QStringLiteral("pages"), pages);
    AuditEntry entry;
    entry.clerk = m_clerk;
    entry.counter = m_store.workstation().counter;
    entry.action
        = printed ? QStringLiteral("result-document.printed") : QStringLiteral("result-document.viewed");
    entry.target = document.caseNumber;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    Result<AuditEntry> recorded = m_store.auditLog().record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

Result<CaseEvent> PickupDesk::handOver(const Case &c, const Collector &collector) const
{
    if (Result<void> ready = checkReady(c); !ready)
        return failWith(ready.error());
    if (collector.name.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "Enter the name of the person who collects the result."));
    Result<CitizenId> id = CitizenId::parse(collector.idNumber);
    if (!id)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The collector's ID number: %1")
                .arg(id.error().message()));
    if (collector.kind == Collector::Kind::Applicant && !c.applicant.isOrganisation()
        && id->number() != c.applicant.idNumber.trimmed().toUpper())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases",
                "This ID number is not the applicant's. If someone else collects the result, choose "
                "“agent”."));

    CaseEvent event;
    event.kind = EventKind::PickedUp;
    event.clerk = m_clerk;
    event.payload = QJsonObject {
        {QStringLiteral("collector"),
            collector.kind == Collector::Kind::Agent ? QStringLiteral("agent") : QStringLiteral("applicant")},
        {QStringLiteral("collectorName"), collector.name.trimmed()},
        {QStringLiteral("collectorIdNumber"), id->number()},
    };
    if (Result<void> listed = addDocuments(c.number, event.payload); !listed)
        return failWith(listed.error());
    return m_store.appendEvent(c.number, event);
}

QStringList PickupDesk::missingAddressFields(const Applicant &a)
{
    const std::pair<const QString *, const char *> fields[] = {
        {&a.recipientName, QT_TRANSLATE_NOOP("ow::cases", "recipient's name")},
        {&a.recipientMobile, QT_TRANSLATE_NOOP("ow::cases", "recipient's mobile")},
        {&a.recipientProvince, QT_TRANSLATE_NOOP("ow::cases", "province")},
        {&a.recipientCity, QT_TRANSLATE_NOOP("ow::cases", "city")},
        {&a.recipientDistrict, QT_TRANSLATE_NOOP("ow::cases", "district")},
        {&a.recipientAddress, QT_TRANSLATE_NOOP("ow::cases", "street address")},
    };
    QStringList missing;
    for (const auto &[value, name] : fields)
        if (value->trimmed().isEmpty())
            missing.append(QCoreApplication::translate("ow::cases", name));
    return missing;
}

Result<Case> PickupDesk::completeAddress(const Case &c, const Applicant &address) const
{
    if (Result<void> ready = checkReady(c); !ready)
        return failWith(ready.error());
    Case updated = c;
    Applicant &a = updated.applicant;
    a.deliverByPost = true;
    a.recipientName = address.recipientName.trimmed();
    a.recipientProvince = address.recipientProvince.trimmed();
    a.recipientCity = address.recipientCity.trimmed();
    a.recipientDistrict = address.recipientDistrict.trimmed();
    a.recipientAddress = address.recipientAddress.trimmed();
    a.recipientPostcode = address.recipientPostcode.trimmed();
    a.recipientMobile = address.recipientMobile.trimmed();
    if (const QStringList missing = missingAddressFields(a); !missing.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The mailing address lacks %1.")
                .arg(QLocale().createSeparatedList(missing)));
    // The courier calls the recipient: a landline or a typo would leave the result undelivered.
    Result<PhoneNumber> mobile = PhoneNumber::parse(a.recipientMobile);
    if (!mobile || mobile->kind() != PhoneNumber::Kind::Mobile)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The recipient's mobile “%1” is not a mobile number.")
                .arg(a.recipientMobile.left(40)));
    a.recipientMobile = mobile->number();
    static const QRegularExpression postcode(QStringLiteral("^[0-9]{6}$"));
    if (!a.recipientPostcode.isEmpty() && !postcode.match(a.recipientPostcode).hasMatch())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The postcode “%1” is not six digits.")
                .arg(a.recipientPostcode.left(20)));
    CaseEvent event;
    event.kind = EventKind::Updated;
    event.clerk = m_clerk;
    event.payload = QJsonObject {{QStringLiteral("reason"), QStringLiteral("mailing-address")}};
    Result<CaseEvent> saved = m_store.save(updated, event);
    if (!saved)
        return failWith(saved.error());
    return m_store.findByNumber(c.number);
}

Result<CaseEvent> PickupDesk::mail(const Case &c, const QString &trackingNumber) const
{
    if (Result<void> ready = checkReady(c); !ready)
        return failWith(ready.error());
    if (const QStringList missing = missingAddressFields(c.applicant); !missing.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases",
                "The result of case %1 cannot be mailed: the mailing address lacks %2. Record the address "
                "first, or hand the result over at the counter.")
                .arg(c.number, QLocale().createSeparatedList(missing)));
    Result<QString> number = TrackingNumber::parse(trackingNumber);
    if (!number)
        return failWith(number.error());
    CaseEvent event;
    event.kind = EventKind::Mailed;
    event.clerk = m_clerk;
    event.payload = QJsonObject {
        {QStringLiteral("carrier"), QStringLiteral("EMS")},
        {QStringLiteral("trackingNumber"), *number},
    };
    if (Result<void> listed = addDocuments(c.number, event.payload); !listed)
        return failWith(listed.error());
    return m_store.appendEvent(c.number, event);
}

} // namespace ow::cases
