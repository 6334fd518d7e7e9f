#pragma once

#include "sharing/SharedKey.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace ow::sharing {

/// The records the data-sharing simulator answers from, and the documents it draws of them: the
/// business licence (营业执照, a PDF) by credit code, and the household register (居民户口簿) and
/// marriage certificate (结婚证, PNG images) by citizen ID number. A small fixed table of demo
/// companies and people, and for any other valid key a record made up from the key alone, the same
/// every time. Drawing needs a QGuiApplication (fonts).
class SimulatedRegistry
{
public:
    /// One document as the platform would hand it over.
    struct Issued
    {
        QString source; ///< the issuing authority
        QString fileName;
        QByteArray bytes;
    };

    /// The materials the simulator shares, by catalogue id.
    static QStringList materials();
    /// Nothing when the key is not a valid code or number of the kind the material is found by, or
    /// the material is not one the simulator shares: the platform then has no record.
    static std::optional<Issued> issue(const QString &materialId, const SharedKey &key);
    /// The company a credit code belongs to here (the demo table, else made up from the code).
    static QString companyName(const QString &creditCode);
};

} // namespace ow::sharing
