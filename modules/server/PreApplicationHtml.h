#pragma once

#include "server/PreApplication.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::server {

/// The applicant's pages of the online pre-application (/guide/pa/…), in the frame of the guide's
/// pages (GuideHtml): the mobile number and its SMS code, the registration form, the scans per
/// material (uploaded by a small script of the server's own, in chunks that resume), and the
/// pre-application's state with its code and QR code. Forms work without script; uploading does not.
class PreApplicationHtml
{
public:
    struct Material
    {
        QString id;
        QString name;
    };

    /// Hidden fields that carry what the applicant is doing across the SMS check: a matter and its
    /// answers (a new pre-application) or the code of an existing one.
    struct Carry
    {
        QString matter;
        QStringList answers;
        QString code;
    };

    static QByteArray mobilePage(const Carry &carry, const QString &message);
    static QByteArray codePage(const Carry &carry, const QString &mobile, const QString &message);
    /// A verified applicant starts a pre-application of `matterName` with these answers.
    static QByteArray startPage(const Carry &carry, const QString &matterName);
    static QByteArray page(const PreApplication &preApplication, const QList<Material> &materials,
        const PreApplicationRules &rules, const QString &message, const QString &caseStatusUrl);
    /// A short page with a heading and one message (not found, switched off, refused).
    static QByteArray notice(const QString &title, const QString &message);

    /// The upload script, served as /guide/pa/upload.js.
    static QByteArray uploadScript();
    static QByteArray contentSecurityPolicy();
    static QString pageUrl(const QString &code);
};

} // namespace ow::server
