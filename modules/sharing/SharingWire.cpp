#include "sharing/SharingWire.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::sharing {

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

Failure malformed(const QString &what)
{
    return fail(Error::Code::Parse,
        QCoreApplication::translate("ow::sharing", "The data-sharing platform's answer is malformed: %1.")
            .arg(what));
}

} // namespace

QByteArray SharingWire::requestBody(const SharedRequest &request)
{
    const QJsonObject body {{str("material"), request.materialId},
        {str("materialName"), request.materialName}, {str("keyKind"), SharedKey::keyword(request.key.kind)},
        {str("key"), request.key.value}, {str("case"), request.caseNumber}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<SharedRequest> SharingWire::requestFrom(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const QJsonObject object = document.object();
    const std::optional<SharedKey::Kind> kind
        = SharedKey::kindFromKeyword(object.value(str("keyKind")).toString());
    SharedRequest request;
    request.materialId = object.value(str("material")).toString();
    request.materialName = object.value(str("materialName")).toString();
    request.caseNumber = object.value(str("case")).toString();
    if (error.error != QJsonParseError::NoError || !document.isObject() || request.materialId.isEmpty()
        || !kind)
        return fail(Error::Code::Parse, QStringLiteral("a request needs material, keyKind and key"));
    request.key = {*kind, object.value(str("key")).toString()};
    return request;
}

QByteArray SharingWire::answerBody(
    const QString &reference, const QString &source, const QString &fileName, const QByteArray &bytes)
{
    const QJsonObject body {{str("reference"), reference}, {str("source"), source},
        {str("fileName"), fileName}, {str("content"), QString::fromLatin1(bytes.toBase64())}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray SharingWire::errorBody(const QString &keyword, const QString &message)
{
    return QJsonDocument(QJsonObject {{str("error"), keyword}, {str("message"), message}})
        .toJson(QJsonDocument::Compact);
}

Result<SharedDocument> SharingWire::documentFrom(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QCoreApplication::translate("ow::sharing", "not a JSON object"));
    const QJsonObject object = document.object();
    SharedDocument shared;
    shared.source = object.value(str("source")).toString().trimmed();
    shared.reference = object.value(str("reference")).toString().trimmed();
    shared.fileName = object.value(str("fileName")).toString().trimmed();
    if (shared.source.isEmpty())
        return malformed(QCoreApplication::translate("ow::sharing", "it names no source"));
    if (shared.reference.isEmpty())
        return malformed(QCoreApplication::translate("ow::sharing", "it has no reference"));
    const QByteArray content = object.value(str("content")).toString().toLatin1();
    const QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(content, QByteArray::AbortOnBase64DecodingErrors);
    if (content.isEmpty() || !decoded)
        return malformed(QCoreApplication::translate("ow::sharing", "its content is not base64"));
    const std::optional<SharedDocument::Type> type = SharedDocument::typeOf(*decoded);
    if (!type)
        return malformed(QCoreApplication::translate("ow::sharing", "its content is not a PDF, JPEG or PNG"));
    shared.bytes = *decoded;
    shared.type = *type;
    // The name is the platform's; only its suffix is ours, from the bytes.
    const QString base
        = shared.fileName.section(QLatin1Char('.'), 0, 0).remove(QLatin1Char('/')).remove(QLatin1Char('\\'));
    shared.fileName = (base.isEmpty() ? QStringLiteral("shared") : base) + QLatin1Char('.')
        + SharedDocument::suffix(*type);
    return shared;
}

} // namespace ow::sharing
