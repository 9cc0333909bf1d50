#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/sha256.hpp"
#include "pledgedb/store/announcements.hpp"
#include "pledgedb/store/commitments.hpp"
#include "pledgedb/store/parties.hpp"
#include "pledgedb/store/regions.hpp"

namespace fs = std::filesystem;
using namespace pledgedb;

namespace {

struct TempDb {
  fs::path dir;
  store::Database db;
  TempDb() : dir(make_dir()), db(store::Database::open((dir / "t.db").string())) { store::sync_regions(db); }
  ~TempDb() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  static fs::path make_dir() {
    static std::mt19937_64 rng{std::random_device{}()};
    auto d = fs::temp_directory_path() / ("pledgedb-ingest-" + std::to_string(rng()));
    fs::create_directories(d);
    return d;
  }
  std::int64_t count(const std::string& table) {
    SQLite::Statement st(db.sql(), "SELECT count(*) FROM " + table);
    st.executeStep();
    return st.getColumn(0).getInt64();
  }
};

std::string fixture_path(const std::string& name) { return std::string(PLEDGEDB_FIXTURES) + "/ingest/" + name; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ingest::IngestResult ingest_fixture(store::Database& db, const std::string& name) {
  const std::string bytes = slurp(fixture_path(name));
  const Announcement a = announcement_from_json(bytes, name);
  return ingest::ingest_announcement(db, a, {name, "json", sha256_hex(bytes)});
}

const store::CommitmentRow& only_commitment(const store::AgreementView& v) {
  REQUIRE(v.commitments.size() == 1);
  return v.commitments.front();
}

}  // namespace

TEST_CASE("re-ingesting the same bytes changes nothing") {
  TempDb t;
  auto first = ingest_fixture(t.db, "atlas-casablanca-fr.json");
  CHECK_FALSE(first.unchanged);
  CHECK(first.new_agreements.size() == 1);
  const auto sources = t.count("source"), claims = t.count("commitment_claim"), aliases = t.count("party_alias");
  auto again = ingest_fixture(t.db, "atlas-casablanca-fr.json");
  CHECK(again.unchanged);
  CHECK(again.source_id == first.source_id);
  CHECK(t.count("source") == sources);
  CHECK(t.count("commitment_claim") == claims);
  CHECK(t.count("party_alias") == aliases);
}

TEST_CASE("an Arabic and a French article about one agreement become one agreement with two sources") {
  TempDb t;
  auto fr = ingest_fixture(t.db, "atlas-casablanca-fr.json");
  auto ar = ingest_fixture(t.db, "atlas-casablanca-ar.json");
  REQUIRE(fr.new_agreements.size() == 1);
  CHECK(ar.new_agreements.empty());
  REQUIRE(ar.merged_agreements == fr.new_agreements);
  const auto list = store::list_agreements(t.db);
  REQUIRE(list.size() == 1);
  CHECK(list[0].sources.size() == 2);
  CHECK(list[0].region_code == "MA-06");
  // The Arabic spelling and the acronym became aliases, not new parties.
  CHECK(t.count("party") == 2);
  const auto parties = store::list_parties(t.db);
  bool arabic_alias = false, acronym_alias = false;
  for (const auto& p : parties)
    for (const auto& al : p.aliases) {
      arabic_alias |= al == "أطلس داتا سيستمز" && p.name == "Atlas Data Systems";
      acronym_alias |= al == "AMDIE" && p.kind == "agency";
    }
  CHECK(arabic_alias);
  CHECK(acronym_alias);
  // One pledge, two claims.
  const auto& c = only_commitment(list[0]);
  CHECK(store::commitment_claims(t.db, c.id).size() == 2);
}

TEST_CASE("conflicting claims compile by precedence without losing specificity") {
  TempDb t;
  ingest_fixture(t.db, "atlas-casablanca-fr.json");  // more than 500 within four years (2029-07-22)
  ingest_fixture(t.db, "atlas-casablanca-ar.json");  // 500 by 2029, published a day later
  const auto list = store::list_agreements(t.db);
  const auto& c = only_commitment(list.at(0));
  CHECK(c.values.target == doctest::Approx(500));
  CHECK(c.values.comparator == Comparator::at_least);  // a bare 500 does not erase "more than"
  REQUIRE(c.values.deadline);
  CHECK(c.values.deadline->to_string() == "2029-07-22");  // the precise date beats the year horizon
  CHECK(c.values.deadline_kind == DeadlineKind::relative);
  const auto rev = store::commitment_revisions(t.db, c.id);
  CHECK_FALSE(rev.rescheduled);
  CHECK_FALSE(rev.downsized);
}

TEST_CASE("the same company's project elsewhere two years later stays a separate agreement") {
  TempDb t;
  ingest_fixture(t.db, "atlas-casablanca-fr.json");
  auto agadir = ingest_fixture(t.db, "atlas-agadir-en.json");
  CHECK(agadir.new_agreements.size() == 1);
  CHECK(agadir.merged_agreements.empty());
  CHECK(store::list_agreements(t.db).size() == 2);
  CHECK(t.count("party") == 2);  // Atlas is one party with two agreements
}

TEST_CASE("a later lower target and later deadline are revisions of the same pledge") {
  TempDb t;
  ingest_fixture(t.db, "atlas-casablanca-fr.json");
  auto rev_src = ingest_fixture(t.db, "atlas-revision-fr.json");
  REQUIRE(rev_src.merged_agreements.size() == 1);
  const auto list = store::list_agreements(t.db);
  const auto& c = only_commitment(list.at(0));
  CHECK(c.values.target == doctest::Approx(400));  // newest source wins
  CHECK(c.values.deadline->to_string() == "2030-12-31");
  const auto rev = store::commitment_revisions(t.db, c.id);
  CHECK(rev.downsized);
  CHECK(rev.rescheduled);
  CHECK_FALSE(rev.upsized);
}

TEST_CASE("progress links to the pledge it reports on - unmatched progress is reported, not stored") {
  TempDb t;
  ingest_fixture(t.db, "atlas-casablanca-fr.json");
  ingest_fixture(t.db, "atlas-agadir-en.json");  // signed after the observation: not a candidate
  auto r = ingest_fixture(t.db, "atlas-progress-en.json");
  CHECK(r.progress == 1);
  REQUIRE(r.unlinked.size() == 1);
  CHECK(r.unlinked[0].party == "ACME Robotics");
  const auto rows = store::list_progress(t.db);
  REQUIRE(rows.size() == 1);
  const auto c = store::get_commitment(t.db, rows[0].commitment_id);
  CHECK(c.values.target == doctest::Approx(500));
  CHECK(rows[0].as_of.to_string() == "2026-05-01");
  CHECK(rows[0].value == doctest::Approx(150));
  const auto ev = store::evidence_for(t.db, store::EvidenceFor::progress, rows[0].id);
  REQUIRE(ev.size() == 1);
  // Annotation-form evidence (words only) gets the offsets of the words in the stored text.
  const auto text = announcement_from_json(slurp(fixture_path("atlas-progress-en.json")), "p").text;
  REQUIRE(ev[0].start >= 0);
  CHECK(text.substr(ev[0].start, ev[0].end - ev[0].start) == ev[0].text);
}

TEST_CASE("a manual correction is a claim that wins, and the history stays") {
  TempDb t;
  ingest_fixture(t.db, "atlas-casablanca-fr.json");
  const auto id = only_commitment(store::list_agreements(t.db).at(0)).id;
  store::ManualChange change;
  change.target = 450;
  change.status = ManualStatus::suspended;
  change.note = "company statement";
  store::set_commitment(t.db, id, change, Date(2026, 1, 5));
  const auto c = store::get_commitment(t.db, id);
  CHECK(c.values.target == doctest::Approx(450));
  CHECK(c.values.manual_status == ManualStatus::suspended);
  CHECK(c.values.deadline->to_string() == "2029-07-22");  // not stated by hand: kept from the source
  CHECK(store::commitment_claims(t.db, id).size() == 2);
  CHECK(store::commitment_revisions(t.db, id).downsized);
  CHECK_THROWS_AS(store::set_commitment(t.db, 999, change, Date(2026, 1, 5)), NotFoundError);
}

TEST_CASE("a source that fails half-way leaves nothing behind") {
  TempDb t;
  Announcement a = announcement_from_json(slurp(fixture_path("atlas-casablanca-fr.json")), "x");
  a.agreements[0].commitments[0].target = -5;  // violates the CHECK on commitment_claim.target
  CHECK_THROWS(ingest::ingest_announcement(t.db, a, {"x", "json", sha256_hex("x")}));
  CHECK(t.count("source") == 0);
  CHECK(t.count("agreement") == 0);
  CHECK(t.count("party") == 0);
  CHECK(t.count("commitment") == 0);
}

TEST_CASE("a batch keeps going past a rejected file and --jobs does not change the result") {
  auto run = [](unsigned jobs) {
    TempDb t;
    ingest::IngestOptions o;
    o.jobs = jobs;
    std::vector<std::string> names;
    const auto sum = ingest::ingest_paths(t.db,
                                          {fixture_path("atlas-casablanca-fr.json"), fixture_path("broken.json"),
                                           fixture_path("atlas-casablanca-ar.json"), fixture_path("atlas-agadir-en.json")},
                                          o, [&](const ingest::FileOutcome& f) { names.push_back(f.name + (f.ok ? ":ok" : ":rejected")); });
    CHECK(sum.inputs == 4);
    CHECK(sum.rejected == 1);
    CHECK(sum.new_agreements == 2);
    CHECK(sum.merged == 1);
    REQUIRE(names.size() == 4);
    CHECK(names[1] == fixture_path("broken.json") + ":rejected");
    std::string shape;
    for (const auto& v : store::list_agreements(t.db)) {
      shape += std::to_string(v.id) + ":" + v.region_code + ":" + std::to_string(v.sources.size()) + ";";
    }
    return shape;
  };
  const auto one = run(1);
  CHECK(one == run(3));
}

TEST_CASE("a follow-up years later restating the pledge is a claim on the original commitment, its progress links to it") {
  TempDb t;
  auto fes = ingest_fixture(t.db, "kenzi-fes-signing-fr.json");      // 2022: 800 jobs by 2025
  auto tanger = ingest_fixture(t.db, "kenzi-tanger-signing-en.json");  // 2023, another region: 700 by 2024
  CHECK(tanger.new_agreements.size() == 1);
  auto follow = ingest_fixture(t.db, "kenzi-fes-followup-en.json");  // 2025: restates 800, reports 650
  CHECK(follow.new_agreements.empty());
  CHECK(follow.merged_agreements == fes.new_agreements);
  CHECK(follow.unlinked.empty());
  CHECK(follow.progress == 1);
  const auto list = store::list_agreements(t.db);
  REQUIRE(list.size() == 2);
  const auto& c = only_commitment(list.at(0));
  CHECK(store::commitment_claims(t.db, c.id).size() == 2);  // no duplicate commitment
  REQUIRE(c.values.start);
  CHECK(c.values.start->to_string() == "2022-03-09");  // a restatement does not restart the pledge
  // The Tangier pledge's deadline is closer to the observation, but the article restates the Fes one.
  const auto rows = store::list_progress(t.db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].commitment_id == c.id);
  CHECK(rows[0].value == doctest::Approx(650));
  CHECK_FALSE(store::commitment_revisions(t.db, c.id).rescheduled);
}

TEST_CASE("the same company's different pledge in the same region years later stays a separate agreement") {
  TempDb t;
  ingest_fixture(t.db, "kenzi-fes-signing-fr.json");
  auto second = ingest_fixture(t.db, "kenzi-fes-second-plant-en.json");  // 2026: 1,500 jobs by 2029
  CHECK(second.new_agreements.size() == 1);
  CHECK(second.merged_agreements.empty());
  CHECK(store::list_agreements(t.db).size() == 2);
}

TEST_CASE("two reports of one signing worded differently are not a rescheduling - a later one is") {
  TempDb t;
  ingest_fixture(t.db, "kenzi-fes-signing-fr.json");  // by the end of 2025, published 2022-03-10
  auto ar = ingest_fixture(t.db, "kenzi-fes-same-week-ar.json");  // within four years (2026-03-09), two days later
  REQUIRE(ar.merged_agreements.size() == 1);
  const auto id = only_commitment(store::list_agreements(t.db).at(0)).id;
  auto rev = store::commitment_revisions(t.db, id);
  CHECK_FALSE(rev.rescheduled);
  CHECK(rev.changes.empty());
  CHECK(store::get_commitment(t.db, id).values.deadline->to_string() == "2026-03-09");  // newest source
  // A later article restating the end-of-2025 horizon is a restatement, not a change either.
  ingest_fixture(t.db, "kenzi-fes-followup-en.json");
  CHECK_FALSE(store::commitment_revisions(t.db, id).rescheduled);
  // A manual deadline a year later is a rescheduling.
  store::ManualChange change;
  change.deadline = Date(2027, 6, 30);
  store::set_commitment(t.db, id, change, Date(2025, 9, 1));
  rev = store::commitment_revisions(t.db, id);
  CHECK(rev.rescheduled);
  REQUIRE(rev.changes.size() == 1);
  CHECK(rev.changes[0].to == "2027-06-30");
}

TEST_CASE("expand_paths walks folders depth first in sorted order, known extensions only") {
  TempDb t;
  const auto root = t.dir / "in";
  fs::create_directories(root / "b" / "c");
  fs::create_directories(root / "a");
  for (const auto& f : {"b/c/2.md", "b/1.txt", "a/z.json", "a/skip.pdf", "0.html"}) std::ofstream(root / f) << "x";
  const auto got = ingest::expand_paths({(root).string(), "missing.md"});
  const std::vector<std::string> want = {(root / "0.html").string(), (root / "a" / "z.json").string(),
                                         (root / "b" / "1.txt").string(), (root / "b" / "c" / "2.md").string(), "missing.md"};
  CHECK(got == want);
}
