#include "server/GuideHtml.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

// Mobile first: one column, 18px text, touch targets of at least 44px, a focus ring that shows on
// any background. The print style drops what only works on a screen.
constexpr auto kStyle
    = "*{box-sizing:border-box}html{font-size:112.5%}"
      "body{font-family:-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans "
      "CJK SC\","
      "sans-serif;margin:0;background:#f4f5f7;color:#1b1b1b;line-height:1.6}"
      "main{max-width:44rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}"
      "h1{font-size:1.35rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}"
      "h3{font-size:1.05rem;margin:0 0 .3rem}a{color:#0b57a4}"
      "a:focus,button:focus,input:focus,label:focus-within{outline:3px solid #e37400;outline-offset:2px}"
      "nav{margin-bottom:.6rem}.muted{color:#555}"
      "form{margin:.8rem 0}fieldset{border:1px solid #ccd;border-radius:6px;padding:.6rem .8rem}"
      "legend{font-weight:bold;font-size:1.1rem;padding:0 .3rem}"
      "label.opt{display:block;min-height:44px;padding:.55rem .3rem;border-bottom:1px solid #eee}"
      "label.opt input{width:1.3rem;height:1.3rem;vertical-align:middle;margin-right:.5rem}"
      "input[type=search],input[type=text],input[type=tel],textarea{font-size:1rem;padding:.5rem;width:100%;"
      "min-height:44px;border:1px solid #889;border-radius:4px;font-family:inherit}"
      "button{font-size:1rem;min-height:44px;padding:.4rem 1.4rem;margin-top:.6rem;background:#0b57a4;"
      "color:#fff;border:0;border-radius:4px}"
      "ul.hits,ol.answers{padding-left:1.2rem}ul.hits li{margin:.5rem 0}"
      "ol.list{padding:0;list-style:none;counter-reset:m}"
      "ol.list>li{border:1px solid #dde;border-radius:6px;padding:.7rem .8rem;margin:.7rem 0;"
      "counter-increment:m;break-inside:avoid}"
      "ol.list>li>h3::before{content:counter(m) \". \"}"
      "dl{display:grid;grid-template-columns:auto 1fr;gap:0 .8rem;margin:.3rem 0}dt{color:#555}dd{margin:0}"
      ".shared{color:#1a6b2e;font-weight:bold}.waive{color:#8a4b00}"
      ".sample{position:relative;display:inline-block;max-width:100%}.sample "
      "img{display:block;max-width:100%;"
      "height:auto;border:1px solid #ccc}.mark{position:absolute;border:2px solid #d00;color:#fff;"
      "font-size:.75rem;line-height:1}.mark b{background:#d00;padding:0 "
      ".2rem;position:absolute;top:-2px;left:-2px}"
      ".qr svg{width:12rem;height:12rem}.code{font-family:monospace;word-break:break-all;font-size:.8rem}"
      ".none{color:#a33}"
      "form.inline{display:inline;margin:0}"
      "form.inline button{min-height:44px;margin:0 0 0 .6rem;padding:0 .9rem;background:#fff;color:#0b57a4;"
      "border:1px solid #0b57a4}"
      ".pacode{font-family:monospace;font-size:1.6rem;font-weight:bold;letter-spacing:.12em}"
      "section.faq details{border-bottom:1px solid #eee}section.faq summary{min-height:44px;padding:.55rem "
      ".3rem;"
      "cursor:pointer;font-weight:bold}section.faq details p{margin:.2rem .3rem .6rem}"
      "@media print{body{background:#fff}main{max-width:none;padding:0}nav,form,.noprint{display:none}"
      "a{color:#000;text-decoration:none}ol.list>li{border-color:#999}}";

} // namespace

QByteArray GuideHtml::contentSecurityPolicy()
{
    return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
           "base-uri 'none'; frame-ancestors 'none'";
}

QByteArray GuideHtml::page(const QString &title, const QString &body)
{
    const QString lang
        = QCoreApplication::translate("ow::server", "en", "the language code of the public page (HTML lang)");
    const QString html = u"<!DOCTYPE html>\n<html lang=\""_s + escape(lang)
        + u"\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<link rel=\"icon\" href=\"data:,\">\n<title>"_s
        + escape(title) + u"</title>\n<style>"_s + QString::fromLatin1(kStyle)
        + u"</style>\n</head>\n<body>\n<main>\n"_s + body + u"</main>\n</body>\n</html>\n"_s;
    return html.toUtf8();
}

} // namespace ow::server
