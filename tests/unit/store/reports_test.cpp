#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures/reports/seed.hpp"
#include "pledgedb/store/reports.hpp"

using namespace pledgedb;
using namespace pledgedb::store;

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("regions resolve by code, by alias in Arabic and French, and include their sub-regions") {
  seed::TempDb t;
  t.morocco();
  auto& db = *t.db;
  CHECK(find_region_codes(db, "ma-06") == std::vector<std::string>{"MA-06"});
  CHECK(has(find_region_codes(db, "الدار البيضاء"), "MA-CAS"));
  CHECK(has(find_region_codes(db, "rabat sale kenitra"), "MA-04"));  // folded: accents, case, hyphens
  CHECK(find_region_codes(db, "Atlantis").empty());
  auto sub = region_subtree(db, {"MA-04"});
  CHECK(has(sub, "MA-04"));
  CHECK(has(sub, "MA-KEN"));
  CHECK_FALSE(has(sub, "MA-CAS"));
}

TEST_CASE("commitments come with observations up to T, claims dated by their source, milestones") {
  seed::TempDb t;
  t.morocco();
  const auto s1 = t.source(std::string("2023-03-01"), std::string("https://news.example/a"));
  const auto s2 = t.source(std::string("2025-02-01"), std::string("https://news.example/b"));
  const auto party = t.party("Atlas Motors");
  const auto a = t.agreement("Plant in Kenitra", std::string("MA-KEN"), std::string("MA"), std::string("2023-02-20"), std::nullopt, s1);
  const auto c = t.commitment(a, party, "jobs", 2000, "jobs", std::nullopt, std::string("2026-12-31"));
  t.claim(c, s1, std::nullopt, 2000, std::string("2026-12-31"));  // claimed_on unknown: the source's date
  t.progress(c, "2024-01-01", 300, s1);
  t.progress(c, "2025-01-01", 700, s2);
  t.progress(c, "2026-01-01", 1500);
  t.milestone(c, "2025-06-30", 1000);

  CommitmentFilter f;
  auto rows = fetch_commitments(*t.db, f, Date::parse("2025-06-01"));
  REQUIRE(rows.size() == 1);
  const auto& r = rows[0];
  CHECK(r.party == "Atlas Motors");
  CHECK(r.region_code == "MA-KEN");
  CHECK(r.country == "MA");
  CHECK(r.signed_on == Date::parse("2023-02-20"));
  CHECK_FALSE(r.first_source.has_value());  // only read when neither start nor signing date is known
  REQUIRE(r.observations.size() == 2);
  CHECK(r.observations[1].value == 700);
  CHECK(r.observations[1].source_url == "https://news.example/b");
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].claimed_on == Date::parse("2023-03-01"));
  REQUIRE(r.milestones.size() == 1);
  CHECK(r.milestones[0].target == 1000);

  const auto unsigned_agreement = t.agreement("Undated", std::string("MA-06"), std::string("MA"), std::nullopt, std::nullopt, s2);
  t.commitment(unsigned_agreement, party, "jobs", 10, "jobs", std::nullopt, std::nullopt);
  rows = fetch_commitments(*t.db, f, Date::parse("2025-06-01"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].first_source == Date::parse("2025-02-01"));

  f.region_codes = region_subtree(*t.db, {"MA-04"});
  CHECK(fetch_commitments(*t.db, f, Date::parse("2025-06-01")).size() == 1);
  f.region_codes = region_subtree(*t.db, {"MA-06"});
  rows = fetch_commitments(*t.db, f, Date::parse("2025-06-01"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].title == "Undated");
}

TEST_CASE("deadline bounds read by index, plus pledges revised after T") {
  seed::TempDb t;
  t.morocco();
  const auto early = t.source(std::string("2022-01-01"), std::nullopt);
  const auto late = t.source(std::string("2026-01-01"), std::nullopt);
  const auto a = t.agreement("x", std::string("MA-06"), std::string("MA"), std::nullopt);
  const auto past = t.commitment(a, std::nullopt, "jobs", 10, "jobs", std::nullopt, std::string("2024-01-01"));
  const auto moved = t.commitment(a, std::nullopt, "jobs", 10, "jobs", std::nullopt, std::string("2028-01-01"));
  t.commitment(a, std::nullopt, "jobs", 10, "jobs", std::nullopt, std::string("2029-01-01"));
  t.claim(moved, early, std::string("2022-01-01"), 10, std::string("2024-06-01"));
  t.claim(moved, late, std::string("2026-01-01"), 10, std::string("2028-01-01"));

  CommitmentFilter f;
  f.deadline_below = Date::parse("2025-01-01");
  auto rows = fetch_commitments(*t.db, f, Date::parse("2025-01-01"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == past);
  f.revised_after = Date::parse("2025-01-01");
  rows = fetch_commitments(*t.db, f, Date::parse("2025-01-01"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].id == moved);
}

TEST_CASE("parties match on any alias, folded - agreements known at T") {
  seed::TempDb t;
  t.morocco();
  const auto p = t.party("Société Atlas", std::string("شركة أطلس"));
  CHECK(find_party_ids(*t.db, "SOCIETE ATLAS") == std::vector<std::int64_t>{p});
  CHECK(find_party_ids(*t.db, "شركة اطلس") == std::vector<std::int64_t>{p});  // hamza folded
  CHECK(find_party_ids(*t.db, "Nobody").empty());

  const auto s = t.source(std::string("2025-05-05"), std::nullopt);
  t.agreement("later", std::string("MA-06"), std::string("MA"), std::nullopt, std::nullopt, s);
  t.agreement("manual, no source", std::nullopt, std::string("MA"), std::nullopt);
  CHECK(agreements_known_at(*t.db, Date::parse("2025-05-04")).size() == 1);
  CHECK(agreements_known_at(*t.db, Date::parse("2025-05-05")).size() == 2);
}

TEST_CASE("the SQL views give the latest observation and the status as of today") {
  seed::TempDb t;
  t.morocco();
  const auto a = t.agreement("views", std::string("MA-06"), std::string("MA"), std::string("2000-01-01"));
  // Dates far from today so that the test does not depend on the day it runs.
  const auto late = t.commitment(a, std::nullopt, "jobs", 100, "jobs", std::nullopt, std::string("2001-01-01"));
  t.progress(late, "2000-06-01", 30);
  t.progress(late, "2000-09-01", 60);
  t.progress(late, "2999-01-01", 500);  // in the future: does not count
  const auto silent = t.commitment(a, std::nullopt, "jobs", 100, "jobs", std::nullopt, std::string("2001-01-01"));
  const auto met = t.commitment(a, std::nullopt, "jobs", 100, "jobs", std::nullopt, std::string("2001-01-01"));
  t.progress(met, "2002-01-01", 100);
  const auto slow = t.commitment(a, std::nullopt, "jobs", 1000, "jobs", std::string("2000-01-01"), std::string("2999-12-31"));
  t.progress(slow, "2001-01-01", 1);
  const auto open = t.commitment(a, std::nullopt, "jobs", 1000, "jobs", std::nullopt, std::nullopt);
  const auto stopped = t.commitment(a, std::nullopt, "jobs", 10, "jobs", std::nullopt, std::string("2001-01-01"), std::string("cancelled"));

  auto status = [&](std::int64_t id) {
    SQLite::Statement st(t.sql(), "SELECT status FROM v_commitment_status WHERE commitment_id = ?");
    st.bind(1, id);
    REQUIRE(st.executeStep());
    return st.getColumn(0).getString();
  };
  CHECK(status(late) == "overdue");
  CHECK(status(silent) == "overdue_no_data");
  CHECK(status(met) == "met");
  CHECK(status(slow) == "behind");
  CHECK(status(open) == "open");
  CHECK(status(stopped) == "cancelled");

  SQLite::Statement latest(t.sql(), "SELECT value, as_of FROM v_commitment_latest WHERE commitment_id = ?");
  latest.bind(1, late);
  REQUIRE(latest.executeStep());
  CHECK(latest.getColumn(0).getDouble() == 60);  // the latest up to today, not the sum nor the future
  CHECK(latest.getColumn(1).getString() == "2000-09-01");
  SQLite::Statement met_late(t.sql(), "SELECT met_late, percent, shortfall FROM v_commitment_status WHERE commitment_id = ?");
  met_late.bind(1, met);
  REQUIRE(met_late.executeStep());
  CHECK(met_late.getColumn(0).getInt() == 1);
  CHECK(met_late.getColumn(1).getDouble() == 100.0);
  CHECK(met_late.getColumn(2).getDouble() == 0.0);
}
