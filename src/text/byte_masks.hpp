#pragma once
// Many bytes of text classified at once, for the scanners' fast paths (the byte loops they
// replace stay for other processors and as the tests' reference).
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pledgedb::text::bytes {

// The 8 bytes at p as a number whose lowest byte is p[0], on any processor.
inline std::uint64_t load_le64(const void* p) {
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

constexpr std::uint64_t kEachByte = 0x0101010101010101ull, kHighBits = kEachByte * 0x80;

// The bytes of x (8 bytes of text, in any order) that are 'a'..'z', as their high bits. On the
// low 7 bits the additions never carry into the next byte; bytes of 0x80 and up are then ruled
// out by their own high bit.
constexpr std::uint64_t lower_ascii(std::uint64_t x) {
  const std::uint64_t low7 = x & ~kHighBits;
  const std::uint64_t at_least_a = low7 + kEachByte * (0x80 - 'a');
  const std::uint64_t beyond_z = low7 + kEachByte * (0x80 - 'z' - 1);
  return at_least_a & ~beyond_z & ~x & kHighBits;
}
// The ASCII letters of x, either case, as their high bits.
constexpr std::uint64_t ascii_letters(std::uint64_t x) { return lower_ascii(x | kEachByte * 0x20); }

#if defined(__SSE2__)
// The bytes b of v with lo <= b <= hi (unsigned), as 0xFF.
inline __m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(static_cast<char>(hi - lo))), t);
}
// The ASCII letters of v, either case, as 0xFF.
inline __m128i ascii_letters(__m128i v) { return in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'); }
// One bit per byte of v: its high bit.
inline unsigned high_bits(__m128i v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
#endif

}  // namespace pledgedb::text::bytes
