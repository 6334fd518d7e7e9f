#include "storage/Transaction.h"

#include "storage/Database.h"

namespace ow::storage {

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Result<void> Transaction::begin()
{
    Result<void> done = m_db.beginWrite();
    m_active = done.has_value();
    return done;
}

Result<void> Transaction::commit()
{
    Result<void> done = m_db.commit();
    if (done)
        m_active = false;
    return done;
}

} // namespace ow::storage
