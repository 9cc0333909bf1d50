// Number expressions in normalized text: digits with thousands/decimal separators, scale words
// and suffixes, and numbers written in words (en/fr/es/ar). One left-to-right pass; every
// attempt looks at most one connector and one word past what it keeps, so the scan is linear.
#include "pledgedb/extract/numbers.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>

#include "extract/flat_table.hpp"
#include "extract/lexicon_numbers.hpp"
#include "text/byte_masks.hpp"

namespace pledgedb::extract {
namespace detail {

// The folded form of the two-byte letter (a, b), in place.
constexpr void fold_pair(unsigned char& a, unsigned char& b) {
  const unsigned char c = a, d = b;
  if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {
    b = d + 0x20;  // À..Þ -> à..þ
  } else if (c == 0xD8 && (d == 0xA2 || d == 0xA3 || d == 0xA5)) {
    b = 0xA7;  // آ أ إ -> ا
  } else if (c == 0xD9 && d == 0xB1) {
    a = 0xD8, b = 0xA7;  // ٱ -> ا
  } else if (c == 0xD8 && d == 0xA9) {
    a = 0xD9, b = 0x87;  // ة -> ه
  } else if (c == 0xD9 && d == 0x89) {
    b = 0x8A;  // ى -> ي
  }
}

std::string_view lookup_key(std::string_view w, char* buf, std::size_t cap) {
  if (w.size() > cap || w.empty()) return {};
  const auto* s = reinterpret_cast<const unsigned char*>(w.data());
  const std::size_t n = w.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = s[i];
    if (c < 0x80) {
      buf[i] = (c >= 'A' && c <= 'Z') ? char(c + 32) : char(c);
      continue;
    }
    if (i + 1 < n && c >= 0xC0 && c < 0xE0) {
      unsigned char a = c, b = s[i + 1];
      fold_pair(a, b);
      buf[i] = char(a);
      buf[i + 1] = char(b);
      ++i;
      continue;
    }
    buf[i] = char(c);
  }
  return {buf, n};
}

namespace {
constexpr bool is_ascii_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Bytes by what they can start, one load per byte in the scanning loops.
enum : std::uint8_t { B_OTHER, B_ASCII_LETTER, B_DIGIT, B_LEAD };  // B_LEAD: a two-byte letter's, maybe
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    if (c < 0x80 && is_ascii_alpha(static_cast<unsigned char>(c))) t[c] = B_ASCII_LETTER;
    else if (c >= '0' && c <= '9') t[c] = B_DIGIT;
    else if ((c >= 0xC3 && c <= 0xC9) || (c >= 0xD8 && c <= 0xDB)) t[c] = B_LEAD;
  }
  return t;
}();

// Whether the two-byte sequence of code point cp (c & 0x1F, d & 0x3F) is a letter, for the
// leads of class B_LEAD: Latin-1..Extended-B and Arabic letters.
constexpr bool two_byte_letter(unsigned c, unsigned cp) {
  if (c >= 0xC3 && c <= 0xC9) return cp != 0xD7 && cp != 0xF7;  // not × ÷
  if (c == 0xD8) return cp >= 0x620;
  if (c == 0xD9) return cp <= 0x64A || cp >= 0x66E;  // not digits/marks/٪٫٬
  if (c == 0xDA || c == 0xDB) return cp <= 0x6D3 || cp >= 0x6FA;
  return false;
}
// By the 11 bits a lead 0xC0..0xDF and any next byte give: one load per two-byte letter.
constexpr std::array<std::uint8_t, 2048> kTwoByteLetter = [] {
  std::array<std::uint8_t, 2048> t{};
  for (unsigned cp = 0; cp < 2048; ++cp) t[cp] = two_byte_letter(0xC0 | (cp >> 6), cp) ? 2 : 0;
  return t;
}();

// Length of the two-byte letter whose lead (class B_LEAD) is at i, 0 if none.
inline std::size_t lead_letter_len(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  const auto d = static_cast<unsigned char>(s[i + 1]);
  return kTwoByteLetter[(unsigned(c & 0x1F) << 6) | (d & 0x3F)];
}

// Length of the letter starting at i, 0 if none.
inline std::size_t letter_len(std::string_view s, std::size_t i) {
  const std::uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
  if (k == B_LEAD) return lead_letter_len(s, i);
  return k == B_ASCII_LETTER ? 1 : 0;
}

// Where the run of ASCII letters at i ends, 16 or 8 bytes at a time: a word's length is no
// branch per byte, and its end one mispredicted branch at most. Stops within the last 8 bytes of s.
inline std::size_t ascii_letters_end(std::string_view s, std::size_t i) {
  namespace tb = text::bytes;
#if defined(__SSE2__)
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned others = ~tb::high_bits(tb::ascii_letters(v)) & 0xFFFF;
    if (others != 0) return i + static_cast<std::size_t>(std::countr_zero(others));
    i += 16;
  }
#endif
  while (i + 8 <= s.size()) {
    const std::uint64_t others = tb::ascii_letters(tb::load_le64(s.data() + i)) ^ tb::kHighBits;
    if (others != 0) return i + (static_cast<std::size_t>(std::countr_zero(others)) >> 3);
    i += 8;
  }
  return i;
}

// Where the run of Arabic letters of lead 0xD8/0xD9 at i ends, eight letters at a time (most
// Arabic words in one step): two_byte_letter's ranges, by the continuation byte c, are
// 0xA0..0xBF after 0xD8 and 0x80..0x8A or 0xAE..0xBF after 0xD9. May stop early (at a letter
// of another lead, or within the last 16 bytes of s), never late.
inline std::size_t arabic_letters_end(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  const auto in = [](__m128i c, short lo, short hi) {  // lo <= c <= hi, in each 16-bit lane
    return _mm_and_si128(_mm_cmpgt_epi16(c, _mm_set1_epi16(static_cast<short>(lo - 1))),
                         _mm_cmpgt_epi16(_mm_set1_epi16(static_cast<short>(hi + 1)), c));
  };
  while (i + 16 <= s.size()) {
    // 16-bit lanes: the lead in the low byte, its continuation byte in the high one.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i lead = _mm_and_si128(v, _mm_set1_epi16(0xFF));
    const __m128i c = _mm_srli_epi16(v, 8);
    const __m128i after_d8 = _mm_and_si128(_mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD8)), in(c, 0xA0, 0xBF));
    const __m128i after_d9 = _mm_and_si128(_mm_cmpeq_epi16(lead, _mm_set1_epi16(0xD9)),
                                           _mm_or_si128(in(c, 0x80, 0x8A), in(c, 0xAE, 0xBF)));
    const unsigned others = ~text::bytes::high_bits(_mm_or_si128(after_d8, after_d9)) & 0xFFFF;
    if (others != 0) return i + (static_cast<std::size_t>(std::countr_zero(others)) & ~std::size_t(1));
    i += 16;
  }
#else
  (void)s;
#endif
  return i;
}

// word_end inline, for the scanning loops.
inline std::size_t letters_end(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::uint8_t k = kByteClass[c];
    if (k == B_ASCII_LETTER) {
      i = ascii_letters_end(s, i + 1);
      continue;
    }
    const std::size_t l = k == B_LEAD ? lead_letter_len(s, i) : 0;
    if (l == 0) break;
    i = (c & 0xFE) == 0xD8 ? arabic_letters_end(s, i + 2) : i + l;
  }
  return i;
}
}  // namespace

bool is_letter_at(std::string_view s, std::size_t i) { return i < s.size() && letter_len(s, i) > 0; }

std::size_t word_end(std::string_view s, std::size_t i) { return letters_end(s, i); }

std::size_t word_begin(std::string_view s, std::size_t e) {
  while (e > 0) {
    if (is_ascii_alpha(static_cast<unsigned char>(s[e - 1]))) {
      --e;
    } else if (e >= 2 && letter_len(s, e - 2) == 2) {
      e -= 2;
    } else {
      break;
    }
  }
  return e;
}

}  // namespace detail

namespace {

using detail::kByteClass;
using detail::letter_len;
using detail::letters_end;
using detail::lookup_key;

enum class Kind : std::uint8_t { unit, teen, ar_ten, tens, hundred, hundreds, scale, scale_plural, scale_dual, connector, vingt };

enum : std::uint8_t { L_EN = 1, L_FR = 2, L_ES = 4, L_AR = 8 };
enum : std::uint8_t {
  F_WEAK = 1,        // "un", "one", "a": a number only before hundred/scale
  F_STANDALONE = 2,  // a scale that means one of it alone: "mille", "ألف", "مليون"
  F_NO_DEF = 4,      // not with the Arabic article (الاثنين is Monday)
  F_FIRST = 8,       // only as the first word ("a")
  F_FEW = 16,        // آلاف counts 3..10 only: "7000 آلاف" is a slip for 7000, not 7 million
};

struct Entry {
  Kind kind;
  double value;
  std::uint8_t langs;
  std::uint8_t flags;
};

struct Word {
  const char* text;
  Kind kind;
  double value;
  std::uint8_t langs;
  std::uint8_t flags;
};

constexpr std::uint8_t EF = L_EN | L_FR;

const Word kWords[] = {
    // English
    {"a", Kind::unit, 1, L_EN, F_WEAK | F_FIRST}, {"one", Kind::unit, 1, L_EN, F_WEAK},
    {"two", Kind::unit, 2, L_EN, 0}, {"three", Kind::unit, 3, L_EN, 0},
    {"four", Kind::unit, 4, L_EN, 0}, {"five", Kind::unit, 5, L_EN, 0},
    {"six", Kind::unit, 6, EF, 0}, {"seven", Kind::unit, 7, L_EN, 0},
    {"eight", Kind::unit, 8, L_EN, 0}, {"nine", Kind::unit, 9, L_EN, 0},
    {"ten", Kind::teen, 10, L_EN, 0}, {"eleven", Kind::teen, 11, L_EN, 0},
    {"twelve", Kind::teen, 12, L_EN, 0}, {"thirteen", Kind::teen, 13, L_EN, 0},
    {"fourteen", Kind::teen, 14, L_EN, 0}, {"fifteen", Kind::teen, 15, L_EN, 0},
    {"sixteen", Kind::teen, 16, L_EN, 0}, {"seventeen", Kind::teen, 17, L_EN, 0},
    {"eighteen", Kind::teen, 18, L_EN, 0}, {"nineteen", Kind::teen, 19, L_EN, 0},
    {"twenty", Kind::tens, 20, L_EN, 0}, {"thirty", Kind::tens, 30, L_EN, 0},
    {"forty", Kind::tens, 40, L_EN, 0}, {"fifty", Kind::tens, 50, L_EN, 0},
    {"sixty", Kind::tens, 60, L_EN, 0}, {"seventy", Kind::tens, 70, L_EN, 0},
    {"eighty", Kind::tens, 80, L_EN, 0}, {"ninety", Kind::tens, 90, L_EN, 0},
    {"hundred", Kind::hundred, 100, L_EN, 0}, {"thousand", Kind::scale, 1e3, L_EN, 0},
    {"thousands", Kind::scale_plural, 1e3, L_EN, 0},
    {"million", Kind::scale, 1e6, EF, 0}, {"millions", Kind::scale_plural, 1e6, EF, 0},
    {"billion", Kind::scale, 1e9, L_EN, 0}, {"billions", Kind::scale_plural, 1e9, L_EN, 0},
    {"trillion", Kind::scale, 1e12, L_EN, 0}, {"trillions", Kind::scale_plural, 1e12, L_EN, 0},
    {"crore", Kind::scale, 1e7, L_EN, 0}, {"crores", Kind::scale_plural, 1e7, L_EN, 0},
    {"lakh", Kind::scale, 1e5, L_EN, 0}, {"lakhs", Kind::scale_plural, 1e5, L_EN, 0},
    {"lac", Kind::scale, 1e5, L_EN, 0}, {"and", Kind::connector, 0, L_EN, 0},
    // French
    {"un", Kind::unit, 1, L_FR | L_ES, F_WEAK}, {"une", Kind::unit, 1, L_FR, F_WEAK},
    {"deux", Kind::unit, 2, L_FR, 0}, {"trois", Kind::unit, 3, L_FR, 0},
    {"quatre", Kind::unit, 4, L_FR, 0}, {"cinq", Kind::unit, 5, L_FR, 0},
    {"sept", Kind::unit, 7, L_FR, 0}, {"huit", Kind::unit, 8, L_FR, 0},
    {"neuf", Kind::unit, 9, L_FR, 0}, {"dix", Kind::teen, 10, L_FR, 0},
    {"onze", Kind::teen, 11, L_FR, 0}, {"douze", Kind::teen, 12, L_FR, 0},
    {"treize", Kind::teen, 13, L_FR, 0}, {"quatorze", Kind::teen, 14, L_FR, 0},
    {"quinze", Kind::teen, 15, L_FR, 0}, {"seize", Kind::teen, 16, L_FR, 0},
    {"vingt", Kind::vingt, 20, L_FR, 0}, {"vingts", Kind::vingt, 20, L_FR, 0},
    {"trente", Kind::tens, 30, L_FR, 0}, {"quarante", Kind::tens, 40, L_FR, 0},
    {"cinquante", Kind::tens, 50, L_FR, 0}, {"soixante", Kind::tens, 60, L_FR, 0},
    {"septante", Kind::tens, 70, L_FR, 0}, {"octante", Kind::tens, 80, L_FR, 0},
    {"huitante", Kind::tens, 80, L_FR, 0}, {"nonante", Kind::tens, 90, L_FR, 0},
    {"cent", Kind::hundred, 100, L_FR, 0}, {"cents", Kind::hundred, 100, L_FR, 0},
    {"mille", Kind::scale, 1e3, L_FR, F_STANDALONE}, {"milliers", Kind::scale_plural, 1e3, L_FR, 0},
    {"milliard", Kind::scale, 1e9, L_FR, 0}, {"milliards", Kind::scale_plural, 1e9, L_FR, 0},
    {"et", Kind::connector, 0, L_FR, 0},
    // Spanish
    {"uno", Kind::unit, 1, L_ES, F_WEAK}, {"una", Kind::unit, 1, L_ES, F_WEAK},
    {"dos", Kind::unit, 2, L_ES, 0}, {"tres", Kind::unit, 3, L_ES, 0},
    {"cuatro", Kind::unit, 4, L_ES, 0}, {"cinco", Kind::unit, 5, L_ES, 0},
    {"seis", Kind::unit, 6, L_ES, 0}, {"siete", Kind::unit, 7, L_ES, 0},
    {"ocho", Kind::unit, 8, L_ES, 0}, {"nueve", Kind::unit, 9, L_ES, 0},
    {"diez", Kind::teen, 10, L_ES, 0}, {"once", Kind::teen, 11, L_ES, 0},
    {"doce", Kind::teen, 12, L_ES, 0}, {"trece", Kind::teen, 13, L_ES, 0},
    {"catorce", Kind::teen, 14, L_ES, 0}, {"quince", Kind::teen, 15, L_ES, 0},
    {"dieciséis", Kind::teen, 16, L_ES, 0}, {"diecisiete", Kind::teen, 17, L_ES, 0},
    {"dieciocho", Kind::teen, 18, L_ES, 0}, {"diecinueve", Kind::teen, 19, L_ES, 0},
    {"veinte", Kind::tens, 20, L_ES, 0}, {"treinta", Kind::tens, 30, L_ES, 0},
    {"cuarenta", Kind::tens, 40, L_ES, 0}, {"cincuenta", Kind::tens, 50, L_ES, 0},
    {"sesenta", Kind::tens, 60, L_ES, 0}, {"setenta", Kind::tens, 70, L_ES, 0},
    {"ochenta", Kind::tens, 80, L_ES, 0}, {"noventa", Kind::tens, 90, L_ES, 0},
    {"cien", Kind::hundred, 100, L_ES, 0}, {"ciento", Kind::hundred, 100, L_ES, 0},
    {"doscientos", Kind::hundreds, 200, L_ES, 0}, {"doscientas", Kind::hundreds, 200, L_ES, 0},
    {"trescientos", Kind::hundreds, 300, L_ES, 0}, {"trescientas", Kind::hundreds, 300, L_ES, 0},
    {"cuatrocientos", Kind::hundreds, 400, L_ES, 0}, {"quinientos", Kind::hundreds, 500, L_ES, 0},
    {"quinientas", Kind::hundreds, 500, L_ES, 0}, {"seiscientos", Kind::hundreds, 600, L_ES, 0},
    {"setecientos", Kind::hundreds, 700, L_ES, 0}, {"ochocientos", Kind::hundreds, 800, L_ES, 0},
    {"novecientos", Kind::hundreds, 900, L_ES, 0},
    {"mil", Kind::scale, 1e3, L_ES, F_STANDALONE}, {"millón", Kind::scale, 1e6, L_ES, 0},
    {"millones", Kind::scale_plural, 1e6, L_ES, 0}, {"y", Kind::connector, 0, L_ES, 0},
    // Arabic (keys are folded by lookup_key: أ إ آ -> ا, ة -> ه, ى -> ي)
    {"واحد", Kind::unit, 1, L_AR, F_WEAK}, {"واحدة", Kind::unit, 1, L_AR, F_WEAK},
    {"أحد", Kind::unit, 1, L_AR, F_WEAK | F_NO_DEF}, {"إحدى", Kind::unit, 1, L_AR, F_WEAK | F_NO_DEF},
    {"اثنان", Kind::unit, 2, L_AR, F_NO_DEF}, {"اثنين", Kind::unit, 2, L_AR, F_NO_DEF},
    {"اثنتان", Kind::unit, 2, L_AR, F_NO_DEF}, {"اثنتين", Kind::unit, 2, L_AR, F_NO_DEF},
    {"اثنا", Kind::unit, 2, L_AR, F_NO_DEF}, {"اثني", Kind::unit, 2, L_AR, F_NO_DEF},
    {"اثنتا", Kind::unit, 2, L_AR, F_NO_DEF}, {"اثنتي", Kind::unit, 2, L_AR, F_NO_DEF},
    {"ثلاث", Kind::unit, 3, L_AR, 0}, {"ثلاثة", Kind::unit, 3, L_AR, 0},
    {"أربع", Kind::unit, 4, L_AR, 0}, {"أربعة", Kind::unit, 4, L_AR, 0},
    {"خمس", Kind::unit, 5, L_AR, 0}, {"خمسة", Kind::unit, 5, L_AR, 0},
    {"ست", Kind::unit, 6, L_AR, 0}, {"ستة", Kind::unit, 6, L_AR, 0},
    {"سبع", Kind::unit, 7, L_AR, 0}, {"سبعة", Kind::unit, 7, L_AR, 0},
    {"ثمان", Kind::unit, 8, L_AR, 0}, {"ثماني", Kind::unit, 8, L_AR, 0},
    {"ثمانية", Kind::unit, 8, L_AR, 0}, {"تسع", Kind::unit, 9, L_AR, 0},
    {"تسعة", Kind::unit, 9, L_AR, 0}, {"عشر", Kind::ar_ten, 10, L_AR, 0},
    {"عشرة", Kind::ar_ten, 10, L_AR, 0},
    {"عشرون", Kind::tens, 20, L_AR, 0}, {"عشرين", Kind::tens, 20, L_AR, 0},
    {"ثلاثون", Kind::tens, 30, L_AR, 0}, {"ثلاثين", Kind::tens, 30, L_AR, 0},
    {"أربعون", Kind::tens, 40, L_AR, 0}, {"أربعين", Kind::tens, 40, L_AR, 0},
    {"خمسون", Kind::tens, 50, L_AR, 0}, {"خمسين", Kind::tens, 50, L_AR, 0},
    {"ستون", Kind::tens, 60, L_AR, 0}, {"ستين", Kind::tens, 60, L_AR, 0},
    {"سبعون", Kind::tens, 70, L_AR, 0}, {"سبعين", Kind::tens, 70, L_AR, 0},
    {"ثمانون", Kind::tens, 80, L_AR, 0}, {"ثمانين", Kind::tens, 80, L_AR, 0},
    {"تسعون", Kind::tens, 90, L_AR, 0}, {"تسعين", Kind::tens, 90, L_AR, 0},
    {"مائة", Kind::hundred, 100, L_AR, 0}, {"مئة", Kind::hundred, 100, L_AR, 0},
    {"مائتان", Kind::hundreds, 200, L_AR, 0}, {"مائتين", Kind::hundreds, 200, L_AR, 0},
    {"مئتان", Kind::hundreds, 200, L_AR, 0}, {"مئتين", Kind::hundreds, 200, L_AR, 0},
    {"مائتا", Kind::hundreds, 200, L_AR, 0}, {"مئتا", Kind::hundreds, 200, L_AR, 0},
    // construct duals before a noun: "مائتي منصب" (200 posts), "ألفي منصب" (2,000), "مليوني درهم"
    {"مائتي", Kind::hundreds, 200, L_AR, 0}, {"مئتي", Kind::hundreds, 200, L_AR, 0},
    {"ثلاثمائة", Kind::hundreds, 300, L_AR, 0}, {"ثلاثمئة", Kind::hundreds, 300, L_AR, 0},
    {"أربعمائة", Kind::hundreds, 400, L_AR, 0}, {"أربعمئة", Kind::hundreds, 400, L_AR, 0},
    {"خمسمائة", Kind::hundreds, 500, L_AR, 0}, {"خمسمئة", Kind::hundreds, 500, L_AR, 0},
    {"ستمائة", Kind::hundreds, 600, L_AR, 0}, {"ستمئة", Kind::hundreds, 600, L_AR, 0},
    {"سبعمائة", Kind::hundreds, 700, L_AR, 0}, {"سبعمئة", Kind::hundreds, 700, L_AR, 0},
    {"ثمانمائة", Kind::hundreds, 800, L_AR, 0}, {"ثمانمئة", Kind::hundreds, 800, L_AR, 0},
    {"ثمانيمائة", Kind::hundreds, 800, L_AR, 0}, {"تسعمائة", Kind::hundreds, 900, L_AR, 0},
    {"تسعمئة", Kind::hundreds, 900, L_AR, 0},
    {"ألف", Kind::scale, 1e3, L_AR, F_STANDALONE}, {"ألفا", Kind::scale, 1e3, L_AR, 0},
    {"آلاف", Kind::scale_plural, 1e3, L_AR, F_FEW}, {"ألوف", Kind::scale_plural, 1e3, L_AR, F_FEW},
    {"ألفان", Kind::scale_dual, 1e3, L_AR, 0}, {"ألفين", Kind::scale_dual, 1e3, L_AR, 0}, {"ألفي", Kind::scale_dual, 1e3, L_AR, 0},
    {"مليون", Kind::scale, 1e6, L_AR, F_STANDALONE}, {"مليونا", Kind::scale, 1e6, L_AR, 0},
    {"ملايين", Kind::scale_plural, 1e6, L_AR, 0},
    {"مليونان", Kind::scale_dual, 1e6, L_AR, 0}, {"مليونين", Kind::scale_dual, 1e6, L_AR, 0}, {"مليوني", Kind::scale_dual, 1e6, L_AR, 0},
    {"مليار", Kind::scale, 1e9, L_AR, F_STANDALONE}, {"مليارا", Kind::scale, 1e9, L_AR, 0},
    {"بليون", Kind::scale, 1e9, L_AR, F_STANDALONE},
    {"ملايير", Kind::scale_plural, 1e9, L_AR, 0}, {"مليارات", Kind::scale_plural, 1e9, L_AR, 0},
    {"ملياران", Kind::scale_dual, 1e9, L_AR, 0}, {"مليارين", Kind::scale_dual, 1e9, L_AR, 0}, {"ملياري", Kind::scale_dual, 1e9, L_AR, 0},
    {"تريليون", Kind::scale, 1e12, L_AR, F_STANDALONE},
    {"و", Kind::connector, 0, L_AR, 0},
};

// FNV-1a: the keys are short, std::hash's general-purpose hash costs more than the lookup.
struct ShortHash {
  std::size_t operator()(std::string_view k) const noexcept {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : k) h = (h ^ c) * 16777619u;
    return h;
  }
};

// Number words by key: open addressing over a power-of-two table (no division, no bucket chains
// re-hashed per look-up as in std::unordered_map with a custom hash).
struct WordTable {
  struct Slot {
    std::string_view key;
    Entry entry{};
    bool used = false;
  };
  std::vector<Slot> slots = std::vector<Slot>(1024);  // more than twice the words

  void emplace(std::string_view k, Entry e) {  // the first spelling registered wins
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = ShortHash{}(k) & mask;; i = (i + 1) & mask) {
      if (!slots[i].used) {
        slots[i] = Slot{k, e, true};
        return;
      }
      if (slots[i].key == k) return;
    }
  }
  const Entry* find(std::string_view k) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = ShortHash{}(k) & mask;; i = (i + 1) & mask) {
      if (!slots[i].used) return nullptr;
      if (slots[i].key == k) return &slots[i].entry;
    }
  }
};

struct Lexicon {
  WordTable words;
  // A bit for the last 4 bytes of every key: most words of a text fail this test and never
  // reach the hash table. Part of what the look-up reads (lookup_uncached): behind a clitic a
  // key shorter than 4 bytes ("وsix") passes only where its bytes hash like a key's.
  std::array<std::uint64_t, 1024> tail{};
  // A sharper test in front of it: a bit for the last 4 bytes with the length of every spelling
  // a key takes with its clitics (و ب ل, ال, both: 0, 2, 4 or 6 bytes more).
  std::array<std::uint64_t, 1024> tail_sized{};
  std::size_t max_len = 0;
  // Keys starting with an ASCII letter take no clitic: a bit for their length, first two and
  // last four bytes together, a sharper test than the tail alone (tail filter).
  std::array<std::uint64_t, 1024> latin{};
  // A cheaper test first, on the raw word: the lead byte of a non-ASCII key (Arabic leads
  // 0xD8/0xD9 map to each other when folded), and for Latin keys their first two letters (a-z,
  // then a-z or nothing) with their length. Folding lowers ASCII, so a word's first two bytes
  // lowered must be those of its key.
  std::array<std::uint64_t, 4> lead{};
  // Bit L: a key of L bytes starts so. By the low 5 bits of the first two bytes, which a letter's
  // case leaves as they are (0 for the second of a one-letter word). Other bytes share slots
  // with letters: they get no test, never a wrong answer.
  std::array<std::uint16_t, 32 * 32> latin_head{};
  std::size_t max_latin_len = 0;
  bool head_test = true;

  static std::size_t head_slot(unsigned char b0, unsigned char b1) { return std::size_t(b0 & 31) << 5 | (b1 & 31); }
  static bool is_lower_az(unsigned char c) { return c >= 'a' && c <= 'z'; }
  // False when the word can be no key, whatever the language mask.
  bool may_be_key(std::string_view w) const {
    const auto b0 = static_cast<unsigned char>(w[0]);
    if (b0 >= 0x80) return lead[b0 >> 6] >> (b0 & 63) & 1;
    if (!head_test) return true;
    if (w.size() > max_latin_len) return false;
    const unsigned char b1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0;
    return latin_head[head_slot(b0, b1)] >> w.size() & 1;
  }

  // The last min(4, size) bytes of a folded key, big-endian: 2 Arabic letters or 4 Latin ones.
  static std::uint32_t tail4(std::string_view k) {
    std::uint32_t t = 0;
    for (std::size_t i = k.size() - std::min<std::size_t>(4, k.size()); i < k.size(); ++i)
      t = t << 8 | static_cast<unsigned char>(k[i]);
    return t;
  }
  // t holds the last m = min(4, size) bytes.
  static std::size_t latin_bit(std::size_t size, unsigned char b0, unsigned char b1, std::uint32_t t) {
    const std::uint64_t head = size << 16 | std::uint64_t(b0) << 8 | b1;
    const std::uint64_t x = head << (8 * std::min<std::size_t>(4, size)) | t;
    return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ull) >> 48);
  }
  static std::size_t tail_bit(std::uint32_t t) { return (t * 2654435761u) >> 16; }
  bool tail_maybe(std::uint32_t t) const {
    const std::size_t bit = tail_bit(t);
    return tail[bit >> 6] >> (bit & 63) & 1;
  }
  static std::size_t tail_sized_bit(std::uint32_t t, std::size_t size) {
    return static_cast<std::size_t>(((std::uint64_t(size) << 32 | t) * 0x9E3779B97F4A7C15ull) >> 48);
  }
  bool tail_sized_maybe(std::uint32_t t, std::size_t size) const {
    const std::size_t bit = tail_sized_bit(t, size);
    return tail_sized[bit >> 6] >> (bit & 63) & 1;
  }
};

const Lexicon& lexicon() {
  static const auto* lex = [] {
    static std::vector<std::string> keys;  // owns the folded spellings
    keys.reserve(std::size(kWords));
    auto* l = new Lexicon();
    for (const Word& w : kWords) {
      std::string_view t(w.text);
      std::string buf(t.size(), '\0');
      keys.push_back(std::string(lookup_key(t, buf.data(), buf.size())));
    }
    std::size_t k = 0;
    bool head_complete = true;
    for (const Word& w : kWords) {
      const std::string& key = keys[k++];
      l->words.emplace(key, Entry{w.kind, w.value, w.langs, w.flags});
      const std::size_t bit = Lexicon::tail_bit(Lexicon::tail4(key));
      l->tail[bit >> 6] |= std::uint64_t(1) << (bit & 63);
      for (std::string_view clitics : {"", "و", "ب", "ل", "ال", "وال", "بال", "لال"}) {
        const std::string spelling = std::string(clitics) + key;
        const std::size_t sb = Lexicon::tail_sized_bit(Lexicon::tail4(spelling), spelling.size());
        l->tail_sized[sb >> 6] |= std::uint64_t(1) << (sb & 63);
      }
      l->max_len = std::max(l->max_len, key.size() + 6);  // + a clitic (و ب ل ال)
      const auto k0 = static_cast<unsigned char>(key[0]);
      auto set_lead = [&](unsigned char c) { l->lead[c >> 6] |= std::uint64_t(1) << (c & 63); };
      if (k0 == 0xD8 || k0 == 0xD9) {
        set_lead(0xD8), set_lead(0xD9);
      } else if (k0 >= 0x80) {
        set_lead(k0);
      } else {  // a Latin key
        const unsigned char k1 = key.size() > 1 ? static_cast<unsigned char>(key[1]) : 0;
        l->max_latin_len = std::max(l->max_latin_len, key.size());
        if (!Lexicon::is_lower_az(k0) || (k1 && !Lexicon::is_lower_az(k1)) || key.size() >= 16)
          head_complete = false;
        else
          l->latin_head[Lexicon::head_slot(k0, k1)] |= static_cast<std::uint16_t>(1u << key.size());
        const std::size_t lb = Lexicon::latin_bit(key.size(), k0, k1, Lexicon::tail4(key));
        l->latin[lb >> 6] |= std::uint64_t(1) << (lb & 63);
      }
    }
    if (!head_complete) {  // a key the head test cannot describe: no test
      l->lead.fill(~std::uint64_t(0));
      l->head_test = false;
    }
    return l;
  }();
  return *lex;
}

std::uint8_t lang_mask(std::string_view lang) {
  if (lang == "en") return L_EN | L_AR;
  if (lang == "fr") return L_FR | L_AR;
  if (lang == "es") return L_ES | L_AR;
  return L_EN | L_FR | L_AR;  // Arabic text quotes French/English; unknown: both
}

// Arabic words carry clitics: و (and) ب (with) ل (for) and the article ال.
struct Lookup {
  Entry entry{};
  std::size_t skip = 0;  // bytes of prefix not part of the number (و ب ل)
  bool conj = false;     // had a و prefix
};

constexpr std::string_view kWaw = "\xD9\x88";   // و
constexpr std::string_view kBa = "\xD8\xA8";    // ب
constexpr std::string_view kLam = "\xD9\x84";   // ل
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال

// fold_pair of lead 0xD8/0xD9 (bit 0 of the lead, then the continuation byte's low 6 bits), as
// lead << 8 | continuation.
constexpr std::array<std::uint16_t, 128> kFoldedD8D9 = [] {
  std::array<std::uint16_t, 128> t{};
  for (unsigned k = 0; k < 128; ++k) {
    unsigned char a = static_cast<unsigned char>(0xD8 | (k >> 6)), b = static_cast<unsigned char>(0x80 | (k & 0x3F));
    detail::fold_pair(a, b);
    t[k] = static_cast<std::uint16_t>(a << 8 | b);
  }
  return t;
}();

// The folded last 4 bytes of a word (as lookup_key folds them), big-endian, without folding the
// rest: folding keeps every letter's length and looks at no other letter.
inline std::uint32_t folded_tail4(std::string_view w) {
  const std::size_t n = w.size();
  if (n >= 4) {  // the common cases, as the loop below would read them
    const auto* p = reinterpret_cast<const unsigned char*>(w.data()) + (n - 4);
    const std::uint32_t raw = std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
    // Two letters of lead 0xD8/0xD9: folded by table, one branch for any Arabic word.
    if ((raw & 0xFEC0FEC0u) == 0xD880D880u)
      return std::uint32_t(kFoldedD8D9[(p[0] & 1) << 6 | (p[1] & 0x3F)]) << 16 |
             kFoldedD8D9[(p[2] & 1) << 6 | (p[3] & 0x3F)];
    if ((raw & 0x80808080u) == 0) {  // four ASCII bytes: A-Z lowered
      const std::uint32_t upper = (raw + 0x3F3F3F3Fu) & ~(raw + 0x25252525u) & 0x80808080u;
      return raw | (upper >> 2);
    }
  }
  std::size_t i = n > 4 ? n - 4 : 0;
  if (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;  // from the letter's lead
  std::uint32_t t = 0;  // a fifth byte shifts out
  while (i < n) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      t = t << 8 | ((c >= 'A' && c <= 'Z') ? c + 32u : c);
      ++i;
    } else if (c >= 0xC0 && c < 0xE0 && i + 1 < n) {
      unsigned char a = c, b = static_cast<unsigned char>(w[i + 1]);
      detail::fold_pair(a, b);
      t = t << 16 | std::uint32_t(a) << 8 | b;
      i += 2;
    } else {
      t = t << 8 | c;
      ++i;
    }
  }
  return t;
}

// The tail and Latin filters of the look-up, part of what it reads (see Lexicon::tail); t is
// folded_tail4(word).
inline bool tail_filters_pass(const Lexicon& lex, std::string_view word, std::uint32_t t) {
  if (!lex.tail_maybe(t)) return false;
  const auto b0 = static_cast<unsigned char>(word[0]);
  if (b0 < 0x80) {
    const auto lower = [](unsigned char c) { return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    const unsigned char b1 = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
    // word[1] may lead a two-byte letter, which folding changes: only ASCII is compared here.
    if (b1 < 0x80) {
      const std::size_t lb = Lexicon::latin_bit(word.size(), lower(b0), lower(b1), t);
      if (!(lex.latin[lb >> 6] >> (lb & 63) & 1)) return false;
    }
  }
  return true;
}

// folded_tail4 the plain way, for the look-up behind the memo (and so for the unit test that
// holds the fast path to it): the last letters folded by lookup_key.
std::uint32_t folded_tail4_plain(std::string_view w) {
  std::size_t from = w.size() > 4 ? w.size() - 4 : 0;
  if (from > 0 && (static_cast<unsigned char>(w[from]) & 0xC0) == 0x80) --from;
  char buf[8];
  return Lexicon::tail4(lookup_key(w.substr(from), buf, sizeof buf));
}

std::optional<Lookup> lookup_uncached(std::string_view word, std::uint8_t mask) {
  const auto& lex = lexicon();
  if (word.empty() || word.size() > lex.max_len || !tail_filters_pass(lex, word, folded_tail4_plain(word)))
    return std::nullopt;
  char buf[48];
  const std::string_view key = lookup_key(word, buf, sizeof buf);
  if (key.empty()) return std::nullopt;
  auto find = [&](std::string_view k) -> const Entry* {
    const Entry* e = lex.words.find(k);
    if (!e || !(e->langs & mask)) return nullptr;
    return e;
  };
  if (const Entry* e = find(key)) return Lookup{*e, 0, false};
  if (static_cast<unsigned char>(key[0]) < 0x80) return std::nullopt;
  std::string_view rest = key;
  Lookup r;
  if (rest.size() > 2 && rest.substr(0, 2) == kWaw) {
    rest.remove_prefix(2);
    r.skip = 2;
    r.conj = true;
  } else if (rest.size() > 6 && (rest.substr(0, 2) == kBa || rest.substr(0, 2) == kLam)) {
    rest.remove_prefix(2);  // ب / ل only before words of 3+ letters (لست is not "six")
    r.skip = 2;
  }
  if (r.skip) {
    if (const Entry* e = find(rest)) {
      if (e->kind == Kind::connector) return std::nullopt;
      r.entry = *e;
      return r;
    }
  }
  if (rest.size() > 4 && rest.substr(0, 4) == kAl) {
    if (const Entry* e = find(rest.substr(4))) {
      if ((e->flags & F_NO_DEF) || e->kind == Kind::connector) return std::nullopt;
      if (e->kind != Kind::unit && e->kind != Kind::ar_ten && e->kind != Kind::tens) return std::nullopt;
      r.entry = *e;
      return r;
    }
  }
  return std::nullopt;
}

// The look-up of a word the filters let through (kept out of line so that the filters inline).
// An Arabic word's is remembered per thread: the same words come back document after document,
// and it tries several clitic readings before it is rejected. Per thread (extract() runs on
// several threads), bounded in size.
[[gnu::noinline]] std::optional<Lookup> lookup_filtered(const Lexicon& lex, std::string_view word, std::uint8_t mask) {
  // A Latin word takes no clitic: one probe, cheaper than the memo's.
  if (static_cast<unsigned char>(word[0]) < 0x80) {
    char buf[48];
    const std::string_view k = lookup_key(word, buf, sizeof buf);
    const Entry* e = k.empty() ? nullptr : lex.words.find(k);
    if (!e || !(e->langs & mask)) return std::nullopt;
    return Lookup{*e, 0, false};
  }
  // One memo per set of languages (the answer depends on them; L_* are 4 bits).
  thread_local std::array<detail::FlatMap<std::optional<Lookup>>, 16> memos;
  auto& memo = memos[mask & 15];
  const detail::Prehashed hk{word, detail::sv_hash(word)};
  if (const auto* found = memo.find(hk)) return *found;
  if (memo.size() >= (1u << 16)) memo.clear();
  auto r = lookup_uncached(word, mask);
  memo[word] = r;
  return r;
}

// Most words are rejected by the filters, inline, before any call.
// They may turn away only words lookup_uncached would not read (a unit test holds them to it).
[[gnu::always_inline]] inline std::optional<Lookup> lookup(const Lexicon& lex, std::string_view word,
                                                          std::uint8_t mask) {
  if (word.empty() || word.size() > lex.max_len || !lex.may_be_key(word)) return std::nullopt;
  const std::uint32_t t = folded_tail4(word);
  if (!lex.tail_sized_maybe(t, word.size()) || !tail_filters_pass(lex, word, t)) return std::nullopt;
  return lookup_filtered(lex, word, mask);
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Spaces between the words of one number; never across a blank line.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  int newlines = 0;
  while (i < s.size() && is_space(s[i])) {
    if (s[i] == '\n' && ++newlines > 1) break;
    ++i;
  }
  return i;
}

struct DigitNumber {
  std::size_t end = 0;
  double value = 0;
  double alt_decimal = -1;  // the value if the single group is a decimal part ("1,500 milliard")
  bool grouped = false, decimal = false;
  bool junk = false;  // dates, versions, ids: "22.07.2025", "2025/07/22"
  std::size_t junk_end = 0;
};

char decimal_sep(std::string_view lang) {
  if (lang == "en") return '.';
  if (lang == "fr" || lang == "es" || lang == "ar") return ',';
  return 0;
}

DigitNumber read_digits(std::string_view s, std::size_t i, std::string_view lang) {
  DigitNumber r;
  const std::size_t n = s.size();
  std::size_t j = i;
  double v = 0;
  while (j < n && is_digit(s[j])) v = v * 10 + (s[j++] - '0');
  const std::size_t head = j - i;
  char sep = 0;
  int groups = 0;
  auto group_at = [&](std::size_t p) {
    return p + 3 < n && is_digit(s[p + 1]) && is_digit(s[p + 2]) &&
           is_digit(s[p + 3]) && (p + 4 >= n || !is_digit(s[p + 4]));
  };
  if (head <= 3) {
    while (j + 3 < n && (s[j] == ',' || s[j] == '.' || s[j] == ' ') && group_at(j)) {
      if (sep == 0) sep = s[j];
      else if (sep != s[j]) break;
      v = v * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
      ++groups;
      j += 4;
    }
  }
  if (groups == 1 && sep != ' ' && sep == decimal_sep(lang)) {
    const double whole = std::floor(v / 1000);
    r.alt_decimal = whole + std::fmod(v, 1000) / 1000;
  }
  r.grouped = groups > 0;
  // Moroccan agency (MAP) copy writes decimals with the letter ra and the fraction first, as the
  // figure reads right to left: "5ر2" is 2.5, "6ر0 في المائة" 0.6 %, "1ر1 مليار" 1.1 billion.
  if (lang == "ar" && groups == 0 && j + 2 < n && s[j] == '\xD8' && s[j + 1] == '\xB1' && is_digit(s[j + 2])) {
    std::size_t k = j + 2;
    double whole = 0;
    while (k < n && is_digit(s[k])) whole = whole * 10 + (s[k++] - '0');
    v = whole + v / std::pow(10.0, static_cast<double>(head));
    r.decimal = true;
    j = k;
  } else if (j + 1 < n && (s[j] == ',' || s[j] == '.') && s[j] != sep && is_digit(s[j + 1])) {
    std::size_t k = j + 1;
    double scale = 0.1;
    double frac = 0;
    while (k < n && is_digit(s[k])) {
      frac += (s[k] - '0') * scale;
      scale /= 10;
      ++k;
    }
    v += frac;
    r.decimal = true;
    j = k;
  }
  r.value = v;
  r.end = j;
  // A further separator followed by a digit: a date, a version or an id, not a quantity.
  if (j + 1 < n && (s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == ':') && is_digit(s[j + 1])) {
    std::size_t k = j;
    while (k < n && (is_digit(s[k]) || s[k] == '.' || s[k] == ',' || s[k] == '/' || s[k] == ':')) ++k;
    r.junk = true;
    r.junk_end = k;
  }
  return r;
}

// Case-sensitive scale abbreviations after digits: 500k, 3.2 bn, 2 Md, 5 Mrd, $5m, Rs 9 cr.
struct Abbrev {
  double scale = 0;
  bool needs_money = false;  // m, mn, cr: only next to a currency
  bool glued_only = false;   // k, K
};

std::optional<Abbrev> abbrev(std::string_view w) {
  if (w.size() > 4) return std::nullopt;  // none is longer: most words stop here
  if (w == "k" || w == "K") return Abbrev{1e3, false, true};
  if (w == "bn" || w == "Bn" || w == "BN" || w == "bln") return Abbrev{1e9, false, false};
  if (w == "Md" || w == "Mds" || w == "Mrd" || w == "Mrds" || w == "mrd" || w == "Mld")
    return Abbrev{1e9, false, false};
  if (w == "mn" || w == "Mn" || w == "m" || w == "mln") return Abbrev{1e6, true, false};
  if (w == "cr" || w == "Cr") return Abbrev{1e7, true, false};
  return std::nullopt;
}

bool money_near(std::string_view s, std::size_t num_begin, std::size_t after, std::string_view lang) {
  if (detail::currency_before(s, num_begin)) return true;
  const std::size_t q = skip_spaces(s, after);
  if (q >= s.size()) return false;
  if (auto c = detail::currency_at(s, q, lang)) return c->scale == 1;
  // "5 millions de dollars" style is handled by full words; "5m d'euros" / "5mn of dollars"
  return false;
}

struct Parsed {
  NumberMatch m;
  bool ok = false;
  std::size_t resume = 0;  // where the scan continues when !ok
};

// Percent words right after a number: %, ٪, pour cent, percent, per cent, por ciento,
// في المائة, بالمائة. Returns the end or npos.
std::size_t percent_after(std::string_view s, std::size_t e) {
  const std::size_t n = s.size();
  std::size_t q = e;
  while (q < n && s[q] == ' ') ++q;
  if (q >= n) return std::string_view::npos;
  if (s[q] == '%') return q + 1;
  if (q + 1 < n && s[q] == '\xD9' && s[q + 1] == '\xAA') return q + 2;  // ٪
  // Every word below starts with p/P, ب or ف (no other letter folds to these): most numbers
  // are followed by none of them.
  const auto b0 = static_cast<unsigned char>(s[q]);
  const auto b1 = q + 1 < n ? static_cast<unsigned char>(s[q + 1]) : 0;
  if (!((b0 | 0x20) == 'p' || (b0 == 0xD8 && b1 == 0xA8) || (b0 == 0xD9 && b1 == 0x81))) return std::string_view::npos;
  struct Folded {
    std::string bil_maia, bil_mia, fi, al_maia, al_mia;
  };
  static const Folded k = [] {
    auto fold = [](std::string_view w) {
      char b[48];
      return std::string(lookup_key(w, b, sizeof b));
    };
    return Folded{fold("بالمائة"), fold("بالمئة"), fold("في"), fold("المائة"), fold("المئة")};
  }();
  char buf[48];
  auto word_at = [&](std::size_t p, std::size_t& we) -> std::string_view {
    we = letters_end(s, p);
    return lookup_key(s.substr(p, we - p), buf, sizeof buf);
  };
  std::size_t we;
  std::string_view w = word_at(q, we);
  if (w.empty()) return std::string_view::npos;
  if (w == "percent" || w == "pourcent") return we;
  if (w == k.bil_maia || w == k.bil_mia) return we;
  const bool fi = w == k.fi;
  const bool pour_per = w == "pour" || w == "per", por = w == "por";
  if (!(pour_per || por || fi)) return std::string_view::npos;
  std::size_t q2 = we;
  while (q2 < n && s[q2] == ' ') ++q2;
  std::size_t we2;
  std::string_view w2 = word_at(q2, we2);
  if (pour_per && w2 == "cent") return we2;
  if (por && w2 == "ciento") return we2;
  if (fi && (w2 == k.al_maia || w2 == k.al_mia)) return we2;
  return std::string_view::npos;
}

// One number expression starting at i (a digit or the first letter of a word). first_word: the
// look-up of the word at i when the caller has made it already.
Parsed parse_at(std::string_view s, std::size_t i, std::string_view lang, std::uint8_t mask,
                const std::optional<Lookup>* first_word = nullptr) {
  const Lexicon& lex = lexicon();
  const std::size_t n = s.size();
  Parsed p;
  NumberMatch& m = p.m;
  m.begin = i;
  double total = 0, current = 0;
  double last_scale = std::numeric_limits<double>::infinity();
  Kind last = Kind::connector;
  double last_unit = 0;
  double last_value = 0;
  int atoms = 0;
  bool first_weak = false;
  bool digit_head = false;
  bool has_words = false;
  std::size_t end = i;  // end of the last accepted atom
  DigitNumber dn;

  if (is_digit(s[i])) {
    dn = read_digits(s, i, lang);
    if (dn.junk) {
      p.resume = dn.junk_end;
      return p;
    }
    // Glued letters: a scale suffix (500k), a currency (20MDH), else not a quantity (2ème, 15h).
    if (dn.end < n && letter_len(s, dn.end) > 0 && static_cast<unsigned char>(s[dn.end]) < 0xD8) {
      const std::size_t we = letters_end(s, dn.end);
      const std::string_view w = s.substr(dn.end, we - dn.end);
      auto ab = abbrev(w);
      bool ok = false;
      if (ab && (!ab->needs_money || money_near(s, i, we, lang) || (w == "mn" && lang == "en"))) {
        current = dn.value * ab->scale;
        m.scaled = true;
        end = we;
        ok = true;
      } else if (detail::currency_at(s, dn.end, lang)) {
        current = dn.value;
        end = dn.end;
        ok = true;
      }
      if (!ok) {
        p.resume = we;
        return p;
      }
      m.value = current;
      m.end = end;
      p.ok = true;
      const std::size_t pe = percent_after(s, m.end);
      if (pe != std::string_view::npos) m.percent = true, m.end = pe;
      return p;
    }
    current = dn.value;
    digit_head = true;
    atoms = 1;
    last = Kind::unit;
    end = dn.end;
  }

  bool pending_conj = false;
  std::size_t q = end;
  for (;;) {
    std::size_t t = (atoms == 0) ? q : skip_spaces(s, q);
    bool hyphen = false;
    if (atoms > 0 && !digit_head && t == q && t < n && s[t] == '-') {
      hyphen = true;
      t = t + 1;
    }
    if (atoms > 0 && t == q && !hyphen) {
      // No separator: only a script change (digits then Arabic letters) is allowed.
      if (!(digit_head && t < n && static_cast<unsigned char>(s[t]) >= 0xD8)) break;
    }
    if (atoms > 0 && (last == Kind::scale || last == Kind::scale_plural || last == Kind::scale_dual) && t < n) {
      // "مليار و200 مليون", "3 millions et 500 mille": digits and a smaller scale after a scale
      std::size_t d = t;
      const bool glued_waw = s.substr(t, 2) == kWaw && t + 2 < n && is_digit(s[t + 2]);
      if (glued_waw) d = t + 2;
      if ((glued_waw || pending_conj) && d < n && is_digit(s[d])) {
        const DigitNumber more = read_digits(s, d, lang);
        const std::size_t w0 = skip_spaces(s, more.end);
        const std::size_t w1 = letters_end(s, w0);
        auto sl = (!more.junk && w1 > w0 && w0 > more.end) ? lookup(lex, s.substr(w0, w1 - w0), mask) : std::nullopt;
        if (sl && !sl->skip && (sl->entry.kind == Kind::scale || sl->entry.kind == Kind::scale_plural) &&
            sl->entry.value < last_scale && !((sl->entry.flags & F_FEW) && (more.value < 3 || more.value > 10))) {
          total += more.value * sl->entry.value;
          last_scale = sl->entry.value;
          ++atoms;
          last = sl->entry.kind;
          last_value = sl->entry.value;
          pending_conj = false;
          end = q = w1;
          continue;
        }
        break;
      }
    }
    if (t >= n || letter_len(s, t) == 0) break;
    const std::size_t we = letters_end(s, t);
    const std::string_view w = s.substr(t, we - t);

    // "deux milliards et demi", "مليارين ونصف (المليار)": half of the scale just read;
    // "two and a half billion": a half added to the count the scale will multiply.
    {
      constexpr std::string_view nisf = "\xD9\x86\xD8\xB5\xD9\x81";  // نصف
      const bool after_scale = last == Kind::scale || last == Kind::scale_plural || last == Kind::scale_dual;
      std::size_t half_end = 0;
      if (atoms > 0 && pending_conj && (w == "demi" || w == nisf)) half_end = we;
      if (atoms > 0 && !pending_conj && w.size() == kWaw.size() + nisf.size() && w.substr(0, kWaw.size()) == kWaw &&
          w.substr(kWaw.size()) == nisf)
        half_end = we;
      if (atoms > 0 && pending_conj && w == "a" && !after_scale) {
        const std::size_t h0 = skip_spaces(s, we), h1 = letters_end(s, h0);
        if (h0 > we && s.substr(h0, h1 - h0) == "half") half_end = h1;
      }
      if (half_end != 0 && after_scale && std::isfinite(last_scale) && current == 0) {
        total += last_scale / 2;
        end = q = half_end;
        // "ونصف المليار", "ونصف مليار": the scale said again.
        const std::size_t r0 = skip_spaces(s, half_end), r1 = letters_end(s, r0);
        if (r0 > half_end && r1 > r0) {
          std::string_view again = s.substr(r0, r1 - r0);
          constexpr std::string_view al = "\xD8\xA7\xD9\x84";  // ال
          if (again.substr(0, al.size()) == al) again.remove_prefix(al.size());
          if (auto sl = lookup(lex, again, mask); sl && sl->entry.value == last_scale &&
                                             (sl->entry.kind == Kind::scale || sl->entry.kind == Kind::scale_plural))
            end = q = r1;
        }
        ++atoms;
        has_words = true;
        pending_conj = false;
        break;  // nothing follows a half
      }
      if (half_end != 0 && !after_scale && w == "a" && current > 0 && !digit_head) {
        current += 0.5;
        end = q = half_end;
        ++atoms;
        has_words = true;
        pending_conj = false;
        last = Kind::unit;
        continue;
      }
      if (half_end != 0) break;
    }

    if (digit_head) {
      if (auto ab = abbrev(w)) {
        if (ab->glued_only) break;
        if (ab->needs_money && !money_near(s, i, we, lang)) break;
        if (current == 0 || atoms > 1) break;
        current = (dn.alt_decimal >= 0 ? dn.alt_decimal : current) * ab->scale;
        m.scaled = true;
        end = we;
        break;
      }
    }
    auto lk = (atoms == 0 && first_word) ? *first_word : lookup(lex, w, mask);
    if (!lk) break;
    const Entry& e = lk->entry;
    if (e.kind == Kind::connector) {
      if (atoms == 0 || pending_conj || (digit_head && atoms < 2)) break;
      pending_conj = true;
      q = we;
      continue;
    }
    const bool conj = pending_conj || lk->conj;
    if (lk->conj && (atoms == 0 || digit_head)) {
      if (atoms != 0) break;
      m.begin = t + lk->skip;  // leading "و" is a conjunction, not part of the number
    } else if (atoms == 0 && lk->skip) {
      m.begin = t + lk->skip;
    }
    if (atoms > 0 && lk->skip && !lk->conj) break;  // ب/ل inside a number
    if ((e.flags & F_FIRST) && atoms > 0) break;
    if (digit_head && e.kind != Kind::scale && e.kind != Kind::scale_plural) break;
    if (first_weak && atoms == 1 && e.kind != Kind::hundred && e.kind != Kind::scale &&
        e.kind != Kind::ar_ten)
      break;

    bool accept = false;
    const double group = std::fmod(current, 1000);
    switch (e.kind) {
      case Kind::unit:
        if (atoms == 0) {
          accept = true;
          first_weak = (e.flags & F_WEAK) != 0;
        } else if (!(e.flags & F_FIRST) && std::fmod(group, 10) == 0 &&
                   (last == Kind::tens || last == Kind::vingt || last == Kind::hundred ||
                    last == Kind::hundreds || last == Kind::scale || last == Kind::scale_dual ||
                    last == Kind::scale_plural || last == Kind::teen)) {
          // after a teen only French "dix-sept" (10 + 7)
          accept = last != Kind::teen || last_value == 10;  // dix-sept, not "twelve three"
          if (accept && (e.flags & F_WEAK) && last != Kind::tens && last != Kind::vingt) accept = false;
        }
        if (accept) {
          current += e.value;
          last_unit = e.value;
        }
        break;
      case Kind::ar_ten:
        if (atoms > 0 && last == Kind::unit && !conj && group < 10) {
          current += 10;
          accept = true;
        } else if (std::fmod(group, 100) == 0 && (atoms == 0 || conj || last == Kind::scale)) {
          current += 10;
          accept = true;
        }
        break;
      case Kind::teen:
        if (std::fmod(group, 100) == 0 ||
            ((last == Kind::tens || last == Kind::vingt) &&
             (std::fmod(group, 100) == 60 || std::fmod(group, 100) == 80) && e.value <= 19)) {
          current += e.value;
          accept = true;
        }
        break;
      case Kind::vingt:
        if (atoms > 0 && last == Kind::unit && last_unit == 4 && !conj && std::fmod(group, 100) == 4) {
          current += 76;  // quatre-vingt(s)
          accept = true;
          break;
        }
        [[fallthrough]];
      case Kind::tens:
        if (std::fmod(group, 100) == 0) {
          current += e.value;
          accept = true;
        } else if (last == Kind::unit && conj && std::fmod(group, 100) < 10) {
          current += e.value;  // خمسة وعشرون, five and twenty
          accept = true;
        }
        break;
      case Kind::hundred:
        if (group == 0 && (atoms == 0 || last != Kind::unit)) {
          current += 100;
          accept = !(atoms > 0 && last == Kind::hundred);
        } else if (last == Kind::unit && group >= 1 && group <= 9 && !conj) {
          current += group * 99;
          accept = true;
        }
        break;
      case Kind::hundreds:
        if (group == 0) {
          current += e.value;
          accept = true;
        }
        break;
      case Kind::scale:
      case Kind::scale_plural:
        if ((e.flags & F_FEW) && (current < 3 || current > 10)) break;
        if (current > 0 && e.value < last_scale && !conj) {
          total += current * e.value;
          current = 0;
          accept = true;
        } else if (atoms == 0 && e.kind == Kind::scale && (e.flags & F_STANDALONE)) {
          total = e.value;
          accept = true;
        } else if (current == 0 && atoms > 0 && last == Kind::scale && e.value > last_scale && !conj) {
          total *= e.value;  // mille milliards, mil millones
          accept = true;
        }
        if (accept) {
          last_scale = e.value;
          m.scaled = true;
        }
        break;
      case Kind::scale_dual:
        if (current == 0 && e.value < last_scale && (atoms == 0 || conj)) {
          total += 2 * e.value;
          last_scale = e.value;
          m.scaled = true;
          accept = true;
        }
        break;
      case Kind::connector:
        break;
    }
    if (!accept) break;
    if (digit_head && dn.alt_decimal >= 0 && atoms == 1) {
      // "1,500 milliard" in a language whose decimal separator is ',': 1.5 milliard
      total = dn.alt_decimal * e.value;
    }
    ++atoms;
    has_words = true;
    last = e.kind;
    last_value = e.value;
    pending_conj = false;
    end = we;
    q = we;
  }

  if (atoms == 0 || (first_weak && atoms == 1)) {
    p.resume = letters_end(s, i) > i ? letters_end(s, i) : i + 1;
    return p;
  }
  m.value = total + current;
  m.end = end;
  m.words = has_words;
  if (digit_head && !m.scaled && !dn.grouped && !dn.decimal && dn.end - i == 4 && m.value >= 1900 &&
      m.value <= 2100)
    m.year_like = true;
  const std::size_t pe = percent_after(s, m.end);
  if (pe != std::string_view::npos) m.percent = true, m.end = pe;
  p.ok = true;
  return p;
}

bool preceded_by_latin_letter(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  const auto c = static_cast<unsigned char>(s[i - 1]);
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return i >= 2 && detail::is_letter_at(s, i - 2) && static_cast<unsigned char>(s[i - 2]) < 0xD8;
}

// Currency abbreviations written against the number: Ksh2bn, Rs500, USD5m (COP22 is no peso).
bool glued_currency_before(std::string_view s, std::size_t i) {
  const std::size_t b = detail::word_begin(s, i);
  const std::string_view word = s.substr(b, i - b);
  for (std::string_view c : {"Ksh", "KSh", "Kshs", "KShs", "Sh", "Rs", "Dhs", "DH", "MAD", "USD", "EUR", "GBP", "INR", "KES", "SAR", "AED"})
    if (word == c) return true;
  return false;
}

}  // namespace

std::vector<NumberMatch> find_numbers(std::string_view s, std::string_view lang) {
  std::vector<NumberMatch> out;
  const std::uint8_t mask = lang_mask(lang);
  const Lexicon& lex = lexicon();
  const std::size_t n = s.size();
  std::size_t i = 0;
  std::size_t after_gap = 0;  // s[after_gap - 1] is known to be no letter
  while (i < n) {
    const std::uint8_t k = kByteClass[static_cast<unsigned char>(s[i])];
    if (k == detail::B_OTHER) {  // spaces, punctuation: most of what is not a word
      do ++i;
      while (i < n && kByteClass[static_cast<unsigned char>(s[i])] == detail::B_OTHER);
      after_gap = i;
      continue;
    }
    if (k == detail::B_DIGIT) {
      if (preceded_by_latin_letter(s, i) && !glued_currency_before(s, i)) {  // A320, COP22, H2
        while (i < n && (is_digit(s[i]) || detail::is_letter_at(s, i))) ++i;
        continue;
      }
      Parsed p = parse_at(s, i, lang, mask);
      if (p.ok) {
        out.push_back(p.m);
        i = p.m.end;
      } else {
        i = std::max(p.resume, i + 1);
        while (i < n && is_digit(s[i])) ++i;
      }
      continue;
    }
    // The word's first letter is known: the walk starts past it.
    std::size_t we;
    if (k == detail::B_ASCII_LETTER) {
      we = letters_end(s, detail::ascii_letters_end(s, i + 1));
    } else {
      const std::size_t l = detail::lead_letter_len(s, i);
      if (l == 0) {
        ++i;
        after_gap = i;
        continue;
      }
      const bool arabic = (static_cast<unsigned char>(s[i]) & 0xFE) == 0xD8;
      we = letters_end(s, arabic ? detail::arabic_letters_end(s, i + 2) : i + l);
    }
    // Only words that can start a number are worth a parse attempt.
    const bool word_start = i == after_gap || letter_len(s, i - 1) == 0;
    auto lk = word_start ? lookup(lex, s.substr(i, we - i), mask) : std::nullopt;
    if (lk && lk->entry.kind != Kind::connector) {
      // "pour cent" is a percent sign, not a hundred
      bool after_pour = false;
      if (lk->entry.kind == Kind::hundred &&
          ((i >= 5 && s.substr(i - 5, 5) == "pour ") || (i >= 4 && s.substr(i - 4, 4) == "per ") ||
           (i >= 4 && s.substr(i - 4, 4) == "por ")))
        after_pour = true;
      Parsed p = parse_at(s, i, lang, mask, &lk);
      if (p.ok && (lk->entry.flags & F_FIRST) && i >= 5 && (s[i - 1] == ' ' || s[i - 1] == '-')) {
        // "half a million", "half-a-million": 500,000
        char hb[8];
        const std::size_t hb_begin = detail::word_begin(s, i - 1);
        if (lookup_key(s.substr(hb_begin, i - 1 - hb_begin), hb, sizeof hb) == "half") {
          p.m.begin = hb_begin;
          p.m.value /= 2;
        }
      }
      if (p.ok && !after_pour) {
        out.push_back(p.m);
        i = p.m.end;
        continue;
      }
    }
    i = we;
  }
  return out;
}

namespace detail {

std::vector<std::string_view> number_word_spellings() {
  std::vector<std::string_view> out;
  for (const Word& w : kWords) out.emplace_back(w.text);
  return out;
}

std::optional<NumberWordReading> read_number_word(std::string_view word, std::string_view lang, bool filtered) {
  const std::uint8_t mask = lang_mask(lang);
  const auto r = filtered ? lookup(lexicon(), word, mask) : lookup_uncached(word, mask);
  if (!r) return std::nullopt;
  return NumberWordReading{static_cast<int>(r->entry.kind), r->entry.value, r->skip, r->conj};
}

}  // namespace detail

std::optional<double> parse_number(std::string_view s, std::string_view lang) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  if (b == e) return std::nullopt;
  const std::string_view t = s.substr(b, e - b);
  if (!is_digit(t[0]) && !detail::is_letter_at(t, 0)) return std::nullopt;
  Parsed p = parse_at(t, 0, lang, lang_mask(lang));
  if (!p.ok || p.m.begin != 0 || p.m.end != t.size()) return std::nullopt;
  return p.m.value;
}

}  // namespace pledgedb::extract
