// `regions` and `alias add region`, run through the real binary on a real database file.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/run.hpp"

namespace {

struct Db {
  test::Scratch s;
  Db() { REQUIRE(test::run(s, {"--db", s.db(), "init"}).code == 0); }
  test::Result run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", s.db()});
    return test::run(s, args);
  }
  // `regions ARGS --format json`, parsed; fails the test when the command fails.
  nlohmann::json regions(std::vector<std::string> args) {
    args.insert(args.begin(), "regions");
    args.insert(args.end(), {"--format", "json"});
    auto r = run(args);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

std::vector<std::string> codes(const nlohmann::json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.at("code").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("regions --country MA lists the twelve regions, --all adds provinces and prefectures") {
  Db db;
  auto rows = db.regions({"--country", "MA"});
  auto c = codes(rows);
  REQUIRE(c.size() == 12);
  for (int i = 1; i <= 12; ++i) CHECK(c[i - 1] == (i < 10 ? "MA-0" : "MA-") + std::to_string(i));
  for (const auto& r : rows) {
    CHECK(r.at("parent") == "MA");
    CHECK(r.at("type") == "Region");
    CHECK(r.at("name").get<std::string>().find("(EH") == std::string::npos);
  }
  CHECK(rows[9].at("name") == "Guelmim-Oued Noun");

  auto all = db.regions({"--country", "ma", "--all"});
  CHECK(all.size() == 1 + 12 + 75);
  auto provinces = db.regions({"--country", "MA", "--level", "2"});
  CHECK(provinces.size() == 75);
  for (const auto& p : provinces) CHECK(p.at("parent").get<std::string>().starts_with("MA-"));

  auto countries = db.regions({});
  CHECK(countries.size() > 240);
  for (const auto& r : countries) CHECK(r.at("type") == "Country");
}

TEST_CASE("regions --search reaches Casablanca-Settat from any spelling") {
  Db db;
  for (const char* s : {"جهة الدار البيضاء سطات", "Casablanca-Settat", "casablanca settat", "Grand Casablanca",
                        "الدار البيضاء - سطات", "Doukkala-Abda"}) {
    auto rows = db.regions({"--search", s});
    REQUIRE_MESSAGE(!rows.empty(), s);
    CHECK_MESSAGE(rows[0].at("code") == "MA-06", s);
  }
  // A city reaches its prefecture or province, whose parent is the region.
  auto casa = db.regions({"--search", "الدار البيضاء"});
  REQUIRE(!casa.empty());
  CHECK(casa[0].at("code") == "MA-CAS");
  CHECK(casa[0].at("parent") == "MA-06");
  auto kenitra = db.regions({"--search", "Kénitra"});
  REQUIRE(!kenitra.empty());
  CHECK(kenitra[0].at("code") == "MA-KEN");
  CHECK(kenitra[0].at("parent") == "MA-04");
  auto buffalo = db.regions({"-s", "Buffalo"});
  REQUIRE(!buffalo.empty());
  CHECK(buffalo[0].at("code") == "US-NY");
}

TEST_CASE("a search that finds nothing prints an empty list and says so") {
  Db db;
  auto r = db.run({"regions", "--search", "Atlantis", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(nlohmann::json::parse(r.out).empty());
  CHECK(r.err.find("Atlantis") != std::string::npos);
  auto unknown = db.run({"regions", "--country", "XX"});
  CHECK(unknown.code == 1);
  CHECK(unknown.err.find("XX") != std::string::npos);
  CHECK(db.run({"regions", "--all", "--level", "1"}).code == 2);
}

TEST_CASE("alias add region, then the search finds it") {
  Db db;
  CHECK(db.regions({"--search", "Dar Beida Settat"}).empty());
  auto r = db.run({"alias", "add", "region", "ma-06", "Dar Beida Settat", "--lang", "fr"});
  CHECK(r.code == 0);
  CHECK(r.err.find("MA-06") != std::string::npos);
  auto rows = db.regions({"--search", "dar-beida settat"});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("code") == "MA-06");

  auto again = db.run({"alias", "add", "region", "MA-06", "DAR BEIDA SETTAT"});
  CHECK(again.code == 0);
  CHECK(again.err.find("already") != std::string::npos);

  auto bad = db.run({"alias", "add", "region", "MA-99", "Nowhere"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("MA-99") != std::string::npos);
  CHECK(db.run({"alias", "add", "region", "MA-06", "Casa", "--lang", "French"}).code == 1);
  CHECK(db.run({"alias", "add", "planet", "MA-06", "Casa"}).code == 2);
  CHECK(db.run({"alias", "add", "region", "MA-06"}).code == 2);
}

TEST_CASE("regions --sync restores built-in spellings and keeps the user's") {
  Db db;
  REQUIRE(db.run({"alias", "add", "region", "MA-06", "Dar Beida Settat"}).code == 0);
  {
    SQLite::Database raw(db.s.db(), SQLite::OPEN_READWRITE);
    raw.exec("DELETE FROM region_alias WHERE origin = 'curated' AND region_code = 'MA-06'");
  }
  CHECK(db.regions({"--search", "Grand Casablanca"}).empty());
  auto r = db.run({"regions", "--sync", "--search", "Grand Casablanca", "--format", "json"});
  CHECK(r.code == 0);
  auto rows = nlohmann::json::parse(r.out);
  REQUIRE(!rows.empty());
  CHECK(rows[0].at("code") == "MA-06");
  CHECK(r.err.find("added or corrected") != std::string::npos);
  CHECK(db.regions({"--search", "Dar Beida Settat"}).at(0).at("code") == "MA-06");
}
