// The party finder's word tables give the answers of the plain look-ups they stand for.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/flat_table.hpp"
#include "extract/party_phrases.hpp"
#include "pledgedb/extract/extractor.hpp"

namespace pledgedb::extract::detail {
std::string fold_words(std::string_view s);  // lexicon.cpp
}  // namespace pledgedb::extract::detail

using namespace pledgedb::extract::detail;

namespace {

using Phrases = std::vector<std::pair<std::string, std::size_t>>;

// The phrases in the order added, tried through the token's key, then through its stem when it
// differs: the longest wins, the first added among equals.
std::size_t plain_match(const Phrases& phrases, const std::vector<Token>& t, std::size_t i, std::size_t* value) {
  std::size_t best = 0;
  for (const bool stem : {false, true}) {
    if (stem && t[i].stem.size() == t[i].key.size()) break;
    const std::string_view first = stem ? t[i].stem : t[i].key;
    for (const auto& [key, v] : phrases) {
      const auto words = split_words(key);
      if (words.empty() || words[0] != first || words.size() <= best || i + words.size() > t.size()) continue;
      bool ok = true;
      for (std::size_t j = 1; j < words.size() && ok; ++j) ok = t[i + j].key == words[j] || t[i + j].stem == words[j];
      if (ok) {
        best = words.size();
        *value = v;
      }
    }
  }
  return best;
}

}  // namespace

TEST_CASE("a text's phrase table finds what the plain matcher finds at every token") {
  const std::string text =
      "Atlas Cables signed with Atlas. Atlas Cables Maroc and the Atlas Cables Maroc Group, then Cables Maroc "
      "alone. \xD9\x88\xD9\x82\xD8\xB9\xD8\xAA \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9 \xD8\xB1\xD9\x88\xD9\x86\xD9\x88 "
      "\xD9\x85\xD8\xB9 \xD8\xA7\xD9\x84\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9 "
      "\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD9\x88\xD8\xA7\xD9\x84\xD9\x88\xD9\x83"
      "\xD8\xA7\xD9\x84\xD8\xA9";  // وقعت شركة رونو مع الوكالة المغربية والوكالة
  const auto toks = tokenize(text);
  REQUIRE(toks.size() > 20);
  const Phrases phrases = {
      {fold_words("Atlas Cables"), 0},
      {fold_words("Atlas"), 1},
      {fold_words("Atlas Cables Maroc"), 2},
      {fold_words("Atlas Cables"), 3},        // the same phrase again: the first added wins
      {"cables  maroc", 4},                   // an empty word between two spaces never matches
      {fold_words("Maroc Group"), 5},
      {fold_words("\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9"), 6},  // وكالة: a stem only
      {fold_words("\xD8\xA7\xD9\x84\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9 "
                  "\xD8\xA7\xD9\x84\xD9\x85\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9"),
       7},  // الوكالة المغربية
      {fold_words("\xD8\xB1\xD9\x88\xD9\x86\xD9\x88"), 8},  // رونو
      {"", 9},                                                // no words: never matches
      {fold_words("Cables Maroc"), 10},
  };
  TextPhrases table;
  for (const auto& [key, v] : phrases) table.add(key, v);
  table.seal();
  std::size_t found = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    CAPTURE(i);
    CAPTURE(toks[i].key);
    std::size_t want_value = 99, got_value = 99;
    const std::size_t want = plain_match(phrases, toks, i, &want_value);
    CHECK(table.match(toks, i, &got_value) == want);
    CHECK(got_value == want_value);
    found += want > 0;
  }
  CHECK(found >= 8);  // the text exercises the table
}

TEST_CASE("a word set behind its marks holds exactly its words") {
  const WordSet set = {"the", "of", "ministry", "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "m"};
  const FlatSet plain = {"the", "of", "ministry", "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "m"};
  for (const std::string_view w : {"the", "of", "ministry", "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "m", "then", "o", "",
                                   "ministries", "mm", "The"}) {
    CAPTURE(w);
    const Prehashed p{w, sv_hash(w)};
    CHECK(set.contains(p) == plain.contains(p));
  }
}
