#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "support/temp_dir.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/store/announcements.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/store/parties.hpp"
#include "pledgedb/store/sources.hpp"

namespace fs = std::filesystem;
using namespace pledgedb;
using store::ClaimRow;

namespace {

ClaimRow claim(std::int64_t id, std::optional<double> target, std::optional<Comparator> cmp, std::optional<Date> deadline,
               std::optional<DeadlineKind> kind, std::optional<Date> on, std::string origin = "extracted") {
  ClaimRow c;
  c.id = id;
  c.target = target;
  c.comparator = cmp;
  c.deadline = deadline;
  c.deadline_kind = kind;
  c.claimed_on = on;
  c.origin = std::move(origin);
  return c;
}

using test::TempDb;

}  // namespace

TEST_CASE("compile_claims: the newest source wins, a manual claim beats every source") {
  std::vector<ClaimRow> claims = {
      claim(1, 500, Comparator::exactly, Date(2029, 12, 31), DeadlineKind::horizon, Date(2025, 7, 22)),
      claim(2, 600, Comparator::exactly, std::nullopt, std::nullopt, Date(2026, 1, 1)),
  };
  auto v = store::compile_claims(claims);
  CHECK(v.target == doctest::Approx(600));
  CHECK(v.deadline->to_string() == "2029-12-31");  // the newer claim does not state one
  claims.push_back(claim(3, 550, std::nullopt, std::nullopt, std::nullopt, Date(2025, 1, 1), "manual"));
  claims.back().source_id.reset();
  v = store::compile_claims(claims);
  CHECK(v.target == doctest::Approx(550));
}

TEST_CASE("compile_claims: 'more than 500' survives a later bare 500 - 'within four years' survives 'by 2029'") {
  const std::vector<ClaimRow> claims = {
      claim(1, 500, Comparator::at_least, Date(2029, 7, 22), DeadlineKind::relative, Date(2025, 7, 22)),
      claim(2, 500, Comparator::exactly, Date(2029, 12, 31), DeadlineKind::horizon, Date(2025, 8, 1)),
  };
  const auto v = store::compile_claims(claims);
  CHECK(v.comparator == Comparator::at_least);
  CHECK(v.deadline->to_string() == "2029-07-22");
  CHECK(v.deadline_kind == DeadlineKind::relative);
  // A different later number is not "the same value": its comparator stands.
  const auto w = store::compile_claims({claims[0], claim(3, 450, Comparator::exactly, std::nullopt, std::nullopt, Date(2026, 1, 1))});
  CHECK(w.comparator == Comparator::exactly);
  CHECK(w.target == doctest::Approx(450));
}

TEST_CASE("revisions_from_claims flags later deadlines and changed targets in date order") {
  const auto r = store::revisions_from_claims({
      claim(3, 1200, std::nullopt, Date(2031, 12, 31), DeadlineKind::horizon, Date(2027, 1, 1)),
      claim(1, 1000, std::nullopt, Date(2028, 12, 31), DeadlineKind::horizon, Date(2024, 1, 1)),
      claim(2, 800, std::nullopt, std::nullopt, std::nullopt, Date(2025, 1, 1)),
  });
  CHECK(r.downsized);
  CHECK(r.upsized);
  CHECK(r.rescheduled);
  REQUIRE(r.changes.size() == 3);
  CHECK(r.changes[0].flag == "downsized");
  CHECK(r.changes[0].from == "1000");
  CHECK(r.changes[0].to == "800");
  // Restating the year as a precise date is not a rescheduling.
  const auto same = store::revisions_from_claims({
      claim(1, 500, std::nullopt, Date(2029, 12, 31), DeadlineKind::horizon, Date(2025, 1, 1)),
      claim(2, 500, std::nullopt, Date(2029, 7, 22), DeadlineKind::relative, Date(2025, 2, 1)),
  });
  CHECK_FALSE(same.rescheduled);
  CHECK(same.changes.empty());
}

TEST_CASE("revisions_from_claims: same-week wordings are not revisions, restatements never revise") {
  // "within four years" and "by 2029" reported the same week: differing wordings.
  const auto week = store::revisions_from_claims({
      claim(1, 500, std::nullopt, Date(2029, 7, 22), DeadlineKind::relative, Date(2025, 7, 22)),
      claim(2, 500, std::nullopt, Date(2029, 12, 31), DeadlineKind::horizon, Date(2025, 7, 23)),
      claim(3, 520, std::nullopt, Date(2030, 3, 31), DeadlineKind::absolute, Date(2025, 7, 25)),
  });
  CHECK_FALSE(week.rescheduled);
  CHECK_FALSE(week.upsized);
  CHECK(week.changes.empty());
  // Downsized a year later; a still later article recalling the original 1000 is not an upsizing.
  const auto recall = store::revisions_from_claims({
      claim(1, 1000, std::nullopt, Date(2028, 12, 31), DeadlineKind::horizon, Date(2024, 1, 1)),
      claim(2, 800, std::nullopt, Date(2030, 6, 30), DeadlineKind::absolute, Date(2025, 1, 10)),
      claim(3, 1000, std::nullopt, Date(2028, 12, 31), DeadlineKind::horizon, Date(2026, 1, 1)),
  });
  CHECK(recall.downsized);
  CHECK(recall.rescheduled);
  CHECK_FALSE(recall.upsized);
  REQUIRE(recall.changes.size() == 2);
  CHECK(recall.changes[0].claim_id == 2);
  CHECK(recall.changes[1].claim_id == 2);
  // 31 days after the first claim of the old value is later: a revision.
  const auto month = store::revisions_from_claims({
      claim(1, 500, std::nullopt, std::nullopt, std::nullopt, Date(2025, 1, 1)),
      claim(2, 400, std::nullopt, std::nullopt, std::nullopt, Date(2025, 2, 1)),
  });
  CHECK(month.downsized);
  // Without dates nothing shows that a claim is later.
  const auto undated = store::revisions_from_claims({
      claim(1, 500, std::nullopt, std::nullopt, std::nullopt, std::nullopt),
      claim(2, 400, std::nullopt, std::nullopt, std::nullopt, std::nullopt),
  });
  CHECK_FALSE(undated.downsized);
}

TEST_CASE("fts_query quotes every word so user input is never FTS syntax") {
  CHECK(store::fts_query("Renault Tanger") == "\"Renault\" \"Tanger\"");
  CHECK(store::fts_query("jobs\" OR (NEAR* ^x:") == "\"jobs\" \"OR\" \"NEAR\" \"x\"");
  CHECK(store::fts_query("  ,;  ") == "");
  CHECK(store::fts_query("الدار البيضاء") == "\"الدار\" \"البيضاء\"");
}

TEST_CASE("search finds sources by words with their agreements") {
  TempDb t;
  store::NewSource s;
  s.sha256 = std::string(64, 'a');
  s.url = "https://example.org/a";
  s.format = "txt";
  s.text = "The plant in Kenitra will employ 2,000 people by 2027.";
  const auto id = store::insert_source(t.db, s);
  Agreement a;
  a.title = "plant";
  const auto ag = store::insert_agreement(t.db, a, "");
  store::link_agreement_source(t.db, ag, id);
  const auto hits = store::search_sources(t.db, "kenitra EMPLOY");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].url == "https://example.org/a");
  CHECK(hits[0].agreements == std::vector<std::int64_t>{ag});
  CHECK(store::search_sources(t.db, "\"unbalanced (").empty());
  CHECK(store::find_source_by_sha256(t.db, std::string(64, 'a')) == id);
  CHECK_THROWS_AS(store::get_agreement(t.db, 42), NotFoundError);
}

TEST_CASE("agreements_of_party without investors follows parties joining and leaving") {
  TempDb t;
  auto& db = t.db;
  const auto ministry = store::insert_party(db, "Ministry of Industry", PartyKind::ministry, "MA");
  const auto agency = store::insert_party(db, "Investment Agency", PartyKind::agency, "MA");
  const auto company = store::insert_party(db, "Atlas Motors", PartyKind::company, "MA");
  const auto ids = [&](std::int64_t party) {
    std::vector<std::int64_t> out;
    for (const auto& s : store::agreements_of_party(db, party, store::AgreementsOf::without_investors)) out.push_back(s.id);
    return out;
  };
  Agreement a;
  a.title = "convention";
  const auto first = store::insert_agreement(db, a, "");
  const auto second = store::insert_agreement(db, a, "");
  const auto third = store::insert_agreement(db, a, "");
  store::add_agreement_party(db, first, ministry, Role::signatory, "", "");
  store::add_agreement_party(db, first, ministry, Role::government, "", "");  // two roles: listed once
  store::add_agreement_party(db, second, ministry, Role::signatory, "", "");
  store::add_agreement_party(db, second, agency, Role::agency, "", "");
  store::add_agreement_party(db, third, company, Role::investor, "", "");
  store::add_agreement_party(db, third, ministry, Role::signatory, "", "");
  CHECK(ids(ministry) == std::vector<std::int64_t>{first, second});
  CHECK(ids(agency) == std::vector<std::int64_t>{second});
  CHECK(ids(company).empty());

  // An investor joins the second agreement: neither of its parties lists it any more.
  store::add_agreement_party(db, second, company, Role::investor, "", "");
  CHECK(ids(ministry) == std::vector<std::int64_t>{first});
  CHECK(ids(agency).empty());

  // The investor merged into the agency (a duplicate party): the agency is now the investor.
  store::merge_parties(db, agency, company);
  CHECK(ids(agency).empty());
  CHECK(ids(ministry) == std::vector<std::int64_t>{first});
  CHECK(store::agreements_of_party(db, agency, store::AgreementsOf::as_investor).size() == 2);
}
