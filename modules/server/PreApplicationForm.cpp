#include "server/PreApplicationForm.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

std::optional<QString> decode(QByteArrayView part)
{
    QByteArray bytes = part.toByteArray();
    bytes.replace('+', ' ');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (bytes.at(i) == '%'
            && (i + 2 >= bytes.size() || !isxdigit(uchar(bytes.at(i + 1)))
                || !isxdigit(uchar(bytes.at(i + 2)))))
            return std::nullopt;
    const QString text = QUrl::fromPercentEncoding(bytes);
    if (text.size() > PreApplicationForm::kMaxValueLength)
        return std::nullopt;
    return text;
}

bool hasControl(const QString &text, bool multiLine)
{
    for (const QChar c : text) {
        if (multiLine && (c == u'\n' || c == u'\r'))
            continue;
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

} // namespace

std::optional<PreApplicationForm> PreApplicationForm::parse(QByteArrayView body)
{
    PreApplicationForm form;
    if (body.isEmpty())
        return form;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        if (form.m_fields.size() >= kMaxFields)
            return std::nullopt;
        const qsizetype equals = pair.indexOf('=');
        const std::optional<QString> name = decode(equals < 0 ? pair : pair.first(equals));
        const std::optional<QString> value = decode(equals < 0 ? QByteArrayView() : pair.sliced(equals + 1));
        if (!name || !value || name->isEmpty() || name->size() > 64)
            return std::nullopt;
        form.m_fields.append(qMakePair(*name, *value));
    }
    return form;
}

QString PreApplicationForm::value(const QString &name) const
{
    for (const auto &[key, value] : m_fields)
        if (key == name)
            return value;
    return {};
}

QStringList PreApplicationForm::values(const QString &name) const
{
    QStringList list;
    for (const auto &[key, value] : m_fields)
        if (key == name)
            list.append(value);
    return list;
}

std::optional<cases::Applicant> PreApplicationForm::applicant(
    const PreApplicationForm &form, QString *problem)
{
    static const char *const kTextFields[] = {"name", "idNumber", "projectCode", "projectName",
        "legalRepresentative", "contactName", "contactMobile", "contactIdNumber", "contactPhone", "address",
        "postcode", "recipientName", "recipientMobile", "recipientProvince", "recipientCity",
        "recipientDistrict", "recipientPostcode", "recipientAddress", "remarks"};
    QJsonObject object;
    const QString kind = form.value(u"kind"_s);
    object.insert(u"kind"_s, kind.isEmpty() ? u"person"_s : kind);
    object.insert(u"deliverByPost"_s, form.value(u"deliverByPost"_s) == u"on"_s);
    for (const char *field : kTextFields) {
        const QString name = QString::fromLatin1(field);
        const QString value = form.value(name).trimmed();
        const bool remarks = name == u"remarks"_s;
        if ((!remarks && value.size() > kMaxTextLength) || hasControl(value, remarks)) {
            *problem = QCoreApplication::translate(
                "ow::server", "The field “%1” is too long or holds control characters.")
                           .arg(name);
            return std::nullopt;
        }
        if (!value.isEmpty())
            object.insert(name, value);
    }
    std::optional<cases::Applicant> applicant = cases::Applicant::fromJson(object);
    if (!applicant)
        *problem = QCoreApplication::translate(
            "ow::server", "Choose whether a person, an enterprise or another organisation applies.");
    return applicant;
}

} // namespace ow::server
