#include "server/PreApplicationHtml.h"

#include "catalogue/PreApplicationCode.h"
#include "server/GuideChecklist.h"
#include "server/GuideHtml.h"
#include "server/GuidePage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return GuideHtml::escape(text);
}

QString hidden(const QString &name, const QString &value)
{
    return u"<input type=\"hidden\" name=\""_s + name + u"\" value=\""_s + esc(value) + u"\">\n"_s;
}

QString carried(const PreApplicationHtml::Carry &carry)
{
    QString out;
    if (!carry.code.isEmpty())
        out += hidden(u"code"_s, carry.code);
    if (!carry.matter.isEmpty())
        out += hidden(u"m"_s, carry.matter);
    for (const QString &answer : carry.answers)
        out += hidden(u"a"_s, answer);
    return out;
}

QString messageHtml(const QString &message)
{
    // role=alert: a screen reader reads the problem out as soon as the page shows it.
    return message.isEmpty() ? QString()
                             : u"<p class=\"none\" role=\"alert\">"_s + esc(message) + u"</p>\n"_s;
}

QString nav()
{
    return u"<nav><a href=\"/guide/\">"_s
        + esc(QCoreApplication::translate("ow::server", "Find another matter")) + u"</a></nav>\n"_s;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) == 0 ? 0 : 1);
}

QString stateText(PreApplicationState state)
{
    switch (state) {
    case PreApplicationState::Draft:
        return QCoreApplication::translate("ow::server", "Not submitted yet");
    case PreApplicationState::Submitted:
        return QCoreApplication::translate("ow::server", "Submitted; waiting for the pre-review");
    case PreApplicationState::Accepted:
        return QCoreApplication::translate(
            "ow::server", "Passed the pre-review: bring the originals to any counter");
    case PreApplicationState::Returned:
        return QCoreApplication::translate("ow::server", "Returned: please correct it and submit again");
    case PreApplicationState::Taken:
        return QCoreApplication::translate("ow::server", "Accepted at the counter");
    case PreApplicationState::Expired:
        return QCoreApplication::translate("ow::server", "Expired");
    }
    return {};
}

struct FieldSpec
{
    const char *name;
    const char *label;
    const char *type; ///< input type, "textarea"
    const char *autocomplete;
    bool required;
};

const FieldSpec kApplicantFields[] = {
    {"name", QT_TRANSLATE_NOOP("ow::server", "Name of the applicant or applying unit"), "text", "name", true},
    {"idNumber", QT_TRANSLATE_NOOP("ow::server", "ID number, or unified social credit code of the unit"),
        "text", "off", true},
    {"legalRepresentative", QT_TRANSLATE_NOOP("ow::server", "Legal representative (units)"), "text", "off",
        false},
    {"projectName", QT_TRANSLATE_NOOP("ow::server", "Project name (units, if any)"), "text", "off", false},
    {"contactName", QT_TRANSLATE_NOOP("ow::server", "Contact name"), "text", "name", true},
    {"contactMobile", QT_TRANSLATE_NOOP("ow::server", "Contact mobile number"), "tel", "tel", true},
    {"contactIdNumber", QT_TRANSLATE_NOOP("ow::server", "Contact ID number"), "text", "off", false},
    {"contactPhone", QT_TRANSLATE_NOOP("ow::server", "Contact telephone"), "tel", "tel", false},
    {"address", QT_TRANSLATE_NOOP("ow::server", "Postal address"), "text", "street-address", false},
    {"postcode", QT_TRANSLATE_NOOP("ow::server", "Postcode"), "text", "postal-code", false},
    {"recipientName", QT_TRANSLATE_NOOP("ow::server", "Recipient name (delivery by post)"), "text", "off",
        false},
    {"recipientMobile", QT_TRANSLATE_NOOP("ow::server", "Recipient mobile number"), "tel", "off", false},
    {"recipientProvince", QT_TRANSLATE_NOOP("ow::server", "Recipient province"), "text", "off", false},
    {"recipientCity", QT_TRANSLATE_NOOP("ow::server", "Recipient city"), "text", "off", false},
    {"recipientDistrict", QT_TRANSLATE_NOOP("ow::server", "Recipient district"), "text", "off", false},
    {"recipientAddress", QT_TRANSLATE_NOOP("ow::server", "Recipient street address"), "text", "off", false},
    {"remarks", QT_TRANSLATE_NOOP("ow::server", "Remarks"), "textarea", "off", false},
};

QString applicantForm(const PreApplication &p)
{
    const QJsonObject values = p.applicant ? p.applicant->toJson() : QJsonObject();
    const QString kind = values.value(u"kind"_s).toString(u"person"_s);
    QString form = u"<form method=\"post\" action=\""_s + esc(PreApplicationHtml::pageUrl(p.code))
        + u"/applicant\">\n<fieldset>\n<legend>"_s
        + esc(QCoreApplication::translate("ow::server", "Applicant")) + u"</legend>\n"_s;
    const std::pair<const char *, const char *> kinds[]
        = {{"person", QT_TRANSLATE_NOOP("ow::server", "A person")},
            {"enterprise", QT_TRANSLATE_NOOP("ow::server", "An enterprise")},
            {"other-organisation", QT_TRANSLATE_NOOP("ow::server", "Another organisation")}};
    for (const auto &[key, label] : kinds)
        form += u"<label class=\"opt\"><input type=\"radio\" name=\"kind\" value=\""_s
            + QString::fromLatin1(key) + (kind == QLatin1StringView(key) ? u"\" checked>"_s : u"\">"_s)
            + esc(QCoreApplication::translate("ow::server", label)) + u"</label>\n"_s;
    form += u"</fieldset>\n"_s;
    for (const FieldSpec &field : kApplicantFields) {
        const QString name = QString::fromLatin1(field.name);
        QString value = values.value(name).toString();
        if (name == u"contactMobile"_s && value.isEmpty())
            value = p.mobile;
        form += u"<p><label for=\"f-"_s + name + u"\">"_s
            + esc(QCoreApplication::translate("ow::server", field.label))
            + (field.required ? u" *"_s : QString()) + u"</label>\n"_s;
        if (QLatin1StringView(field.type) == "textarea"_L1)
            form += u"<textarea id=\"f-"_s + name + u"\" name=\""_s + name
                + u"\" rows=\"3\" maxlength=\"1000\">"_s + esc(value) + u"</textarea></p>\n"_s;
        else
            form += u"<input id=\"f-"_s + name + u"\" name=\""_s + name + u"\" type=\""_s
                + QString::fromLatin1(field.type) + u"\" autocomplete=\""_s
                + QString::fromLatin1(field.autocomplete) + u"\" maxlength=\"200\" value=\""_s + esc(value)
                + (field.required ? u"\" required>"_s : u"\">"_s) + u"</p>\n"_s;
    }
    form += u"<label class=\"opt\"><input type=\"checkbox\" name=\"deliverByPost\""_s
        + (values.value(u"deliverByPost"_s).toBool() ? u" checked"_s : QString()) + u">"_s
        + esc(QCoreApplication::translate("ow::server", "Send the result by post"))
        + u"</label>\n<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Save the applicant")) + u"</button>\n</form>\n"_s;
    return form;
}

QString scanSection(const PreApplication &p, const QList<PreApplicationHtml::Material> &materials,
    const PreApplicationRules &rules, bool editable)
{
    QString out = u"<h2 id=\"scans\">"_s
        + esc(QCoreApplication::translate("ow::server", "Scans of your materials"))
        + u"</h2>\n<p class=\"muted\">"_s
        + esc(QCoreApplication::translate("ow::server",
            "PDF, JPEG or PNG; at most %1 MB a file and %2 MB in all. Bring the originals to the counter.")
                  .arg(megabytes(rules.maxScanBytes), megabytes(rules.quotaBytes)))
        + u"</p>\n"_s;
    if (editable)
        out += u"<noscript><p class=\"waive\">"_s
            + esc(QCoreApplication::translate("ow::server",
                "Uploading scans needs JavaScript. Without it, submit without scans and bring the "
                "materials to the counter."))
            + u"</p></noscript>\n"_s;
    out += u"<ol class=\"list\">\n"_s;
    for (const PreApplicationHtml::Material &material : materials) {
        out += u"<li><h3>"_s + esc(material.name) + u"</h3>\n<ul>\n"_s;
        for (const PreApplicationScan &scan : p.scans) {
            if (scan.material != material.id)
                continue;
            out += u"<li>"_s + esc(scan.fileName) + u" <span class=\"muted\">"_s
                + esc(scan.complete()
                        ? QCoreApplication::translate("ow::server", "%1 KB").arg((scan.size + 1023) / 1024)
                        : QCoreApplication::translate("ow::server", "incomplete: %1 of %2 KB")
                              .arg(scan.received / 1024)
                              .arg((scan.size + 1023) / 1024))
                + u"</span>"_s;
            if (editable)
                out += u"<form class=\"inline\" method=\"post\" action=\""_s
                    + esc(PreApplicationHtml::pageUrl(p.code)) + u"/scans/"_s + QString::number(scan.id)
                    + u"/delete\"><button type=\"submit\">"_s
                    + esc(QCoreApplication::translate("ow::server", "Remove")) + u"</button></form>"_s;
            out += u"</li>\n"_s;
        }
        out += u"</ul>\n"_s;
        if (editable)
            out += u"<p class=\"upload\" hidden><label>"_s
                + esc(QCoreApplication::translate("ow::server", "Add a scan")) + u" "_s
                + u"<input type=\"file\" accept=\"application/pdf,image/jpeg,image/png\" data-material=\""_s
                + esc(material.id) + u"\" data-code=\""_s + esc(p.code)
                + u"\"></label> <span class=\"progress\" "
                  "aria-live=\"polite\"></span></p>\n"_s;
        out += u"</li>\n"_s;
    }
    return out + u"</ol>\n"_s;
}

} // namespace

QString PreApplicationHtml::pageUrl(const QString &code)
{
    return u"/guide/pa/"_s + code;
}

QByteArray PreApplicationHtml::contentSecurityPolicy()
{
    // The guide's policy, with the server's own upload script and its requests allowed.
    return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
           "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

QByteArray PreApplicationHtml::notice(const QString &title, const QString &message)
{
    return GuideHtml::page(title, nav() + u"<h1>"_s + esc(title) + u"</h1>\n"_s + messageHtml(message));
}

QByteArray PreApplicationHtml::mobilePage(const Carry &carry, const QString &message)
{
    const QString title = QCoreApplication::translate("ow::server", "Apply online: your mobile number");
    QString body = nav() + u"<h1>"_s + esc(title) + u"</h1>\n<p>"_s
        + esc(QCoreApplication::translate("ow::server",
            "A pre-application is tied to your mobile number. We send a 6-digit code to it; no account "
            "is needed."))
        + u"</p>\n"_s + messageHtml(message) + u"<form method=\"post\" action=\"/guide/pa/sms\">\n"_s
        + carried(carry) + u"<p><label for=\"mobile\">"_s
        + esc(QCoreApplication::translate("ow::server", "Mobile number")) + u"</label>\n"_s
        + u"<input id=\"mobile\" name=\"mobile\" type=\"tel\" inputmode=\"numeric\" autocomplete=\"tel\" "
          "maxlength=\"20\" required></p>\n<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Send the code")) + u"</button>\n</form>\n"_s;
    return GuideHtml::page(title, body);
}

QByteArray PreApplicationHtml::codePage(const Carry &carry, const QString &mobile, const QString &message)
{
    const QString title = QCoreApplication::translate("ow::server", "Apply online: the code from the SMS");
    QString body = nav() + u"<h1>"_s + esc(title) + u"</h1>\n<p>"_s
        + esc(QCoreApplication::translate(
            "ow::server", "Type the 6-digit code sent to your mobile number. It is valid for 10 minutes."))
        + u"</p>\n"_s + messageHtml(message) + u"<form method=\"post\" action=\"/guide/pa/verify\">\n"_s
        + carried(carry) + hidden(u"mobile"_s, mobile) + u"<p><label for=\"sms\">"_s
        + esc(QCoreApplication::translate("ow::server", "Code")) + u"</label>\n"_s
        + u"<input id=\"sms\" name=\"sms\" type=\"text\" inputmode=\"numeric\" "
          u"autocomplete=\"one-time-code\" "
          "pattern=\"[0-9]{6}\" maxlength=\"6\" required></p>\n<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Confirm"))
        + u"</button>\n</form>\n<form method=\"post\" action=\"/guide/pa/sms\">\n"_s + carried(carry)
        + hidden(u"mobile"_s, mobile) + u"<button type=\"submit\">"_s
        + esc(QCoreApplication::translate("ow::server", "Send a new code")) + u"</button>\n</form>\n"_s;
    return GuideHtml::page(title, body);
}

QByteArray PreApplicationHtml::startPage(const Carry &carry, const QString &matterName)
{
    const QString title = QCoreApplication::translate("ow::server", "Apply online");
    QString body = nav() + u"<h1>"_s + esc(title) + u"</h1>\n<p>"_s
        + esc(QCoreApplication::translate(
            "ow::server", "Start an online pre-application for “%1” with the answers of your checklist.")
                  .arg(matterName))
        + u"</p>\n<form method=\"post\" action=\"/guide/pa/new\">\n"_s + carried(carry)
        + u"<button type=\"submit\">"_s + esc(QCoreApplication::translate("ow::server", "Start"))
        + u"</button>\n</form>\n"_s;
    return GuideHtml::page(title, body);
}

QByteArray PreApplicationHtml::page(const PreApplication &p, const QList<Material> &materials,
    const PreApplicationRules &rules, const QString &message, const QString &caseStatusUrl)
{
    const QString title
        = QCoreApplication::translate("ow::server", "Online pre-application: %1").arg(p.matterName);
    QString body = nav() + u"<h1>"_s + esc(title) + u"</h1>\n"_s;
    body += u"<p><strong>"_s + esc(stateText(p.state)) + u"</strong></p>\n"_s + messageHtml(message);
    if (p.state == PreApplicationState::Returned && !p.reviewReasons.isEmpty()) {
        body += u"<h2>"_s + esc(QCoreApplication::translate("ow::server", "What to correct"))
            + u"</h2>\n<ul>\n"_s;
        for (const QString &reason : p.reviewReasons)
            body += u"<li>"_s + esc(reason) + u"</li>\n"_s;
        body += u"</ul>\n"_s;
    }
    if (p.state == PreApplicationState::Taken && !caseStatusUrl.isEmpty())
        body += u"<p><a href=\""_s + esc(caseStatusUrl) + u"\">"_s
            + esc(QCoreApplication::translate("ow::server", "Follow your case")) + u"</a></p>\n"_s;
    if (p.state != PreApplicationState::Draft && p.state != PreApplicationState::Expired) {
        // The code and its QR code: what the counter scans to take the pre-application up.
        const catalogue::PreApplicationCode code {p.code};
        body += u"<section class=\"qr\" aria-labelledby=\"qr\">\n<h2 id=\"qr\">"_s
            + esc(QCoreApplication::translate("ow::server", "Your pre-application code")) + u"</h2>\n<p>"_s
            + esc(QCoreApplication::translate("ow::server",
                "Bring the originals of your materials to any counter and show this code: the clerk "
                "scans it, and nothing has to be typed again."))
            + u"</p>\n"_s
            + GuideChecklist::qrSvg(
                code.toText(), QCoreApplication::translate("ow::server", "QR code of the pre-application"))
            + u"\n<p class=\"pacode\">"_s + esc(p.code) + u"</p>\n<p class=\"muted\">"_s
            + esc(QCoreApplication::translate(
                "ow::server", "Keep this page's address to look at the state again: %1")
                      .arg(pageUrl(p.code)))
            + u"</p>\n</section>\n"_s;
    }
    const bool editable = p.isEditable();
    if (editable) {
        body += u"<p class=\"muted\"><a href=\""_s + esc(GuidePage::matterUrl(p.matter, p.answerTexts))
            + u"\">"_s
            + esc(QCoreApplication::translate("ow::server", "See the checklist of materials again"))
            + u"</a></p>\n"_s;
        body += applicantForm(p);
    }
    if (editable || !p.scans.isEmpty())
        body += scanSection(p, materials, rules, editable);
    if (editable) {
        body += u"<form method=\"post\" action=\""_s + esc(pageUrl(p.code))
            + u"/submit\">\n<button type=\"submit\">"_s
            + esc(p.state == PreApplicationState::Returned
                    ? QCoreApplication::translate("ow::server", "Submit again")
                    : QCoreApplication::translate("ow::server", "Submit the pre-application"))
            + u"</button>\n</form>\n"_s;
        body += u"<script src=\"/guide/pa/upload.js\"></script>\n"_s;
    }
    return GuideHtml::page(title, body);
}

QByteArray PreApplicationHtml::uploadScript()
{
    // Sends a chosen file in 512 KiB chunks at the offset the server acknowledged; after a failure
    // it asks the server how much it has and goes on from there (the counter's uploads do the same).
    return R"JS('use strict';
(function () {
  var CHUNK = 512 * 1024;
  function json(method, url, body) {
    return fetch(url, {method: method, body: body, credentials: 'same-origin'}).then(function (r) {
      return r.json().then(function (j) { j.status = r.status; return j; });
    });
  }
  function send(input, file) {
    var note = input.closest('.upload').querySelector('.progress');
    var base = '/guide/pa/' + input.dataset.code + '/scans';
    var start = base + '?material=' + encodeURIComponent(input.dataset.material) +
      '&name=' + encodeURIComponent(file.name) + '&size=' + file.size +
      '&type=' + encodeURIComponent(file.type);
    input.disabled = true;
    json('POST', start).then(function (made) {
      if (made.status !== 201) throw new Error(made.error ? made.error.message : made.status);
      var url = base + '/' + made.id;
      var tries = 0;
      function step(offset) {
        note.textContent = Math.floor(offset * 100 / file.size) + '%';
        if (offset >= file.size) { location.reload(); return; }
        json('PUT', url + '?offset=' + offset, file.slice(offset, offset + CHUNK)).then(function (r) {
          if (r.status === 200) { tries = 0; step(r.received); return; }
          if (r.status === 409 && typeof r.received === 'number') { step(r.received); return; }
          throw new Error(r.error ? r.error.message : r.status);
        }).catch(function (e) {
          if (++tries > 5) { note.textContent = String(e.message || e); input.disabled = false; return; }
          setTimeout(function () {
            json('GET', url).then(function (p) { step(p.received || 0); }, function () { step(offset); });
          }, 1000 * tries);
        });
      }
      step(0);
    }).catch(function (e) { note.textContent = String(e.message || e); input.disabled = false; });
  }
  document.querySelectorAll('.upload').forEach(function (p) { p.hidden = false; });
  document.querySelectorAll('input[type=file][data-material]').forEach(function (input) {
    input.addEventListener('change', function () { if (input.files.length) send(input, input.files[0]); });
  });
})();
)JS";
}

} // namespace ow::server
