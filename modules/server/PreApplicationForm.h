#pragma once

#include "cases/Applicant.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::server {

/// What the applicant's forms of the online pre-application send (application/x-www-form-urlencoded),
/// read with bounds: at most kMaxFields fields of at most kMaxValueLength characters each; anything
/// longer or more is not this form. Pure, so the fuzzer reads what the server reads.
class PreApplicationForm
{
public:
    static constexpr int kMaxFields = 100;
    static constexpr qsizetype kMaxValueLength = 1000;
    static constexpr qsizetype kMaxTextLength = 200; ///< of one applicant field; remarks kMaxValueLength

    /// The fields in order, decoded ('+' is a space); nullopt for a body that is not such a form.
    static std::optional<PreApplicationForm> parse(QByteArrayView body);

    QString value(const QString &name) const;
    QStringList values(const QString &name) const;

    /// The registration fields as the counter's Applicant: the same names as Applicant::toJson()
    /// ("kind", "name", "idNumber", "contactMobile", …; "deliverByPost" ticked = "on"). Control
    /// characters are refused. The message names the field, translated; the applicant is not
    /// validated here (Applicant::validate() does that).
    static std::optional<cases::Applicant> applicant(const PreApplicationForm &form, QString *problem);

private:
    QList<QPair<QString, QString>> m_fields;
};

} // namespace ow::server
