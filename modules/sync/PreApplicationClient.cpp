#include "sync/PreApplicationClient.h"

#include "cases/AttachmentStore.h"
#include "cases/CaseJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kPath {"/preapplications"};

QString pathOf(const QString &code)
{
    return kPath + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(code));
}

/// The client's failure with what was being done put first, keeping its code (NotFound stays
/// NotFound, so the counter can say "no such pre-application").
Failure failedTo(const QString &what, const Error &error)
{
    return fail(error.code(), QCoreApplication::translate("ow::sync", "%1: %2").arg(what, error.message()));
}

Failure unreadable(const QString &code, const QString &what)
{
    return fail(Error::Code::Parse,
        QCoreApplication::translate(
            "ow::sync", "The server's answer for pre-application %1 cannot be read: %2")
            .arg(code, what));
}

} // namespace

QString PreApplicationSummary::applicantText() const
{
    const QString name = applicantMasked.value("name"_L1).toString();
    const QString number = applicantMasked.value("idNumber"_L1).toString();
    return number.isEmpty() ? name : name + u' ' + number;
}

Result<PreApplication> PreApplication::fromJson(const QJsonObject &object)
{
    PreApplication p;
    p.code = object.value("code"_L1).toString();
    p.hall = object.value("hall"_L1).toString();
    p.matter = object.value("matter"_L1).toString();
    p.state = object.value("state"_L1).toString();
    if (p.code.isEmpty() || p.matter.isEmpty() || p.state.isEmpty())
        return unreadable(
            p.code, QCoreApplication::translate("ow::sync", "the code, the matter or the state is missing"));
    Result<catalogue::Answers> answers = cases::CaseJson::answersFrom(object.value("answers"_L1).toObject());
    if (!answers)
        return unreadable(p.code, answers.error().message());
    p.answers = *answers;
    const std::optional<cases::Applicant> applicant
        = cases::Applicant::fromJson(object.value("applicant"_L1).toObject());
    if (!applicant)
        return unreadable(p.code, QCoreApplication::translate("ow::sync", "the applicant"));
    p.applicant = *applicant;
    p.mobile = object.value("mobile"_L1).toString();
    p.submitted = cases::CaseJson::timeFrom(object.value("submitted"_L1).toString());
    const QJsonObject review = object.value("review"_L1).toObject();
    if (!review.isEmpty()) {
        PreApplicationReview r;
        r.decision = review.value("decision"_L1).toString();
        for (const QJsonValue &reason : review.value("reasons"_L1).toArray())
            r.reasons.append(reason.toString());
        r.reviewer = review.value("reviewer"_L1).toString();
        r.at = cases::CaseJson::timeFrom(review.value("at"_L1).toString());
        p.review = r;
    }
    for (const QJsonValue &value : object.value("scans"_L1).toArray()) {
        const QJsonObject o = value.toObject();
        PreApplicationScan scan;
        scan.id = o.value("id"_L1).isDouble() ? QString::number(qint64(o.value("id"_L1).toDouble()))
                                              : o.value("id"_L1).toString();
        scan.material = o.value("material"_L1).toString();
        scan.fileName = o.value("fileName"_L1).toString();
        scan.mime = o.value("mime"_L1).toString();
        scan.size = qint64(o.value("size"_L1).toDouble(-1));
        scan.sha256 = o.value("sha256"_L1).toString().toLower();
        if (scan.id.isEmpty() || !cases::AttachmentStore::isHash(scan.sha256) || scan.size < 0)
            return unreadable(
                p.code, QCoreApplication::translate("ow::sync", "a scan without its id, size or SHA-256"));
        p.scans.append(scan);
    }
    p.caseNumber = object.value("case"_L1).toString();
    return p;
}

Result<QList<PreApplicationSummary>> PreApplicationClient::list(const QString &state)
{
    QUrlQuery query;
    query.addQueryItem(u"state"_s, state);
    Result<QJsonObject> answer = m_client.call("GET", kPath, query);
    if (!answer)
        return failedTo(
            QCoreApplication::translate("ow::sync", "The hall's pre-applications could not be listed"),
            answer.error());
    QList<PreApplicationSummary> list;
    for (const QJsonValue &value : answer->value("preapplications"_L1).toArray()) {
        const QJsonObject o = value.toObject();
        PreApplicationSummary s;
        s.code = o.value("code"_L1).toString();
        s.matter = o.value("matter"_L1).toString();
        s.matterName = o.value("matterName"_L1).toString();
        s.applicantMasked = o.value("applicant"_L1).toObject();
        s.state = o.value("state"_L1).toString();
        s.submitted = cases::CaseJson::timeFrom(o.value("submitted"_L1).toString());
        s.scanCount = o.value("scanCount"_L1).toInt();
        if (!s.code.isEmpty())
            list.append(s);
    }
    return list;
}

Result<PreApplication> PreApplicationClient::fetch(const QString &code)
{
    Result<QJsonObject> answer = m_client.call("GET", pathOf(code));
    if (!answer) {
        if (answer.error().code() == Error::Code::NotFound)
            return fail(Error::Code::NotFound,
                QCoreApplication::translate(
                    "ow::sync", "The hall's server has no pre-application %1: check the code.")
                    .arg(code));
        return failedTo(
            QCoreApplication::translate("ow::sync", "The pre-application %1 could not be fetched").arg(code),
            answer.error());
    }
    Result<PreApplication> read = PreApplication::fromJson(*answer);
    if (read && read->code != code)
        return unreadable(code,
            QCoreApplication::translate("ow::sync", "it names another pre-application, %1").arg(read->code));
    return read;
}

Result<QByteArray> PreApplicationClient::fetchScan(const QString &code, const PreApplicationScan &scan)
{
    const QString what
        = QCoreApplication::translate("ow::sync", "The scan %1 of pre-application %2 could not be fetched")
              .arg(scan.fileName, code);
    if (scan.size > kMaxScanBytes)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::sync", "%1: it is listed with %2 bytes, more than a scan may have.")
                .arg(what)
                .arg(scan.size));
    Result<QByteArray> bytes = m_client.download(
        pathOf(code) + "/scans/"_L1 + QString::fromLatin1(QUrl::toPercentEncoding(scan.id)), nullptr,
        kMaxScanBytes);
    if (!bytes)
        return failedTo(what, bytes.error());
    if (bytes->size() != scan.size || cases::AttachmentStore::hashOf(*bytes) != scan.sha256)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync",
                "%1: the bytes received do not match the size and SHA-256 the server listed (damaged on "
                "the way, or changed on the server).")
                .arg(what));
    return *bytes;
}

Result<QList<FetchedScan>> PreApplicationClient::fetchScans(const PreApplication &application)
{
    QList<FetchedScan> fetched;
    for (const PreApplicationScan &scan : application.scans) {
        Result<QByteArray> bytes = fetchScan(application.code, scan);
        if (!bytes)
            return failWith(bytes.error());
        fetched.append({scan, *bytes});
    }
    return fetched;
}

Result<void> PreApplicationClient::review(
    const QString &code, bool accept, const QStringList &reasons, const QString &reviewer)
{
    QStringList given;
    for (const QString &reason : reasons)
        if (!reason.trimmed().isEmpty())
            given.append(reason.trimmed());
    if (!accept && given.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync",
                "A pre-application is returned with at least one reason the applicant can act on."));
    const QJsonObject body {{u"decision"_s, accept ? u"accept"_s : u"return"_s},
        {u"reasons"_s, QJsonArray::fromStringList(given)}, {u"reviewer"_s, reviewer}};
    Result<QJsonObject> answer = m_client.call(
        "POST", pathOf(code) + "/review"_L1, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return failedTo(
            QCoreApplication::translate("ow::sync", "The review of pre-application %1 was not recorded")
                .arg(code),
            answer.error());
    return {};
}

Result<void> PreApplicationClient::markTaken(
    const QString &code, const QString &caseNumber, const QString &clerk)
{
    const QJsonObject body {{u"case"_s, caseNumber}, {u"clerk"_s, clerk}};
    Result<QJsonObject> answer = m_client.call(
        "POST", pathOf(code) + "/taken"_L1, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return failedTo(QCoreApplication::translate(
                            "ow::sync", "Pre-application %1 could not be marked as taken by case %2")
                            .arg(code, caseNumber),
            answer.error());
    return {};
}

} // namespace ow::sync
