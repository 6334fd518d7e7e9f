#pragma once

#include "server/ServerDatabase.h"

#include <QList>
#include <QStringList>

namespace ow::server {

/// The ordered migrations of the server's database (SQLite or PostgreSQL). Statements use the
/// placeholders of ServerDatabase::translate for the few types the dialects name differently;
/// each migration and its schema_version row commit together.
class ServerSchema
{
public:
    struct Migration
    {
        int version = 0;
        QString description;
        QStringList statements;
    };

    static const QList<Migration> &migrations();
    static int latestVersion();
    static Result<int> currentVersion(const ServerDatabase &db);
    static Result<void> migrate(const ServerDatabase &db);
};

} // namespace ow::server
