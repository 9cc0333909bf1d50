// Word folding, tokenization and the multilingual cue lexicon of the extractor.
// Cue lookups go through a hash of folded first words, so matching is linear in the text.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/text/normalize.hpp"

#include "extract/flat_table.hpp"
#include "text/byte_masks.hpp"

namespace pledgedb::extract::detail {

namespace {

// Decodes one UTF-8 code point at s[i] (input is valid UTF-8), advancing i.
char32_t next_cp(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> n);
  ++i;
  for (int k = 0; k < n && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

// Latin-1 supplement letters without their accents (index cp - 0xC0).
constexpr std::string_view latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

constexpr bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x0640 ||
         (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

constexpr bool is_word_cp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (is_arabic_letter(cp) || (cp >= 0x0660 && cp <= 0x0669)) return true;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation, symbols, arrows
  if (cp >= 0x0600 && cp <= 0x06FF) return false;  // remaining Arabic punctuation (، ؛ ؟ ٪)
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp >= 0x370;
}

// Bitwise, not short-circuit: one test per token, whose outcome follows the text.
constexpr bool is_upper_latin(char32_t cp) {
  return (cp - 'A' < 26u) | ((cp - 0xC0 <= 0x1Eu) & (cp != 0xD7));
}
constexpr bool is_lower_latin(char32_t cp) {
  return (cp - 'a' < 26u) | ((cp - 0xDF <= 0x20u) & (cp != 0xF7));
}


// Arabic clitics: optional و/ف, then the article or a one-letter preposition. Letters are
// compared as two-byte integers: this runs for every Arabic word.
std::string_view arabic_stem(std::string_view key) {
  std::string_view s = key;
  auto letter = [&s](std::size_t k) -> unsigned {  // the k-th two-byte letter of s, or 0
    return 2 * k + 1 < s.size() ? static_cast<unsigned char>(s[2 * k]) << 8 | static_cast<unsigned char>(s[2 * k + 1]) : 0;
  };
  auto letters = [&s] { return s.size() / 2; };
  constexpr unsigned waw = 0xD988, fa = 0xD981, ba = 0xD8A8, alef = 0xD8A7, lam = 0xD984, kaf = 0xD983;
  if ((letter(0) == waw || letter(0) == fa) && letters() >= 4) s.remove_prefix(2);
  // بال لل كال ال ب ل ك, the first that leaves three letters or more, told by the first letter
  // (ب and ك come alone or before ال, ل alone or doubled, ا only in ال).
  const unsigned first = letter(0), second = letter(1);
  const std::size_t n = letters();
  std::size_t strip = 0;
  if (first == ba || first == kaf) {
    if (second == alef && letter(2) == lam && n >= 6) strip = 3;
    else if (n >= 4) strip = 1;
  } else if (first == lam) {
    if (second == lam && n >= 5) strip = 2;
    else if (n >= 4) strip = 1;
  } else if (first == alef && second == lam && n >= 5) {
    strip = 2;
  }
  s.remove_prefix(2 * strip);
  return s;
}

// Arabic letters U+0600..U+067F (two bytes, lead 0xD8 or 0xD9) read without decoding: whether
// each is a word code point, and what folding makes of it (0: dropped; else the code point).
constexpr std::array<char16_t, 0x80> kArabicFold = [] {
  std::array<char16_t, 0x80> t{};
  for (char32_t cp = 0x600; cp < 0x680; ++cp) {
    char32_t r = cp;  // the same choices as fold_into's general path below
    if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622 || cp == 0x0671) r = 0x0627;
    else if (cp == 0x0649 || cp == 0x0626) r = 0x064A;
    else if (cp == 0x0629) r = 0x0647;
    else if (cp == 0x0624) r = 0x0648;
    else if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) r = 0;
    else if (cp >= 0x0660 && cp <= 0x0669) r = '0' + (cp - 0x0660);
    t[cp - 0x600] = static_cast<char16_t>(r);
  }
  return t;
}();
// The same letters as the tokenizer copies them into a key: whether each is a word code point,
// and its folded UTF-8 bytes (0, 1 or 2 of them), written as a pair whatever the length so that
// the copy does not branch on the letter.
struct ArabicLetter {
  char folded[2];
  std::uint8_t len;
  bool word;
};
constexpr std::array<ArabicLetter, 0x80> kArabicLetters = [] {
  std::array<ArabicLetter, 0x80> t{};
  for (char32_t cp = 0x600; cp < 0x680; ++cp) {
    ArabicLetter& a = t[cp - 0x600];
    a.word = is_word_cp(cp);
    const char32_t r = kArabicFold[cp - 0x600];
    if (r >= 0x80) {
      a.folded[0] = static_cast<char>(0xC0 | (r >> 6));
      a.folded[1] = static_cast<char>(0x80 | (r & 0x3F));
      a.len = 2;
    } else if (r != 0) {
      a.folded[0] = static_cast<char>(r);
      a.len = 1;
    }
  }
  return t;
}();

// The Latin-1 letters U+00C0..U+00FF as the tokenizer copies them into a key (as fold_into
// folds them: at most two bytes, the length of the letter), with their case.
struct Latin1Letter {
  char folded[2];
  std::uint8_t len;
  bool word, upper, lower;
};
constexpr std::array<Latin1Letter, 0x40> kLatin1Letters = [] {
  std::array<Latin1Letter, 0x40> t{};
  for (char32_t cp = 0xC0; cp < 0x100; ++cp) {
    Latin1Letter& l = t[cp - 0xC0];
    const std::string_view f = latin1_fold[cp - 0xC0];
    for (std::size_t k = 0; k < f.size(); ++k) l.folded[k] = f[k];
    l.len = static_cast<std::uint8_t>(f.size());
    l.word = is_word_cp(cp);
    l.upper = is_upper_latin(cp);
    l.lower = is_lower_latin(cp);
  }
  return t;
}();

// The code point of a two-byte Arabic letter at s[i] (lead 0xD8/0xD9 and a continuation byte),
// or 0 when s[i] starts something else.
inline char32_t arabic_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if ((b != 0xD8 && b != 0xD9) || i + 1 >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i + 1]);
  if ((c & 0xC0) != 0x80) return 0;
  return (static_cast<char32_t>(b & 0x1F) << 6) | (c & 0x3F);
}

// Latin Extended-A and -B (U+0100..U+024F: "Gujarāt", "Şişecam", "Łódź"), folded as
// text::fold folds them (lower case, marks removed), so that a name written with or without
// its diacritics gives one key. Every entry is at most two bytes, the length of the letter.
const std::array<std::string, 0x150>& latin_ext_fold() {
  static const std::array<std::string, 0x150> table = [] {
    std::array<std::string, 0x150> t;
    for (char32_t cp = 0x100; cp < 0x250; ++cp) {
      const char letter[3] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)), 0};
      std::string f = text::fold(std::string_view(letter, 2));
      if (f.empty() || f.size() > 2) f.assign(letter, 2);  // not a letter text::fold keeps alone
      t[cp - 0x100] = std::move(f);
    }
    return t;
  }();
  return table;
}

// Writes the folded word at out (never longer than the word: every folding keeps or shortens
// the UTF-8 length) and returns its length.
std::size_t fold_into(std::string_view word, char* out) {
  char* o = out;
  auto put = [&](char32_t cp) {
    if (cp < 0x80) *o++ = static_cast<char>(cp);
    else if (cp < 0x800) {
      *o++ = static_cast<char>(0xC0 | (cp >> 6));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *o++ = static_cast<char>(0xE0 | (cp >> 12));
      *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *o++ = static_cast<char>(0xF0 | (cp >> 18));
      *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  };
  std::size_t i = 0;
  while (i < word.size()) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {  // ASCII: lower-case without decoding
      *o++ = (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
      ++i;
      continue;
    }
    if (const char32_t ar = arabic_at(word, i)) {
      const char32_t r = kArabicFold[ar - 0x600];
      if (r >= 0x80) {
        *o++ = static_cast<char>(0xC0 | (r >> 6));
        *o++ = static_cast<char>(0x80 | (r & 0x3F));
      } else if (r != 0) {
        *o++ = static_cast<char>(r);
      }
      i += 2;
      continue;
    }
    const std::size_t at = i;
    const char32_t cp = next_cp(word, i);
    if (cp >= 0xC0 && cp <= 0xFF) {
      for (char ch : latin1_fold[cp - 0xC0]) *o++ = ch;
    } else if (cp == 0x152 || cp == 0x153) {
      *o++ = 'o';
      *o++ = 'e';
    } else if (cp >= 0x100 && cp < 0x250) {
      for (char ch : latin_ext_fold()[cp - 0x100]) *o++ = ch;
    } else if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622 || cp == 0x0671) {
      put(0x0627);
    } else if (cp == 0x0649 || cp == 0x0626) {
      put(0x064A);
    } else if (cp == 0x0629) {
      put(0x0647);
    } else if (cp == 0x0624) {
      put(0x0648);
    } else if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) {
      // tatweel and diacritics carry no meaning for matching
    } else if (cp >= 0x0660 && cp <= 0x0669) {
      *o++ = static_cast<char>('0' + (cp - 0x0660));
    } else {
      // Copy the bytes as they are (the same code point re-encoded); a truncated sequence at
      // the end of the word is copied as far as it goes.
      for (std::size_t k = at; k < i; ++k) *o++ = word[k];
    }
  }
  return static_cast<std::size_t>(o - out);
}

}  // namespace

std::string fold_word(std::string_view word) {
  std::string out(word.size(), '\0');
  out.resize(fold_into(word, out.data()));
  return out;
}

namespace {

// ASCII letters and digits (the ASCII part of is_word_cp, as a table).
constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();

inline bool is_digit_byte(char c) { return c >= '0' && c <= '9'; }

// What one word of the text is made of (the flags tokenize gives its token).
struct WordShape {
  bool all_digits = true, latin = false;
  bool simple = true;      // only ASCII and two-byte Arabic letters: folded while read
  std::size_t folded = 0;  // length of that folded key
  int upper = 0, lower = 0;
};

// How many of the 8 bytes loaded into x come, in text order, before the first byte whose high
// bit is set in mask (mask != 0).
inline std::size_t bytes_before(std::uint64_t mask) {
  if constexpr (std::endian::native == std::endian::little) return static_cast<std::size_t>(std::countr_zero(mask)) / 8;
  else return static_cast<std::size_t>(std::countl_zero(mask)) / 8;
}

inline bool is_lower_byte(unsigned char b) { return b >= 'a' && b <= 'z'; }

// The end of the word that starts at s[i] with a word code point: letters and digits, with '.'
// or ',' kept between digits ("1,300", "1.5"). ASCII and two-byte Arabic letters are written
// folded at out as they are read (the key of a `simple` word; others are folded afterwards).
// out may be written up to 8 bytes ahead, but never past as many bytes as the text has from i:
// the caller's buffer holds a key at an offset no greater than the word's (keys never grow).
[[gnu::always_inline]] inline std::size_t scan_word(std::string_view s, std::size_t i, WordShape& w, char* out) {
  const char* const p = s.data();
  const std::size_t n = s.size();
  char* const out0 = out;
  std::size_t end = i;
  while (i < n) {
    auto b = static_cast<unsigned char>(p[i]);
    if (is_lower_byte(b)) {
      // Most bytes of a word are lower-case ASCII letters: copied 8 at a time, the run's end
      // found by a mask instead of a branch per byte (mispredicted at the end of every word).
      w.all_digits = false;
      w.latin = true;
      const std::size_t run = i;
      for (;;) {
        if (i + 8 > n) {
          while (i < n && is_lower_byte(static_cast<unsigned char>(p[i]))) *out++ = p[i++];
          break;
        }
        std::uint64_t x;
        std::memcpy(&x, p + i, 8);
        std::memcpy(out, &x, 8);
        const std::uint64_t stop = ~text::bytes::lower_ascii(x) & text::bytes::kHighBits;
        if (stop != 0) {
          const std::size_t k = bytes_before(stop);
          i += k;
          out += k;
          break;
        }
        i += 8;
        out += 8;
      }
      w.lower += static_cast<int>(i - run);
      end = i;
      continue;
    }
    if (b < 0x80) {
      if (kAsciiWord[b]) {
        if (b > '9') {  // 'A'..'Z' (lower case went above)
          w.all_digits = false;
          w.latin = true;
          ++w.upper;
        }
        *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
        end = ++i;
        continue;
      }
      if ((b == '.' || b == ',') && i + 1 < n && is_digit_byte(p[i + 1]) && is_digit_byte(p[i - 1])) {
        *out++ = static_cast<char>(b);
        end = ++i;
        continue;
      }
      break;
    }
    if (b == 0xC3 && i + 1 < n && (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80) {
      // A Latin-1 letter (é, à, ç, ß...), folded through kLatin1Letters.
      const Latin1Letter& l = kLatin1Letters[static_cast<unsigned char>(p[i + 1]) & 0x3F];
      if (!l.word) break;  // × ÷
      w.all_digits = false;
      w.latin = true;
      w.upper += l.upper;
      w.lower += l.lower;
      std::memcpy(out, l.folded, 2);
      out += l.len;
      end = i += 2;
      continue;
    }
    if ((b == 0xD8 || b == 0xD9) && i + 1 < n && (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80) {
      // A run of two-byte Arabic letters, folded through kArabicLetters.
      const ArabicLetter* a = &kArabicLetters[(b & 1) << 6 | (static_cast<unsigned char>(p[i + 1]) & 0x3F)];
      if (!a->word) break;
      w.all_digits = false;  // (Arabic-Indic digits never counted as digits here)
      for (;;) {
        std::memcpy(out, a->folded, 2);
        out += a->len;
        i += 2;
        if (i + 1 >= n) break;
        b = static_cast<unsigned char>(p[i]);
        const auto c = static_cast<unsigned char>(p[i + 1]);
        if ((b != 0xD8 && b != 0xD9) || (c & 0xC0) != 0x80) break;
        a = &kArabicLetters[(b & 1) << 6 | (c & 0x3F)];
        if (!a->word) break;
      }
      end = i;
      continue;
    }
    std::size_t j = i;
    const char32_t c = next_cp(s, j);
    if (!is_word_cp(c)) break;
    if (c < '0' || c > '9') {
      w.all_digits = false;
      if (c < 0x250) w.latin = true;
    }
    if (is_upper_latin(c)) ++w.upper;
    if (is_lower_latin(c)) ++w.lower;
    w.simple = false;
    end = i = j;
  }
  w.folded = static_cast<std::size_t>(out - out0);
  return end;
}

}  // namespace

std::string fold_words(std::string_view s) {
  // Keys are written in place: none is longer than its word and words are a byte apart at
  // least, so the text's length holds the keys and the spaces between them.
  std::string k(s.size(), '\0');
  std::size_t len = 0, i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = next_cp(s, i);
    if (!is_word_cp(cp)) continue;
    if (len) k[len++] = ' ';
    WordShape w;
    i = scan_word(s, start, w, k.data() + len);
    len += w.simple ? w.folded : fold_into(s.substr(start, i - start), k.data() + len);
  }
  k.resize(len);
  return k;
}

namespace {
// Words that a full stop after them does not end a sentence with: "Dec. 31", "Mr. Diallo",
// "Veltrix Inc. will". Packed into an integer (4 bytes at most) and compared as one.
bool is_abbreviation(std::string_view key) {
  if (key.size() < 2 || key.size() > 4) return false;
  constexpr auto pack = [](std::string_view w) {
    std::uint32_t v = 0;
    for (const char ch : w) v = v << 8 | static_cast<unsigned char>(ch);
    return v;
  };
  static constexpr std::uint32_t kAbbreviations[] = {
      pack("dec"), pack("jan"), pack("feb"), pack("aug"), pack("sept"), pack("sep"), pack("oct"),
      pack("nov"), pack("mr"),  pack("dr"),  pack("st"),  pack("no"),   pack("mme"), pack("inc"),
      pack("co"),  pack("corp"), pack("ltd"), pack("jr"), pack("vs")};
  const std::uint32_t k = pack(key);
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), k) != std::end(kAbbreviations);
}
}  // namespace

// What a mark between words ends: a clause, a sentence, or a sentence unless it is a full stop in
// a number or after an abbreviation.
constexpr std::uint8_t kEndsClause = 1, kEndsSentence = 2, kFullStop = 4;
constexpr std::array<std::uint8_t, 128> kAsciiMarks = [] {
  std::array<std::uint8_t, 128> t{};
  t['.'] = kFullStop;
  for (char c : {'!', '?', '\n', ';'}) t[static_cast<unsigned char>(c)] = kEndsSentence;
  for (char c : {',', ':', '(', ')', '[', ']'}) t[static_cast<unsigned char>(c)] = kEndsClause;
  return t;
}();
inline std::uint8_t other_mark(char32_t cp) {
  if (cp == 0x061F || cp == 0x061B || cp == 0x06D4) return kEndsSentence;  // ؟ ؛ ۔
  if (cp == 0x060C || cp == 0x2026) return kEndsClause;                      // ، …
  return 0;
}

Tokens tokenize(std::string_view s) {
  Tokens toks;
  toks.reserve(s.size() / 6 + 1);
  // Folded keys are never longer than their words, so the arena never grows.
  toks.arena = std::make_unique<char[]>(s.size() + 1);
  std::size_t used = 0;
  std::uint32_t sentence = 0, clause = 0;
  std::size_t sentence_first = 0;  // token index where the current sentence starts
  constexpr std::size_t kLongSentence = 150;
  bool pending_sentence = false, pending_clause = false;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const std::size_t start = i;
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t cp;
    bool word;
    if (b < 0x80) {
      cp = b;
      word = kAsciiWord[b];
      if (!word) {
        ++i;
        if (b == ' ') continue;  // the commonest separator
      }
    } else if (const char32_t ar = arabic_at(s, i)) {
      cp = ar;
      word = kArabicLetters[ar - 0x600].word;
      if (!word) i += 2;
    } else {
      std::size_t j = i;
      cp = next_cp(s, j);
      word = is_word_cp(cp);
      if (!word) i = j;
    }
    if (!word) {
      // Clause and sentence ends set without a branch per kind of mark (the marks between words
      // come in no predictable order); only a full stop needs a closer look.
      const std::uint8_t mark = cp < 0x80 ? kAsciiMarks[cp] : other_mark(cp);
      pending_clause |= (mark & kEndsClause) != 0;
      pending_sentence |= (mark & kEndsSentence) != 0;
      if (mark & kFullStop) {
        // "1.5", "Dec. 31", "M. Layani" do not end a sentence.
        bool digit_next = i < n && s[i] >= '0' && s[i] <= '9';
        bool abbrev = false;
        if (!toks.empty() && toks.back().end == start) {
          const auto& k = toks.back().key;
          abbrev = (toks.back().latin && k.size() <= 1) || is_abbreviation(k);
        }
        if (!digit_next && !abbrev) pending_sentence = true;
      }
      continue;
    }
    WordShape w;
    char* at = toks.arena.get() + used;
    const std::size_t end = scan_word(s, start, w, at);
    i = end;
    Token& t = toks.emplace_back();
    t.begin = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    {
      // An ASCII or Arabic word was folded into the arena while it was read.
      const std::size_t len = w.simple ? w.folded : fold_into(s.substr(start, end - start), at);
      t.key = std::string_view(at, len);
      used += len;
    }
    t.digits = w.all_digits;
    t.latin = w.latin;
    t.capitalised = is_upper_latin(cp);
    t.all_caps = w.latin & (w.upper >= 2) & (w.lower == 0);
    if (toks.size() > 1) {
      // A run-on "sentence" (no stops for pages) is cut at a clause boundary after
      // kLongSentence words, and at any word after twice that: per-sentence look-ups then stay
      // bounded and the whole extraction linear in the text.
      const std::size_t words_in_sentence = toks.size() - 1 - sentence_first;
      if (pending_clause && words_in_sentence >= kLongSentence) pending_sentence = true;
      if (words_in_sentence >= 2 * kLongSentence) pending_sentence = true;
      if (pending_sentence) { ++sentence; ++clause; sentence_first = toks.size() - 1; }
      else if (pending_clause) ++clause;
    }
    pending_sentence = pending_clause = false;
    t.sentence = sentence;
    t.clause = clause;
    if (!w.latin && !w.all_digits && t.key.size() >= 2 && static_cast<unsigned char>(t.key[0]) >= 0xD8)
      t.stem = arabic_stem(t.key);
    else
      t.stem = t.key;
    t.key_hash = SvHash{}(t.key);
    t.stem_hash = t.stem.size() == t.key.size() ? t.key_hash : SvHash{}(t.stem);
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// The lexicon. Phrases are written naturally and folded/tokenized at start-up with the same
// functions as the text. A trailing '*' on a word matches any word starting with it.

namespace {

struct Entry {
  Cue cue;
  std::string_view value;
  std::string_view phrase;
};

// clang-format off
constexpr Entry kLexicon[] = {
    // --- jobs: nouns that count jobs or hires
    {Cue::job_noun, "jobs", "jobs"}, {Cue::job_noun, "jobs", "job"}, {Cue::job_noun, "jobs", "positions"},
    {Cue::job_noun, "jobs", "posts"}, {Cue::job_noun, "jobs", "hires"}, {Cue::job_noun, "engineers", "engineers"},
    {Cue::job_noun, "jobs", "employees"}, {Cue::job_noun, "workers", "workers"}, {Cue::job_noun, "jobs", "talents"},
    {Cue::job_noun, "jobs", "full-time jobs"}, {Cue::job_noun, "jobs", "job opportunities"},
    {Cue::job_noun, "jobs", "employment opportunities"}, {Cue::job_noun, "jobs", "new jobs"},
    {Cue::job_noun, "jobs", "emplois"}, {Cue::job_noun, "jobs", "emploi"}, {Cue::job_noun, "jobs", "postes"},
    {Cue::job_noun, "jobs", "postes d'emploi"}, {Cue::job_noun, "engineers", "ingénieurs"},
    {Cue::job_noun, "jobs", "recrutements"}, {Cue::job_noun, "jobs", "embauches"}, {Cue::job_noun, "jobs", "profils"},
    {Cue::job_noun, "jobs", "منصب شغل"}, {Cue::job_noun, "jobs", "مناصب شغل"}, {Cue::job_noun, "jobs", "منصب"},
    {Cue::job_noun, "jobs", "مناصب"}, {Cue::job_noun, "jobs", "فرصة عمل"}, {Cue::job_noun, "jobs", "فرص عمل"},
    {Cue::job_noun, "jobs", "فرصة شغل"}, {Cue::job_noun, "jobs", "فرص شغل"}, {Cue::job_noun, "jobs", "وظيفة"},
    {Cue::job_noun, "jobs", "وظائف"}, {Cue::job_noun, "engineers", "مهندس"}, {Cue::job_noun, "engineers", "مهندسين"},
    {Cue::job_noun, "engineers", "مهندسا"}, {Cue::job_noun, "jobs", "كفاءة"}, {Cue::job_noun, "jobs", "كفاءات"},
    {Cue::job_noun, "workers", "عامل"}, {Cue::job_noun, "workers", "عاملا"}, {Cue::job_noun, "workers", "عمال"},
    {Cue::job_noun, "workers", "أجير"}, {Cue::job_noun, "workers", "أجيرا"}, {Cue::job_noun, "workers", "أجراء"},
    {Cue::job_noun, "jobs", "empleos"}, {Cue::job_noun, "jobs", "empleo"}, {Cue::job_noun, "jobs", "puestos de trabajo"},
    {Cue::job_noun, "jobs", "plazas"},
    // hires counted as a noun: "500 recrutements sur 4 ans", "300 new hires"
    {Cue::job_noun, "jobs", "recrutements"}, {Cue::job_noun, "jobs", "embauches"}, {Cue::job_noun, "jobs", "hires"},
    // people counted by a hiring verb
    {Cue::person_noun, "people", "people"}, {Cue::person_noun, "people", "persons"}, {Cue::person_noun, "people", "youth"},
    {Cue::person_noun, "people", "young people"}, {Cue::person_noun, "people", "graduates"},
    {Cue::person_noun, "people", "personnes"}, {Cue::person_noun, "people", "jeunes"},
    {Cue::person_noun, "people", "collaborateurs"}, {Cue::person_noun, "people", "salariés"},
    {Cue::person_noun, "people", "diplômés"}, {Cue::person_noun, "people", "techniciens"},
    {Cue::person_noun, "people", "شاب"}, {Cue::person_noun, "people", "شابا"}, {Cue::person_noun, "people", "شخص"},
    {Cue::person_noun, "people", "مغربي"}, {Cue::person_noun, "people", "مغاربة"}, {Cue::person_noun, "people", "خريج"},
    {Cue::person_noun, "people", "personas"}, {Cue::person_noun, "people", "trabajadores"},
    // verbs and nouns of job creation
    {Cue::hire_verb, "", "create"}, {Cue::hire_verb, "", "creates"}, {Cue::hire_verb, "", "creating"},
    {Cue::hire_verb, "", "creation"}, {Cue::hire_verb, "", "generate"}, {Cue::hire_verb, "", "generating"},
    {Cue::hire_verb, "", "hire"}, {Cue::hire_verb, "", "hiring"}, {Cue::hire_verb, "", "recruit"},
    {Cue::hire_verb, "", "recruiting"}, {Cue::hire_verb, "", "recruitment"}, {Cue::hire_verb, "", "employ"},
    {Cue::hire_verb, "", "provide"}, {Cue::hire_verb, "", "providing"}, {Cue::hire_verb, "", "add"},
    {Cue::hire_verb, "", "créer"}, {Cue::hire_verb, "", "création"}, {Cue::hire_verb, "", "générer"},
    {Cue::hire_verb, "", "recruter"}, {Cue::hire_verb, "", "recrutement"}, {Cue::hire_verb, "", "embaucher"},
    {Cue::hire_verb, "", "embauche"}, {Cue::hire_verb, "", "employer"}, {Cue::hire_verb, "", "créera"},
    {Cue::hire_verb, "", "générera"}, {Cue::hire_verb, "", "إحداث"}, {Cue::hire_verb, "", "خلق"},
    {Cue::hire_verb, "", "توفير"}, {Cue::hire_verb, "", "تشغيل"}, {Cue::hire_verb, "", "توظيف"},
    {Cue::hire_verb, "", "يوفر"}, {Cue::hire_verb, "", "سيوفر"}, {Cue::hire_verb, "", "ستوفر"},
    {Cue::hire_verb, "", "سيخلق"}, {Cue::hire_verb, "", "ستخلق"}, {Cue::hire_verb, "", "crear"},
    {Cue::hire_verb, "", "generar"}, {Cue::hire_verb, "", "generará"}, {Cue::hire_verb, "", "creará"},
    {Cue::hire_verb, "", "contratar"}, {Cue::hire_verb, "", "hired"}, {Cue::hire_verb, "", "recruited"},
    {Cue::hire_verb, "", "created"}, {Cue::hire_verb, "", "recrutés"}, {Cue::hire_verb, "", "créé"}, {Cue::hire_verb, "", "وظفت"},
    {Cue::hire_verb, "", "وفرت"}, {Cue::hire_verb, "", "إيجاد"},
    // investment
    {Cue::invest, "", "invest"}, {Cue::invest, "", "invests"}, {Cue::invest, "", "investing"},
    {Cue::invest, "", "investment"}, {Cue::invest, "", "investments"}, {Cue::invest, "", "investir"},
    {Cue::invest, "", "investira"}, {Cue::invest, "", "investiront"}, {Cue::invest, "", "investissement"},
    {Cue::invest, "", "investissements"}, {Cue::invest, "", "injecter"}, {Cue::invest, "", "mobiliser"},
    {Cue::invest, "", "استثمار"}, {Cue::invest, "", "استثمارات"}, {Cue::invest, "", "استثماري"}, {Cue::invest, "", "استثمارية"},
    {Cue::invest, "", "باستثمار"}, {Cue::invest, "", "inversión"}, {Cue::invest, "", "inversion"},
    {Cue::invest, "", "invertir"}, {Cue::invest, "", "invertirán"}, {Cue::invest, "", "invertirá"},
    {Cue::invest, "", "pump"}, {Cue::invest, "", "committed"}, {Cue::invest, "", "budget"},
    {Cue::invest, "", "levées de fonds"}, {Cue::invest, "", "ميزانية"}, {Cue::invest, "", "غلاف مالي"},
    {Cue::invest, "", "ستستثمر"}, {Cue::invest, "", "سيستثمر"}, {Cue::invest, "", "تستثمر"},
    {Cue::invest, "", "يستثمر"}, {Cue::invest, "", "ستضخ"}, {Cue::invest, "", "سيضخ"},
    {Cue::invest, "", "بكلفة"}, {Cue::invest, "", "ترصد"}, {Cue::invest, "", "رصد"}, {Cue::invest, "", "allocate"},
    {Cue::invest, "", "spend"}, {Cue::invest, "", "spending"}, {Cue::invest, "", "dépenser"},
    {Cue::invest, "", "allouer"}, {Cue::invest, "", "enveloppe"}, {Cue::invest, "", "كلفة"},
    {Cue::project_amount, "", "worth"}, {Cue::project_amount, "", "valued at"}, {Cue::project_amount, "", "mou"},
    {Cue::project_amount, "", "deal"}, {Cue::project_amount, "", "tranche"}, {Cue::project_amount, "", "first phase"},
    {Cue::project_amount, "", "première phase"}, {Cue::project_amount, "", "الشطر الأول"}, {Cue::project_amount, "", "المرحلة الأولى"}, {Cue::project_amount, "", "pact"}, {Cue::project_amount, "", "pacte"}, {Cue::project_amount, "", "project"}, {Cue::project_amount, "", "projet"},
    {Cue::project_amount, "", "d'un montant"}, {Cue::project_amount, "", "مشروع"}, {Cue::project_amount, "", "بقيمة"},
    {Cue::project_amount, "", "proyecto"}, {Cue::project_amount, "", "plant"}, {Cue::project_amount, "", "usine"},
    // training
    {Cue::train, "", "train"}, {Cue::train, "", "training"}, {Cue::train, "", "trained"}, {Cue::train, "", "former"},
    {Cue::train, "", "formation"}, {Cue::train, "", "formés"}, {Cue::train, "", "formées"}, {Cue::train, "", "تكوين"},
    {Cue::train, "", "capacitar"}, {Cue::train, "", "upskill"},
    // capacity
    {Cue::capacity, "vehicles per year", "vehicles"}, {Cue::capacity, "vehicles per year", "cars"},
    {Cue::capacity, "vehicles per year", "véhicules"}, {Cue::capacity, "vehicles per year", "voitures"},
    {Cue::capacity, "vehicles per year", "سيارة"}, {Cue::capacity, "vehicles per year", "vehículos"},
    {Cue::capacity, "units", "units"}, {Cue::capacity, "units", "unités"}, {Cue::capacity, "MW", "mw"}, {Cue::capacity, "m3", "m3"}, {Cue::capacity, "m3", "cubic meters"},
    {Cue::capacity, "m3", "cubic metres"}, {Cue::capacity, "m3", "mètres cubes"}, {Cue::capacity, "m3", "متر مكعب"},
    {Cue::capacity, "m3", "أمتار مكعبة"}, {Cue::capacity, "rooms", "rooms"}, {Cue::capacity, "rooms", "chambres"},
    {Cue::capacity, "rooms", "غرفة"}, {Cue::capacity, "beds", "beds"}, {Cue::capacity, "beds", "lits"}, {Cue::capacity, "beds", "سرير"},
    {Cue::capacity, "MW", "megawatts"}, {Cue::capacity, "MW", "mégawatts"}, {Cue::capacity, "MW", "ميغاواط"},
    {Cue::capacity, "GW", "gw"}, {Cue::capacity, "tonnes", "tonnes"}, {Cue::capacity, "tonnes", "tons"},
    {Cue::capacity, "tonnes", "طن"}, {Cue::capacity, "garments", "garments"}, {Cue::capacity, "units", "batteries"},
    {Cue::capacity, "GWh", "gwh"}, {Cue::capacity, "GWh", "جيغاواط ساعة"}, {Cue::capacity, "GWh", "gigawatt hours"},
    {Cue::capacity, "GWh", "gigawattheures"}, {Cue::capacity, "GW", "جيغاواط"}, {Cue::capacity, "GW", "gigawatts"},
    // intent to do something later: a pledge, not a statistic
    {Cue::pledge, "", "will"}, {Cue::pledge, "", "plans"}, {Cue::pledge, "", "plan"}, {Cue::pledge, "", "planned"},
    {Cue::pledge, "", "expected"}, {Cue::pledge, "", "pledge"}, {Cue::pledge, "", "pledged"},
    {Cue::pledge, "", "pledges"}, {Cue::pledge, "", "commit"}, {Cue::pledge, "", "commits"},
    {Cue::pledge, "", "committed"}, {Cue::pledge, "", "commitment"}, {Cue::pledge, "", "aims"},
    {Cue::pledge, "", "aim"}, {Cue::pledge, "", "target"}, {Cue::pledge, "", "goal"},
    {Cue::pledge, "", "requirement"}, {Cue::pledge, "", "required"}, {Cue::pledge, "", "requirements"},
    {Cue::pledge, "", "would"}, {Cue::pledge, "", "promising"}, {Cue::pledge, "", "promised"},
    {Cue::pledge, "", "promise"}, {Cue::pledge, "", "intends"}, {Cue::pledge, "", "set to"},
    {Cue::pledge, "", "is to"}, {Cue::pledge, "", "are to"}, {Cue::pledge, "", "to create"},
    {Cue::pledge, "", "to hire"}, {Cue::pledge, "", "to invest"}, {Cue::pledge, "", "to generate"},
    {Cue::pledge, "", "envisage"}, {Cue::pledge, "", "envisages"}, {Cue::pledge, "", "foresees"},
    {Cue::pledge, "", "objectif"}, {Cue::pledge, "", "prévoit"}, {Cue::pledge, "", "permettra"},
    {Cue::pledge, "", "permettront"}, {Cue::pledge, "", "devrait"}, {Cue::pledge, "", "devraient"},
    {Cue::pledge, "", "vise"}, {Cue::pledge, "", "visent"}, {Cue::pledge, "", "ambitionne"},
    {Cue::pledge, "", "engage"}, {Cue::pledge, "", "engagement"}, {Cue::pledge, "", "va"},
    {Cue::pledge, "", "vont"}, {Cue::pledge, "", "créera"}, {Cue::pledge, "", "générera"},
    {Cue::pledge, "", "contribuer"}, {Cue::pledge, "", "ambition"}, {Cue::pledge, "", "investira"},
    {Cue::pledge, "", "recrutera"}, {Cue::pledge, "", "projette"}, {Cue::pledge, "", "compte"},
    {Cue::pledge, "", "prévu"}, {Cue::pledge, "", "prévue"}, {Cue::pledge, "", "prévus"},
    {Cue::pledge, "", "attendus"}, {Cue::pledge, "", "table sur"},
    {Cue::pledge, "", "يعتزم"}, {Cue::pledge, "", "تعتزم"}, {Cue::pledge, "", "يهدف"}, {Cue::pledge, "", "تهدف"},
    {Cue::pledge, "", "بهدف"}, {Cue::pledge, "", "هدف"}, {Cue::pledge, "", "المرتقب"}, {Cue::pledge, "", "المنتظر"},
    {Cue::pledge, "", "يرتقب"}, {Cue::pledge, "", "يتوقع"}, {Cue::pledge, "", "تتوقع"}, {Cue::pledge, "", "التزام"},
    {Cue::pledge, "", "التزمت"}, {Cue::pledge, "", "التزم"}, {Cue::pledge, "", "يلتزم"}, {Cue::pledge, "", "تلتزم"},
    {Cue::pledge, "", "سيتم"}, {Cue::pledge, "", "ستمكن"}, {Cue::pledge, "", "سيمكن"}, {Cue::pledge, "", "إحداث"},
    {Cue::pledge, "", "خلق"}, {Cue::pledge, "", "توفير"}, {Cue::pledge, "", "يروم"}, {Cue::pledge, "", "تروم"},
    {Cue::pledge, "", "توظيف"}, {Cue::pledge, "", "تشغيل"}, {Cue::pledge, "", "سيوفر"}, {Cue::pledge, "", "ستوفر"},
    {Cue::pledge, "", "سيخلق"}, {Cue::pledge, "", "المبرمجة"}, {Cue::pledge, "", "المبرمج"}, {Cue::pledge, "", "ستحدث"}, {Cue::pledge, "", "سيحدث"},
    {Cue::pledge, "", "ستنشئ"}, {Cue::pledge, "", "سينشئ"}, {Cue::pledge, "", "ستستثمر"}, {Cue::pledge, "", "سيستثمر"},
    {Cue::pledge, "", "ستضخ"}, {Cue::pledge, "", "سيضخ"}, {Cue::pledge, "", "ستخلق"}, {Cue::pledge, "", "سيشغل"},
    {Cue::pledge, "", "could"}, {Cue::pledge, "", "permettant"}, {Cue::pledge, "", "permettre"}, {Cue::pledge, "", "pourrait"}, {Cue::pledge, "", "pourraient"}, {Cue::pledge, "", "إيجاد"}, {Cue::pledge, "", "القدرة الإنتاجية"}, {Cue::pledge, "", "capacité de production"},
    {Cue::pledge, "", "production capacity"}, {Cue::pledge, "", "capacité de"}, {Cue::pledge, "", "generará"}, {Cue::pledge, "", "invertirán"}, {Cue::pledge, "", "invertirá"},
    {Cue::pledge, "", "creará"}, {Cue::pledge, "", "beneficiará"}, {Cue::pledge, "", "prevé"},
    // progress already achieved (value "spending": a spending verb, which vouches for money spent)
    {Cue::progress, "", "so far"}, {Cue::progress, "spending", "spent"}, {Cue::progress, "spending", "a dépensé"},
    {Cue::progress, "spending", "ont dépensé"}, {Cue::progress, "spending", "استثمرت"}, {Cue::progress, "spending", "ضخت"}, {Cue::progress, "spending", "أنفقت"}, {Cue::progress, "", "to date"}, {Cue::progress, "", "already"},
    {Cue::progress, "", "has created"}, {Cue::progress, "", "has hired"}, {Cue::progress, "", "have been created"},
    {Cue::progress, "spending", "has invested"}, {Cue::progress, "", "had hired"}, {Cue::progress, "", "has added"},
    {Cue::progress, "", "employment total"}, {Cue::progress, "", "reported having"}, {Cue::progress, "", "it created"},
    {Cue::progress, "", "à ce jour"}, {Cue::progress, "", "jusqu'à présent"}, {Cue::progress, "", "jusqu'ici"},
    {Cue::progress, "", "déjà"}, {Cue::progress, "", "a créé"}, {Cue::progress, "", "a recruté"},
    {Cue::progress, "spending", "a investi"}, {Cue::progress, "", "ont été créés"}, {Cue::progress, "", "ont été recrutés"},
    {Cue::progress, "", "recrutés"}, {Cue::progress, "", "a embauché"},
    {Cue::progress, "", "had created"}, {Cue::progress, "", "have created"}, {Cue::progress, "spending", "had invested"},
    {Cue::progress, "", "avait créé"}, {Cue::progress, "", "avait recruté"}, {Cue::progress, "spending", "avait investi"},
    {Cue::progress, "", "ont été embauchés"}, {Cue::progress, "", "قد وفرت"}, {Cue::progress, "", "وظفت حتى"},
    {Cue::progress, "", "حتى الآن"}, {Cue::progress, "", "لحد الآن"}, {Cue::progress, "", "إلى حدود اليوم"},
    {Cue::progress, "", "إلى حد الآن"}, {Cue::progress, "", "وفرت"}, {Cue::progress, "", "وظفت"},
    {Cue::progress, "", "بلغ عدد"}, {Cue::progress, "", "أحدثت"}, {Cue::progress, "", "حتى اليوم"},
    {Cue::progress, "", "reporting"}, {Cue::progress, "", "reported"}, {Cue::progress, "", "cumulative"},
    {Cue::progress, "", "بلغت"}, {Cue::progress, "", "ناهزت"}, {Cue::progress, "", "a produit"}, {Cue::progress, "", "produced"},
    {Cue::progress, "", "au cours de l'année"}, {Cue::progress, "", "hasta ahora"}, {Cue::progress, "", "ha creado"},
    // the state since the plant opened, and what the project cost (past): "منذ بداية نشاطه", "كلف بناء"
    {Cue::progress, "", "منذ بداية"}, {Cue::progress, "", "since it opened"}, {Cue::progress, "", "since opening"},
    {Cue::progress, "", "depuis son ouverture"}, {Cue::progress, "", "depuis le démarrage"}, {Cue::progress, "spending", "كلف"},
    {Cue::progress, "spending", "a coûté"},
    // a level reached (with its auxiliary: "atteindre" and "reach" are goals)
    {Cue::progress, "", "a atteint"}, {Cue::progress, "", "ont atteint"}, {Cue::progress, "", "has reached"},
    {Cue::progress, "", "have reached"}, {Cue::progress, "", "had reached"},
    // a level reached (with its auxiliary: "atteindre" and "reach" are goals)
    {Cue::progress, "", "a atteint"}, {Cue::progress, "", "ont atteint"}, {Cue::progress, "", "has reached"},
    {Cue::progress, "", "have reached"}, {Cue::progress, "", "had reached"},
    // statistics of the economy, not pledges
    {Cue::stat_negative, "", "unemployment"}, {Cue::stat_negative, "", "unemployed"}, {Cue::stat_negative, "", "payroll"},
    {Cue::stat_negative, "", "payrolls"}, {Cue::stat_negative, "", "jobless"}, {Cue::stat_negative, "", "labor force"},
    {Cue::stat_negative, "", "labour force"}, {Cue::stat_negative, "", "survey"}, {Cue::stat_negative, "", "statistics"},
    {Cue::stat_negative, "", "economy added"}, {Cue::stat_negative, "", "employers added"},
    {Cue::stat_negative, "", "chômage"}, {Cue::stat_negative, "", "chômeurs"}, {Cue::stat_negative, "", "taux"},
    {Cue::stat_negative, "", "population active"}, {Cue::stat_negative, "", "enquête"}, {Cue::stat_negative, "", "sous-emploi"},
    {Cue::stat_negative, "", "بطالة"}, {Cue::stat_negative, "", "البطالة"}, {Cue::stat_negative, "", "معدل"},
    {Cue::stat_negative, "", "العاطلين"}, {Cue::stat_negative, "", "desempleo"}, {Cue::stat_negative, "", "rate"},
    {Cue::stat_negative, "", "perdido"}, {Cue::stat_negative, "", "lost"}, {Cue::stat_negative, "", "perdus"},
    {Cue::stat_negative, "", "a perdu"}, {Cue::stat_negative, "", "added"}, {Cue::stat_negative, "", "nonfarm"},
    {Cue::stat_negative, "", "bls"}, {Cue::stat_negative, "", "short of"}, {Cue::stat_negative, "", "shortfall"}, {Cue::stat_negative, "", "baisse"}, {Cue::stat_negative, "", "hausse"},
    {Cue::stat_negative, "", "recul"}, {Cue::stat_negative, "", "enregistré"}, {Cue::stat_negative, "", "economists"}, {Cue::stat_negative, "", "fell"}, {Cue::stat_negative, "", "declined"},
    // money that is not the investor's investment
    {Cue::money_negative, "", "revenue"}, {Cue::money_negative, "", "revenus"}, {Cue::money_negative, "", "recettes"},
    {Cue::money_negative, "", "exportation"}, {Cue::money_negative, "", "export earnings"}, {Cue::money_negative, "", "revenues"}, {Cue::money_negative, "", "turnover"},
    {Cue::money_negative, "", "sales"}, {Cue::money_negative, "", "market"}, {Cue::money_negative, "", "incentives"},
    {Cue::money_negative, "", "incentive"}, {Cue::money_negative, "", "tax credit"}, {Cue::money_negative, "", "tax credits"},
    {Cue::money_negative, "", "subsidy"}, {Cue::money_negative, "", "subsidies"}, {Cue::money_negative, "", "grant"},
    {Cue::money_negative, "", "grants"}, {Cue::money_negative, "", "gdp"}, {Cue::money_negative, "", "exports"},
    {Cue::money_negative, "", "chiffre d'affaires"}, {Cue::money_negative, "", "marché"}, {Cue::money_negative, "", "subvention"},
    {Cue::money_negative, "", "subventions"}, {Cue::money_negative, "", "pib"}, {Cue::money_negative, "", "exportations"},
    {Cue::money_negative, "", "prime"}, {Cue::money_negative, "", "primes"}, {Cue::money_negative, "", "valeur ajoutée"},
    {Cue::money_negative, "", "crédit d'impôt"}, {Cue::money_negative, "", "رقم معاملات"}, {Cue::money_negative, "", "رقم المعاملات"},
    {Cue::money_negative, "", "دعم"}, {Cue::money_negative, "", "منحة"}, {Cue::money_negative, "", "صادرات"},
    {Cue::money_negative, "", "الناتج الداخلي"}, {Cue::money_negative, "", "تحفيزات"}, {Cue::money_negative, "", "السوق"},
    {Cue::money_negative, "", "ventas"}, {Cue::money_negative, "", "mercado"}, {Cue::money_negative, "", "contribution"},
    {Cue::money_negative, "", "assistance"}, {Cue::money_negative, "", "aid"}, {Cue::money_negative, "", "award"},
    {Cue::money_negative, "", "tax breaks"}, {Cue::money_negative, "", "support from"}, {Cue::money_negative, "", "received support"},
    {Cue::money_negative, "", "fines"}, {Cue::money_negative, "", "fine"}, {Cue::money_negative, "", "penalty"},
    {Cue::money_negative, "", "penalties"}, {Cue::money_negative, "", "amende"}, {Cue::money_negative, "", "amendes"},
    // what a territory has attracted so far: "the state attracted Rs 6 lakh crore of commitments"
    // a country's inflows of foreign direct investment are a statistic
    {Cue::money_negative, "", "foreign direct investment"}, {Cue::money_negative, "", "fdi"},
    {Cue::money_negative, "", "investissements directs étrangers"}, {Cue::money_negative, "", "ide"},
    {Cue::money_negative, "", "استثمارات أجنبية مباشرة"}, {Cue::money_negative, "", "الاستثمارات الأجنبية المباشرة"},
    {Cue::money_negative, "", "attracted"}, {Cue::money_negative, "", "attiré"}, {Cue::money_negative, "", "attirés"},
    {Cue::money_negative, "", "استقطب"}, {Cue::money_negative, "", "استقطبت"}, {Cue::money_negative, "", "استقطاب"},
    {Cue::money_negative, "", "غرامة"}, {Cue::money_negative, "", "loan"}, {Cue::money_negative, "", "prêt"}, {Cue::money_negative, "", "قرض"},
    // the existing workforce
    {Cue::current_headcount, "", "employs"}, {Cue::current_headcount, "", "currently"}, {Cue::current_headcount, "", "emploie"},
    {Cue::current_headcount, "", "actuellement"}, {Cue::current_headcount, "", "compte déjà"}, {Cue::current_headcount, "", "يشغل حاليا"},
    {Cue::current_headcount, "", "حاليا"}, {Cue::current_headcount, "", "workforce of"}, {Cue::current_headcount, "", "emplea"},
    {Cue::current_headcount, "", "already employs"}, {Cue::current_headcount, "", "existing"},
    // signing
    {Cue::sign, "", "signed"}, {Cue::sign, "", "signing"}, {Cue::sign, "", "sign"}, {Cue::sign, "", "signature"},
    {Cue::sign, "", "signé"}, {Cue::sign, "", "signée"}, {Cue::sign, "", "signés"}, {Cue::sign, "", "signent"},
    {Cue::sign, "", "signer"}, {Cue::sign, "", "paraphé"}, {Cue::sign, "", "وقع"}, {Cue::sign, "", "وقعت"},
    {Cue::sign, "", "توقيع"}, {Cue::sign, "", "التوقيع"}, {Cue::sign, "", "وقعا"}, {Cue::sign, "", "firmaron"},
    {Cue::sign, "", "firma"}, {Cue::sign, "", "firmó"}, {Cue::sign, "", "inked"},
    // agreement kinds (value = AgreementKind name)
    {Cue::agreement_kind, "mou", "mou"}, {Cue::agreement_kind, "mou", "mous"},
    {Cue::agreement_kind, "mou", "memoranda of understanding"}, {Cue::agreement_kind, "mou", "memorandums of understanding"}, {Cue::agreement_kind, "mou", "memorandum of understanding"},
    {Cue::agreement_kind, "mou", "mémorandum d'entente"}, {Cue::agreement_kind, "mou", "مذكرة تفاهم"},
    {Cue::agreement_kind, "mou", "memorando de entendimiento"}, {Cue::agreement_kind, "protocol", "protocole d'accord"},
    {Cue::agreement_kind, "protocol", "protocole"}, {Cue::agreement_kind, "protocol", "protocol"},
    {Cue::agreement_kind, "protocol", "بروتوكول اتفاق"}, {Cue::agreement_kind, "protocol", "بروتوكول"},
    {Cue::agreement_kind, "investment_agreement", "investment agreement"},
    {Cue::agreement_kind, "investment_agreement", "investment agreements"},
    {Cue::agreement_kind, "investment_agreement", "convention d'investissement"},
    {Cue::agreement_kind, "investment_agreement", "اتفاقية استثمار"}, {Cue::agreement_kind, "investment_agreement", "investment deals"},
    {Cue::agreement_kind, "convention", "convention"}, {Cue::agreement_kind, "convention", "اتفاقية"},
    {Cue::agreement_kind, "convention", "accord-cadre"}, {Cue::agreement_kind, "convention", "convenio"},
    {Cue::agreement_kind, "contract", "contract"}, {Cue::agreement_kind, "contract", "contrat"},
    {Cue::agreement_kind, "contract", "عقد"}, {Cue::agreement_kind, "contract", "contrato"},
    // national programs (value = canonical name)
    {Cue::program, "Digital Morocco 2030", "Digital Morocco 2030"}, {Cue::program, "Digital Morocco 2030", "Maroc Digital 2030"},
    {Cue::program, "Digital Morocco 2030", "Morocco Digital 2030"}, {Cue::program, "Digital Morocco 2030", "المغرب الرقمي 2030"},
    {Cue::program, "Digital Morocco 2030", "Maroc Numérique 2030"},
    {Cue::program, "Industrial Acceleration Plan", "Plan d'Accélération Industrielle"},
    {Cue::program, "Industrial Acceleration Plan", "Industrial Acceleration Plan"},
    {Cue::program, "Industrial Acceleration Plan", "مخطط التسريع الصناعي"},
    {Cue::program, "Generation Green 2030", "Génération Green"}, {Cue::program, "Generation Green 2030", "Generation Green"},
    {Cue::program, "Generation Green 2030", "الجيل الأخضر"},
    {Cue::program, "Saudi Vision 2030", "Vision 2030"}, {Cue::program, "Saudi Vision 2030", "رؤية 2030"},
    {Cue::program, "Saudi Vision 2030", "رؤية المملكة 2030"},
    {Cue::program, "Make in India", "Make in India"}, {Cue::program, "Buffalo Billion", "Buffalo Billion"},
    {Cue::program, "Morocco Tourism Roadmap 2023-2026", "feuille de route du tourisme"},
    {Cue::program, "Halieutis", "Halieutis"}, {Cue::program, "Noor", "Plan Noor"},
    {Cue::program, "Forfait Emploi", "Forfait Emploi"}, {Cue::program, "Charte de l'investissement", "charte de l'investissement"},
    {Cue::program, "Charte de l'investissement", "ميثاق الاستثمار"}, {Cue::program, "Charte de l'investissement", "investment charter"},
    // government bodies
    {Cue::government, "", "government"}, {Cue::government, "", "gouvernement"}, {Cue::government, "", "الحكومة"},
    {Cue::government, "", "gobierno"}, {Cue::government, "", "state of"}, {Cue::government, "", "the state"},
    {Cue::ministry, "", "ministry"}, {Cue::ministry, "", "ministère"}, {Cue::ministry, "", "وزارة"},
    {Cue::ministry, "", "minister"}, {Cue::ministry, "", "ministre"}, {Cue::ministry, "", "الوزير"}, {Cue::ministry, "", "وزير"},
    {Cue::ministry, "", "الوزيرة"}, {Cue::ministry, "", "وزيرة"}, {Cue::ministry, "", "secretaría"}, {Cue::ministry, "", "secretario"},
    {Cue::ministry, "", "department of"}, {Cue::ministry, "", "القطاعات الوزارية"},
    // words before or after a company name
    {Cue::group_cue, "", "groupe"}, {Cue::group_cue, "", "group"}, {Cue::group_cue, "", "société"},
    {Cue::group_cue, "", "company"}, {Cue::group_cue, "", "firm"}, {Cue::group_cue, "", "entreprise"},
    {Cue::group_cue, "", "constructeur"}, {Cue::group_cue, "", "carmaker"}, {Cue::group_cue, "", "manufacturer"},
    {Cue::group_cue, "", "firme"}, {Cue::group_cue, "", "شركة"}, {Cue::group_cue, "", "مجموعة"}, {Cue::group_cue, "", "grupo"},
    {Cue::group_cue, "", "empresa"}, {Cue::group_cue, "", "giant"}, {Cue::group_cue, "", "géant"}, {Cue::group_cue, "", "leader"},
    {Cue::group_cue, "", "consortium"}, {Cue::group_cue, "", "usine"}, {Cue::group_cue, "", "plant"}, {Cue::group_cue, "", "fabricant"}, {Cue::group_cue, "", "maker"},
    {Cue::group_cue, "", "تحالف"}, {Cue::group_cue, "", "subsidiary"}, {Cue::group_cue, "", "filiale"}, {Cue::group_cue, "", "فرع"},
    {Cue::legal_suffix, "", "inc"}, {Cue::legal_suffix, "", "sa"}, {Cue::legal_suffix, "", "sarl"}, {Cue::legal_suffix, "", "ltd"},
    {Cue::legal_suffix, "", "limited"}, {Cue::legal_suffix, "", "corp"}, {Cue::legal_suffix, "", "corporation"},
    {Cue::legal_suffix, "", "group"}, {Cue::legal_suffix, "", "groupe"}, {Cue::legal_suffix, "", "holding"},
    {Cue::legal_suffix, "", "industries"}, {Cue::legal_suffix, "", "plc"}, {Cue::legal_suffix, "", "gmbh"}, {Cue::legal_suffix, "", "ag"},
    {Cue::legal_suffix, "", "llc"}, {Cue::legal_suffix, "", "motors"}, {Cue::legal_suffix, "", "steel"},
    {Cue::legal_suffix, "", "technologies"}, {Cue::legal_suffix, "", "systems"}, {Cue::legal_suffix, "", "agriculture"},
    // sectors (value = sector name)
    {Cue::sector, "data & AI", "intelligence artificielle"}, {Cue::sector, "data & AI", "artificial intelligence"},
    {Cue::sector, "data & AI", "الذكاء الاصطناعي"}, {Cue::sector, "data & AI", "data"}, {Cue::sector, "data & AI", "données"},
    {Cue::sector, "automotive", "automobile"}, {Cue::sector, "automotive", "automotive"}, {Cue::sector, "automotive", "السيارات"},
    {Cue::sector, "automotive", "vehicles"}, {Cue::sector, "aerospace", "aéronautique"}, {Cue::sector, "aerospace", "aerospace"},
    {Cue::sector, "aerospace", "الطيران"}, {Cue::sector, "textile", "textile"}, {Cue::sector, "textile", "النسيج"},
    {Cue::sector, "textile", "garments"}, {Cue::sector, "energy", "renewable"}, {Cue::sector, "energy", "renouvelables"},
    {Cue::sector, "energy", "solaire"}, {Cue::sector, "energy", "solar"}, {Cue::sector, "energy", "الطاقة"},
    {Cue::sector, "energy", "hydrogène"}, {Cue::sector, "energy", "hydrogen"}, {Cue::sector, "agri-food", "agroalimentaire"},
    {Cue::sector, "agri-food", "agri-food"}, {Cue::sector, "agri-food", "الصناعات الغذائية"}, {Cue::sector, "digital", "numérique"},
    {Cue::sector, "digital", "digital"}, {Cue::sector, "digital", "الرقمي"}, {Cue::sector, "digital", "offshoring"},
    {Cue::sector, "batteries", "batteries"}, {Cue::sector, "batteries", "gigafactory"}, {Cue::sector, "tourism", "tourisme"},
    {Cue::sector, "tourism", "tourism"}, {Cue::sector, "tourism", "السياحة"}, {Cue::sector, "chemicals", "chemical"},
    {Cue::sector, "electronics", "electronics"}, {Cue::sector, "electronics", "semiconductors"},
    // past-tense statistics words
    {Cue::past, "", "par rapport à"}, {Cue::past, "", "par rapport aux"}, {Cue::past, "", "compared with"},
    {Cue::past, "", "compared to"}, {Cue::past, "", "contre"}, {Cue::past, "", "مقارنة مع"}, {Cue::past, "", "مقارنة ب"},
    {Cue::past, "", "up from"}, {Cue::past, "", "en baisse par rapport"}, {Cue::past, "", "last year"}, {Cue::past, "", "l'an dernier"}, {Cue::past, "", "l'année dernière"},
    {Cue::past, "", "العام الماضي"}, {Cue::past, "", "السنة الماضية"},
};
// clang-format on

struct Phrase {
  Cue cue;
  std::string_view value;
  std::vector<std::string> words;  // folded
  std::vector<std::string> stems;  // the same without Arabic clitics
  std::vector<std::size_t> word_hashes, stem_hashes;  // sv_hash of each: compared before the text
};

struct Index {
  std::vector<Phrase> phrases;
  FlatMap<std::vector<std::uint32_t>> by_first;
  WordMarks first_words;  // most tokens start no phrase and stop here
};

const Index& lexicon() {
  static const Index idx = [] {
    Index ix;
    for (const auto& e : kLexicon) {
      Phrase p{e.cue, e.value, {}, {}, {}, {}};
      for (auto& t : tokenize(e.phrase)) {
        p.words.emplace_back(t.key);
        p.stems.emplace_back(t.stem);
        p.word_hashes.push_back(t.key_hash);
        p.stem_hashes.push_back(t.stem_hash);
      }
      if (p.words.empty()) continue;
      if (p.stems.front() != p.words.front()) {
        ix.by_first[p.stems.front()].push_back(static_cast<std::uint32_t>(ix.phrases.size()));
        ix.first_words.set(sv_hash(p.stems.front()));
      }
      ix.by_first[p.words.front()].push_back(static_cast<std::uint32_t>(ix.phrases.size()));
      ix.first_words.set(sv_hash(p.words.front()));
      ix.phrases.push_back(std::move(p));
    }
    return ix;
  }();
  return idx;
}

bool word_matches(const Token& t, const std::string& w) { return same_key(t.key, w) || same_key(t.stem, w); }

}  // namespace

std::vector<CueHit> find_cues(const std::vector<Token>& toks) {
  const auto& ix = lexicon();
  std::vector<CueHit> hits;
  hits.reserve(toks.size() / 4 + 8);  // about one hit in eight words: one allocation, not a series
  // Longest phrase per family starting at the current token; `found` has a bit per family that
  // has one, so that the hits come out in family order without a walk over every family.
  static_assert(static_cast<std::size_t>(Cue::count_) <= 32);
  std::array<std::uint32_t, static_cast<std::size_t>(Cue::count_)> best{}, best_len{};
  const std::size_t n = toks.size();
  // Most tokens start no phrase: the first-word marks skip them in next_start's tight loop.
  for (std::size_t i = ix.first_words.next_start(toks, 0); i < n; i = ix.first_words.next_start(toks, i + 1)) {
    std::uint32_t found = 0;
    auto try_key = [&](const Prehashed& key) {
      if (!ix.first_words.test(key.hash)) return;
      const auto* list = ix.by_first.find(key);
      if (!list) return;
      for (auto pi : *list) {
        const auto& p = ix.phrases[pi];
        if (i + p.words.size() > n) continue;
        // The token's key or stem is the phrase word, or its stem is the phrase word's stem;
        // hashes first, the text only when they agree.
        auto matches = [&p](const Token& t, std::size_t k) {
          const std::size_t wh = p.word_hashes[k], sh = p.stem_hashes[k];
          return (t.key_hash == wh && same_key(t.key, p.words[k])) || (t.stem_hash == wh && same_key(t.stem, p.words[k])) ||
                 (t.stem_hash == sh && same_key(t.stem, p.stems[k]));
        };
        // The later words first: most phrases sharing a first word ("a", "to") fail on their
        // second word's hash, before any text is compared.
        bool ok = true;
        for (std::size_t k = 1; k < p.words.size() && ok; ++k)
          ok = toks[i + k].sentence == toks[i].sentence && matches(toks[i + k], k);
        if (!ok || !matches(toks[i], 0)) continue;
        const auto c = static_cast<std::size_t>(p.cue);
        if (!(found >> c & 1) || p.words.size() > best_len[c]) {
          found |= std::uint32_t(1) << c;
          best[c] = pi;
          best_len[c] = static_cast<std::uint32_t>(p.words.size());
        }
      }
    };
    try_key(toks[i].hashed_key());
    if (toks[i].stem.size() != toks[i].key.size()) try_key(toks[i].hashed_stem());  // (a suffix of the key)
    for (; found; found &= found - 1) {
      const auto& p = ix.phrases[best[static_cast<std::size_t>(std::countr_zero(found))]];
      hits.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + p.words.size()), p.cue, p.value});
    }
  }
  return hits;
}

Comparator comparator_before(const std::vector<Token>& toks, std::size_t n) {
  struct C {
    Comparator cmp;
    std::string_view phrase;
  };
  // clang-format off
  static constexpr C table[] = {
      {Comparator::at_least, "more than"}, {Comparator::at_least, "over"}, {Comparator::at_least, "at least"},
      {Comparator::at_least, "in excess of"}, {Comparator::at_least, "upwards of"}, {Comparator::at_least, "no fewer than"},
      {Comparator::at_least, "no less than"}, {Comparator::at_least, "a minimum of"}, {Comparator::at_least, "above"},
      {Comparator::at_least, "plus de"}, {Comparator::at_least, "plus d"}, {Comparator::at_least, "au moins"},
      {Comparator::at_least, "pas moins de"}, {Comparator::at_least, "au minimum"}, {Comparator::at_least, "minimum"},
      {Comparator::at_least, "أكثر من"}, {Comparator::at_least, "ما يزيد عن"}, {Comparator::at_least, "ما يزيد على"},
      {Comparator::at_least, "ما يفوق"}, {Comparator::at_least, "أزيد من"}, {Comparator::at_least, "يفوق"},
      {Comparator::at_least, "لا يقل عن"}, {Comparator::at_least, "más de"}, {Comparator::at_least, "al menos"},
      {Comparator::about, "about"}, {Comparator::about, "around"}, {Comparator::about, "nearly"},
      {Comparator::about, "approximately"}, {Comparator::about, "roughly"}, {Comparator::about, "some"},
      {Comparator::about, "almost"}, {Comparator::about, "close to"}, {Comparator::about, "an estimated"},
      {Comparator::about, "environ"}, {Comparator::about, "près de"}, {Comparator::about, "quelque"},
      {Comparator::about, "quelques"}, {Comparator::about, "approximativement"}, {Comparator::about, "presque"},
      {Comparator::about, "نحو"}, {Comparator::about, "حوالي"}, {Comparator::about, "حوالى"}, {Comparator::about, "قرابة"},
      {Comparator::about, "زهاء"}, {Comparator::about, "ما يقارب"}, {Comparator::about, "يقارب"}, {Comparator::about, "ما يناهز"},
      {Comparator::about, "يناهز"}, {Comparator::about, "alrededor de"}, {Comparator::about, "cerca de"},
      {Comparator::about, "aproximadamente"}, {Comparator::about, "avoisinant"}, {Comparator::about, "avoisinant les"},
      {Comparator::at_least, "dépassant"}, {Comparator::at_least, "dépassant les"}, {Comparator::at_least, "exceeding"},
      {Comparator::at_least, "plus de"}, {Comparator::about, "unos"},
      {Comparator::up_to, "up to"}, {Comparator::up_to, "as many as"}, {Comparator::up_to, "jusqu à"},
      {Comparator::up_to, "jusqu a"}, {Comparator::up_to, "ما يصل إلى"}, {Comparator::up_to, "يصل إلى"}, {Comparator::up_to, "تصل إلى"},
      {Comparator::up_to, "قد تصل إلى"}, {Comparator::up_to, "قد يصل إلى"},
      {Comparator::up_to, "hasta"},
  };
  // clang-format on
  struct Folded {
    std::vector<std::pair<Comparator, std::vector<std::string>>> phrases;  // in table order
    FlatMap<std::vector<std::uint32_t>> by_last;  // last folded word -> phrases ending with it
  };
  static const Folded folded = [] {
    Folded f;
    for (const auto& c : table) {
      std::vector<std::string> words;
      for (auto& t : tokenize(c.phrase)) words.emplace_back(t.key);
      if (!words.empty()) f.by_last[words.back()].push_back(static_cast<std::uint32_t>(f.phrases.size()));
      f.phrases.emplace_back(c.cmp, std::move(words));
    }
    return f;
  }();
  if (n >= toks.size() || n == 0) return Comparator::exactly;
  // Only phrases whose last word is the word before the number can match: those ending with
  // its key or its stem, tried in table order (the first of the longest wins).
  std::array<std::uint32_t, 16> cand{};
  std::size_t ncand = 0;
  bool overflow = false;
  auto gather = [&](const Prehashed& k) {
    if (const auto* list = folded.by_last.find(k))
      for (auto pi : *list) {
        if (ncand == cand.size()) { overflow = true; return; }
        cand[ncand++] = pi;
      }
  };
  gather(toks[n - 1].hashed_key());
  if (toks[n - 1].stem.size() != toks[n - 1].key.size()) gather(toks[n - 1].hashed_stem());  // (a suffix of the key)
  std::sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(ncand));
  std::size_t best_len = 0;
  Comparator best = Comparator::exactly;
  auto consider = [&](std::size_t pi) {
    const auto& [cmp, words] = folded.phrases[pi];
    if (words.size() > n || words.size() <= best_len) return;
    std::size_t s = n - words.size();
    if (toks[s].clause != toks[n].clause) return;
    bool ok = true;
    for (std::size_t k = 0; k < words.size() && ok; ++k) ok = word_matches(toks[s + k], words[k]);
    if (ok) {
      best = cmp;
      best_len = words.size();
    }
  };
  if (overflow) {
    for (std::size_t pi = 0; pi < folded.phrases.size(); ++pi) consider(pi);
  } else {
    for (std::size_t c = 0; c < ncand; ++c)
      if (c == 0 || cand[c] != cand[c - 1]) consider(cand[c]);
  }
  return best;
}

std::string find_program(std::string_view normalized) {
  auto toks = tokenize(normalized);
  for (const auto& h : find_cues(toks))
    if (h.cue == Cue::program) return std::string(h.value);
  return {};
}

}  // namespace pledgedb::extract::detail
