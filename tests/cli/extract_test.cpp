// `pledgedb extract` and `pledgedb eval` through the real binary.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/run.hpp"

namespace {
const char* kArticle =
    "---\n"
    "title: Atlas Cables to build a plant in Kenitra\n"
    "language: en\n"
    "published: 2022-05-10\n"
    "---\n"
    "Atlas Cables signed an investment agreement in Rabat on Monday. The company will invest 850 million dirhams and "
    "create 1,200 direct jobs in Kenitra by the end of 2024.\n";
}

TEST_CASE("extract prints one announcement object with evidence that points into the text") {
  test::Scratch s;
  s.write("a.md", kArticle);
  auto r = test::run(s, {"extract", "a.md"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_object());
  CHECK(j["language"] == "en");
  REQUIRE(j["agreements"].size() == 1);
  auto& ag = j["agreements"][0];
  CHECK(ag["region_code"] == "MA-04");
  bool jobs = false, money = false;
  const std::string text = j["text"];
  for (auto& c : ag["commitments"]) {
    if (c["metric"] == "jobs" && c["target"] == 1200) jobs = c["deadline"] == "2024-12-31";
    if (c["metric"] == "investment" && c["target"] == 850000000) money = c["unit"] == "MAD";
    for (auto& e : c["evidence"]) {
      std::size_t b = e["start"], en = e["end"];
      CHECK(text.substr(b, en - b) == e["text"].get<std::string>());
    }
  }
  CHECK(jobs);
  CHECK(money);
}

TEST_CASE("extract: several files give an array, --format ndjson one line each, - reads stdin") {
  test::Scratch s;
  s.write("a.md", kArticle);
  s.write("b.txt", "La société Medicaire recrutera 300 ingénieurs d'ici 2026.\n");
  auto r = test::run(s, {"extract", "a.md", "b.txt", "--lang", "fr"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_array());
  CHECK(j.size() == 2);

  r = test::run(s, {"--format", "ndjson", "extract", "a.md", "b.txt"});
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line).is_object());
    ++n;
  }
  CHECK(n == 2);

  const std::string input = "La société Medicaire recrutera 300 ingénieurs d'ici 2026.\n";
  r = test::run(s, {"extract", "-", "--published", "2024-01-10"}, &input);
  REQUIRE(r.code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["published"] == "2024-01-10");
  CHECK(j["agreements"][0]["commitments"][0]["target"] == 300);
}

TEST_CASE("extract --db: a spelling taught to the database names the party") {
  test::Scratch s;
  // An Arabic article naming the company only by a transliteration the extractor cannot know.
  s.write("a.md",
          "---\npublished: 2025-05-02\nlanguage: ar\n---\n"
          "أعلنت فيريو عن استثمار 300 مليون درهم في مصنع جديد بطنجة وتوظيف 450 عاملا بحلول 2027.\n");
  auto parties_of = [](const std::string& out) {
    std::vector<std::string> names;
    const auto j = nlohmann::json::parse(out);
    for (const auto& c : j["agreements"][0]["commitments"]) names.push_back(c["party"]);
    return names;
  };
  auto plain = test::run(s, {"extract", "a.md"});
  REQUIRE(plain.code == 0);
  for (const auto& n : parties_of(plain.out)) CHECK(n != "Vireo Dynamics");

  s.write("seed.json",
          R"({"language":"en","published":"2025-01-10","text":"Vireo Dynamics will create 100 jobs in Tangier by 2026.",)"
          R"("agreements":[{"kind":"announcement","country":"MA","parties":[{"name":"Vireo Dynamics","kind":"company","role":"investor"}],)"
          R"("commitments":[{"party":"Vireo Dynamics","metric":"jobs","target":100,"comparator":"exactly","unit":"jobs",)"
          R"("evidence":["Vireo Dynamics will create 100 jobs"]}]}],"progress":[]})");
  REQUIRE(test::run(s, {"--db", s.db(), "init", "-q"}).code == 0);
  REQUIRE(test::run(s, {"--db", s.db(), "ingest", "seed.json", "-q"}).code == 0);
  REQUIRE(test::run(s, {"--db", s.db(), "alias", "add", "party", "1", "فيريو"}).code == 0);
  auto taught = test::run(s, {"--db", s.db(), "extract", "a.md"});
  REQUIRE_MESSAGE(taught.code == 0, taught.err);
  const auto names = parties_of(taught.out);
  REQUIRE(names.size() == 2);
  CHECK(names[0] == "Vireo Dynamics");
  CHECK(names[1] == "Vireo Dynamics");

  // A named database that does not exist is an error, not a silent extraction without it.
  auto missing = test::run(s, {"--db", s.path("nope.db").string(), "extract", "a.md"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("nope.db") != std::string::npos);
}

TEST_CASE("extract: errors name the file and exit 1") {
  test::Scratch s;
  auto r = test::run(s, {"extract", "missing.md"});
  CHECK(r.code == 1);
  CHECK(r.err.find("missing.md") != std::string::npos);
  r = test::run(s, {"extract", "x.md", "--published", "yesterday"});
  CHECK(r.code == 2);
}

TEST_CASE("eval scores annotated files per language and slot") {
  test::Scratch s;
  nlohmann::json gold = {
      {"id", "t-1"},
      {"language", "en"},
      {"published", "2022-05-10"},
      {"kind", "announcement"},
      {"text", "Atlas Cables will create 1,200 jobs in Kenitra by 2024."},
      {"agreements",
       {{{"kind", "announcement"},
         {"country", "MA"},
         {"region", "Rabat-Salé-Kénitra"},
         {"parties", {{{"name", "Atlas Cables"}, {"kind", "company"}, {"role", "investor"}}}},
         {"commitments",
          {{{"party", "Atlas Cables"},
            {"metric", "jobs"},
            {"target", 1200},
            {"comparator", "exactly"},
            {"unit", "jobs"},
            {"deadline", "2024-12-31"},
            {"deadline_kind", "horizon"},
            {"evidence", {"create 1,200 jobs"}}}}}}}},
      {"progress", nlohmann::json::array()}};
  s.write("gold/t-1.json", gold.dump());
  auto r = test::run(s, {"--format", "json", "eval", "gold"});
  REQUIRE(r.code == 0);
  auto rows = nlohmann::json::parse(r.out);
  bool seen = false;
  for (auto& row : rows)
    if (row["language"] == "en" && row["slot"] == "jobs") {
      seen = true;
      CHECK(row["tp"] == 1);
      CHECK(row["f1"] == 1.0);
    }
  CHECK(seen);
  r = test::run(s, {"eval", "nowhere"});
  CHECK(r.code == 1);
  CHECK(r.err.find("nowhere") != std::string::npos);
}
