#include "cases/Case.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ow::cases {

namespace {
constexpr QLatin1StringView kStatusKeywords[] = {
    QLatin1StringView("pending"),
    QLatin1StringView("received"),
    QLatin1StringView("missing"),
    QLatin1StringView("waived"),
    QLatin1StringView("data-shared"),
    QLatin1StringView("supplemented"),
};
} // namespace

const MaterialCheck *Case::findCheck(const QString &materialId) const
{
    for (const MaterialCheck &check : materialChecks)
        if (check.materialId == materialId)
            return &check;
    return nullptr;
}

QString Case::materialName(const QString &materialId) const
{
    for (const QJsonValue &line : checklist) {
        const QJsonObject object = line.toObject();
        if (object.value(QStringLiteral("material")).toString() == materialId) {
            const QString name = object.value(QStringLiteral("name")).toString();
            if (!name.isEmpty())
                return name;
        }
    }
    return materialId;
}

QString keyword(MaterialCheck::Status status)
{
    return QString(kStatusKeywords[int(status)]);
}

std::optional<MaterialCheck::Status> materialStatusFromKeyword(QStringView text)
{
    for (std::size_t i = 0; i < std::size(kStatusKeywords); ++i)
        if (text == kStatusKeywords[i])
            return MaterialCheck::Status(i);
    return std::nullopt;
}

QString displayName(MaterialCheck::Status status)
{
    switch (status) {
    case MaterialCheck::Status::Pending:
        return QCoreApplication::translate("ow::cases", "not checked yet");
    case MaterialCheck::Status::Received:
        return QCoreApplication::translate("ow::cases", "received");
    case MaterialCheck::Status::Missing:
        return QCoreApplication::translate("ow::cases", "missing");
    case MaterialCheck::Status::Waived:
        return QCoreApplication::translate("ow::cases", "waived, to be supplied later");
    case MaterialCheck::Status::DataShared:
        return QCoreApplication::translate("ow::cases", "fetched by data sharing");
    case MaterialCheck::Status::Supplemented:
        return QCoreApplication::translate("ow::cases", "supplied later");
    }
    return {};
}

} // namespace ow::cases
