#include "pledgedb/text/normalize.hpp"

#include "text/language_counts.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/byte_masks.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

namespace pledgedb::text {
namespace {

// Decodes one code point of valid UTF-8 at s[i]; returns its length in bytes.
inline std::size_t decode(const unsigned char* s, std::size_t i, std::size_t n, char32_t& cp) {
  const unsigned char c = s[i];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c < 0xE0 && i + 1 < n) {
    cp = (char32_t(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if (c < 0xF0 && i + 2 < n) {
    cp = (char32_t(c & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return 3;
  }
  if (i + 3 < n) {
    cp = (char32_t(c & 0x07) << 18) | (char32_t(s[i + 1] & 0x3F) << 12) |
         (char32_t(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    return 4;
  }
  cp = 0xFFFD;  // truncated: callers validate first; never read past the end
  return n - i;
}

constexpr char kDrop = 0;   // remove the character
constexpr char kKeep = 1;   // copy the original bytes

// What normalize() does with one non-ASCII code point: kDrop, kKeep or an ASCII replacement.
inline char normalize_cp(char32_t cp) {
  if (cp >= 0x0660 && cp <= 0x0669) return char('0' + (cp - 0x0660));
  if (cp >= 0x06F0 && cp <= 0x06F9) return char('0' + (cp - 0x06F0));
  switch (cp) {
    case 0x066C: return ',';
    case 0x066B: return '.';
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: case 0x1680: return ' ';
    case 0x0640: case 0x0670: return kDrop;  // tatweel, superscript alef
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
    case 0x2060: case 0xFEFF: case 0x00AD:  // zero-width, bidi marks, soft hyphen
      return kDrop;
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: return '-';
    case 0x2018: case 0x2019: case 0x02BC: return '\'';
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return ' ';  // en/em/figure/thin/hair... spaces
  if (cp >= 0x064B && cp <= 0x065F) return kDrop;  // harakat and other Arabic marks
  if (cp >= 0x2010 && cp <= 0x2015) return '-';
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return kDrop;
  return kKeep;
}

}  // namespace

namespace {

// The first character from i on that normalize may have to change (the lead byte of a
// character other than ASCII and the Arabic letters U+0600..U+063F, U+0641..U+064A), read 16
// bytes at a time; or a character boundary near the end, where the byte loop takes over.
inline std::size_t skip_kept(const unsigned char* s, std::size_t n, std::size_t i) {
#if defined(__SSE2__)
  unsigned carry = 0;  // the last chunk ended with the lead of a kept Arabic letter
  for (; i + 17 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 1));
    const unsigned high = bytes::high_bits(v);
    const __m128i d8 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD8)));
    const __m128i d9 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD9))),
                                     bytes::in_range(next, 0x81, 0x8A));
    const unsigned lead = bytes::high_bits(_mm_or_si128(d8, d9));
    if (const unsigned change = high & ~(lead | lead << 1 | carry) & 0xFFFF) return i + static_cast<unsigned>(std::countr_zero(change));
    carry = lead >> 15;
  }
  return i + carry;
#else
  (void)s;
  (void)n;
  return i;
#endif
}

}  // namespace

Normalized normalize(std::string_view original) {
  Normalized out;
  const std::size_t n = original.size();
  // Most bytes are kept as they are: start from a copy and edit it in place (normalization
  // never grows the text, so the write position j never passes the read position i).
  out.text.assign(original);
  char* t = out.text.data();
  const auto* s = reinterpret_cast<const unsigned char*>(original.data());
  std::size_t j = 0;
  std::size_t i = 0;
  const auto shifted = [&out, &i, &j] {
    const auto at = static_cast<std::uint32_t>(j), delta = static_cast<std::uint32_t>(i - j);
    if (!out.shifts.empty() && out.shifts.back().at == at) out.shifts.back().delta = delta;
    else out.shifts.push_back({at, delta});
  };
  while (i < n) {
    // A run of kept bytes: ASCII (eight at a time while they are all ASCII), and U+0600..U+063F
    // and U+0641..U+064A (ف to ي), Arabic letters with nothing to replace.
    std::size_t r = skip_kept(s, n, i);
    for (;;) {
      while (r + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, s + r, 8);
        if (w & 0x8080808080808080ull) break;
        r += 8;
      }
      while (r < n && s[r] < 0x80) ++r;
      if (r + 1 < n && (s[r] == 0xD8 || (s[r] == 0xD9 && s[r + 1] >= 0x81 && s[r + 1] <= 0x8A))) {
        r += 2;
        continue;
      }
      break;
    }
    if (r > i) {
      if (j != i) std::memmove(t + j, s + i, r - i);  // from the original: t is behind it
      j += r - i;
      i = r;
      if (i >= n) break;
    }
    char32_t cp;
    const std::size_t len = decode(s, i, n, cp);
    const char rep = normalize_cp(cp);
    if (rep == kKeep) {
      if (j != i) std::memmove(t + j, s + i, len);
      j += len;
      i += len;
      continue;
    }
    if (rep != kDrop) t[j++] = rep;
    i += len;
    shifted();
  }
  out.text.resize(j);
  return out;
}

std::size_t Normalized::to_original(std::size_t normalized_offset) const {
  std::size_t x = normalized_offset;
  if (x >= text.size()) x = text.size();
  // Every byte of a kept character maps to the character's start.
  else while (x > 0 && (static_cast<unsigned char>(text[x]) & 0xC0) == 0x80) --x;
  const auto after = std::upper_bound(shifts.begin(), shifts.end(), x,
                                      [](std::size_t v, const Shift& sh) { return v < sh.at; });
  return after == shifts.begin() ? x : x + std::prev(after)->delta;
}

namespace {

// Arabic letter variants folded to one form (after NFD, which already strips the hamza and
// madda of أ إ آ ؤ ئ as combining marks).
inline UChar32 fold_arabic(UChar32 c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;  // ى ی ئ -> ي
    case 0x0629: return 0x0647;                            // ة -> ه
    case 0x0624: return 0x0648;                            // ؤ -> و
    case 0x06A9: return 0x0643;                            // Persian keheh -> ك
    default: return c;
  }
}

std::string fold_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(char(c));
    } else if (c >= 'A' && c <= 'Z') {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(char(c + 32));
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace

namespace {

// The reference implementation: ICU case folding, NFD, marks dropped, Arabic variants folded.
std::string fold_icu(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
  u.foldCase();
  icu::UnicodeString d;
  if (U_SUCCESS(status)) d = nfd->normalize(u, status);
  if (U_FAILURE(status)) d = u;

  std::string out;
  out.reserve(s.size());
  bool space = false;
  auto emit = [&](UChar32 c) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, std::size_t(len));
  };
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || c == 0x0640) continue;
    if (type == U_FORMAT_CHAR) continue;  // bidi and zero-width characters
    if (type == U_DECIMAL_DIGIT_NUMBER) {
      emit(UChar32('0' + u_charDigitValue(c)));
      continue;
    }
    if (c == 0x0153) {  // œ
      emit('o');
      emit('e');
      continue;
    }
    if (c == 0x00E6) {  // æ
      emit('a');
      emit('e');
      continue;
    }
    if (u_isalpha(c) || type == U_COMBINING_SPACING_MARK) {
      emit(fold_arabic(c));
      continue;
    }
    space = true;
  }
  return out;
}

// fold() of one code point, precomputed with fold_icu for U+0080..U+07FF (Latin, Greek,
// Cyrillic, Hebrew, Arabic) and U+2000..U+206F (spaces, dashes, quotes, bidi controls). Folding
// these one code point at a time gives the same key as ICU on the whole string, and skips ICU
// on the hot path (the gazetteer folds every token of every document).
struct FoldEntry {
  enum Kind : std::uint8_t { text, space, drop, icu } kind = icu;
  std::uint8_t len = 0;
  char bytes[6] = {};
};

struct FoldTable {
  std::array<FoldEntry, 0x800> two{};   // index: code point (only 0x80.. used)
  std::array<FoldEntry, 0x70> punct{};  // index: code point - 0x2000

  static FoldEntry make(char32_t cp) {
    char src[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(src, n, UChar32(cp));
    const std::string k = fold_icu(std::string_view(src, std::size_t(n)));
    // A separator or a dropped character both fold to "": tell them apart with letters around.
    FoldEntry e;
    if (k.empty()) {
      const std::string around = fold_icu("a" + std::string(src, std::size_t(n)) + "b");
      e.kind = around == "a b" ? FoldEntry::space : around == "ab" ? FoldEntry::drop : FoldEntry::icu;
    } else if (k.size() <= sizeof e.bytes && k.find(' ') == std::string::npos) {
      e.kind = FoldEntry::text;
      e.len = std::uint8_t(k.size());
      std::memcpy(e.bytes, k.data(), k.size());
    }
    return e;
  }
};

const FoldTable& fold_table() {
  static const FoldTable* table = [] {
    auto* t = new FoldTable();
    for (char32_t cp = 0x80; cp < 0x800; ++cp) t->two[cp] = FoldTable::make(cp);
    for (char32_t cp = 0x2000; cp < 0x2070; ++cp) t->punct[cp - 0x2000] = FoldTable::make(cp);
    return t;
  }();
  return *table;
}

}  // namespace

std::string fold(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return fold_ascii(s);

  const FoldTable& table = fold_table();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::string out;
  out.reserve(n);
  bool space = false;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back((c >= 'A' && c <= 'Z') ? char(c + 32) : char(c));
      } else {
        space = true;
      }
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = decode(p, i, n, cp);
    const FoldEntry* e = nullptr;
    if (cp < 0x800) e = &table.two[cp];
    else if (cp >= 0x2000 && cp < 0x2070) e = &table.punct[cp - 0x2000];
    if (e == nullptr) {
      if (cp == 0x3000) {
        space = true;
      } else if (cp != 0xFEFF) {
        return fold_icu(s);  // another script: let ICU do all of it
      }
    } else if (e->kind == FoldEntry::text) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(e->bytes, e->len);
    } else if (e->kind == FoldEntry::space) {
      space = true;
    } else if (e->kind == FoldEntry::icu) {
      return fold_icu(s);
    }
    i += len;
  }
  return out;
}

namespace {

// Stop words, at most 8 bytes each, packed into one integer so that a word is found by a binary
// search of integer keys: comparing each word to each list entry as strings made language
// detection a fifth of the extraction time of an article without a declared language.
enum : unsigned char { kFr = 1, kEn = 2, kEs = 4 };

constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t k = 0;
  for (const char ch : w) k = (k << 8) | static_cast<unsigned char>(ch);
  return k;
}

constexpr std::pair<std::string_view, unsigned char> kStopWords[] = {
    {"le", kFr},    {"la", kFr},       {"les", kFr},     {"des", kFr},      {"du", kFr},       {"et", kFr},
    {"une", kFr},   {"pour", kFr},     {"dans", kFr},    {"est", kFr},      {"sur", kFr},      {"par", kFr},
    {"au", kFr},    {"aux", kFr},      {"qui", kFr},     {"avec", kFr},     {"ce", kFr},       {"cette", kFr},
    {"sont", kFr},  {"il", kFr},       {"elle", kFr},    {"ont", kFr},      {"été", kFr},      {"millions", kFr},
    {"emplois", kFr}, {"l", kFr},      {"d", kFr},       {"qu", kFr},
    {"the", kEn},   {"of", kEn},       {"and", kEn},     {"to", kEn},       {"in", kEn},       {"is", kEn},
    {"for", kEn},   {"on", kEn},       {"with", kEn},    {"by", kEn},       {"that", kEn},     {"will", kEn},
    {"from", kEn},  {"at", kEn},       {"as", kEn},      {"it", kEn},       {"its", kEn},      {"an", kEn},
    {"be", kEn},    {"has", kEn},      {"have", kEn},    {"was", kEn},      {"which", kEn},    {"jobs", kEn},
    {"this", kEn},
    {"el", kEs},    {"los", kEs},      {"las", kEs},     {"del", kEs},      {"y", kEs},        {"con", kEs},
    {"por", kEs},   {"para", kEs},     {"una", kEs},     {"se", kEs},       {"su", kEs},       {"sus", kEs},
    {"es", kEs},    {"al", kEs},       {"lo", kEs},      {"como", kEs},     {"más", kEs},      {"empleos", kEs},
    {"millones", kEs}, {"fue", kEs},   {"este", kEs},    {"esta", kEs},
};

// Stop words by packed key: a 256-slot open-addressing table (fewer than 80 words), so that a
// word costs one multiply and usually one probe.
class StopWordTable {
 public:
  StopWordTable() {
    for (const auto& [word, langs] : kStopWords) {
      const std::uint64_t k = pack(word);
      std::size_t s = slot(k);
      while (keys_[s] != 0 && keys_[s] != k) s = (s + 1) & 255;
      keys_[s] = k;
      langs_[s] |= langs;
    }
  }
  // The languages packed word `key` (at most 8 bytes, not 0) is a stop word of.
  unsigned char langs(std::uint64_t key) const {
    for (std::size_t s = slot(key);; s = (s + 1) & 255) {
      if (keys_[s] == key) return langs_[s];
      if (keys_[s] == 0) return 0;
    }
  }

 private:
  static std::size_t slot(std::uint64_t k) { return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 56); }
  std::array<std::uint64_t, 256> keys_{};
  std::array<unsigned char, 256> langs_{};
};

}  // namespace

namespace {

// Arabic cannot lose its majority any more: even if every byte left were a Latin letter, the
// first rule of detect_language would still say "ar".
bool arabic_certain(const detail::LanguageCounts& c, std::size_t bytes_left) {
  return c.arabic >= 10 && 7 * c.arabic >= 3 * (c.latin + bytes_left);
}

void count_stop_word(const StopWordTable& stop_words, std::uint64_t word, detail::LanguageCounts& c) {
  const unsigned char langs = stop_words.langs(word);
  c.fr += (langs & kFr) != 0;
  c.en += (langs & kEn) != 0;
  c.es += (langs & kEs) != 0;
}

// A word of 1..8 bytes (ASCII letters and two-byte Latin letters) as the stop-word table packs
// it: lower-cased, first byte highest.
std::uint64_t pack_word(const unsigned char* w, std::size_t len) {
  std::uint64_t word = 0;
  for (std::size_t k = 0; k < len;) {
    if (w[k] < 0x80) {
      word = word << 8 | (w[k] | 0x20u);
      ++k;
      continue;
    }
    if (k + 1 >= len) break;  // a lead cut off (not valid UTF-8): never read past the word
    char32_t cp = (char32_t(w[k] & 0x1F) << 6) | (w[k + 1] & 0x3F);
    if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) cp += 0x20;  // Latin-1 capitals
    word = word << 16 | (0xC0u | (cp >> 6)) << 8 | (0x80u | (cp & 0x3F));
    k += 2;
  }
  return word;
}

detail::LanguageCounts count_bytewise(const unsigned char* s, std::size_t n, bool settle) {
  static const StopWordTable stop_words;
  detail::LanguageCounts c;
  std::size_t word_at = 0, wlen = 0;  // the current Latin word
  auto flush = [&] {
    if (wlen > 0 && wlen <= 8) count_stop_word(stop_words, pack_word(s + word_at, wlen), c);
    wlen = 0;
  };
  for (std::size_t i = 0; i < n;) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        if (!wlen) word_at = i;
        ++c.latin;
        ++wlen;
      } else {
        flush();
      }
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t len = decode(s, i, n, cp);
    i += len;
    if (cp >= 0x00C0 && cp <= 0x024F) {
      if (!wlen) word_at = i - len;
      ++c.latin;
      wlen += len;
      continue;
    }
    flush();
    if (cp >= 0x0620 && cp <= 0x06FF) {
      ++c.arabic;
      if (settle && arabic_certain(c, n - i)) {
        c.arabic_settled = true;
        return c;
      }
    }
  }
  flush();
  return c;
}

#if defined(__SSE2__)
struct BlockMasks {
  std::uint64_t ascii_letter = 0, latin_lead = 0;
};

// Masks of 64 bytes at p (p[0..64] readable): ASCII letters and leads of U+00C0..U+024F; the
// letters of each script are added to the byte counters in `latin` and `arabic` (leads of
// U+0620..U+06FF) without a popcount (no such instruction in baseline x86-64).
inline BlockMasks block_masks(const unsigned char* p, __m128i& latin_count, __m128i& arabic_count) {
  BlockMasks m;
  const __m128i one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k + 1));
    const __m128i letter = bytes::ascii_letters(v);
    const __m128i latin = _mm_or_si128(bytes::in_range(v, 0xC3, 0xC8),  // U+00C0..U+023F
                                       _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC9))),
                                                     bytes::in_range(next, 0x80, 0x8F)));  // ..U+024F
    const __m128i arabic = _mm_or_si128(bytes::in_range(v, 0xD9, 0xDB),  // U+0640..U+06FF
                                        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD8))),
                                                      bytes::in_range(next, 0xA0, 0xBF)));  // U+0620..U+063F
    latin_count = _mm_add_epi64(latin_count, _mm_sad_epu8(_mm_and_si128(_mm_or_si128(letter, latin), one), zero));
    arabic_count = _mm_add_epi64(arabic_count, _mm_sad_epu8(_mm_and_si128(arabic, one), zero));
    const auto bits = [](__m128i x) { return std::uint64_t{bytes::high_bits(x)}; };
    m.ascii_letter |= bits(letter) << (16 * k);
    m.latin_lead |= bits(latin) << (16 * k);
  }
  return m;
}

inline std::size_t lanes_sum(__m128i x) {
  return static_cast<std::size_t>(_mm_cvtsi128_si64(x) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x)));
}

// 64 bytes at a time: the letters of each script counted from byte masks, and the words (runs
// of letters) found from the mask's edges, so that no branch is taken per byte.
detail::LanguageCounts count_blocks(const unsigned char* s, std::size_t n, bool settle) {
  static const StopWordTable stop_words;
  detail::LanguageCounts c;
  std::size_t word_at = 0;
  bool in_word = false;
  std::uint64_t carry = 0;  // the previous block's last byte: 1 a letter byte, 2 a Latin lead
  unsigned char tail[64 + 16];
  __m128i latin_count = _mm_setzero_si128(), arabic_count = _mm_setzero_si128();
  const auto close_word = [&](std::size_t end) {
    const std::size_t len = end - word_at;
    if (len > 8) return;
    unsigned char w[8] = {};
    if (word_at + 8 <= n) std::memcpy(w, s + word_at, 8);  // a fixed size: no call
    else std::memcpy(w, s + word_at, len);
    std::uint64_t bytes;
    std::memcpy(&bytes, w, 8);
    const std::uint64_t keep = ~std::uint64_t(0) >> (64 - 8 * len);
    if (bytes & keep & 0x8080808080808080ull) {
      count_stop_word(stop_words, pack_word(w, len), c);
    } else {  // ASCII letters: lower-cased together, first byte highest (little-endian load)
      bytes |= 0x2020202020202020ull & keep;
      count_stop_word(stop_words, __builtin_bswap64(bytes) >> (64 - 8 * len), c);
    }
  };
  for (std::size_t at = 0; at < n; at += 64) {
    const unsigned char* p = s + at;
    if (n - at < 65) {  // the last block reads a zero-padded copy (zero is no letter)
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, s + at, n - at);
      p = tail;
    }
    const BlockMasks m = block_masks(p, latin_count, arabic_count);
    const std::uint64_t letter = m.ascii_letter | m.latin_lead | m.latin_lead << 1 | (carry >> 1);
    // Each bit where a letter byte follows a non-letter one, or the other way round.
    for (std::uint64_t edges = letter ^ (letter << 1 | (carry & 1)); edges; edges &= edges - 1) {
      const int bit = std::countr_zero(edges);
      if (letter >> bit & 1) {
        word_at = at + static_cast<std::size_t>(bit);
        in_word = true;
      } else {
        close_word(at + static_cast<std::size_t>(bit));
        in_word = false;
      }
    }
    carry = (letter >> 63) | (m.latin_lead >> 63) << 1;
    c.latin = lanes_sum(latin_count);
    c.arabic = lanes_sum(arabic_count);
    if (settle && at + 64 < n && arabic_certain(c, n - at - 64)) {
      c.arabic_settled = true;
      return c;
    }
  }
  if (in_word) close_word(n);
  return c;
}
#endif

}  // namespace

namespace detail {
LanguageCounts count_language(std::string_view text, [[maybe_unused]] bool bytewise, bool settle) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
#if defined(__SSE2__)
  if (!bytewise) return count_blocks(s, text.size(), settle);
#endif
  return count_bytewise(s, text.size(), settle);
}
}  // namespace detail

std::string detect_language(std::string_view text) {
  // The first 64 KiB are plenty to tell the language and keep this cheap on huge inputs.
  constexpr std::size_t kScan = 64 * 1024;
  if (text.size() > kScan) {
    std::size_t cut = kScan;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const detail::LanguageCounts c = detail::count_language(text);
  if (c.arabic_settled) return "ar";
  const std::size_t arabic = c.arabic, latin = c.latin;
  const int fr = c.fr, en = c.en, es = c.es;
  if (arabic + latin == 0) return "";
  if (arabic * 10 >= (arabic + latin) * 3 && arabic >= 10) return "ar";
  if (arabic > latin) return "ar";
  const int best = std::max({fr, en, es});
  if (best < 2) return "";
  const int second = fr + en + es - best - std::min({fr, en, es});
  if (best * 2 < second * 3) return "";  // too close to call
  if (best == fr) return "fr";
  if (best == en) return "en";
  return "es";
}

}  // namespace pledgedb::text
