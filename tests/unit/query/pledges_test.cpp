#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures/reports/seed.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/query/pledges.hpp"

using namespace pledgedb;
using namespace pledgedb::query;

namespace {
Date d(const char* s) { return Date::parse(s); }

std::vector<std::int64_t> ids(const std::vector<Pledge>& v) {
  std::vector<std::int64_t> out;
  for (const auto& p : v) out.push_back(p.id);
  return out;
}

// Three agreements: a car plant in Kenitra (province of Rabat-Salé-Kénitra), a data centre in
// Casablanca, a French one. Dates chosen so that at 2025-06-01 each status occurs once.
struct World {
  seed::TempDb t;
  std::int64_t plant_jobs, plant_money, dc_jobs, dc_money_usd, fr_jobs, later_jobs;
  World() {
    t.morocco();
    const auto s1 = t.source(std::string("2022-03-01"), std::string("https://news.example/plant"));
    const auto s2 = t.source(std::string("2023-05-10"), std::string("https://news.example/dc"));
    const auto s3 = t.source(std::string("2025-09-01"), std::string("https://news.example/late"));
    const auto atlas = t.party("Atlas Motors", std::string("أطلس موتورز"));
    const auto cloud = t.party("Nuage SA");
    const auto plant = t.agreement("Car plant", std::string("MA-KEN"), std::string("MA"), std::string("2022-03-01"), std::string("Industrial Acceleration"), s1);
    const auto dc = t.agreement("Data centre", std::string("MA-CAS"), std::string("MA"), std::string("2023-05-10"), std::string("Digital Morocco 2030"), s2);
    const auto fr = t.agreement("Lyon office", std::nullopt, std::string("FR"), std::string("2023-01-01"));
    const auto later = t.agreement("Announced later", std::string("MA-06"), std::string("MA"), std::nullopt, std::nullopt, s3);

    plant_jobs = t.commitment(plant, atlas, "jobs", 2000, "jobs", std::nullopt, std::string("2024-12-31"));
    t.claim(plant_jobs, s1, std::string("2022-03-01"), 2000, std::string("2024-12-31"));
    t.progress(plant_jobs, "2023-06-01", 600, s1);
    t.progress(plant_jobs, "2024-06-01", 900, s1);  // the stock: 900, not 1500
    plant_money = t.commitment(plant, atlas, "investment", 5e9, "MAD", std::nullopt, std::string("2030-12-31"));
    t.claim(plant_money, s1, std::string("2022-03-01"), 5e9, std::string("2030-12-31"));
    dc_jobs = t.commitment(dc, cloud, "jobs", 500, "jobs", std::string("2023-06-01"), std::string("2025-09-30"));
    t.claim(dc_jobs, s2, std::string("2023-05-10"), 500, std::string("2025-09-30"));
    t.progress(dc_jobs, "2025-05-01", 450);
    dc_money_usd = t.commitment(dc, cloud, "investment", 3e8, "USD", std::nullopt, std::string("2024-01-01"));
    t.claim(dc_money_usd, s2, std::string("2023-05-10"), 3e8, std::string("2024-01-01"));
    fr_jobs = t.commitment(fr, std::nullopt, "jobs", 50, "jobs", std::string("2023-01-01"), std::nullopt);
    later_jobs = t.commitment(later, atlas, "jobs", 100, "jobs", std::nullopt, std::string("2026-01-01"));
    t.claim(later_jobs, s3, std::string("2025-09-01"), 100, std::string("2026-01-01"));
  }
};
}  // namespace

TEST_CASE("pledges lists every pledge known at T with its status, by deadline then id") {
  World w;
  auto all = list_pledges(*w.t.db, {}, d("2025-06-01"));
  // later_jobs is only announced in September 2025.
  CHECK(ids(all) == std::vector<std::int64_t>{w.dc_money_usd, w.plant_jobs, w.dc_jobs, w.plant_money, w.fr_jobs});
  auto find = [&](std::int64_t id) { return *std::find_if(all.begin(), all.end(), [&](auto& p) { return p.id == id; }); };
  CHECK(find(w.plant_jobs).status.status == Status::overdue);
  CHECK(find(w.plant_jobs).status.latest_value == 900.0);
  CHECK(find(w.dc_money_usd).status.status == Status::overdue_no_data);
  CHECK(find(w.dc_jobs).status.status == Status::on_track);
  CHECK(find(w.plant_money).status.status == Status::no_data);
  CHECK(find(w.fr_jobs).status.status == Status::open);
  CHECK(find(w.plant_jobs).region == "Kénitra");
  // No start of its own: the clock starts at the signing (2022-03-01), so the pace is known.
  CHECK(find(w.plant_money).status.start == d("2022-03-01"));
  REQUIRE(find(w.plant_money).status.expected.has_value());
  CHECK(*find(w.plant_money).status.expected ==
        doctest::Approx(5e9 * 1188.0 / 3227.0));  // 2022-03-01 -> 2025-06-01 of 2022-03-01 -> 2030-12-31

  auto later = list_pledges(*w.t.db, {}, d("2025-09-01"));
  CHECK(later.size() == 6);
}

TEST_CASE("region filters take codes and aliases in any script and include sub-regions") {
  World w;
  PledgeFilter f;
  f.region = "Rabat-Salé-Kénitra";
  CHECK(ids(list_pledges(*w.t.db, f, d("2025-06-01"))) == std::vector<std::int64_t>{w.plant_jobs, w.plant_money});
  f.region = "الدار البيضاء";
  CHECK(ids(list_pledges(*w.t.db, f, d("2025-06-01"))) == std::vector<std::int64_t>{w.dc_money_usd, w.dc_jobs});
  f.region = "ma-06";
  CHECK(list_pledges(*w.t.db, f, d("2025-06-01")).size() == 2);
  f.region = "MA";  // the country: everything located in Morocco
  CHECK(list_pledges(*w.t.db, f, d("2025-06-01")).size() == 4);
  f.region = "Atlantis";
  CHECK_THROWS_AS(list_pledges(*w.t.db, f, d("2025-06-01")), NotFoundError);
}

TEST_CASE("party, metric, status, program, country and deadline filters") {
  World w;
  const auto T = d("2025-06-01");
  PledgeFilter f;
  f.party = "أطلس موتورز";
  CHECK(ids(list_pledges(*w.t.db, f, T)) == std::vector<std::int64_t>{w.plant_jobs, w.plant_money});
  f = {};
  f.party = "nobody";
  CHECK_THROWS_AS(list_pledges(*w.t.db, f, T), NotFoundError);
  f = {};
  f.metric = "investment";
  CHECK(list_pledges(*w.t.db, f, T).size() == 2);
  f.metric = "money";
  CHECK_THROWS_AS(list_pledges(*w.t.db, f, T), InputError);
  f = {};
  f.statuses = {"overdue", "overdue_no_data"};
  CHECK(ids(list_pledges(*w.t.db, f, T)) == std::vector<std::int64_t>{w.dc_money_usd, w.plant_jobs});
  f.statuses = {"late"};
  CHECK_THROWS_AS(list_pledges(*w.t.db, f, T), InputError);
  f = {};
  f.program = "digital morocco 2030";
  CHECK(list_pledges(*w.t.db, f, T).size() == 2);
  f = {};
  f.country = "FR";
  CHECK(ids(list_pledges(*w.t.db, f, T)) == std::vector<std::int64_t>{w.fr_jobs});
  f = {};
  f.due_before = d("2025-01-01");
  f.due_after = d("2024-01-01");
  CHECK(ids(list_pledges(*w.t.db, f, T)) == std::vector<std::int64_t>{w.plant_jobs});
}

TEST_CASE("sorting by any column, descending with '-', nulls last") {
  World w;
  PledgeFilter f;
  f.sort = "-percent";
  auto v = list_pledges(*w.t.db, f, d("2025-06-01"));
  CHECK(v[0].id == w.dc_jobs);    // 90%
  CHECK(v[1].id == w.plant_jobs);  // 45%
  CHECK_FALSE(v.back().status.percent.has_value());
  f.sort = "party";
  v = list_pledges(*w.t.db, f, d("2025-06-01"));
  CHECK(v[0].party == "Atlas Motors");
  CHECK(v.back().party.empty());
  f.sort = "colour";
  CHECK_THROWS_AS(list_pledges(*w.t.db, f, d("2025-06-01")), InputError);
}

TEST_CASE("overdue: most days overdue first - due: deadlines within the window") {
  World w;
  auto o = overdue_pledges(*w.t.db, d("2025-06-01"));
  REQUIRE(o.size() == 2);
  CHECK(o[0].id == w.dc_money_usd);  // 2024-01-01: 517 days
  CHECK(o[0].status.days_to_deadline == -517);
  CHECK(o[1].id == w.plant_jobs);
  CHECK(o[1].status.shortfall == 1100.0);
  CHECK(o[1].status.latest_source == "https://news.example/plant");
  CHECK(overdue_pledges(*w.t.db, d("2023-12-31")).empty());

  auto due = due_pledges(*w.t.db, d("2025-06-01"), 180);
  CHECK(ids(due) == std::vector<std::int64_t>{w.dc_jobs});
  CHECK(due_pledges(*w.t.db, d("2025-06-01"), 90).empty());  // 2025-09-30 is 121 days away
}

TEST_CASE("--limit: the first rows in deadline order, a pledge revised after T placed by its deadline at T") {
  World w;
  // Compiled deadline 2031 (from a claim of September 2025); at T the 2023 claim's 2024-06-01
  // is in force, so at T it is overdue and sorts between dc_money_usd and plant_jobs.
  const auto s_old = w.t.source(std::string("2023-02-01"), std::string("https://news.example/old"));
  const auto s_new = w.t.source(std::string("2025-09-01"), std::string("https://news.example/new"));
  const auto ag = w.t.agreement("Port extension", std::string("MA-06"), std::string("MA"), std::string("2023-02-01"),
                                std::nullopt, s_old);
  const auto revised = w.t.commitment(ag, std::nullopt, "jobs", 300, "jobs", std::nullopt, std::string("2031-01-01"));
  w.t.claim(revised, s_old, std::string("2023-02-01"), 300, std::string("2024-06-01"));
  w.t.claim(revised, s_new, std::string("2025-09-01"), 300, std::string("2031-01-01"));
  const Date T = d("2025-06-01");

  Truncation cut;
  PledgeFilter f;
  f.limit = 2;
  CHECK(ids(list_pledges(*w.t.db, f, T, {}, &cut)) == std::vector<std::int64_t>{w.dc_money_usd, revised});
  CHECK(cut.more);
  CHECK_FALSE(cut.total.has_value());  // reading stopped: the total is not known
  f.limit = 0;
  const auto all = list_pledges(*w.t.db, f, T, {}, &cut);
  CHECK(ids(all) == std::vector<std::int64_t>{w.dc_money_usd, revised, w.plant_jobs, w.dc_jobs, w.plant_money, w.fr_jobs});
  CHECK_FALSE(cut.more);
  // Every limit gives a prefix of the full listing (undated pledges last).
  const auto all_ids = ids(all);
  for (std::size_t n = 1; n <= all.size() + 1; ++n) {
    f.limit = n;
    const auto page = ids(list_pledges(*w.t.db, f, T, {}, &cut));
    CHECK(page == std::vector<std::int64_t>(all_ids.begin(), all_ids.begin() + static_cast<long>(std::min(n, all.size()))));
    CHECK(cut.more == (n < all.size()));
  }
  // Another sort reads every row, so the total is known.
  f.limit = 1;
  f.sort = "-target";
  CHECK(ids(list_pledges(*w.t.db, f, T, {}, &cut)) == std::vector<std::int64_t>{w.plant_money});
  CHECK(cut.more);
  CHECK(cut.total == all.size());

  PledgeFilter o;
  o.limit = 2;
  auto over = overdue_pledges(*w.t.db, T, o, &cut);
  CHECK(ids(over) == std::vector<std::int64_t>{w.dc_money_usd, revised});
  CHECK(over[1].status.days_to_deadline == -365);
  CHECK(cut.more);
  o.limit = 3;
  CHECK(ids(overdue_pledges(*w.t.db, T, o, &cut)) == std::vector<std::int64_t>{w.dc_money_usd, revised, w.plant_jobs});
  CHECK_FALSE(cut.more);
  CHECK(cut.total == 3u);
  o.limit = 1;
  CHECK(ids(due_pledges(*w.t.db, T, 180, o, &cut)) == std::vector<std::int64_t>{w.dc_jobs});
  CHECK_FALSE(cut.more);
}

TEST_CASE("region totals: latest per commitment, money per currency, first-level regions") {
  World w;
  auto rows = region_totals(*w.t.db, d("2025-06-01"));
  REQUIRE(rows.size() == 3);  // FR (no region), MA-04, MA-06
  CHECK(rows[0].country == "FR");
  CHECK(rows[0].region_code.empty());
  CHECK(rows[0].commitments == 1);
  const auto& rabat = rows[1];
  CHECK(rabat.region_code == "MA-04");
  CHECK(rabat.agreements == 1);
  CHECK(rabat.commitments == 2);
  CHECK(rabat.pledged_jobs == 2000);
  CHECK(rabat.achieved_jobs == 900);
  CHECK(rabat.investment.at("MAD") == 5e9);
  CHECK(rabat.overdue == 1);
  const auto& casa = rows[2];
  CHECK(casa.region_code == "MA-06");
  CHECK(casa.agreements == 1);  // the September agreement is not known yet
  CHECK(casa.investment.size() == 1);
  CHECK(casa.investment.at("USD") == 3e8);
  CHECK(region_totals(*w.t.db, d("2025-06-01"), "FR").size() == 1);
}
