#pragma once

#include "core/Result.h"

namespace ow::storage {

class Database;

/// A write transaction that rolls back unless commit() succeeded: early returns leave nothing behind.
class Transaction
{
public:
    explicit Transaction(const Database &db)
        : m_db(db)
    {
    }
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Database::beginWrite(): the writer's lock is held from here on.
    Result<void> begin();
    Result<void> commit();

private:
    const Database &m_db;
    bool m_active = false;
};

} // namespace ow::storage
