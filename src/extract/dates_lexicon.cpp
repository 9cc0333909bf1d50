// The folding phrase matcher shared by the date and deadline scanners.
#include <algorithm>
#include <bit>
#include <cstring>

#include "pledgedb/extract/dates.hpp"
#include "text/byte_masks.hpp"

namespace pledgedb::extract::date_detail {

char32_t decode_slow(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto c = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && cont(1)) {
    len = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | c(1);
  }
  if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) | (c(1) << 6) | c(2);
  }
  if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return (static_cast<char32_t>(b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
  }
  len = 1;
  return b0;
}

char32_t fold(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xFF) {
    // Latin-1 letters to their base letter, both cases.
    static constexpr char kBase[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";
    if (c == 0xD7 || c == 0xF7) return c;
    if (c == 0xFF) return 'y';
    return static_cast<unsigned char>(kBase[(c - 0xC0) & 0x1F]);
  }
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef variants
    case 0x0649: case 0x06CC: return 0x064A;                             // alef maksura, farsi yeh
    case 0x0629: return 0x0647;                                          // teh marbuta
    case 0x0624: return 0x0648;
    case 0x0626: return 0x064A;
    case 0x06A9: return 0x0643;
    case 0x0153: return 'o';  // œ (only its first letter matters for our words)
    default: return c;
  }
}

bool is_word_char_slow(char32_t c) {
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x0620 && c <= 0x065F) return true;   // Arabic letters (diacritics are gone anyway)
  if (c >= 0x0660 && c <= 0x0669) return true;   // Arabic-Indic digits
  if (c >= 0x066E && c <= 0x06D3) return true;
  if (c >= 0x06F0 && c <= 0x06FF) return true;
  if (c >= 0x0370 && c <= 0x052F) return true;   // Greek, Cyrillic
  return false;
}

bool word_start(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  std::size_t len = 0;
  return !is_word_char(decode(s, j, len));
}

bool is_clitic_slow(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) < 0xD8) return false;
  std::size_t len = 0;
  const char32_t c = decode(s, i, len);
  if (!(c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0644 || c == 0x0643)) return false;
  const char32_t n = decode(s, i + len, len);
  return n >= 0x0621 && n <= 0x064A;
}

namespace {
// The hash of a word's folded code points, on which word_starts and Lexicon::beginnings agree:
// of how many there are and of the first 16 packed one byte each (ASCII as itself, others by their
// low 7 bits with the high bit set: Arabic U+0600..U+067F one-to-one), so that word_starts reads
// most ASCII and Arabic words 16 bytes at a time without a branch per letter. No code point is
// kWordHashSeed.
std::uint32_t packed_hash(std::uint64_t lo, std::uint64_t hi, std::uint64_t n) {
  const std::uint64_t x = lo * 0x9E3779B97F4A7C15ull ^ (hi + n) * 0xC2B2AE3D27D4EB4Full;
  return static_cast<std::uint32_t>(x >> 32);
}

class WordHash {
 public:
  void add(char32_t folded) {
    const std::uint64_t b = folded < 0x80 ? folded : 0x80 | (folded & 0x7F);
    if (n_ < 8) lo_ |= b << (8 * n_);  // the bytes of a little-endian load
    else if (n_ < 16) hi_ |= b << (8 * (n_ - 8));
    ++n_;
  }
  std::uint32_t value() const { return n_ == 0 ? kWordHashSeed : packed_hash(lo_, hi_, n_); }

 private:
  std::uint64_t lo_ = 0, hi_ = 0;
  unsigned n_ = 0;
};

// The WordHash of the word chars (is_word_char, after folding) from i on in s, and where
// they end.
std::uint32_t hash_word_at(std::string_view s, std::size_t& i) {
  WordHash h;
  for (std::size_t len = 0; i < s.size(); i += len) {
    const char32_t c = fold(decode(s, i, len));
    if (!is_word_char(c)) break;
    h.add(c);
  }
  return h.value();
}

// ASCII letters and digits among all bytes: one test per byte in the word loops.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiWordChar[c];
  return t;
}();

// The end of the word whose chars (word_char_at) go on at i.
std::size_t word_rest_end(std::string_view s, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t len = 0; i < s.size();) {
    if (kAsciiWordByte[bytes[i]]) {
      ++i;
    } else if (bytes[i] >= 0x80 && word_char_at(s, i, len)) {
      i += len;
    } else {
      break;
    }
  }
  return i;
}

// A word (word_char_at) from its start: the hash of its leading word chars as Lexicon::match reads
// them (is_word_char, folded), where they end, and where the word ends. The two runs differ only
// on U+0250..U+027F, which word_char_at takes by their lead byte alone.
struct ScannedWord {
  std::uint32_t hash = kWordHashSeed;
  std::size_t run_end = 0, end = 0;
};

// The two-byte letters most text has (Latin-1 U+00C0..U+00FF, Arabic U+0600..U+067F) by table:
// for each lead byte among C3, D8, D9 (kTwoByteLead: 1, 2, 3) and continuation byte, the folded
// code point, or 0 when it is no word char.
constexpr std::array<std::uint8_t, 256> kTwoByteLead = [] {
  std::array<std::uint8_t, 256> t{};
  t[0xC3] = 1, t[0xD8] = 2, t[0xD9] = 3;
  return t;
}();
const std::array<std::array<char16_t, 64>, 4> kTwoByteFolded = [] {
  std::array<std::array<char16_t, 64>, 4> t{};  // row 0 unused
  const unsigned leads[] = {0, 0xC3, 0xD8, 0xD9};
  for (std::size_t l = 1; l < 4; ++l)
    for (unsigned b1 = 0; b1 < 64; ++b1) {
      const char32_t c = (static_cast<char32_t>(leads[l] & 0x1F) << 6) | b1;
      t[l][b1] = is_word_char(c) ? static_cast<char16_t>(fold(c)) : 0;
    }
  return t;
}();

inline ScannedWord scan_word(std::string_view s, std::size_t i) {
  const auto* const bytes = reinterpret_cast<const unsigned char*>(s.data());
  const auto* p = bytes + i;
  const auto* const stop = bytes + s.size();
  WordHash h;
  const auto done = [&h](std::size_t run_end, std::size_t end) { return ScannedWord{h.value(), run_end, end}; };
  for (;;) {
    for (; p < stop && kAsciiWordByte[*p]; ++p) h.add(*p | 0x20u);  // fold(): digits have that bit
    if (p >= stop || *p < 0x80) break;
    if (kTwoByteLead[*p]) {  // a run of them
      const auto* q = p;
      for (unsigned lead; q + 1 < stop && (lead = kTwoByteLead[*q]) != 0 && (q[1] & 0xC0) == 0x80; q += 2) {
        const char32_t folded = kTwoByteFolded[lead][q[1] & 0x3F];
        if (!folded) {  // no word char (word_char_at agrees on these)
          const auto at = static_cast<std::size_t>(q - bytes);
          return done(at, at);
        }
        h.add(folded);
      }
      if (q != p) {
        p = q;
        continue;
      }
    }
    std::size_t len = 2;
    char32_t c;
    if ((*p & 0xE0) == 0xC0 && p + 1 < stop && (p[1] & 0xC0) == 0x80) {  // other two-byte letters
      c = (static_cast<char32_t>(*p & 0x1F) << 6) | (p[1] & 0x3F);
    } else {
      c = decode_slow(s, static_cast<std::size_t>(p - bytes), len);
    }
    if (is_word_char(c)) {
      h.add(fold(c));
    } else {
      const auto at = static_cast<std::size_t>(p - bytes);
      return done(at, len == 2 && c >= 0x0250 && c < 0x0280 ? word_rest_end(s, at + len) : at);
    }
    p += len;
  }
  const auto at = static_cast<std::size_t>(p - bytes);
  return done(at, at);
}

#if defined(__SSE2__)
// Of the 16 bytes at p, as bit masks: the ASCII letters and digits, and the bytes >= 0x80.
struct AsciiMasks {
  unsigned word = 0, high = 0;
};
inline AsciiMasks ascii_masks(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  namespace tb = text::bytes;
  return {tb::high_bits(_mm_or_si128(tb::ascii_letters(v), tb::in_range(v, '0', '9'))), tb::high_bits(v)};
}

// The Arabic letters and digits (U+0620..U+067F but U+066A..U+066D, as word_char_at and
// kTwoByteFolded take them) that begin the 16 bytes at p: how many (up to 8), and their WordHash.
inline std::uint32_t arabic_word_hash(const unsigned char* p, unsigned& letters) {
  const auto lanes = [](int x) { return _mm_set1_epi16(static_cast<short>(x)); };
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));  // 16-bit lanes: lead | next << 8
  const __m128i two_byte = _mm_cmpeq_epi16(_mm_and_si128(v, lanes(0xC0FE)), lanes(0x80D8));  // D8 or D9, then 80..BF
  // The code point's low 7 bits (U+0600 + low).
  const __m128i low = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, lanes(1)), 6),
                                   _mm_and_si128(_mm_srli_epi16(v, 8), lanes(0x3F)));
  const __m128i not_word = _mm_and_si128(_mm_cmpgt_epi16(low, lanes(0x69)), _mm_cmplt_epi16(low, lanes(0x6E)));
  const __m128i letter = _mm_andnot_si128(not_word, _mm_and_si128(two_byte, _mm_cmpgt_epi16(low, lanes(0x1F))));
  letters = static_cast<unsigned>(std::countr_zero(~text::bytes::high_bits(letter))) / 2;
  // fold(): the alef, yeh, waw and teh marbuta variants.
  __m128i folded = low;
  static constexpr std::pair<int, int> kVariants[] = {{0x22, 0x27}, {0x23, 0x27}, {0x25, 0x27}, {0x71, 0x27},
                                                      {0x49, 0x4A}, {0x26, 0x4A}, {0x29, 0x47}, {0x24, 0x48}};
  for (const auto& [from, to] : kVariants)
    folded = _mm_add_epi16(folded, _mm_and_si128(_mm_cmpeq_epi16(low, lanes(from)), lanes(to - from)));
  // One byte each (0x80 | low), the lanes past the word zero.
  const __m128i in_word = _mm_cmpgt_epi16(lanes(static_cast<int>(letters)), _mm_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7));
  const __m128i bytes = _mm_packus_epi16(_mm_and_si128(_mm_or_si128(folded, lanes(0x80)), in_word), _mm_setzero_si128());
  return packed_hash(static_cast<std::uint64_t>(_mm_cvtsi128_si64(bytes)), 0, letters);
}
#endif

// The WordHash of the ASCII letters and digits p[0..len), 1 <= len < 16, read from 16 bytes.
inline std::uint32_t ascii_word_hash(const unsigned char* p, unsigned len) {
  static constexpr std::uint64_t kFold = 0x2020202020202020ull;  // to lower case; digits have it
  const std::uint64_t lo_mask = len >= 8 ? ~std::uint64_t(0) : ~std::uint64_t(0) >> (64 - 8 * len);
  const std::uint64_t hi_mask = len <= 8 ? 0 : ~std::uint64_t(0) >> (64 - 8 * (len - 8));
  using text::bytes::load_le64;
  return packed_hash((load_le64(p) | kFold) & lo_mask, (load_le64(p + 8) | kFold) & hi_mask, len);
}

// Which scanners may match at a word start, by hashes: one slot of 2^16 per hash, with bits set
// from the Lexicon::beginnings of the scanners' dispatch lexicons (rarely by chance with a few
// hundred phrases). Most words have none: a bit set of the slots in use (8 KiB, which stays in
// the L1 cache) answers them, the 64 KiB of slots only the few that have some.
class StartFilter {
 public:
  // On the first word of a phrase that is that word (and on the `next` of one that goes on):
  static constexpr unsigned kDate = 1, kDeadline = 2;
  // Those bits shifted by kGoesOn: on the first word of a phrase that goes on.
  static constexpr unsigned kGoesOn = 2;
  StartFilter(const Lexicon& dates, const Lexicon& deadlines) {
    add(dates, kDate);
    add(deadlines, kDeadline);
  }
  unsigned operator()(std::uint32_t h) const {
    const std::uint32_t k = slot(h);
    return used_[k >> 6] >> (k & 63) & 1 ? slots_[k] : 0;
  }
  // A character that follows the first word of a phrase.
  bool separator(char32_t c) const { return std::find(seps_.begin(), seps_.end(), c) != seps_.end(); }

 private:
  void add(const Lexicon& l, unsigned bit) {
    for (const auto& b : l.beginnings()) {
      if (b.alone) {
        set(b.first, bit);
        continue;
      }
      set(b.first, bit << kGoesOn);
      set(b.next, bit);
      if (!separator(b.sep)) seps_.push_back(b.sep);
    }
  }
  static std::uint32_t slot(std::uint32_t h) { return (h * 0x9E3779B1u) >> 16; }
  void set(std::uint32_t h, unsigned bits) {
    const std::uint32_t k = slot(h);
    slots_[k] |= static_cast<std::uint8_t>(bits);
    used_[k >> 6] |= std::uint64_t(1) << (k & 63);
  }
  std::array<std::uint8_t, 1 << 16> slots_{};
  std::array<std::uint64_t, (1 << 16) / 64> used_{};
  std::vector<char32_t> seps_;
};

constexpr std::size_t kNone = std::string_view::npos;
}  // namespace

WordStarts word_starts(std::string_view s, [[maybe_unused]] bool bytewise) {
  static const StartFilter filter(date_dispatch_lexicon(), deadline_dispatch_lexicon());
  WordStarts out;
  out.dates.reserve(s.size() / 16 + 1);
  out.deadlines.reserve(s.size() / 16 + 1);
  const auto keep = [&out](std::size_t at, unsigned pass) {
    if (pass & StartFilter::kDate) out.dates.push_back(static_cast<std::uint32_t>(at));
    if (pass & StartFilter::kDeadline) out.deadlines.push_back(static_cast<std::uint32_t>(at));
  };
  // A word that begins longer phrases waits for the hash of the next word.
  struct Waiting {
    std::size_t at = 0, next_at = kNone;  // the word, and where the next word must start
    unsigned pass = 0, goes_on = 0;       // StartFilter bits: passed, still to decide
    std::uint32_t key = 0;                // the word's hash stepped with the character after it
  } waiting;
  const auto settle = [&](std::size_t next_at, std::uint32_t next_hash) {
    const std::uint32_t second = next_at == waiting.next_at ? next_hash : kWordHashSeed;
    keep(waiting.at, waiting.pass | (filter(word_hash_step(waiting.key, second)) & waiting.goes_on));
    waiting.next_at = kNone;
  };
  const std::size_t n = s.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  // The word [i, end) with its hash and the end of its word chars.
  const auto visit = [&](std::size_t i, std::uint32_t h, std::size_t run_end, std::size_t end) {
    if (waiting.next_at != kNone) settle(i, h);
    const unsigned bits = filter(h);
    if (!bits && bytes[i] > '9' && bytes[i] < 0xD8) return;  // most words: no phrase, no digit, no clitic
    unsigned pass = bits & 3;
    if (bytes[i] <= '9') {  // a digit: parse_digits reads a date from 1-2 digits, or 4 before '-' or '/'
      std::size_t d = 1;
      while (d < 5 && i + d < n && bytes[i + d] >= '0' && bytes[i + d] <= '9') ++d;
      if (d <= 2 || (d == 4 && i + 4 < n && (bytes[i + 4] == '-' || bytes[i + 4] == '/'))) pass |= StartFilter::kDate;
    }
    // The scanners try again after one or two clitics ("وبحلول", "ومع"); there a phrase that
    // goes on counts as passing.
    for (std::size_t at = i; bytes[at] >= 0xD8 && pass != 3 && at < i + 4 && is_clitic(s, at);) {
      at += 2;
      const unsigned more = filter(scan_word(s, at).hash);
      pass |= (more | more >> StartFilter::kGoesOn) & 3;
    }
    if (const unsigned goes_on = bits >> StartFilter::kGoesOn & ~pass; goes_on && run_end < n) {
      // The character after the word, then the next word decide.
      std::size_t len = 0;
      const char32_t sep = fold(decode(s, run_end, len));
      if (run_end == end && filter.separator(sep)) {
        const std::uint32_t key = word_hash_step(h, sep);
        waiting = Waiting{i, run_end + len, pass | (filter(key) & goes_on) /* it ends there: "mi-" */, goes_on, key};
        return;
      }
      if (run_end < end) pass |= goes_on;  // the word goes on past its word chars (U+0250..): no next word
    }
    keep(i, pass);
  };
  for (std::size_t i = 0; i < n;) {
    std::uint32_t h = 0;
    std::size_t run_end = 0, end = 0, next = 0;  // the word [i, end), its word chars to run_end; then on at next
#if defined(__SSE2__)
    // 16 bytes at a time: the non-word ASCII bytes skipped at once, and an ASCII or Arabic word
    // that ends within them before an ASCII byte hashed without a loop.
    const bool fast = !bytewise && n - i >= 16 && [&] {
      const auto [word, high] = ascii_masks(bytes + i);
      const unsigned may_start = word | high;  // the bytes where a word may begin
      unsigned len = 0;
      if (word & 1) {
        len = static_cast<unsigned>(std::countr_zero(~word));
        if (len == 16 || high >> len & 1) return false;
        h = ascii_word_hash(bytes + i, len);
      } else if (high & 1) {
        unsigned letters = 0;
        h = arabic_word_hash(bytes + i, letters);
        len = 2 * letters;
        if (letters == 0 || letters == 8 || may_start >> len & 1) return false;
      } else {
        next = i + (may_start ? static_cast<unsigned>(std::countr_zero(may_start)) : 16);
        return true;
      }
      run_end = end = i + len;
      const unsigned rest = may_start >> len;
      next = rest ? end + static_cast<unsigned>(std::countr_zero(rest)) : i + 16;
      return true;
    }();
    if (fast && end == 0) {  // no word here
      i = next;
      continue;
    }
    if (!fast) {
#endif
      if (bytes[i] < 0x80 && !kAsciiWordByte[bytes[i]]) {
        ++i;
        continue;
      }
      if (std::size_t len = 0; bytes[i] >= 0x80 && !word_char_at(s, i, len)) {
        i += len;
        continue;
      }
      const ScannedWord w = scan_word(s, i);
      h = w.hash, run_end = w.run_end, next = end = w.end;
#if defined(__SSE2__)
    }
#endif
    visit(i, h, run_end, end);
    i = next;
  }
  if (waiting.next_at != kNone) settle(kNone, 0);
  return out;
}

bool word_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  std::size_t len = 0;
  return !is_word_char(decode(s, i, len));
}

std::size_t year_at(std::string_view s, std::size_t i, int& year) {
  if (i + 4 > s.size()) return 0;
  year = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (s[i + k] < '0' || s[i + k] > '9') return 0;
    year = year * 10 + (s[i + k] - '0');
  }
  std::size_t e = i + 4;
  if (year < 1900 || year > 2100) return 0;
  if (e + 2 <= s.size() && s.substr(e, 2) == "\xD9\x85" && word_end(s, e + 2)) return e + 2;  // 2030م
  if (e < s.size()) {
    if ((s[e] == ',' || s[e] == '.') && e + 1 < s.size() && s[e + 1] >= '0' && s[e + 1] <= '9') return 0;
    if (s[e] == '%' || !word_end(s, e)) return 0;
  }
  return e;
}

int Lexicon::child(int node, char32_t c) const {
  if (node == 0 && c < root_.size()) return root_[static_cast<std::size_t>(c)];
  const auto& kids = nodes_[static_cast<std::size_t>(node)].kids;  // sorted by code point
  if (kids.size() <= 8) {
    for (const auto& [k, v] : kids)
      if (k == c) return v;
    return -1;
  }
  auto it = std::lower_bound(kids.begin(), kids.end(), c, [](const auto& kv, char32_t x) { return kv.first < x; });
  return it != kids.end() && it->first == c ? it->second : -1;
}

void Lexicon::add(std::string_view phrase, int id) {
  {
    Beginning b;
    std::size_t i = 0;
    b.first = hash_word_at(phrase, i);
    if (i < phrase.size()) {
      b.alone = false;
      std::size_t len = 0;
      b.sep = fold(decode(phrase, i, len));
      b.next = word_hash_step(b.first, b.sep);
      if ((i += len) < phrase.size()) b.next = word_hash_step(b.next, hash_word_at(phrase, i));
    }
    beginnings_.push_back(b);
  }
  if (!phrase.empty()) {
    std::size_t len0 = 0, len1 = 0;
    const char32_t c0 = fold(decode(phrase, 0, len0));
    if (c0 < 0x80) {
      if (len0 >= phrase.size()) {  // one code point: any second byte
        for (unsigned b1 = 0; b1 < 128; ++b1) {
          const std::size_t k = ascii_pair(c0, b1);
          ascii_pairs_[k >> 6] |= std::uint64_t(1) << (k & 63);
        }
      } else if (const char32_t c1 = fold(decode(phrase, len0, len1)); c1 < 0x80) {
        const std::size_t k = ascii_pair(c0, c1);
        ascii_pairs_[k >> 6] |= std::uint64_t(1) << (k & 63);
      }
    }
  }
  int node = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    std::size_t len = 0;
    const char32_t c = fold(decode(phrase, i, len));
    i += len;
    last = c;
    int next = child(node, c);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0 && c < root_.size()) root_[c] = next;
      else {
        auto& kids = nodes_[static_cast<std::size_t>(node)].kids;
        kids.insert(std::lower_bound(kids.begin(), kids.end(), std::make_pair(c, 0)), std::make_pair(c, next));
      }
    }
    node = next;
  }
  auto& n = nodes_[static_cast<std::size_t>(node)];
  if (n.id < 0) n.id = id;  // first registration wins
  n.needs_word_end = is_word_char(last);
}

std::optional<Lexicon::Hit> Lexicon::walk(std::string_view text, std::size_t pos) const {
  const std::size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  int best_id = -1;
  std::size_t best_end = 0;
  const Node* node = nullptr;  // the root until the first code point is read
  for (std::size_t i = pos; i < n;) {
    std::size_t len = 1;
    const unsigned b = bytes[i];
    char32_t c;
    if (b < 0x80) {
      c = b >= 'A' && b <= 'Z' ? b + 32u : b;
    } else if (b >= 0xD8 && b <= 0xD9 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
      // Arabic letters: decoded here, folded only when they have variants.
      c = (static_cast<char32_t>(b & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
      len = 2;
      if (c < 0x0627 || c == 0x0629 || c >= 0x0649) c = fold(c);
    } else {
      c = fold(decode_slow(text, i, len));
    }
    int next = -1;
    if (!node) {
      next = c < root_.size() ? root_[c] : child(0, c);
    } else if (node->kids.size() <= 8) {
      for (const auto& kv : node->kids) {  // sorted: stop at the first code point not below c
        if (kv.first >= c) {
          if (kv.first == c) next = kv.second;
          break;
        }
      }
    } else {
      next = child(static_cast<int>(node - nodes_.data()), c);
    }
    if (next < 0) break;
    i += len;
    node = &nodes_[static_cast<std::size_t>(next)];
    if (node->id >= 0 &&
        (!node->needs_word_end || i >= n || (bytes[i] < 0x80 ? !kAsciiWordChar[bytes[i]] : word_end(text, i)))) {
      best_id = node->id;
      best_end = i;
    }
  }
  if (best_id < 0) return std::nullopt;
  return Hit{best_id, best_end};
}

}  // namespace pledgedb::extract::date_detail
