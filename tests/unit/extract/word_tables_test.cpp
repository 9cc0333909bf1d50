// The look-up shortcuts of the extractor give the answers of the slow paths they stand for.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/flat_table.hpp"
#include "extract/place_cache.hpp"
#include "pledgedb/extract/dates.hpp"
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

TEST_CASE("date and deadline scanners find the same over word starts found once") {
  const std::vector<std::string> texts = {
      "Signé le 22 juillet 2025 à Rabat, l'accord prévoit 500 emplois d'ici 2027 et 1.000 d'ici fin 2029.",
      "وقعت الاتفاقية يوم الثلاثاء 22 يوليوز 2025 بالرباط، على أن تحدث 500 منصب شغل في أفق سنة 2030 وبحلول نهاية 2028.",
      "By the end of 2026, within the next four years, mid-2027; on Monday, July 22, 2025 (22/07/2025).",
      "ɐɐ2025 ʃin 2026 dès 2024ɐ en 2023-2025, entre 2024 et 2026, l'an prochain, خلال السنوات الأربع المقبلة",
      "", "2025", "fin", "in in in 2025 2026 2027 by by"};
  const Date ref(2025, 7, 22);
  for (const auto& s : texts) {
    CAPTURE(s);
    const auto starts = extract::date_detail::word_starts(s);
    const auto a = extract::find_dates(s, "", ref), b = extract::find_dates(s, "", ref, starts);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].begin == b[k].begin);
      CHECK(a[k].end == b[k].end);
      CHECK(a[k].date == b[k].date);
    }
    const auto c = extract::find_deadlines(s, "", ref), d = extract::find_deadlines(s, "", ref, starts);
    REQUIRE(c.size() == d.size());
    for (std::size_t k = 0; k < c.size(); ++k) {
      CHECK(c[k].begin == d[k].begin);
      CHECK(c[k].end == d[k].end);
      CHECK(c[k].deadline == d[k].deadline);
    }
  }
}

TEST_CASE("the flat word table answers like a std::map, for present and absent words, after growth, erase and clear") {
  extract::detail::FlatMap<int> table;
  std::map<std::string, int> expected;
  // Enough words to grow the table several times; neighbours differ by one letter or byte.
  for (int k = 0; k < 3000; ++k) {
    const std::string w = "w" + std::to_string(k * 7919 % 10007);
    table[w] = k;
    expected[w] = k;
  }
  CHECK(table.size() == expected.size());
  for (int k = 0; k < 11000; ++k) {
    const std::string w = "w" + std::to_string(k);
    CAPTURE(w);
    const int* got = table.find(w);
    const auto it = expected.find(w);
    REQUIRE((got != nullptr) == (it != expected.end()));
    if (got) CHECK(*got == it->second);
  }
  CHECK_FALSE(table.emplace("w0", 42));  // present: the old value stays
  CHECK(*table.find("w0") == expected["w0"]);
  table.erase("w0");
  CHECK(table.find("w0") == nullptr);
  CHECK(table.find("w7919") != nullptr);
  table.clear();
  CHECK(table.empty());
  CHECK(table.find("w7919") == nullptr);
  table["الرباط"] = 5;
  CHECK(*table.find("الرباط") == 5);
}

TEST_CASE("remembered gazetteer answers stay right when the memory is full and starts again") {
  const auto& gaz = geo::Gazetteer::builtin();
  // More distinct short texts than the memory keeps, with real places among them.
  for (int k = 0; k < 40000; ++k) {
    const std::string w = "Zq" + std::to_string(k);
    CHECK(extract::detail::builtin_places(w).empty());
    if (k % 5000 == 0) {
      for (const std::string place : {"Rabat", "Kénitra", "Casablanca"}) {
        CAPTURE(place);
        const auto expected = gaz.lookup(place);
        CHECK(extract::detail::builtin_places(place) == expected);
      }
    }
  }
  CHECK(extract::detail::builtin_places("Tanger") == gaz.lookup("Tanger"));
}
