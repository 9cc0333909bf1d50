#pragma once
#include <cstddef>
#include <string_view>

namespace pledgedb::text {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate, truncated...), or npos.
std::size_t find_invalid_utf8(std::string_view s);

// Throws InputError "<what>: invalid UTF-8 at byte N" unless s is valid UTF-8 without NUL bytes.
void require_valid_utf8(std::string_view s, std::string_view what);

}  // namespace pledgedb::text
