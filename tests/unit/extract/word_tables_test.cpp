// The look-up shortcuts of the extractor give the answers of the slow paths they stand for.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/place_cache.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/geo/gazetteer.hpp"

using namespace pledgedb;

TEST_CASE("remembered gazetteer answers are the gazetteer's answers, asked once or many times") {
  const auto& gaz = geo::Gazetteer::builtin();
  const std::vector<std::string> words = {"Casablanca", "Rabat", "Tanger", "la région de Fès-Meknès", "Onepoint",
                                          "Kénitra", "الدار البيضاء", "بطنجة", "Salamanca", "", "Apple Inc"};
  for (int round = 0; round < 3; ++round)
    for (const auto& w : words) {
      CAPTURE(w);
      const auto expected = gaz.lookup(w);
      const auto& got = extract::detail::builtin_places(w);
      CHECK(got == expected);
    }
}

TEST_CASE("a token's key is the folded word, whatever the script") {
  const std::string text =
      "Le groupe ÉLÉCTRIQUE créera 1,300 emplois à Kénitra d'ici 2027. وَسَتُحْدِثُ الشركةُ أَلْفَ منصبِ شغلٍ "
      "في إقليم القنيطرة، ومؤسسة ‹أطلس› ـ بالدار البيضاء؛ Œuvre 3.5 Straße ĀBC ٤٥ mixedعربي";
  const auto toks = extract::detail::tokenize(text);
  REQUIRE(toks.size() > 20);
  for (const auto& t : toks) {
    const std::string_view word = std::string_view(text).substr(t.begin, t.end - t.begin);
    const std::string shown(word);
    CAPTURE(shown);
    CHECK(t.key == extract::detail::fold_word(word));
  }
}

TEST_CASE("the comparator before a number: the longest phrase ending just before it") {
  auto cmp = [](const std::string& s) {
    auto toks = extract::detail::tokenize(s);
    return extract::detail::comparator_before(toks, toks.size() - 1);
  };
  CHECK(cmp("no fewer than 10") == Comparator::at_least);
  CHECK(cmp("than 10") == Comparator::exactly);
  CHECK(cmp("avoisinant les 500") == Comparator::about);
  CHECK(cmp("dépassant les 300") == Comparator::at_least);
  CHECK(cmp("jusqu'à 300") == Comparator::up_to);
  CHECK(cmp("ما يصل إلى 300") == Comparator::up_to);
  CHECK(cmp("يصل إلى 300") == Comparator::up_to);
  CHECK(cmp("more than, 300") == Comparator::exactly);  // another clause
  CHECK(cmp("300") == Comparator::exactly);
}
