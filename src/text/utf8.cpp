#include "pledgedb/text/utf8.hpp"

#include <cstdint>
#include <string>

#include "pledgedb/error.hpp"

namespace pledgedb::text {

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path: 8 bytes at a time when none has the high bit.
    while (i + 8 <= n) {
      std::uint64_t w = 0;
      for (int k = 0; k < 8; ++k) w |= static_cast<std::uint64_t>(p[i + k]) << (8 * k);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode table 3-7)
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;        // overlong
      else if (c == 0xED) hi = 0x9F;   // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;        // overlong
      else if (c == 0xF4) hi = 0x8F;   // > U+10FFFF
    } else {
      return i;  // continuation byte, overlong lead C0/C1, or F5..FF
    }
    if (i + len > n) return i;  // truncated
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return npos;
}

void require_valid_utf8(std::string_view s, std::string_view what) {
  const std::size_t bad = find_invalid_utf8(s);
  const std::size_t nul = s.find('\0');
  // Report whichever problem comes first in the input.
  if (nul != std::string_view::npos && (bad == npos || nul < bad))
    throw InputError(std::string(what) + ": NUL byte at byte " + std::to_string(nul) +
                     " (binary file?)");
  if (bad != npos)
    throw InputError(std::string(what) + ": invalid UTF-8 at byte " + std::to_string(bad));
}

}  // namespace pledgedb::text
