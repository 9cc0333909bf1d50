#include <doctest/doctest.h>

#include <algorithm>
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

namespace {
using test::TempDb;
}  // namespace

TEST_CASE("aliases are matched by their folded key") {
  TempDb t;
  const auto id = store::insert_party(t.db, "Société Générale", PartyKind::company, "FR");
  CHECK(store::add_party_alias(t.db, id, "Société Générale", "extracted"));
  CHECK_FALSE(store::add_party_alias(t.db, id, "SOCIETE-GENERALE", "user"));  // same key
  CHECK(store::parties_with_alias_key(t.db, "societe generale") == std::vector<std::int64_t>{id});
  CHECK_THROWS_AS(store::add_party_alias(t.db, id, " - ", "user"), InputError);
}

TEST_CASE("merging parties moves roles, commitments and aliases") {
  TempDb t;
  const auto keep = store::insert_party(t.db, "Renault", PartyKind::company, "FR");
  const auto other = store::insert_party(t.db, "رونو", PartyKind::other, "");
  store::add_party_alias(t.db, keep, "Renault", "extracted");
  store::add_party_alias(t.db, other, "رونو", "extracted");
  Agreement a;
  const auto a1 = store::insert_agreement(t.db, a, "");
  const auto a2 = store::insert_agreement(t.db, a, "");
  store::add_agreement_party(t.db, a1, keep, Role::investor, "", "");
  store::add_agreement_party(t.db, a1, other, Role::investor, "", "");  // same role twice collapses
  store::add_agreement_party(t.db, a2, other, Role::investor, "", "");
  const auto c = store::insert_commitment(t.db, a2, other, Metric::jobs);

  store::merge_parties(t.db, keep, other);
  const auto p = store::get_party(t.db, keep);
  CHECK(p.agreements == 2);
  CHECK(std::find(p.aliases.begin(), p.aliases.end(), "رونو") != p.aliases.end());
  CHECK(store::get_commitment(t.db, c).party_id == keep);
  CHECK_THROWS_AS(store::get_party(t.db, other), NotFoundError);
  CHECK(store::list_parties(t.db).size() == 1);
  CHECK_THROWS_AS(store::merge_parties(t.db, keep, 999), NotFoundError);
  CHECK_THROWS_AS(store::merge_parties(t.db, keep, keep), InputError);
}

TEST_CASE("waiting progress statements follow a merged party and are found by its alias keys") {
  TempDb t;
  const auto keep = store::insert_party(t.db, "Renault", PartyKind::company, "FR");
  const auto other = store::insert_party(t.db, "Renault Maroc", PartyKind::company, "MA");
  store::add_party_alias(t.db, keep, "Renault", "extracted");
  store::add_party_alias(t.db, other, "Renault Maroc", "extracted");
  store::NewSource src;
  src.sha256 = std::string(64, 'a');
  src.format = "md";
  src.text = "Renault Maroc employs 900 people.";
  const auto source = store::insert_source(t.db, src);
  store::PendingProgressRow row;
  row.source_id = source;
  row.party_id = other;
  row.party = "Renault Maroc";
  row.metric = Metric::jobs;
  row.as_of = Date(2024, 1, 31);
  row.value = 900;
  row.evidence.push_back({"employs 900 people", 14, 32});
  store::insert_pending_progress(t.db, row);
  CHECK(store::pending_progress_for(t.db, keep, Metric::jobs).empty());
  store::merge_parties(t.db, keep, other);
  const auto found = store::pending_progress_for(t.db, keep, Metric::jobs);
  REQUIRE(found.size() == 1);
  CHECK(found[0].party_id == keep);
  REQUIRE(found[0].evidence.size() == 1);
  CHECK(found[0].evidence[0].start == 14);
  CHECK(store::pending_progress_for(t.db, keep, Metric::investment).empty());
  // A statement whose party was unknown is found through the written name, now an alias.
  row.party_id.reset();
  row.party = "RENAULT MAROC";
  row.evidence.clear();
  store::insert_pending_progress(t.db, row);
  CHECK(store::pending_progress_for(t.db, keep, Metric::jobs).size() == 2);
}
