#pragma once

#include <QByteArray>
#include <QString>

namespace ow::server {

/// The frame of every public page of the applicant's side (/guide/): one small HTML document with
/// its style inline — no script, no outside resource, nothing a slow phone must fetch first —,
/// large text, visible focus, and a print style that leaves out navigation and forms.
class GuideHtml
{
public:
    /// A whole page: `title` in <title> and the first heading, `body` already escaped HTML.
    static QByteArray page(const QString &title, const QString &body);
    static QString escape(const QString &text) { return text.toHtmlEscaped(); }
    /// The Content-Security-Policy of these pages: nothing but their own images and forms.
    static QByteArray contentSecurityPolicy();
};

} // namespace ow::server
