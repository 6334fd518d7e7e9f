#pragma once

#include "cases/CaseStore.h"
#include "cases/ResultDocuments.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::cases {

/// Who takes a result away at the pickup counter.
struct Collector
{
    enum class Kind
    {
        Applicant, ///< the applicant in person (a person's own ID card)
        Agent, ///< someone else: a relative, an employee, an agency
    };

    Kind kind = Kind::Applicant;
    QString name;
    QString idNumber; ///< the collector's citizen ID number, as typed or read from the card
};

/// The pickup counter's work (出件, guide 三(四)(3)) without widgets: find a case from what the
/// scanner read, say whether its result can be handed out, and record the hand-over or the mailing
/// through the case store, whose lifecycle has the last word.
class PickupDesk
{
public:
    PickupDesk(cases::CaseStore &store, QString clerk);

    /// The token of a scanned case link ".../s/<token>"; nothing when `code` is not such a link.
    static std::optional<QString> tokenFromLink(QStringView code);
    /// The case a scanned or typed code names: a case number, or the link of a case's QR code.
    Result<cases::Case> find(const QString &code) const;
    /// Whether the result can be handed out now; otherwise why not, naming the case's state.
    static Result<void> checkReady(const cases::Case &c);

    /// Records that the result was handed over, after checking the collector's ID number (and,
    /// when the applicant collects in person, that it is the applicant's). The payload names the
    /// result documents held here that went with it ("documents": [sha256…]), as the mailing's does.
    Result<cases::CaseEvent> handOver(const cases::Case &c, const Collector &collector) const;
    /// The fields of the recipient's address (收件人姓名, 手机, 省, 市, 区县, 详细地址) the case lacks,
    /// named for the clerk; empty when the address is complete.
    static QStringList missingAddressFields(const cases::Applicant &applicant);
    /// Completes the mailing address of a case whose result is ready (the applicant gives it at the
    /// pickup counter): `address` holds the recipient's fields (name, mobile, province, city,
    /// district, street address, postcode); each one required is checked, the mobile must be a
    /// mobile number. Saved on the case with an Updated event ("reason": "mailing-address"), so it
    /// syncs; returns the case as saved.
    Result<cases::Case> completeAddress(const cases::Case &c, const cases::Applicant &address) const;
    /// Records that the result was sent by EMS with this tracking number (see TrackingNumber),
    /// refused while the case's address is incomplete (each missing field named).
    Result<cases::CaseEvent> mail(const cases::Case &c, const QString &trackingNumber) const;

    /// The department's result documents of a case (ResultDocuments), oldest first.
    Result<QList<ResultDocument>> documents(const QString &caseNumber) const;
    /// Records in the audit log that a result document was printed (`printed`) or opened for
    /// viewing at the counter.
    Result<void> recordDocumentOutput(const ResultDocument &document, bool printed, int pages = 0) const;

private:
    Result<void> addDocuments(const QString &caseNumber, QJsonObject &payload) const;

    cases::CaseStore &m_store;
    QString m_clerk;
};

} // namespace ow::cases
