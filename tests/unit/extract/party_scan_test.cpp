// The one pass of the party finder over the tokens lists what its plain per-token tests find.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/flat_table.hpp"
#include "extract/party_phrases.hpp"
#include "pledgedb/extract/extractor.hpp"

using namespace pledgedb::extract::detail;

TEST_CASE("the token scan lists the tokens that the plain tests pick, on random mixed texts") {
  const std::vector<std::string_view> words = {
      "Atlas", "cables", "ATLAS", "the", "Ministry", "2030", "A380", "of", "x", "MAROC", "Maroc", "investit",
      "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "\xD8\xA7\xD9\x84\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9", "societe",
      "Société", "signed", "Group", "l'Industrie", "12,5", "(AMDIE)", "-", ",", "."};
  std::mt19937 rng(7);
  WordMarks a, b;
  for (const std::string_view w : {"atlas", "ministry", "maroc", "\xD9\x88\xD9\x83\xD8\xA7\xD9\x84\xD8\xA9"}) a.set(sv_hash(w));
  for (const std::string_view w : {"signed", "group", "societe"}) b.set(sv_hash(w));
  TokenScan scan;
  std::size_t names = 0, capitals = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = rng() % 40; n > 0; --n) {
      text += words[rng() % words.size()];
      text += ' ';
    }
    const auto t = tokenize(text);
    const bool two = round % 2 == 1;
    scan.run(t, a, two ? &b : nullptr);
    std::vector<std::uint32_t> want_names, want_capitals;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (a.may_start(t[i]) || (two && b.may_start(t[i]))) want_names.push_back(static_cast<std::uint32_t>(i));
      if (t[i].latin && (t[i].capitalised || t[i].all_caps) && !t[i].digits)
        want_capitals.push_back(static_cast<std::uint32_t>(i));
    }
    REQUIRE(scan.names == want_names.size());
    REQUIRE(scan.capitals == want_capitals.size());
    for (std::size_t k = 0; k < want_names.size(); ++k) CHECK(scan.name_at[k] == want_names[k]);
    for (std::size_t k = 0; k < want_capitals.size(); ++k) CHECK(scan.capital_at[k] == want_capitals[k]);
    names += want_names.size();
    capitals += want_capitals.size();
  }
  CHECK(names > 1000);  // the texts exercise both lists
  CHECK(capitals > 1000);
}

TEST_CASE("a phrase table reused after clear() matches a fresh one") {
  const auto t = tokenize("Atlas Cables signed with Rongtai Steel; Rongtai Steel Limited and Atlas later.");
  TextPhrases reused;
  reused.add("rongtai steel", 1);
  reused.add("with", 2);
  reused.seal();
  reused.clear();
  CHECK(reused.empty());
  TextPhrases fresh;
  for (TextPhrases* p : {&reused, &fresh}) {
    p->add("atlas cables", 3);
    p->add("atlas", 4);
    p->seal();
  }
  CHECK(reused.starts().marks == fresh.starts().marks);
  std::size_t found = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::size_t v1 = 99, v2 = 99;
    CHECK(reused.match(t, i, &v1) == fresh.match(t, i, &v2));
    CHECK(v1 == v2);
    found += v1 != 99;
  }
  CHECK(found == 2);
}

TEST_CASE("marked_tokens lists the tokens next_start stops at") {
  const auto t = tokenize(
      "Le ministre de l'Industrie, Ryad Mezzour, et le PDG de Valdor. \xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 "
      "\xD8\xA7\xD9\x84\xD8\xB5\xD9\x86\xD8\xA7\xD8\xB9\xD8\xA9 \xD9\x88\xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1 "
      "Governor Ann Reyes, ministers and directeurs generaux.");
  std::mt19937 rng(11);
  std::vector<std::uint32_t> at;
  for (int round = 0; round < 200; ++round) {
    WordMarks m;  // random keys and stems of the text marked
    for (const auto& w : t)
      if (rng() % 4 == 0) m.set(rng() % 2 ? w.key_hash : w.stem_hash);
    std::vector<std::uint32_t> want;
    for (std::size_t i = m.next_start(t, 0); i < t.size(); i = m.next_start(t, i + 1))
      want.push_back(static_cast<std::uint32_t>(i));
    const std::size_t count = marked_tokens(m, t, at);
    REQUIRE(count == want.size());
    for (std::size_t k = 0; k < count; ++k) CHECK(at[k] == want[k]);
  }
}

TEST_CASE("a sealed phrase table keeps the first added among equals, small or large") {
  const auto t = tokenize("Atlas Cables and Atlas, then Valdor Group and Marwa.");
  const std::vector<std::string> fillers = {"valdor group", "marwa", "valdor", "rongtai steel", "group", "cables"};
  for (const std::size_t n : {4, 12, 31, 33, 80}) {  // both sides of the insertion sort's bound
    CAPTURE(n);
    std::vector<std::string> keys;  // the table keeps views of its keys
    keys.reserve(3 * n);
    for (std::size_t k = 0; k < n; ++k) {
      keys.push_back(fillers[k % fillers.size()]);
      keys.push_back(k % 2 ? "atlas" : "atlas cables");
      keys.push_back(fillers[(k * 5 + 1) % fillers.size()]);
    }
    TextPhrases table;
    for (std::size_t k = 0; k < keys.size(); ++k) table.add(keys[k], k);
    table.seal();
    auto first_of = [&](std::string_view key) {
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (keys[k] == key) return k;
      return keys.size();
    };
    std::size_t v = 0;
    CHECK(table.match(t, 0, &v) == 2);  // Atlas Cables
    CHECK(v == first_of("atlas cables"));
    CHECK(table.match(t, 3, &v) == 1);  // Atlas
    CHECK(v == first_of("atlas"));
    CHECK(table.match(t, 5, &v) == 2);  // Valdor Group
    CHECK(v == first_of("valdor group"));
    CHECK(table.match(t, 8, &v) == 1);  // Marwa
    CHECK(v == first_of("marwa"));
  }
}
