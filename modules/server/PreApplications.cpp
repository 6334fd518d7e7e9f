#include "server/PreApplications.h"

#include "cases/CaseJson.h"
#include "catalogue/GuideCode.h"
#include "catalogue/PreApplicationCode.h"
#include "core/PhoneNumber.h"
#include "server/Api.h"
#include "server/GuideApi.h"
#include "server/GuidePage.h"
#include "server/PreApplicationApi.h"
#include "server/PreApplicationForm.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ow::server {

using namespace ow::catalogue;
using namespace Qt::StringLiterals;
namespace code = ow::sync::protocol::error;

namespace {

const QString kBase = u"/guide/pa"_s;

ApiReply html(int status, const QByteArray &body)
{
    ApiReply reply;
    reply.status = status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = body;
    return reply;
}

ApiReply redirect(const QString &location)
{
    ApiReply reply;
    reply.status = 303;
    reply.contentType = "text/plain; charset=utf-8";
    reply.headers.append(qMakePair(QByteArray("Location"), location.toUtf8()));
    return reply;
}

ApiReply notFound()
{
    return html(404,
        PreApplicationHtml::notice(QCoreApplication::translate("ow::server", "Not found"),
            QCoreApplication::translate(
                "ow::server", "There is no such pre-application, or it belongs to another mobile number.")));
}

ApiReply rateLimited(int wait)
{
    ApiReply reply = ApiReply::error(429, code::kRateLimited,
        QCoreApplication::translate(
            "ow::server", "Too many requests; try again in %n second(s).", nullptr, wait));
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
    return reply;
}

/// The part after /guide/pa/, split at '/'.
QStringList partsOf(QStringView path)
{
    return path.mid(kBase.size() + 1).toString().split(u'/');
}

std::optional<qint64> scanIdOf(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0 || text.size() > 18)
        return std::nullopt;
    return id;
}

} // namespace

PreApplications::PreApplications(const storage::Database &db, GuideCatalogue &guide,
    const QString &dataDirectory, PreApplicationRules rules, Clock clock)
    : m_db(db)
    , m_guide(guide)
    , m_repository(db, dataDirectory + u"/preapplications"_s, std::move(rules), clock)
    , m_verification(db, clock)
    , m_clock(clock)
    , m_smsLimiter(kSmsRequestsPerMinute)
    , m_codeLimiter(kCodeChecksPerMinute)
    , m_pageLimiter(kPagesPerMinute)
{
}

bool PreApplications::isApplicantPath(QStringView path)
{
    return path == kBase || path.startsWith(QString(kBase + u'/'));
}

qint64 PreApplications::bodyLimit(QByteArrayView method, QStringView path)
{
    const QStringList parts = partsOf(path);
    if (method == "PUT" && parts.size() == 3 && parts.at(1) == u"scans"_s)
        return kMaxChunk;
    if (method == "POST")
        return kMaxFormBody;
    return 0;
}

std::optional<ApiReply> PreApplications::preflight(const ApiRequest &head, const QString &client)
{
    if (const int wait = m_pageLimiter.peek(client, m_clock.nowUtc()))
        return rateLimited(wait);
    const QString &path = head.path;
    if (path == kBase + u"/sms"_s || path == kBase + u"/verify"_s)
        return std::nullopt;
    // Everything else with a body is a verified applicant's: without the session nobody makes the
    // server read a megabyte.
    const bool verified = !sessionMobile(head).isEmpty();
    m_db.finishStatements();
    if (!verified)
        return ApiReply::error(401, code::kUnauthorised,
            QCoreApplication::translate(
                "ow::server", "Confirm your mobile number first (the code from the SMS)."));
    return std::nullopt;
}

QString PreApplications::sessionMobile(const ApiRequest &request)
{
    const QByteArray cookies = request.header("Cookie");
    const QByteArray prefix = QByteArray(kCookie.data(), kCookie.size()) + '=';
    for (const QByteArray &cookie : cookies.split(';')) {
        const QByteArray trimmed = cookie.trimmed();
        if (!trimmed.startsWith(prefix))
            continue;
        Result<QString> mobile
            = m_verification.sessionMobile(QString::fromLatin1(trimmed.mid(prefix.size())));
        if (!mobile) {
            qWarning("onewindow-server: %s", qUtf8Printable(mobile.error().toString()));
            return {};
        }
        return *mobile;
    }
    return {};
}

ApiReply PreApplications::applicant(const ApiRequest &request, const QString &client)
{
    if (const int wait = m_pageLimiter.take(client, m_clock.nowUtc()))
        return rateLimited(wait);
    if (!enabled())
        return html(404,
            PreApplicationHtml::notice(QCoreApplication::translate("ow::server", "Not available"),
                QCoreApplication::translate(
                    "ow::server", "This service hall does not take online pre-applications.")));
    const QByteArray &method = request.method;
    const QStringList parts = partsOf(request.path);
    const QString &first = parts.value(0);
    if (parts.size() == 1 && first == u"upload.js"_s && method == "GET") {
        ApiReply reply;
        reply.contentType = "text/javascript; charset=utf-8";
        reply.body = PreApplicationHtml::uploadScript();
        return reply;
    }
    if (parts.size() == 2 && first == u"new"_s && method == "GET")
        return start(request);
    if (parts.size() == 1 && first == u"new"_s && method == "POST")
        return create(request);
    if (parts.size() == 1 && first == u"sms"_s && method == "POST")
        return sms(request, client);
    if (parts.size() == 1 && first == u"verify"_s && method == "POST")
        return verify(request, client);
    if (!PreApplicationCode::isValidCode(first))
        return notFound();
    ApiReply refusal;
    if (parts.size() == 1 && method == "GET") {
        if (sessionMobile(request).isEmpty())
            return html(200, PreApplicationHtml::mobilePage({{}, {}, first}, QString()));
        if (!owned(request, first, &refusal))
            return refusal;
        return show(first, QString());
    }
    const std::optional<PreApplication> p = owned(request, first, &refusal);
    if (!p)
        return refusal;
    if (parts.size() == 2 && parts.at(1) == u"applicant"_s && method == "POST")
        return saveApplicant(request, *p);
    if (parts.size() == 2 && parts.at(1) == u"submit"_s && method == "POST")
        return submit(*p);
    if (parts.size() == 2 && parts.at(1) == u"scans"_s && method == "POST")
        return addScan(request, *p);
    const std::optional<qint64> scanId
        = parts.size() >= 3 && parts.at(1) == u"scans"_s ? scanIdOf(parts.at(2)) : std::nullopt;
    if (scanId && parts.size() == 3 && method == "PUT")
        return chunk(request, *p, *scanId);
    if (scanId && parts.size() == 3 && method == "GET")
        return progress(*p, *scanId);
    if (scanId && parts.size() == 4 && parts.at(3) == u"delete"_s && method == "POST")
        return removeScan(*p, *scanId);
    return notFound();
}

std::optional<PreApplication> PreApplications::owned(
    const ApiRequest &request, const QString &code, ApiReply *refusal)
{
    const QString mobile = sessionMobile(request);
    if (mobile.isEmpty()) {
        *refusal = ApiReply::error(401, code::kUnauthorised,
            QCoreApplication::translate(
                "ow::server", "Confirm your mobile number first (the code from the SMS)."));
        return std::nullopt;
    }
    Result<std::optional<PreApplication>> found = m_repository.find(code);
    if (!found) {
        *refusal = Api::internalError(found.error());
        return std::nullopt;
    }
    // Another number's pre-application is answered as one that does not exist.
    if (!*found || (*found)->mobile != mobile) {
        *refusal = notFound();
        return std::nullopt;
    }
    return *found;
}

std::optional<PreApplicationHtml::Carry> PreApplications::carriedMatter(
    const QString &matterCode, const QStringList &answers)
{
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_guide.current();
    if (!loaded || !*loaded)
        return std::nullopt;
    const Matter *matter = (*loaded)->catalogue->matter(matterCode);
    if (!matter)
        return std::nullopt;
    const Answers given = GuideCode {matterCode, answers}.answersFor((*loaded)->engine, *matter);
    const Evaluation evaluation = (*loaded)->engine.evaluate(*matter, given);
    if (!evaluation.complete)
        return std::nullopt;
    return PreApplicationHtml::Carry {
        matterCode, GuideCode::answerTexts(*matter, evaluation.effectiveAnswers), QString()};
}

ApiReply PreApplications::start(const ApiRequest &request)
{
    const QString matter = partsOf(request.path).at(1);
    const std::optional<PreApplicationHtml::Carry> carry
        = carriedMatter(matter, GuideApi::answersFromQuery(request.query));
    if (!carry)
        return redirect(GuidePage::matterUrl(matter, GuideApi::answersFromQuery(request.query)));
    if (sessionMobile(request).isEmpty())
        return html(200, PreApplicationHtml::mobilePage(*carry, QString()));
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_guide.current();
    return html(200, PreApplicationHtml::startPage(*carry, (*loaded)->catalogue->matter(matter)->name));
}

ApiReply PreApplications::create(const ApiRequest &request)
{
    const std::optional<PreApplicationForm> form = PreApplicationForm::parse(request.body);
    const QString mobile = sessionMobile(request);
    if (!form || mobile.isEmpty())
        return notFound();
    const std::optional<PreApplicationHtml::Carry> carry
        = carriedMatter(form->value(u"m"_s), form->values(u"a"_s));
    if (!carry)
        return redirect(u"/guide/"_s);
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_guide.current();
    const Matter *matter = (*loaded)->catalogue->matter(carry->matter);
    const Evaluation evaluation = (*loaded)->engine.evaluate(
        *matter, GuideCode {carry->matter, carry->answers}.answersFor((*loaded)->engine, *matter));
    Result<PreApplication> made = m_repository.create(matter->code, matter->name, matter->departmentId,
        cases::CaseJson::answers(evaluation.effectiveAnswers), carry->answers, mobile);
    if (!made)
        return Api::internalError(made.error());
    return redirect(PreApplicationHtml::pageUrl(made->code));
}

ApiReply PreApplications::sms(const ApiRequest &request, const QString &client)
{
    const std::optional<PreApplicationForm> form = PreApplicationForm::parse(request.body);
    if (!form)
        return html(400,
            PreApplicationHtml::notice(QCoreApplication::translate("ow::server", "Not understood"),
                QCoreApplication::translate("ow::server", "The form was not understood.")));
    const PreApplicationHtml::Carry carry {form->value(u"m"_s).left(64),
        form->values(u"a"_s).mid(0, GuideApi::kMaxAnswers),
        PreApplicationCode::isValidCode(form->value(u"code"_s)) ? form->value(u"code"_s) : QString()};
    const Result<PhoneNumber> phone = PhoneNumber::parse(form->value(u"mobile"_s));
    if (!phone || phone->kind() != PhoneNumber::Kind::Mobile)
        return html(422,
            PreApplicationHtml::mobilePage(carry,
                QCoreApplication::translate(
                    "ow::server", "Mobile number: enter the 11 digits of a mainland mobile number.")));
    if (const int wait = m_smsLimiter.take(client, m_clock.nowUtc()))
        return html(429,
            PreApplicationHtml::mobilePage(carry,
                QCoreApplication::translate(
                    "ow::server", "Too many requests; try again in %n second(s).", nullptr, wait)));
    Result<PreApplicationVerification::Sent> sent = m_verification.sendCode(phone->number());
    if (!sent)
        return Api::internalError(sent.error());
    QString message;
    if (!sent->sent)
        message = QCoreApplication::translate("ow::server",
            "A code was sent to this number a short while ago; you can ask for another in %n second(s).",
            nullptr, sent->waitSeconds);
    return html(sent->sent ? 200 : 429, PreApplicationHtml::codePage(carry, phone->number(), message));
}

ApiReply PreApplications::verify(const ApiRequest &request, const QString &client)
{
    if (const int wait = m_codeLimiter.take(client, m_clock.nowUtc()))
        return rateLimited(wait);
    const std::optional<PreApplicationForm> form = PreApplicationForm::parse(request.body);
    if (!form)
        return html(400,
            PreApplicationHtml::notice(QCoreApplication::translate("ow::server", "Not understood"),
                QCoreApplication::translate("ow::server", "The form was not understood.")));
    const PreApplicationHtml::Carry carry {form->value(u"m"_s).left(64),
        form->values(u"a"_s).mid(0, GuideApi::kMaxAnswers),
        PreApplicationCode::isValidCode(form->value(u"code"_s)) ? form->value(u"code"_s) : QString()};
    const Result<PhoneNumber> phone = PhoneNumber::parse(form->value(u"mobile"_s));
    if (!phone || phone->kind() != PhoneNumber::Kind::Mobile)
        return html(422, PreApplicationHtml::mobilePage(carry, QString()));
    Result<PreApplicationVerification::Verification> checked
        = m_verification.verify(phone->number(), form->value(u"sms"_s).trimmed());
    if (!checked)
        return Api::internalError(checked.error());
    switch (checked->checked) {
    case PreApplicationVerification::Checked::Wrong:
        return html(422,
            PreApplicationHtml::codePage(carry, phone->number(),
                QCoreApplication::translate(
                    "ow::server", "The code is wrong; %n more tries.", nullptr, checked->attemptsLeft)));
    case PreApplicationVerification::Checked::Void:
        return html(422,
            PreApplicationHtml::mobilePage(carry,
                QCoreApplication::translate("ow::server",
                    "The code is no longer valid (expired, used or tried too often); ask for a new one.")));
    case PreApplicationVerification::Checked::Verified:
        break;
    }
    ApiRequest verified = request;
    verified.headers.append(qMakePair(QByteArray("Cookie"),
        QByteArray(kCookie.data(), kCookie.size()) + '=' + checked->sessionToken.toLatin1()));
    ApiReply reply;
    if (!carry.code.isEmpty()) {
        reply = redirect(PreApplicationHtml::pageUrl(carry.code));
    } else {
        // Carried on as the form of a new pre-application, so the draft is made by one code path.
        verified.body = "m=" + QUrl::toPercentEncoding(carry.matter);
        for (const QString &answer : carry.answers)
            verified.body += "&a=" + QUrl::toPercentEncoding(answer);
        reply = create(verified);
    }
    // HttpOnly: no script reads it; SameSite=Strict: no other site's form sends it; the path keeps
    // it away from every other page of the server.
    reply.headers.append(qMakePair(QByteArray("Set-Cookie"),
        QByteArray(kCookie.data(), kCookie.size()) + '=' + checked->sessionToken.toLatin1()
            + "; Path=/guide/pa; HttpOnly; SameSite=Strict; Max-Age="
            + QByteArray::number(PreApplicationVerification::kSessionHours * 3600)));
    return reply;
}

QList<PreApplicationHtml::Material> PreApplications::materialsOf(const PreApplication &p)
{
    QList<PreApplicationHtml::Material> materials;
    Result<std::shared_ptr<const GuideCatalogue::Loaded>> loaded = m_guide.current();
    if (!loaded || !*loaded)
        return materials;
    const Matter *matter = (*loaded)->catalogue->matter(p.matter);
    Result<Answers> answers = cases::CaseJson::answersFrom(p.answers);
    if (!matter || !answers)
        return materials;
    // What the hall fetches itself needs no scan.
    for (const ChecklistLine &line : (*loaded)->engine.evaluate(*matter, *answers).checklist.lines)
        if (!line.dataShared)
            materials.append({line.materialId, line.name});
    return materials;
}

QString PreApplications::caseStatusUrl(const QString &caseNumber) const
{
    if (caseNumber.isEmpty())
        return {};
    Result<std::optional<QVariantList>> row
        = m_db.firstRow(u"SELECT qr_token FROM cases WHERE number = ?"_s, {caseNumber});
    if (!row || !*row || (*row)->at(0).toString().isEmpty())
        return {};
    return QString(sync::protocol::kPublicStatus) + (*row)->at(0).toString();
}

ApiReply PreApplications::show(const QString &codeText, const QString &message, int status)
{
    Result<std::optional<PreApplication>> found = m_repository.find(codeText);
    if (!found)
        return Api::internalError(found.error());
    if (!*found)
        return notFound();
    return html(status,
        PreApplicationHtml::page(**found, materialsOf(**found), m_repository.rules(), message,
            caseStatusUrl((*found)->caseNumber)));
}

ApiReply PreApplications::saveApplicant(const ApiRequest &request, const PreApplication &p)
{
    const std::optional<PreApplicationForm> form = PreApplicationForm::parse(request.body);
    QString problem = QCoreApplication::translate("ow::server", "The form was not understood.");
    std::optional<cases::Applicant> applicant
        = form ? PreApplicationForm::applicant(*form, &problem) : std::nullopt;
    if (!applicant)
        return show(p.code, problem, 422);
    if (Result<void> valid = applicant->validate(); !valid) {
        // Shown with what was typed, so nothing has to be typed twice.
        PreApplication typed = p;
        typed.applicant = *applicant;
        return html(422,
            PreApplicationHtml::page(
                typed, materialsOf(p), m_repository.rules(), valid.error().message(), QString()));
    }
    Result<PreApplicationRepository::Outcome> saved = m_repository.setApplicant(p.code, *applicant);
    if (!saved)
        return Api::internalError(saved.error());
    if (*saved != PreApplicationRepository::Outcome::Done)
        return show(p.code,
            QCoreApplication::translate("ow::server", "This pre-application can no longer be changed."), 409);
    return redirect(PreApplicationHtml::pageUrl(p.code) + u"#scans"_s);
}

ApiReply PreApplications::submit(const PreApplication &p)
{
    if (!p.applicant || !p.applicant->validate())
        return show(
            p.code, QCoreApplication::translate("ow::server", "Fill in and save the applicant first."), 422);
    Result<PreApplicationRepository::Outcome> outcome = m_repository.submit(p.code);
    if (!outcome)
        return Api::internalError(outcome.error());
    switch (*outcome) {
    case PreApplicationRepository::Outcome::Done:
    case PreApplicationRepository::Outcome::Repeated:
        return redirect(PreApplicationHtml::pageUrl(p.code));
    case PreApplicationRepository::Outcome::LimitReached:
        return show(p.code,
            QCoreApplication::translate("ow::server",
                "This ID number already has %1 open pre-applications; finish one at the counter first.")
                .arg(m_repository.rules().openPerId),
            409);
    case PreApplicationRepository::Outcome::NotFound:
        return notFound();
    case PreApplicationRepository::Outcome::Conflict:
        break;
    }
    return show(p.code,
        QCoreApplication::translate("ow::server", "This pre-application can no longer be changed."), 409);
}

ApiReply PreApplications::addScan(const ApiRequest &request, const PreApplication &p)
{
    const QString material = request.query.queryItemValue(u"material"_s, QUrl::FullyDecoded);
    const QString name = request.query.queryItemValue(u"name"_s, QUrl::FullyDecoded).trimmed();
    const QString mime = request.query.queryItemValue(u"type"_s, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 size = request.query.queryItemValue(u"size"_s).toLongLong(&ok);
    bool listed = false;
    for (const PreApplicationHtml::Material &m : materialsOf(p))
        listed = listed || m.id == material;
    if (!listed || name.isEmpty() || name.size() > 200 || !ok)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate(
                "ow::server", "The scan needs a material of the checklist, a file name and a size."));
    if (!PreApplicationRepository::isAllowedMime(mime))
        return ApiReply::error(415, code::kInvalid,
            QCoreApplication::translate("ow::server", "Only PDF, JPEG and PNG files are taken."));
    Result<std::pair<PreApplicationRepository::Outcome, qint64>> added
        = m_repository.addScan(p.code, material, name, mime, size);
    if (!added)
        return Api::internalError(added.error());
    if (added->first == PreApplicationRepository::Outcome::LimitReached)
        return ApiReply::error(413, code::kTooLarge,
            QCoreApplication::translate("ow::server",
                "The file is empty or too large, or the pre-application has reached its %1 MB of scans.")
                .arg(m_repository.rules().quotaBytes / PreApplicationRules::kMiB));
    if (added->first != PreApplicationRepository::Outcome::Done)
        return ApiReply::error(409, code::kConflict,
            QCoreApplication::translate("ow::server", "This pre-application can no longer be changed."));
    return ApiReply::json(201,
        QJsonObject {
            {u"id"_s, QString::number(added->second)}, {u"received"_s, 0}, {u"size"_s, double(size)}});
}

ApiReply PreApplications::chunk(const ApiRequest &request, const PreApplication &p, qint64 scanId)
{
    bool ok = false;
    const qint64 offset = request.query.queryItemValue(u"offset"_s).toLongLong(&ok);
    if (!ok || offset < 0)
        return ApiReply::error(
            422, code::kInvalid, QCoreApplication::translate("ow::server", "A chunk needs ?offset=N."));
    Result<std::pair<std::optional<PreApplicationScan>, QString>> written
        = m_repository.appendScan(p.code, scanId, offset, request.body);
    if (!written)
        return Api::internalError(written.error());
    const auto &[scan, message] = *written;
    if (!scan && message.isEmpty())
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is no such scan."));
    if (!scan)
        return ApiReply::error(415, code::kInvalid, message);
    const QJsonObject progress {{u"received"_s, double(scan->received)}, {u"complete"_s, scan->complete()}};
    if (!message.isEmpty())
        return ApiReply::error(409, code::kConflict, message, progress);
    return ApiReply::json(200, progress);
}

ApiReply PreApplications::progress(const PreApplication &p, qint64 scanId)
{
    for (const PreApplicationScan &scan : p.scans)
        if (scan.id == scanId)
            return ApiReply::json(200,
                QJsonObject {{u"received"_s, double(scan.received)}, {u"size"_s, double(scan.size)},
                    {u"complete"_s, scan.complete()}});
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is no such scan."));
}

ApiReply PreApplications::removeScan(const PreApplication &p, qint64 scanId)
{
    Result<PreApplicationRepository::Outcome> removed = m_repository.removeScan(p.code, scanId);
    if (!removed)
        return Api::internalError(removed.error());
    return redirect(PreApplicationHtml::pageUrl(p.code) + u"#scans"_s);
}

ApiReply PreApplications::api(
    const ApiRequest &request, const QStringList &parts, const Credential &credential)
{
    return PreApplicationApi(m_repository).handle(request, parts, credential);
}

} // namespace ow::server
