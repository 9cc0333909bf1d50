#pragma once
// Date and deadline mentions in normalized text. Offsets are byte offsets into it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgedb/date.hpp"
#include "pledgedb/model.hpp"

namespace pledgedb::extract {
namespace date_detail {
struct WordStarts;
}

enum class DatePrecision { day, month, year };

struct DateMatch {
  std::size_t begin = 0, end = 0;
  Date date;  // for month/year precision: the first day of the period
  DatePrecision precision = DatePrecision::day;
  bool from_reference = false;  // "today", "mardi", "اليوم": resolved from the reference date
};

// Absolute dates ("22 juillet 2025", "July 22, 2025", "22 يوليوز 2025", "22/07/2025",
// "كانون الثاني 2024"), weekdays and today/aujourd'hui/اليوم (only with a reference date).
// A bare year only with a temporal cue ("en 2024", "in 2019", "سنة 2029"), never a count.
std::vector<DateMatch> find_dates(std::string_view normalized, std::string_view lang,
                                  std::optional<Date> reference);
// The same, visiting only the word starts date_detail::word_starts(normalized) gave (computed
// once for both scanners).
std::vector<DateMatch> find_dates(std::string_view normalized, std::string_view lang,
                                  std::optional<Date> reference, const date_detail::WordStarts& word_starts);

struct Duration {
  int years = 0, months = 0, days = 0;
};

struct DeadlineMatch {
  std::size_t begin = 0, end = 0;    // the deadline words ("d'ici 2029", "خلال السنوات الأربع المقبلة")
  DeadlineKind kind = DeadlineKind::none;
  std::optional<Date> deadline;      // resolved date; empty for a relative one without a start
  std::optional<Duration> duration;  // for relative deadlines
};

// "by/d'ici/à l'horizon/بحلول/في أفق YEAR" -> YEAR-12-31 (horizon); "fin 2026", "end of 2026",
// "نهاية 2026" -> 2026-12-31; "mid-2027" -> 2027-06-30; absolute dates after by/avant/قبل
// (absolute); "within/over the next N years", "dans les N prochaines années", "sur N ans",
// "خلال السنوات N المقبلة", "في غضون N سنوات" -> start + N years (relative). Never fills a
// month or day from the start date, never snaps to calendar years.
std::vector<DeadlineMatch> find_deadlines(std::string_view normalized, std::string_view lang,
                                          std::optional<Date> start);
std::vector<DeadlineMatch> find_deadlines(std::string_view normalized, std::string_view lang,
                                          std::optional<Date> start, const date_detail::WordStarts& word_starts);

// --- Building blocks (shared by both scanners, usable by the extractor) ----------------------

// The absolute date starting exactly at byte `pos` (a word start): "22 juillet 2025",
// "July 22, 2025", "22/07/2025", "2025-07-22", "juillet 2025", "22 يوليوز الجاري", "يوليوز
// الماضي". A day and month without a year take `reference`'s year (nullopt without a
// reference); with `future`, the year after when that date falls before the reference (for
// deadlines: "by 31 December" is the coming one). Never a bare year, weekday or "today".
std::optional<DateMatch> match_date_at(std::string_view normalized, std::size_t pos,
                                       std::optional<Date> reference, bool future = false);

struct CountMatch {
  std::size_t end = 0;
  int value = 0;
};
// A small count starting at `pos`: 1-3 ASCII digits (1..999) or a number word 1..20 in
// en/fr/es/ar ("four", "quatre", "cuatro", "أربع", "أربعة", "الأربع", "الأربعة", "dix-huit").
std::optional<CountMatch> match_count_at(std::string_view normalized, std::size_t pos);

namespace date_detail {
// Not a stable API: the phrase matcher behind both scanners. Compares code points after
// folding (Latin case and accents, Arabic alef/yeh/teh-marbuta variants), so one entry covers
// "décembre"/"DECEMBRE" and "الأربعاء"/"الاربعاء".
char32_t fold(char32_t c);
bool is_word_char_slow(char32_t c);
char32_t decode_slow(std::string_view s, std::size_t i, std::size_t& len);

// ASCII letters and digits by table: one load instead of three range tests per byte scanned.
inline constexpr std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return t;
}();
// Letters and digits of any script we read.
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return kAsciiWordChar[c];
  return is_word_char_slow(c);
}
// Code point at byte i (a lone invalid byte decodes to itself) and its length in bytes.
inline char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  if (static_cast<unsigned char>(s[i]) < 0x80) {
    len = 1;
    return static_cast<unsigned char>(s[i]);
  }
  return decode_slow(s, i, len);
}
// Whether the character at byte i is a word char, and its length: a byte-level fast path for
// ASCII, Latin and Arabic letters, the general decoder otherwise.
inline bool word_char_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    len = 1;
    return kAsciiWordChar[b];
  }
  if (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xD9) {  // U+0640..U+067F: letters and Arabic-Indic digits, but not ٪ ٫ ٬ ٭
      len = 2;
      return b1 < 0xAA || b1 > 0xAD;
    }
    if (b == 0xD8) {  // U+0600..U+063F: letters from U+0620
      len = 2;
      return b1 >= 0xA0;
    }
    if (b >= 0xC4 && b <= 0xC9) {  // Latin Extended
      len = 2;
      return true;
    }
  }
  return is_word_char(decode(s, i, len));
}
// A year 1900..2100 as exactly four digits at i that end the number (no ",5", "%", more
// digits), optionally with the Arabic era letter glued on ("2030م"); returns its end or 0.
std::size_t year_at(std::string_view s, std::size_t i, int& year);
bool word_start(std::string_view s, std::size_t i);  // i starts a word (previous char isn't one)

// Visits each word start of s once: try_at(i) returns the end of what it consumed there (i when
// nothing); the rest of a word is skipped unread. Linear in s.
template <typename TryAt>
void scan_word_starts(std::string_view s, TryAt&& try_at) {
  const std::size_t n = s.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < n;) {
    std::size_t len = 0;
    if (bytes[i] < 0x80 ? !kAsciiWordChar[bytes[i]] : !word_char_at(s, i, len)) {
      i += bytes[i] < 0x80 ? 1 : len;
      continue;
    }
    const std::size_t next = try_at(i);
    if (next > i) {
      i = next;
      if (word_start(s, i)) continue;
    }
    for (; i < n; i += len) {  // the rest of the word; ASCII letters without the general test
      if (bytes[i] < 0x80) {
        if (!kAsciiWordChar[bytes[i]]) break;
        len = 1;
      } else if (!word_char_at(s, i, len)) {
        break;
      }
    }
  }
}
bool word_end(std::string_view s, std::size_t i);    // no word char at i

// An Arabic clitic (و ف ب ل ك) glued to the next letter at byte i: the scanners also try a
// phrase 2 bytes on.
bool is_clitic_slow(std::string_view s, std::size_t i);
inline bool is_clitic(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
  if (b0 == 0xD8) {  // ب
    if (b1 != 0xA8) return false;
  } else if (b0 == 0xD9) {  // ف ك ل و
    if (b1 != 0x81 && b1 != 0x83 && b1 != 0x84 && b1 != 0x88) return false;
  } else {
    return b0 > 0xD9 && is_clitic_slow(s, i);  // (an overlong encoding)
  }
  std::size_t len = 0;
  const char32_t n = decode(s, i + 2, len);
  return n >= 0x0621 && n <= 0x064A;
}

// Word hashes (of a word's folded code points: see WordHash in dates_lexicon.cpp; kWordHashSeed
// for none) and their steps (FNV-1a) with the character after a word and the next word's hash:
// word_starts hashes every word of a text, Lexicon::add the first words of each phrase.
inline constexpr std::uint32_t kWordHashSeed = 2166136261u;
inline std::uint32_t word_hash_step(std::uint32_t h, char32_t folded) { return (h ^ folded) * 16777619u; }

// The word starts each scanner must visit: those scan_word_starts visits when nothing is
// consumed (each word char whose previous character is none, by word_char_at) where a phrase of
// its dispatch lexicon may begin, directly or after one or two clitics (by the hashes of the word
// and of the next, Lexicon::beginnings), and for dates the numbers a date can begin with (1-2
// digits, or 4 before '-' or '/', as parse_digits in dates.cpp reads them). One pass per
// document, shared by both scanners: most words are left out here by one hash of their letters
// instead of a lexicon walk in each scanner.
struct WordStarts {
  std::vector<std::uint32_t> dates, deadlines;
};
// `bytewise`: without the fast path that reads 16 bytes at a time (for the tests that compare them).
WordStarts word_starts(std::string_view s, bool bytewise = false);

// scan_word_starts over one list of word_starts(s): the same results, as the word starts left
// out are those where try_at consumes nothing (a consumed span ending at a word start goes on
// there, listed or not).
template <typename TryAt>
void scan_word_starts(std::string_view s, const std::vector<std::uint32_t>& starts, TryAt&& try_at) {
  const std::size_t n = s.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t k = 0;
  while (k < starts.size()) {
    std::size_t i = starts[k];
    std::size_t resume = 0;
    for (;;) {
      const std::size_t next = try_at(i);
      if (next <= i) {
        resume = i + 1;  // the rest of this word is skipped
        break;
      }
      std::size_t len = 0;
      if (next < n && word_start(s, next) &&
          (bytes[next] < 0x80 ? kAsciiWordChar[bytes[next]] : word_char_at(s, next, len))) {
        i = next;  // visited at once, as scan_word_starts does (it may be no natural start)
        continue;
      }
      resume = next;  // the rest of a word there is skipped; non-word chars lead to the next start
      break;
    }
    while (k < starts.size() && starts[k] < resume) ++k;  // forward only: linear over the document
  }
}

class Lexicon;
// The lexicons each scanner matches at word starts (the first words of their phrases decide
// which word starts word_starts keeps).
const Lexicon& date_dispatch_lexicon();
const Lexicon& deadline_dispatch_lexicon();

class Lexicon {
 public:
  struct Hit {
    int id = 0;
    std::size_t end = 0;
  };
  // Phrases may contain spaces, '-' and '\''; one ending in a letter or digit must end at a
  // word end in the text, one ending in '-' or '\'' need not ("mi-2027", "l'année").
  void add(std::string_view phrase, int id);
  // The longest phrase starting at pos; its end respects word boundaries.
  std::optional<Hit> match(std::string_view text, std::size_t pos) const {
    if (!may_match(text, pos)) return std::nullopt;  // most calls: no walk
    return walk(text, pos);
  }
  // False when no phrase can start at pos, judged from two ASCII bytes alone (true when either
  // is not ASCII): match calls it first, as most calls find nothing.
  bool may_match(std::string_view text, std::size_t pos) const {
    if (pos + 1 >= text.size()) return true;
    const auto b0 = static_cast<unsigned char>(text[pos]), b1 = static_cast<unsigned char>(text[pos + 1]);
    if ((b0 | b1) >= 0x80) return true;
    const std::size_t k = ascii_pair(b0, b1);
    return ascii_pairs_[k >> 6] >> (k & 63) & 1;
  }
  // How each phrase begins, by hashes (see kWordHashSeed) of its words, its
  // runs of word chars (is_word_char): a phrase can match at a word start only when that whole
  // word hashes to `first`, and when the phrase goes on (not `alone`), the next character is
  // `sep` and `next` is the hash of both stepped, when the phrase goes on after `sep`, with the
  // hash of the word after it (empty when another character follows).
  struct Beginning {
    std::uint32_t first = 0;
    bool alone = true;
    char32_t sep = 0;
    std::uint32_t next = 0;
  };
  const std::vector<Beginning>& beginnings() const { return beginnings_; }

 private:
  struct Node {
    std::vector<std::pair<char32_t, int>> kids;
    int id = -1;
    bool needs_word_end = false;
  };
  int child(int node, char32_t c) const;
  std::optional<Hit> walk(std::string_view text, std::size_t pos) const;
  static std::size_t ascii_pair(unsigned b0, unsigned b1) {
    const auto lower = [](unsigned b) { return b >= 'A' && b <= 'Z' ? b + 32 : b; };
    return lower(b0) << 7 | lower(b1);
  }
  // The first two folded code points of every phrase when both are ASCII (a one-code-point
  // phrase sets every second byte): may_match's table.
  std::array<std::uint64_t, 128 * 128 / 64> ascii_pairs_{};
  std::vector<Beginning> beginnings_;
  std::vector<Node> nodes_{Node{}};
  std::vector<int> root_ = std::vector<int>(0x700, -1);  // fast path for the first code point
};
}  // namespace date_detail

}  // namespace pledgedb::extract
