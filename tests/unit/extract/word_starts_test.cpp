// date_detail::word_starts reads most words 16 bytes at a time (ASCII and Arabic words that end
// within them) and the rest byte by byte: both must keep the same word starts, and every start
// where a scanner's lexicon matches.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "pledgedb/extract/dates.hpp"
#include "support/word_starts_check.hpp"

namespace dd = pledgedb::extract::date_detail;
using pledgedb::Date;

namespace {

// Pieces of text: phrase words of both scanners in several spellings, other words of every
// length around 8 and 16 bytes, Arabic letters with their folded variants, digits, clitics,
// separators, letters of other scripts and broken UTF-8.
const std::vector<std::string> kPieces = {
    "by", "BY", "By", "d'ici", "D'ICI", "d’ici", "fin", "FIN", "en", "in", "the", "end", "of", "mi-", "mid-",
    "horizon", "l'horizon", "à", "au", "a", "de", "within", "over", "next", "years", "ans", "années", "prochaines",
    "juillet", "JUILLET", "décembre", "DÉCEMBRE", "decembre", "July", "Dec", "sept", "mardi", "Tuesday", "today",
    "aujourd'hui", "this", "year", "l'année", "prochaine", "quarter", "semestre", "trimestre", "H1", "Q3", "t4",
    "2025", "2030", "22", "7", "123", "12345", "22/07/2025", "2025-07-22", "1er", "3e", "2030م",
    "company", "investment", "gouvernement", "infrastructure", "internationalisation", "abcdefgh", "abcdefghi",
    "abcdefghijklmnop", "abcdefghijklmnopq", "x", "Zz9",
    "بحلول", "وبحلول", "نهاية", "متم", "سنة", "عام", "العام", "السنة", "الجاري", "المقبلة", "خلال", "السنوات",
    "الأربع", "الاربع", "في", "أفق", "افق", "إلى", "غاية", "مع", "ومع", "فبراير", "يوليوز", "الثلاثاء", "اليوم",
    "الإثنين", "منتصف", "قبل", "بين", "ما", "من", "واحدة", "مدى", "على", "ٱلسنة", "الاستثمارات", "والاستثمار",
    "ستة", "شركة", "٢٠٣٠", "ـ", "٪", "،", "؟",
    "été", "ÉTÉ", "œuvre", "ɐɐ", "ʃin", "Ὀ", "Москва", "€", "—", "«", "»", "…",
    "\xC3", "\xD9", "\xD8\x20", "\xE0\x89\x90", "\xF0\x9F\x98\x80", "\x80",
};
const std::vector<std::string> kSeparators = {" ", " ", " ", ", ", ". ", "\n", "-", "'", "’", "/", "(", ")", "", ":", "  "};

std::string random_text(std::mt19937& rng) {
  std::string s;
  const std::size_t pieces = std::uniform_int_distribution<std::size_t>(0, 40)(rng);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1), sep(0, kSeparators.size() - 1);
  for (std::size_t k = 0; k < pieces; ++k) {
    s += kPieces[piece(rng)];
    s += kSeparators[sep(rng)];
  }
  return s;
}

}  // namespace

TEST_CASE("word_starts keeps the same starts 16 bytes at a time as byte by byte, and every start a lexicon matches at") {
  std::mt19937 rng(20251129);
  std::size_t matched = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::string s = random_text(rng);
    CAPTURE(s);
    const auto fast = dd::word_starts(s), plain = dd::word_starts(s, /*bytewise=*/true);
    REQUIRE(fast.dates == plain.dates);
    REQUIRE(fast.deadlines == plain.deadlines);
    matched += pledgedb::test::check_lexicon_starts_kept(s, fast);
  }
  CHECK(matched > 10000);  // the pieces do exercise the filter
}

TEST_CASE("the scanners find the same over word_starts as over every word, on random text") {
  std::mt19937 rng(7);
  const Date ref(2025, 7, 22);
  for (int round = 0; round < 2000; ++round) {
    const std::string s = random_text(rng);
    CAPTURE(s);
    const auto starts = dd::word_starts(s);
    const auto a = pledgedb::extract::find_dates(s, "", ref), b = pledgedb::extract::find_dates(s, "", ref, starts);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].begin == b[k].begin);
      CHECK(a[k].end == b[k].end);
      CHECK(a[k].date == b[k].date);
    }
    const auto c = pledgedb::extract::find_deadlines(s, "", ref),
               d = pledgedb::extract::find_deadlines(s, "", ref, starts);
    REQUIRE(c.size() == d.size());
    for (std::size_t k = 0; k < c.size(); ++k) {
      CHECK(c[k].begin == d[k].begin);
      CHECK(c[k].end == d[k].end);
      CHECK(c[k].deadline == d[k].deadline);
    }
  }
}
