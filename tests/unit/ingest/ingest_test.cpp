#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <filesystem>
#include <map>
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

// An article written here (not a fixture file): one investor's project with pledges.
Announcement article(const std::string& url, std::optional<Date> published, const std::string& investor,
                     const std::string& region_code, std::vector<Commitment> pledges, std::optional<Date> signed_on = {}) {
  Announcement a;
  a.url = url;
  a.language = "en";
  a.published = published;
  a.text = "Article at " + url + " about " + investor + ".";
  Agreement ag;
  ag.signed_on = signed_on;
  ag.region_code = region_code;
  ag.country = region_code.substr(0, 2);
  PartyRef p;
  p.name = investor;
  p.kind = PartyKind::company;
  p.role = Role::investor;
  ag.parties.push_back(p);
  for (auto& c : pledges) c.party = investor;
  ag.commitments = std::move(pledges);
  a.agreements.push_back(std::move(ag));
  return a;
}

Commitment pledge(Metric metric, double target, const std::string& unit = "jobs") {
  Commitment c;
  c.metric = metric;
  c.target = target;
  c.unit = unit;
  return c;
}

ingest::IngestResult store_article(store::Database& db, const Announcement& a) {
  return ingest::ingest_announcement(db, a, {a.url, "json", sha256_hex(a.url + a.text)});
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

TEST_CASE("an undated article about the investor's only project of that kind in the region joins it") {
  TempDb t;
  auto plant = store_article(t.db, article("https://example.org/plant", Date(2012, 2, 9), "Carmaker Tanja", "MA-01",
                                           {pledge(Metric::jobs, 6000)}, Date(2012, 2, 9)));
  // Years later, no date anywhere, other figures (the staff now employed).
  auto profile = store_article(t.db, article("https://example.org/profile", std::nullopt, "Carmaker Tanja", "MA-01",
                                             {pledge(Metric::jobs, 1000)}));
  CHECK(profile.new_agreements.empty());
  CHECK(profile.merged_agreements == plant.new_agreements);
}

TEST_CASE("an undated article stays apart when the investor has two projects of that kind in the region") {
  TempDb t;
  store_article(t.db, article("https://example.org/p1", Date(2012, 2, 9), "Carmaker Tanja", "MA-01", {pledge(Metric::jobs, 6000)},
                              Date(2012, 2, 9)));
  store_article(t.db, article("https://example.org/p2", Date(2016, 5, 3), "Carmaker Tanja", "MA-01", {pledge(Metric::jobs, 2500)},
                              Date(2016, 5, 3)));
  CHECK(store::list_agreements(t.db).size() == 2);  // two signings four years apart: two projects
  auto profile = store_article(t.db, article("https://example.org/profile", std::nullopt, "Carmaker Tanja", "MA-01",
                                             {pledge(Metric::jobs, 1000)}));
  CHECK(profile.new_agreements.size() == 1);  // nothing says which one
  CHECK(profile.merged_agreements.empty());
}

TEST_CASE("an undated article goes to the project in its own region, never the other region's") {
  TempDb t;
  auto north = store_article(t.db, article("https://example.org/north", Date(2019, 3, 1), "Voltcell", "MA-01",
                                           {pledge(Metric::jobs, 900)}, Date(2019, 3, 1)));
  auto south = store_article(t.db, article("https://example.org/south", Date(2021, 9, 1), "Voltcell", "MA-09",
                                           {pledge(Metric::jobs, 700)}, Date(2021, 9, 1)));
  CHECK(south.new_agreements.size() == 1);
  auto update = store_article(t.db, article("https://example.org/update", std::nullopt, "Voltcell", "MA-09",
                                            {pledge(Metric::jobs, 300)}));
  CHECK(update.merged_agreements == south.new_agreements);
  CHECK(update.merged_agreements != north.new_agreements);
}

TEST_CASE("two companies in the same region the same day stay two agreements") {
  TempDb t;
  auto a = store_article(t.db, article("https://example.org/a", Date(2024, 6, 4), "Voltcell", "MA-06",
                                       {pledge(Metric::investment, 1e9, "MAD")}, Date(2024, 6, 4)));
  auto b = store_article(t.db, article("https://example.org/b", Date(2024, 6, 4), "Sunmill Foods", "MA-06",
                                       {pledge(Metric::investment, 1e9, "MAD")}, Date(2024, 6, 4)));
  CHECK(b.new_agreements.size() == 1);
  CHECK(b.merged_agreements.empty());
  // An undated article of the second company does not go to the first one's project either.
  auto c = store_article(t.db, article("https://example.org/c", std::nullopt, "Sunmill Foods", "MA-06",
                                       {pledge(Metric::investment, 3e9, "MAD")}));
  CHECK(c.merged_agreements == b.new_agreements);
  CHECK(store::list_agreements(t.db).size() == 2);
}

TEST_CASE("one amount reported in local currency and in dollars is one pledge of one agreement") {
  TempDb t;
  auto local = store_article(t.db, article("https://example.org/ksh", Date(2025, 4, 23), "Rift Steelworks", "KE-22",
                                           {pledge(Metric::investment, 19.4e9, "KES")}, Date(2025, 4, 23)));
  auto dollars = store_article(t.db, article("https://example.org/usd", Date(2025, 4, 25), "Rift Steelworks", "KE-22",
                                             {pledge(Metric::investment, 150e6, "USD")}));
  CHECK(dollars.merged_agreements == local.new_agreements);
  const auto list = store::list_agreements(t.db);
  REQUIRE(list.size() == 1);
  const auto& c = only_commitment(list[0]);  // a claim on the same commitment, not a second one
  CHECK(store::commitment_claims(t.db, c.id).size() == 2);
  // The same digits in another currency two years later are another project.
  auto later = store_article(t.db, article("https://example.org/later", Date(2027, 4, 23), "Rift Steelworks", "KE-22",
                                           {pledge(Metric::investment, 19.4e9, "USD")}, Date(2027, 4, 23)));
  CHECK(later.new_agreements.size() == 1);
}

namespace {

Announcement progress_report(const std::string& url, Date published, const std::string& party, Metric metric, double value,
                             const std::string& words) {
  Announcement a;
  a.url = url;
  a.language = "en";
  a.published = published;
  a.text = "Update at " + url + ": " + words + ".";
  ProgressStatement p;
  p.party = party;
  p.metric = metric;
  p.as_of = published;
  p.value = value;
  p.unit = "jobs";
  p.evidence.push_back({words, -1, -1});
  a.progress.push_back(p);
  return a;
}

// What a user sees in `agreements --format json` and `progress list`, without the row ids (which
// follow the input order): each agreement by its sources, its parties and compiled pledges, and
// each observation by its source, value and the agreement it is linked to.
std::string snapshot(store::Database& db) {
  std::vector<std::string> agreements, progress;
  std::map<std::int64_t, std::string> key_of_commitment;
  for (const auto& v : store::list_agreements(db)) {
    std::vector<std::string> urls, parties, pledges;
    for (const auto& s : v.sources) urls.push_back(s.url);
    for (const auto& p : v.parties) parties.push_back(p.name + "/" + p.role);
    std::sort(urls.begin(), urls.end());
    std::sort(parties.begin(), parties.end());
    std::string key;
    for (const auto& u : urls) key += u + " ";
    for (const auto& c : v.commitments) {
      const std::string pledge = std::string(to_string(c.metric)) + ":" + (c.values.target ? std::to_string(*c.values.target) : "-") +
                                 ":" + c.values.unit + ":" + std::to_string(store::commitment_claims(db, c.id).size());
      pledges.push_back(pledge);
      key_of_commitment[c.id] = key + "| " + pledge;
    }
    std::sort(pledges.begin(), pledges.end());
    std::string line = key + "|" + v.region_code + "|" + (v.signed_on ? v.signed_on->to_string() : "-") + "|";
    for (const auto& p : parties) line += p + ",";
    line += "|";
    for (const auto& p : pledges) line += p + ",";
    agreements.push_back(line);
  }
  for (const auto& p : store::list_progress(db)) {
    std::string ev;
    for (const auto& e : store::evidence_for(db, store::EvidenceFor::progress, p.id)) ev += e.text + "@" + std::to_string(e.start);
    progress.push_back(p.source_url + " " + p.as_of.to_string() + " " + std::to_string(p.value) + " -> " +
                       key_of_commitment[p.commitment_id] + " [" + ev + "]");
  }
  std::sort(agreements.begin(), agreements.end());
  std::sort(progress.begin(), progress.end());
  std::string out = "agreements:\n";
  for (const auto& a : agreements) out += a + "\n";
  out += "progress:\n";
  for (const auto& p : progress) out += p + "\n";
  out += "waiting: " + std::to_string(store::list_pending_progress(db).size()) + "\n";
  return out;
}

}  // namespace

TEST_CASE("progress read before its pledge is linked when the pledge arrives: any input order, same database") {
  const std::vector<Announcement> inputs = {
      article("https://example.org/kestrel-signing", Date(2022, 3, 1), "Kestrel Motors", "MA-01",
              {pledge(Metric::jobs, 2000)}, Date(2022, 3, 1)),
      progress_report("https://example.org/kestrel-2024", Date(2024, 5, 2), "Kestrel Motors", Metric::jobs, 800,
                      "Kestrel Motors now employs 800 people"),
      article("https://example.org/nadir-signing", Date(2023, 6, 10), "Nadir Textiles", "MA-06", {pledge(Metric::jobs, 500)},
              Date(2023, 6, 10)),
      progress_report("https://example.org/nadir-2025", Date(2025, 1, 15), "Nadir Textiles", Metric::jobs, 300,
                      "Nadir Textiles has hired 300 workers"),
      // Before the pledge was signed: it can never be this pledge's progress, whatever the order.
      progress_report("https://example.org/nadir-2021", Date(2021, 2, 1), "Nadir Textiles", Metric::jobs, 40,
                      "Nadir Textiles had 40 staff"),
      // A company with no pledge at all: waits, whatever the order.
      progress_report("https://example.org/orca-2024", Date(2024, 9, 9), "Orca Foods", Metric::jobs, 120,
                      "Orca Foods employs 120 people"),
  };
  auto run = [&](const std::vector<std::size_t>& order) {
    TempDb t;
    std::size_t linked = 0;
    for (auto i : order) linked += store_article(t.db, inputs[i]).progress;
    CHECK(linked == store::list_progress(t.db).size());  // every observation is counted once, when it is stored
    return snapshot(t.db);
  };
  const auto forward = run({0, 1, 2, 3, 4, 5});
  CHECK(forward.find("kestrel-2024 2024-05-02 800") != std::string::npos);
  CHECK(forward.find("nadir-2025 2025-01-15 300") != std::string::npos);
  CHECK(forward.find("nadir-2021") == std::string::npos);
  CHECK(forward.find("waiting: 2") != std::string::npos);  // the 2021 observation and Orca's
  CHECK(run({5, 4, 3, 2, 1, 0}) == forward);  // every progress report before its pledge
  CHECK(run({1, 3, 0, 5, 4, 2}) == forward);
  CHECK(run({2, 1, 4, 0, 3, 5}) == forward);
}

TEST_CASE("a waiting progress statement links to the pledge of a party named another way, with its evidence") {
  TempDb t;
  // The update names the company as the later signing article will write it in parentheses.
  auto update = store_article(t.db, progress_report("https://example.org/update", Date(2025, 5, 1), "Sunmill Foods",
                                                    Metric::jobs, 150, "Sunmill Foods has hired 150 people"));
  REQUIRE(update.unlinked.size() == 1);
  CHECK(update.unlinked[0].kept);
  CHECK(update.progress == 0);
  CHECK(store::list_progress(t.db).empty());
  auto signing = store_article(t.db, article("https://example.org/signing", Date(2024, 11, 20), "Sunmill Foods", "MA-06",
                                             {pledge(Metric::jobs, 600)}, Date(2024, 11, 20)));
  CHECK(signing.progress == 1);  // the earlier statement, linked now
  const auto rows = store::list_progress(t.db);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].value == doctest::Approx(150));
  CHECK(rows[0].source_url == "https://example.org/update");
  CHECK(store::get_commitment(t.db, rows[0].commitment_id).values.target == doctest::Approx(600));
  const auto ev = store::evidence_for(t.db, store::EvidenceFor::progress, rows[0].id);
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].text == "Sunmill Foods has hired 150 people");
  CHECK(ev[0].start >= 0);
  CHECK(store::list_pending_progress(t.db).empty());
  // The update now supports the agreement it reports on.
  const auto list = store::list_agreements(t.db);
  REQUIRE(list.size() == 1);
  CHECK(list[0].sources.size() == 2);
}

TEST_CASE("a progress report is not an agreement, and its progress never goes to the company's site in another region") {
  TempDb t;
  auto south = store_article(t.db, article("https://example.org/south", Date(2021, 9, 1), "Voltcell", "MA-09",
                                           {pledge(Metric::jobs, 700)}, Date(2021, 9, 1)));
  // "Voltcell has hired 900 people at its Tangier site": the site, no pledge, no signing date.
  auto report = article("https://example.org/north-update", Date(2024, 2, 1), "Voltcell", "MA-01", {});
  report.text = "Voltcell has hired 900 people at its Tangier site.";
  ProgressStatement p;
  p.party = "Voltcell";
  p.metric = Metric::jobs;
  p.value = 900;
  report.progress.push_back(p);
  auto r = store_article(t.db, report);
  CHECK(r.new_agreements.empty());  // not an agreement of its own
  CHECK(r.progress == 0);           // not the southern plant's progress either
  REQUIRE(r.unlinked.size() == 1);
  CHECK(r.unlinked[0].kept);
  CHECK(store::list_agreements(t.db).size() == 1);
  // The northern pledge arrives (signed before the report): the report is its progress.
  auto north = store_article(t.db, article("https://example.org/north", Date(2019, 3, 1), "Voltcell", "MA-01",
                                           {pledge(Metric::jobs, 1500)}, Date(2019, 3, 1)));
  CHECK(north.progress == 1);
  const auto rows = store::list_progress(t.db);
  REQUIRE(rows.size() == 1);
  CHECK(store::get_commitment(t.db, rows[0].commitment_id).agreement_id == north.new_agreements.at(0));
  CHECK(store::get_commitment(t.db, rows[0].commitment_id).agreement_id != south.new_agreements.at(0));
}

TEST_CASE("two reports of one signing with different dates keep the earliest, whatever came first") {
  for (bool early_first : {true, false}) {
    TempDb t;
    const auto early = article("https://example.org/early", Date(2025, 7, 12), "Lissol", "MA-05", {pledge(Metric::jobs, 600)},
                               Date(2025, 7, 11));
    const auto late = article("https://example.org/late", Date(2025, 7, 26), "Lissol", "MA-05", {pledge(Metric::jobs, 600)},
                              Date(2025, 7, 25));
    store_article(t.db, early_first ? early : late);
    store_article(t.db, early_first ? late : early);
    const auto list = store::list_agreements(t.db);
    REQUIRE(list.size() == 1);
    REQUIRE(list[0].signed_on);
    CHECK(list[0].signed_on->to_string() == "2025-07-11");
  }
}
