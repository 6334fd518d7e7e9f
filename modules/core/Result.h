#pragma once

#include "core/Error.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace ow {

/// The failure half of a Result: what `fail()` returns; converts to a Result of any type.
struct Failure
{
    Error error;
};

/// Shorthand for returning a failure: `return fail(Error::Code::Parse, tr("…"), where);`
inline Failure fail(Error::Code code, QString message, SourceLocation where = {})
{
    return Failure {Error(code, std::move(message), std::move(where))};
}

/// Passes on a failure received from another call: `return failWith(other.error());`
inline Failure failWith(Error error)
{
    return Failure {std::move(error)};
}

/// A value or the Error that prevented it. Fallible APIs return this instead of throwing.
///
/// The interface is the subset of C++23 std::expected we use (has_value, value, error, operator*,
/// operator->, value_or), so the code reads the same; it is our own type because the standard one is
/// not available to every compiler we build with (clang with libstdc++ 12, used for the fuzzers).
template<typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_state(std::in_place_index<0>, value)
    {
    }
    Result(T &&value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    template<typename U>
    requires(
        std::is_constructible_v<T,
            U &&> && !std::is_same_v<std::remove_cvref_t<U>, T> && !std::is_same_v<std::remove_cvref_t<U>, Result> && !std::is_same_v<std::remove_cvref_t<U>, Failure>)
        Result(U &&value)
        : m_state(std::in_place_index<0>, std::forward<U>(value))
    {
    }
    Result(Failure failure)
        : m_state(std::in_place_index<1>, std::move(failure.error))
    {
    }

    bool has_value() const { return m_state.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    template<typename U> T value_or(U &&fallback) const &
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// A Result that carries no value: success, or the Error.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure)
        : m_error(std::move(failure.error))
    {
    }

    bool has_value() const { return !m_error.has_value(); }
    explicit operator bool() const { return has_value(); }
    void value() const { }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace ow
