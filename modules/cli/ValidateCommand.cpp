#include "cli/ValidateCommand.h"

#include "cli/SubcommandParser.h"
#include "core/CitizenId.h"
#include "core/CreditCode.h"
#include "core/PhoneNumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

namespace {

QJsonArray toJson(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

} // namespace

int ValidateCommand::run(QStringList arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Check a value the way the counter does and print its parts, or why it is invalid.\n"
        "  id     citizen ID number (GB 11643): area, birth date, sex\n"
        "  uscc   unified social credit code (GB 32100): authority, category, area\n"
        "  phone  mainland mobile or landline number\n"
        "Exit 0 when valid (warnings are printed but do not fail), 1 when invalid, 2 on a usage error."));
    parser.addPositionalArgument(
        QStringLiteral("KIND"), QCoreApplication::translate("ow::cli", "id, uscc or phone"));
    parser.addPositionalArgument(
        QStringLiteral("VALUE"), QCoreApplication::translate("ow::cli", "the value to check"));
    const QCommandLineOption json(
        QStringLiteral("json"), QCoreApplication::translate("ow::cli", "Print machine-readable JSON."));
    parser.addOption(json);
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, QStringLiteral("onewindow-cli validate"), arguments, -1))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "Usage: onewindow-cli validate id|uscc|phone VALUE [--json] (--help for more)\n");
        return 2;
    }
    const QString &kind = positional.at(0);
    if (kind == QStringLiteral("id"))
        return citizenId(positional.at(1), parser.isSet(json));
    if (kind == QStringLiteral("uscc"))
        return creditCode(positional.at(1), parser.isSet(json));
    if (kind == QStringLiteral("phone"))
        return phone(positional.at(1), parser.isSet(json));
    m_console.err() << QCoreApplication::translate("ow::cli", "unknown kind '%1': use id, uscc or phone")
                           .arg(Console::quote(kind))
                    << '\n';
    return 2;
}

int ValidateCommand::invalid(const QString &kind, const QString &reason, bool json)
{
    if (json) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("kind"), kind},
            {QStringLiteral("valid"), false}, {QStringLiteral("reason"), reason}}));
    } else {
        m_console.out() << QCoreApplication::translate("ow::cli", "invalid: %1").arg(reason) << '\n';
    }
    return 1;
}

void ValidateCommand::printFields(
    const QList<std::pair<QString, QString>> &fields, const QStringList &warnings)
{
    int width = 0;
    for (const auto &[label, value] : fields)
        width = std::max(width, Console::displayWidth(label));
    for (const auto &[label, value] : fields)
        m_console.out() << QStringLiteral("  ") << Console::padded(label + u':', width + 2) << value << '\n';
    for (const QString &warning : warnings)
        m_console.out() << QCoreApplication::translate("ow::cli", "warning: %1").arg(warning) << '\n';
}

int ValidateCommand::citizenId(const QString &value, bool json)
{
    const QString kind = QStringLiteral("id");
    const Result<CitizenId> id = CitizenId::parse(value);
    if (!id)
        return invalid(kind, id.error().message(), json);
    const bool male = id->sex() == CitizenId::Sex::Male;
    if (json) {
        m_console.printJson(
            QJsonDocument(QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("valid"), true},
                {QStringLiteral("number"), id->number()}, {QStringLiteral("masked"), id->masked()},
                {QStringLiteral("areaCode"), id->areaCode()}, {QStringLiteral("areaName"), id->areaName()},
                {QStringLiteral("birthDate"), id->birthDate().toString(Qt::ISODate)},
                {QStringLiteral("sex"), male ? QStringLiteral("male") : QStringLiteral("female")},
                {QStringLiteral("warnings"), toJson(id->warnings())}}));
        return 0;
    }
    m_console.out() << QCoreApplication::translate("ow::cli", "valid citizen ID number %1").arg(id->number())
                    << '\n';
    printFields(
        {{QCoreApplication::translate("ow::cli", "area"),
             QString(id->areaCode() + u' ' + id->areaName()).trimmed()},
            {QCoreApplication::translate("ow::cli", "birth date"), id->birthDate().toString(Qt::ISODate)},
            {QCoreApplication::translate("ow::cli", "sex"),
                male ? QCoreApplication::translate("ow::cli", "male")
                     : QCoreApplication::translate("ow::cli", "female")},
            {QCoreApplication::translate("ow::cli", "masked"), id->masked()}},
        id->warnings());
    return 0;
}

int ValidateCommand::creditCode(const QString &value, bool json)
{
    const QString kind = QStringLiteral("uscc");
    const Result<CreditCode> code = CreditCode::parse(value);
    if (!code)
        return invalid(kind, code.error().message(), json);
    if (json) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("kind"), kind},
            {QStringLiteral("valid"), true}, {QStringLiteral("code"), code->code()},
            {QStringLiteral("authorityCode"), QString(code->authorityCode())},
            {QStringLiteral("authority"), code->authorityName()},
            {QStringLiteral("categoryCode"), QString(code->categoryCode())},
            {QStringLiteral("category"), code->categoryName()},
            {QStringLiteral("areaCode"), code->areaCode()}, {QStringLiteral("areaName"), code->areaName()},
            {QStringLiteral("organizationCode"), code->organizationCode()},
            {QStringLiteral("warnings"), toJson(code->warnings())}}));
        return 0;
    }
    const QString unknown = QCoreApplication::translate("ow::cli", "(not in GB 32100)");
    m_console.out()
        << QCoreApplication::translate("ow::cli", "valid unified social credit code %1").arg(code->code())
        << '\n';
    printFields({{QCoreApplication::translate("ow::cli", "authority"),
                     QString(code->authorityCode()) + u' '
                         + (code->authorityName().isEmpty() ? unknown : code->authorityName())},
                    {QCoreApplication::translate("ow::cli", "category"),
                        QString(code->categoryCode()) + u' '
                            + (code->categoryName().isEmpty() ? unknown : code->categoryName())},
                    {QCoreApplication::translate("ow::cli", "area"),
                        QString(code->areaCode() + u' ' + code->areaName()).trimmed()},
                    {QCoreApplication::translate("ow::cli", "organisation code"), code->organizationCode()}},
        code->warnings());
    return 0;
}

int ValidateCommand::phone(const QString &value, bool json)
{
    const QString kind = QStringLiteral("phone");
    const Result<PhoneNumber> number = PhoneNumber::parse(value);
    if (!number)
        return invalid(kind, number.error().message(), json);
    const bool mobile = number->kind() == PhoneNumber::Kind::Mobile;
    if (json) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("kind"), kind},
            {QStringLiteral("valid"), true}, {QStringLiteral("number"), number->number()},
            {QStringLiteral("type"), mobile ? QStringLiteral("mobile") : QStringLiteral("landline")},
            {QStringLiteral("areaCode"), number->areaCode()}, {QStringLiteral("masked"), number->masked()}}));
        return 0;
    }
    m_console.out() << (mobile ? QCoreApplication::translate("ow::cli", "valid mobile number %1")
                               : QCoreApplication::translate("ow::cli", "valid landline number %1"))
                           .arg(number->number())
                    << '\n';
    QList<std::pair<QString, QString>> fields;
    if (!mobile)
        fields.append({QCoreApplication::translate("ow::cli", "area code"), number->areaCode()});
    fields.append({QCoreApplication::translate("ow::cli", "masked"), number->masked()});
    printFields(fields, {});
    return 0;
}

} // namespace ow::cli
