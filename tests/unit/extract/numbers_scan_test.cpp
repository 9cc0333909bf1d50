// The number scanner's word walks read 8 or 16 bytes at a time; they must end every word where
// a walk letter by letter (is_letter_at) ends it, on any bytes. Its look-up folds a word's last
// Arabic letters by table; it must read every spelling of a number word the plain look-up reads.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon_numbers.hpp"

namespace {

using pledgedb::extract::detail::is_letter_at;
using pledgedb::extract::detail::number_word_spellings;
using pledgedb::extract::detail::read_number_word;
using pledgedb::extract::detail::word_end;

std::size_t word_end_plain(std::string_view s, std::size_t i) {
  while (is_letter_at(s, i)) i += static_cast<unsigned char>(s[i]) < 0x80 ? 1 : 2;
  return i;
}

// Pieces that put the walks' edges to the test: ASCII letters and their neighbours ('@', '[',
// '`', '{'), Latin-1 letters and × ÷, Arabic letters of both leads at each end of their ranges,
// Arabic digits, marks and punctuation, leads without continuation bytes, stray bytes.
const std::vector<std::string> kPieces = {
    "a", "z", "A", "Z", "m", "Q", "@", "[", "`", "{", " ", "\n", "0", "9", "-", ",", "'",
    "\xC3\xA9", "\xC3\x80", "\xC3\x97", "\xC3\xB7", "\xC5\x93", "\xC9\x8F", "\xC2\xA0",
    "\xD8\xA7", "\xD8\xA0", "\xD8\x9F", "\xD8\xBF", "\xD8\x8C", "\xD8\x80", "\xD8\xA9", "\xD8\xA3",
    "\xD9\x80", "\xD9\x8A", "\xD9\x8B", "\xD9\xA0", "\xD9\xAA", "\xD9\xAD", "\xD9\xAE", "\xD9\xBF",
    "\xD9\x88", "\xD9\x84", "\xDA\xA9", "\xDB\x8C", "\xDB\xB0", "\xDB\xBA",
    "\xD8", "\xD9", "\xC3", "\xD8\x41", "\xD9\xC0", "\x80", "\xBF", "\xFF", "\xE2\x80\x99", std::string(1, '\0'),
};

}  // namespace

TEST_CASE("the number scanner's word ends agree with a walk letter by letter") {
  std::mt19937 rng(20261129);
  std::size_t checked = 0, long_words = 0;
  for (int round = 0; round < 4000; ++round) {
    // Runs of one kind of piece make the long words the 8-byte steps cross.
    std::string s;
    const std::size_t runs = 1 + rng() % 8;
    for (std::size_t r = 0; r < runs; ++r) {
      const std::string& piece = kPieces[rng() % kPieces.size()];
      const std::size_t repeat = rng() % 3 == 0 ? 1 + rng() % 20 : 1;
      for (std::size_t k = 0; k < repeat; ++k) s += rng() % 4 == 0 ? kPieces[rng() % kPieces.size()] : piece;
    }
    for (std::size_t i = 0; i <= s.size(); ++i) {
      const std::size_t plain = word_end_plain(s, i);
      INFO("text: " << s << " at " << i);
      REQUIRE(word_end(s, i) == plain);
      ++checked;
      long_words += plain - i >= 16;
    }
  }
  CHECK(checked > 100000);
  CHECK(long_words > 1000);
}

TEST_CASE("word ends in ordinary text of each script") {
  const std::string_view en = "The government pledged 5 billion dollars, twenty-five percent";
  CHECK(word_end(en, 0) == 3);
  CHECK(word_end(en, 4) == 14);
  CHECK(word_end(en, 40) == en.find(','));
  const std::string fr = "cinq milliards de dirhams d\xC3\xA9j\xC3\xA0 engag\xC3\xA9s";
  CHECK(word_end(fr, fr.find("d\xC3\xA9")) == fr.find(" engag"));
  CHECK(word_end(fr, fr.find("engag")) == fr.size());
  // والاستثمارات، مليار (Arabic comma ends the word)
  const std::string ar = "\xD9\x88\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xAB\xD9\x85\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xAA"
                         "\xD8\x8C \xD9\x85\xD9\x84\xD9\x8A\xD8\xA7\xD8\xB1";
  CHECK(word_end(ar, 0) == ar.find("\xD8\x8C"));
  CHECK(word_end(ar, ar.find(' ') + 1) == ar.size());
}

TEST_CASE("the number-word look-up folds the last Arabic letters of every spelling as the plain one does") {
  // Letters that fold (أ إ آ ٱ -> ا, ة -> ه, ى -> ي) and their folded forms, both ways.
  const std::vector<std::vector<std::string>> variants = {
      {"\xD8\xA7", "\xD8\xA3", "\xD8\xA5", "\xD8\xA2", "\xD9\xB1"},
      {"\xD9\x87", "\xD8\xA9"},
      {"\xD9\x8A", "\xD9\x89"},
  };
  std::mt19937 rng(7);
  std::size_t read = 0, compared = 0;
  for (std::string_view spelling : number_word_spellings()) {
    if (static_cast<unsigned char>(spelling[0]) < 0x80) continue;
    for (int round = 0; round < 24; ++round) {
      std::string w;
      for (std::size_t i = 0; i < spelling.size(); i += 2) {
        std::string letter(spelling.substr(i, 2));
        for (const auto& group : variants)
          for (const auto& v : group)
            if (letter == v) letter = group[rng() % group.size()];
        w += letter;
      }
      for (const char* clitic : {"", "\xD9\x88", "\xD8\xA8", "\xD9\x84", "\xD8\xA7\xD9\x84", "\xD9\x88\xD8\xA7\xD9\x84"}) {
        const std::string word = clitic + w;
        for (const char* lang : {"ar", "fr", ""}) {
          const auto plain = read_number_word(word, lang, false);
          INFO("word: " << word << " lang: " << lang);
          REQUIRE(read_number_word(word, lang, true) == plain);
          read += plain.has_value();
          ++compared;
        }
      }
    }
  }
  CHECK(compared > 10000);
  CHECK(read > compared / 4);  // most are number words: a filter that turned them away would show
}
