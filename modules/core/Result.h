#pragma once

#include "core/Error.h"

#include <expected>

namespace ow {

/// A value or the Error that prevented it. Fallible APIs return this instead of throwing.
template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(Error::Code::Parse, tr("…"), where);`
inline std::unexpected<Error> fail(Error::Code code, QString message, SourceLocation where = {})
{
    return std::unexpected<Error>(Error(code, std::move(message), std::move(where)));
}

} // namespace ow
