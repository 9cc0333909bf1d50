#include "pledgedb/text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <array>
#include <cstdint>
#include <cstring>
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
    std::size_t r = i;
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

std::string detect_language(std::string_view text) {
  // The first 64 KiB are plenty to tell the language and keep this cheap on huge inputs.
  constexpr std::size_t kScan = 64 * 1024;
  if (text.size() > kScan) {
    std::size_t cut = kScan;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  static const StopWordTable stop_words;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t arabic = 0, latin = 0;
  int fr = 0, en = 0, es = 0;
  // The current Latin word, lower-cased, packed into an integer; stop words are 8 bytes at most.
  std::uint64_t word = 0;
  std::size_t wlen = 0;
  auto flush = [&] {
    if (wlen > 0 && wlen <= 8) {
      const unsigned char langs = stop_words.langs(word);
      fr += (langs & kFr) != 0;
      en += (langs & kEn) != 0;
      es += (langs & kEs) != 0;
    }
    word = 0;
    wlen = 0;
  };
  // Runs of ASCII letters and of two-byte Arabic-block characters are read in tight loops:
  // they are nearly all of a text, and a branch per byte between them mispredicts often.
  static constexpr auto kLetter = [] {
    std::array<bool, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 32)] = true;
    return t;
  }();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (kLetter[c]) {
        std::size_t k = i;
        do word = word << 8 | (s[k] | 0x20u);
        while (++k < n && kLetter[s[k]]);
        latin += k - i;
        wlen += k - i;
        i = k;
      } else {
        if (wlen) flush();
        ++i;
      }
      continue;
    }
    if (c >= 0xD8 && c <= 0xDB && i + 1 < n) {  // U+0600..U+06FF, most of an Arabic text
      if (wlen) flush();
      std::size_t k = i;
      do arabic += s[k] != 0xD8 || s[k + 1] >= 0xA0;  // U+0620 and up
      while ((k += 2) + 1 < n && s[k] >= 0xD8 && s[k] <= 0xDB);
      i = k;
      // Settled: "ar" even if every byte left were a Latin letter (the first rule below).
      if (arabic >= 10 && 7 * arabic >= 3 * (latin + (n - i))) return "ar";
      continue;
    }
    char32_t cp;
    const std::size_t len = decode(s, i, n, cp);
    if (cp >= 0x0620 && cp <= 0x06FF) {
      ++arabic;
      if (wlen) flush();
    } else if (cp >= 0x00C0 && cp <= 0x024F) {
      ++latin;
      // keep accented letters in the word (été, más): lower-case Latin-1 capitals
      if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) cp += 0x20;
      if (cp < 0x800) {
        word = word << 16 | (0xC0u | (cp >> 6)) << 8 | (0x80u | (cp & 0x3F));
        wlen += 2;
      } else {
        wlen = 9;  // never a stop word
      }
    } else if (wlen) {
      flush();
    }
    i += len;
  }
  flush();
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
