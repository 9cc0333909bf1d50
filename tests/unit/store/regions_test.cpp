#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "pledgedb/error.hpp"
#include "pledgedb/store/regions.hpp"

namespace fs = std::filesystem;
using namespace pledgedb;

namespace {

struct RegionsDb {
  fs::path dir;
  store::Database db;
  RegionsDb() : dir(make_dir()), db(store::Database::open((dir / "regions.db").string())) {}
  ~RegionsDb() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  static fs::path make_dir() {
    static std::mt19937_64 rng{std::random_device{}()};
    auto d = fs::temp_directory_path() / ("pledgedb-regions-" + std::to_string(rng()));
    fs::create_directories(d);
    return d;
  }
  long long count(const char* sql) { return db.sql().execAndGet(sql).getInt64(); }
};

std::vector<std::string> codes(const std::vector<geo::Region>& regions) {
  std::vector<std::string> out;
  for (const auto& r : regions) out.push_back(r.code);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("sync_regions seeds every region and alias once, and keeps user aliases") {
  RegionsDb t;
  const auto regions = t.count("SELECT count(*) FROM region");
  const auto aliases = t.count("SELECT count(*) FROM region_alias");
  CHECK(regions == static_cast<long long>(geo::Gazetteer::builtin().regions().size()));
  CHECK(aliases > regions);
  CHECK(t.count("SELECT count(*) FROM region_alias WHERE origin = 'curated'") > 500);
  CHECK(t.count("SELECT count(*) FROM region WHERE name LIKE '%(EH%'") == 0);

  CHECK(store::add_region_alias(t.db, "ma-06", "Casa-Settat", "fr"));
  CHECK(store::sync_regions(t.db) == 0);  // nothing missing any more
  CHECK(t.count("SELECT count(*) FROM region") == regions);
  CHECK(t.count("SELECT count(*) FROM region_alias") == aliases + 1);
  CHECK(t.count("SELECT count(*) FROM region_alias WHERE origin = 'user' AND key = 'casa settat'") == 1);

  // A region renamed by hand is put back, a deleted alias restored.
  t.db.sql().exec("UPDATE region SET name = 'Guelmim-Oued Noun (EH-partial)' WHERE code = 'MA-10'");
  t.db.sql().exec("DELETE FROM region_alias WHERE region_code = 'MA-KEN' AND origin = 'curated'");
  CHECK(store::sync_regions(t.db) >= 2);
  CHECK(t.db.sql().execAndGet("SELECT name FROM region WHERE code = 'MA-10'").getString() == "Guelmim-Oued Noun");
  CHECK(t.count("SELECT count(*) FROM region_alias WHERE region_code = 'MA-KEN' AND origin = 'curated'") > 0);
}

TEST_CASE("sync_regions inside an open transaction uses a savepoint") {
  RegionsDb t;
  store::WriteTransaction tx(t.db);
  t.db.sql().exec("DELETE FROM region_alias WHERE region_code = 'MA-06'");
  CHECK(store::sync_regions(t.db) > 0);
  tx.commit();
  CHECK(t.count("SELECT count(*) FROM region_alias WHERE region_code = 'MA-06'") > 5);
}

TEST_CASE("list_regions by country and level") {
  RegionsDb t;
  store::RegionQuery q;
  q.country = "ma";
  q.level = 1;
  auto first = codes(store::list_regions(t.db, q));
  REQUIRE(first.size() == 12);
  CHECK(first.front() == "MA-01");
  CHECK(first.back() == "MA-12");
  auto all = store::list_regions(t.db, "MA", "");
  CHECK(all.size() == 1 + 12 + 75);
  CHECK(all.front().code == "MA");
  q.country.clear();
  q.level = 0;
  CHECK(store::list_regions(t.db, q).size() > 240);
}

TEST_CASE("list_regions search: any script, designators, former names, cities, substrings") {
  RegionsDb t;
  for (const char* s : {"جهة الدار البيضاء سطات", "Casablanca-Settat", "casablanca settat", "Grand Casablanca",
                        "MA-06", "ma-06", "الدار البيضاء - سطات", "région de Casablanca-Settat"}) {
    auto found = codes(store::list_regions(t.db, "", s));
    REQUIRE_MESSAGE(!found.empty(), s);
    CHECK_MESSAGE(found.front() == "MA-06", s);
  }
  auto casa = store::list_regions(t.db, "MA", "الدار البيضاء");
  REQUIRE(!casa.empty());
  CHECK(casa.front().code == "MA-CAS");
  CHECK(casa.front().parent == "MA-06");

  auto kenitra = store::list_regions(t.db, "", "Kénitra");
  REQUIRE(!kenitra.empty());
  CHECK(kenitra.front().code == "MA-KEN");
  CHECK(kenitra.front().parent == "MA-04");

  // Latin substring: every region whose name contains "settat".
  auto settat = codes(store::list_regions(t.db, "MA", "settat"));
  CHECK(has(settat, "MA-SET"));
  CHECK(has(settat, "MA-06"));
  CHECK(store::list_regions(t.db, "MA", "no such place anywhere").empty());
  // The country filter applies to searches too.
  CHECK(store::list_regions(t.db, "US", "Casablanca").empty());
}

TEST_CASE("resolve_region: code or alias to the code") {
  RegionsDb t;
  CHECK(store::resolve_region(t.db, "ma-06") == "MA-06");
  CHECK(store::resolve_region(t.db, "Grand Casablanca") == "MA-06");
  CHECK(store::resolve_region(t.db, "بالدار البيضاء") == "MA-CAS");
  CHECK(store::resolve_region(t.db, "Tanger Med") == "MA-FAH");
  CHECK(store::resolve_region(t.db, "Buffalo") == "US-NY");
  CHECK(store::resolve_region(t.db, "Salamanca") == "MX-GUA");  // curated city beats the ISO homonym
  CHECK(store::resolve_region(t.db, "Georgia") == "GE");        // the country over the US state
  CHECK_FALSE(store::resolve_region(t.db, "Atlantis").has_value());
  CHECK_FALSE(store::resolve_region(t.db, "  ").has_value());
}

TEST_CASE("region_descendants") {
  RegionsDb t;
  auto d = store::region_descendants(t.db, "MA-06");
  REQUIRE(!d.empty());
  CHECK(d.front() == "MA-06");
  CHECK(has(d, "MA-CAS"));
  CHECK(has(d, "MA-NOU"));  // iso-codes files it under MA-04; the gazetteer corrects it
  CHECK_FALSE(has(d, "MA-KEN"));
  CHECK(d.size() == 10);
  auto ma = store::region_descendants(t.db, "ma");
  CHECK(ma.size() == 1 + 12 + 75);
  CHECK(store::region_descendants(t.db, "MA-CAS") == std::vector<std::string>{"MA-CAS"});
  CHECK_THROWS_AS(store::region_descendants(t.db, "XX-99"), NotFoundError);
}

TEST_CASE("add_region_alias: user spellings are searchable, errors name the input") {
  RegionsDb t;
  CHECK(store::add_region_alias(t.db, "MA-CAS", "Casa la blanche", "fr"));
  CHECK_FALSE(store::add_region_alias(t.db, "MA-CAS", "casa  LA blanche", ""));  // same key
  CHECK(store::resolve_region(t.db, "Casa la Blanche") == "MA-CAS");
  auto found = store::list_regions(t.db, "", "CASA LA BLANCHE");
  REQUIRE(!found.empty());
  CHECK(found.front().code == "MA-CAS");
  // A user alias wins over the built-in readings.
  CHECK(store::add_region_alias(t.db, "ES-SA", "Salamanca", "es"));
  CHECK(store::resolve_region(t.db, "Salamanca") == "ES-SA");

  CHECK_THROWS_WITH_AS(store::add_region_alias(t.db, "XX-99", "Nowhere", "en"), doctest::Contains("XX-99"), NotFoundError);
  CHECK_THROWS_AS(store::add_region_alias(t.db, "MA-06", " - ", "en"), InputError);
  CHECK_THROWS_WITH_AS(store::add_region_alias(t.db, "MA-06", "Casa", "French"), doctest::Contains("French"), InputError);

  auto users = store::user_region_aliases(t.db);
  REQUIRE(users.size() == 2);
  auto casa = std::find_if(users.begin(), users.end(), [](const geo::Alias& a) { return a.region_code == "MA-CAS"; });
  REQUIRE(casa != users.end());
  CHECK(casa->text == "Casa la blanche");
  CHECK(casa->lang == "fr");
  CHECK_FALSE(casa->curated);
  auto gz = geo::Gazetteer::builtin().with_aliases(users);
  REQUIRE(!gz.lookup("casa la blanche").empty());
  CHECK(gz.lookup("casa la blanche").front()->code == "MA-CAS");
}
