// ingest, agreements, show, search, progress, commitment set, parties: through the real binary.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/run.hpp"

namespace {

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }
std::string fx(const std::string& name) { return std::string(PLEDGEDB_FIXTURES) + "/ingest/" + name; }

test::Result pdb(const test::Scratch& s, std::vector<std::string> args, const std::string* input = nullptr) {
  args.insert(args.begin(), {"--db", s.db()});
  return test::run(s, args, input);
}

test::Scratch& init(test::Scratch& s) {
  REQUIRE(pdb(s, {"init"}).code == 0);
  return s;
}

}  // namespace

TEST_CASE("ingest: all stored = exit 0, summary on stderr, re-ingest leaves agreements byte-identical") {
  test::Scratch s;
  init(s);
  auto r = pdb(s, {"ingest", fx("atlas-casablanca-fr.json"), fx("atlas-casablanca-ar.json"), fx("atlas-agadir-en.json")});
  CHECK(r.code == 0);
  CHECK(has(r.err, "ingested 3 files: 2 new agreements, 1 merged, 0 progress, 0 unchanged, 0 rejected"));
  CHECK(r.out.empty());
  auto before = pdb(s, {"agreements", "--format", "json"});
  REQUIRE(before.code == 0);
  const auto rows = nlohmann::json::parse(before.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["sources"].size() == 2);
  CHECK(rows[0]["region_code"] == "MA-06");
  CHECK(rows[0]["commitments"][0]["comparator"] == "at_least");
  CHECK(rows[1]["region_code"] == "MA-09");

  auto again = pdb(s, {"ingest", fx("atlas-casablanca-fr.json"), fx("atlas-casablanca-ar.json"), fx("atlas-agadir-en.json")});
  CHECK(again.code == 0);
  CHECK(has(again.err, "3 unchanged, 0 rejected"));
  CHECK(pdb(s, {"agreements", "--format", "json"}).out == before.out);
}

TEST_CASE("ingest: some rejected = exit 3 naming the file, all rejected = exit 1") {
  test::Scratch s;
  init(s);
  auto r = pdb(s, {"ingest", fx("atlas-casablanca-fr.json"), fx("broken.json")});
  CHECK(r.code == 3);
  CHECK(has(r.err, "error: " + fx("broken.json") + ":"));
  CHECK(has(r.err, "1 rejected"));
  auto none = pdb(s, {"ingest", fx("broken.json"), s.path("missing.md").string()});
  CHECK(none.code == 1);
  CHECK(has(none.err, "missing.md"));
  CHECK(has(none.err, "2 rejected"));
  auto q = pdb(s, {"--quiet", "ingest", fx("broken.json")});
  CHECK(q.code == 1);
  CHECK(has(q.err, "error: "));
  CHECK_FALSE(has(q.err, "ingested"));
}

TEST_CASE("ingest: announcement JSON from stdin") {
  test::Scratch s;
  init(s);
  const std::string input = test::slurp(fx("atlas-agadir-en.json"));
  auto r = pdb(s, {"ingest", "-"}, &input);
  CHECK(r.code == 0);
  CHECK(has(r.err, "1 new agreements"));
  auto rows = nlohmann::json::parse(pdb(s, {"agreements", "--format", "json"}).out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["sources"][0]["url"] == "https://example.org/en/atlas-agadir");
}

TEST_CASE("ingest: a folder, unlinked progress reported on stderr") {
  test::Scratch s;
  init(s);
  s.write("in/b/atlas-progress-en.json", test::slurp(fx("atlas-progress-en.json")));
  s.write("in/a/atlas-casablanca-fr.json", test::slurp(fx("atlas-casablanca-fr.json")));
  s.write("in/notes.bin", "ignored");
  auto r = pdb(s, {"ingest", s.path("in").string()});
  CHECK(r.code == 0);
  CHECK(has(r.err, "ingested 2 files: 1 new agreements, 0 merged, 1 progress"));
  // No pledge of that party yet: the statement waits in the database, and the user is told so.
  CHECK(has(r.err, "note: "));
  CHECK(has(r.err, "unlinked progress (ACME Robotics jobs 80"));
  CHECK(has(r.err, "kept, and linked when its pledge is ingested"));
  CHECK(has(r.err, "1 progress statements wait for their pledge"));
  CHECK_FALSE(has(r.err, "not stored"));
  auto list = pdb(s, {"progress", "list", "--format", "json"});
  auto rows = nlohmann::json::parse(list.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["value"] == 150);
}

TEST_CASE("show: agreement and commitment details, unknown id = exit 1") {
  test::Scratch s;
  init(s);
  pdb(s, {"ingest", fx("atlas-casablanca-fr.json"), fx("atlas-revision-fr.json")});
  auto j = pdb(s, {"show", "1", "--format", "json"});
  REQUIRE(j.code == 0);
  auto a = nlohmann::json::parse(j.out);
  CHECK(a["id"] == 1);
  REQUIRE(a["commitments"].size() == 1);
  const auto& c = a["commitments"][0];
  CHECK(c["claims"].size() == 2);
  CHECK(c["revisions"]["flags"] == nlohmann::json({"rescheduled", "downsized"}));
  CHECK(c["claims"][0]["url"] == "https://example.org/fr/atlas-data-casablanca");
  CHECK(c["claims"][0]["evidence"][0]["text"] == "recrutera plus de 500 ingénieurs marocains d'ici quatre ans");
  auto text = pdb(s, {"show", "1"});
  CHECK(has(text.out, "agreement 1:"));
  CHECK(has(text.out, "downsized 500 -> 400"));
  auto cm = pdb(s, {"show", "commitment", "1", "--format", "json"});
  CHECK(nlohmann::json::parse(cm.out)["target"] == 400);
  CHECK(pdb(s, {"show", "--commitment", "1"}).code == 0);
  auto missing = pdb(s, {"show", "42"});
  CHECK(missing.code == 1);
  CHECK(has(missing.err, "error: no agreement with id 42"));
}

TEST_CASE("commitment set and progress add are recorded by hand") {
  test::Scratch s;
  init(s);
  pdb(s, {"ingest", fx("atlas-casablanca-fr.json")});
  auto set = pdb(s, {"--as-of", "2026-02-01", "commitment", "set", "1", "--deadline", "2031-06-30", "--note", "agency letter"});
  CHECK(set.code == 0);
  auto c = nlohmann::json::parse(pdb(s, {"show", "commitment", "1", "--format", "json"}).out);
  CHECK(c["deadline"] == "2031-06-30");
  CHECK(c["claims"].size() == 2);
  CHECK(c["claims"][1]["origin"] == "manual");
  CHECK(c["revisions"]["flags"] == nlohmann::json({"rescheduled"}));
  auto add = pdb(s, {"progress", "add", "1", "120", "--as-of", "2026-01-31", "--source", "https://example.org/report", "--note", "annual report"});
  CHECK(add.code == 0);
  auto rows = nlohmann::json::parse(pdb(s, {"progress", "list", "1", "--format", "json"}).out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["origin"] == "manual");
  CHECK(rows[0]["source_url"] == "https://example.org/report");
  CHECK(pdb(s, {"progress", "add", "9", "1", "--as-of", "2026-01-31"}).code == 1);
  CHECK(pdb(s, {"commitment", "set", "1"}).code == 2);
}

TEST_CASE("search escapes user input and lists agreements, parties merge") {
  test::Scratch s;
  init(s);
  pdb(s, {"ingest", fx("atlas-casablanca-fr.json"), fx("atlas-agadir-en.json")});
  auto r = pdb(s, {"search", "Agadir", "--format", "json"});
  REQUIRE(r.code == 0);
  auto hits = nlohmann::json::parse(r.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["agreements"] == nlohmann::json({2}));
  CHECK(pdb(s, {"search", "\"AND (", "--format", "json"}).code == 0);

  auto parties = nlohmann::json::parse(pdb(s, {"parties", "--format", "json"}).out);
  REQUIRE(parties.size() == 2);
  CHECK(parties[0]["name"] == "Atlas Data Systems");
  CHECK(parties[0]["agreements"] == 2);
  auto m = pdb(s, {"party", "merge", "1", "2"});
  CHECK(m.code == 0);
  parties = nlohmann::json::parse(pdb(s, {"parties", "--format", "json"}).out);
  REQUIRE(parties.size() == 1);
  CHECK(parties[0]["aliases"].size() >= 2);
  CHECK(pdb(s, {"party", "merge", "1", "7"}).code == 1);
}

TEST_CASE("ingest: a Markdown article is extracted and stored with its front matter") {
  test::Scratch s;
  init(s);
  auto r = pdb(s, {"ingest", fx("solvane-ouarzazate-fr.md")});
  CHECK(r.code == 0);
  auto rows = nlohmann::json::parse(pdb(s, {"agreements", "--format", "json"}).out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["sources"][0]["url"] == "https://example.org/fr/solvane-energie");
  CHECK(rows[0]["sources"][0]["published"] == "2026-02-10");
  CHECK(rows[0]["commitments"].size() >= 1);
  auto hits = nlohmann::json::parse(pdb(s, {"search", "Ouarzazate", "--format", "json"}).out);
  CHECK(hits.size() == 1);
}

TEST_CASE("ingest: --jobs 3 stores the same as --jobs 1, NDJSON lines are inputs of their own") {
  std::string ndjson;
  for (const auto* name : {"atlas-casablanca-ar.json", "atlas-progress-en.json"}) {
    auto j = nlohmann::json::parse(test::slurp(fx(name)));
    ndjson += j.dump() + "\n";
  }
  auto run = [&](const std::string& jobs) {
    test::Scratch s;
    init(s);
    s.write("in/1.json", test::slurp(fx("atlas-casablanca-fr.json")));
    s.write("in/2.ndjson", ndjson + "{not json}\n");
    s.write("in/3.json", test::slurp(fx("atlas-agadir-en.json")));
    s.write("in/4.md", test::slurp(fx("solvane-ouarzazate-fr.md")));
    s.write("in/5.json", test::slurp(fx("atlas-revision-fr.json")));
    auto r = pdb(s, {"ingest", "--jobs", jobs, s.path("in").string()});
    CHECK(r.code == 3);
    CHECK(has(r.err, "error: " + s.path("in/2.ndjson").string() + ":3"));
    CHECK(has(r.err, "ingested 7 files:"));
    CHECK(has(r.err, "1 rejected"));
    return pdb(s, {"agreements", "--format", "json"}).out;
  };
  const auto one = run("1");
  CHECK(nlohmann::json::parse(one).size() == 3);
  CHECK(run("3") == one);
}

TEST_CASE("alias add party makes a new spelling resolve to the party") {
  test::Scratch s;
  init(s);
  pdb(s, {"ingest", fx("atlas-agadir-en.json")});
  auto r = pdb(s, {"alias", "add", "party", "1", "ADS Maroc"});
  CHECK(r.code == 0);
  auto parties = nlohmann::json::parse(pdb(s, {"parties", "--format", "json"}).out);
  CHECK(parties[0]["aliases"] == nlohmann::json({"Atlas Data Systems", "ADS Maroc"}));
  CHECK(pdb(s, {"alias", "add", "party", "99", "x y"}).code == 1);
}
