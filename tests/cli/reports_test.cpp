// pledges and report overdue|due|regions through the real binary, on a database built by ingest.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "fixtures/reports/cli_seed.hpp"
#include "support/run.hpp"

using reports_fixture::at;
using json = nlohmann::json;

namespace {
json parse(const test::Result& r) {
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}
std::set<std::string> titles_of(const json& rows) {
  std::set<std::string> out;
  for (const auto& r : rows) out.insert(r["title"].get<std::string>() + "/" + r["metric"].get<std::string>());
  return out;
}
const json& by_metric(const json& rows, const std::string& title_part, const std::string& metric) {
  for (const auto& r : rows)
    if (r["title"].get<std::string>().find(title_part) != std::string::npos && r["metric"] == metric) return r;
  FAIL("no row for " << title_part << "/" << metric);
  return rows;
}
}  // namespace

TEST_CASE("pledges: statuses as of a pinned date") {
  test::Scratch s;
  reports_fixture::build(s);
  auto rows = parse(at(s, "2025-06-01", {"-f", "json", "pledges"}));
  REQUIRE(rows.size() == 4);
  const auto& plant_jobs = by_metric(rows, "Kenitra", "jobs");
  CHECK(plant_jobs["status"] == "overdue");
  CHECK(plant_jobs["latest_value"] == 900);  // from the English progress article
  CHECK(plant_jobs["latest_as_of"] == "2024-06-01");
  CHECK(plant_jobs["percent"] == 45);
  CHECK(plant_jobs["target"] == 2000);
  CHECK(by_metric(rows, "Casablanca", "investment")["status"] == "overdue_no_data");
  CHECK(by_metric(rows, "Casablanca", "jobs")["status"] == "no_data");
  CHECK(by_metric(rows, "Casablanca", "jobs")["flags"] == json::array({"due_soon"}));
  CHECK(by_metric(rows, "Kenitra", "investment")["status"] == "no_data");

  // Before the progress article: nothing observed yet, the plant's jobs are not late yet.
  auto early = parse(at(s, "2024-05-01", {"-f", "json", "pledges"}));
  CHECK(by_metric(early, "Kenitra", "jobs")["status"] == "no_data");
  CHECK(by_metric(early, "Kenitra", "jobs")["latest_value"].is_null());
  // Before either announcement: nothing is known.
  CHECK(parse(at(s, "2022-01-01", {"-f", "json", "pledges"})) == json::array());
}

TEST_CASE("pledges --region: aliases in Arabic and French, provinces and cities included") {
  test::Scratch s;
  reports_fixture::build(s);
  auto casa = parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "الدار البيضاء"}));
  CHECK(titles_of(casa) == std::set<std::string>{"Nuage data centre in Casablanca/jobs", "Nuage data centre in Casablanca/investment"});
  auto rabat = parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "Rabat-Salé-Kénitra"}));
  CHECK(titles_of(rabat) == std::set<std::string>{"Atlas Motors car plant in Kenitra/jobs", "Atlas Motors car plant in Kenitra/investment"});
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "rabat sale kenitra"})).size() == 2);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "Kénitra"})).size() == 2);
  CHECK(titles_of(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "جهة الدار البيضاء سطات"}))) ==
        titles_of(casa));  // with the designator "region of"
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--region", "MA"})).size() == 4);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--country", "FR"})) == json::array());

  auto bad = at(s, "2025-06-01", {"pledges", "--region", "Atlantis"});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("Atlantis") != std::string::npos);
}

TEST_CASE("pledges: party, metric, status, program, deadline filters and sorting") {
  test::Scratch s;
  reports_fixture::build(s);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--party", "atlas motors"})).size() == 2);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--metric", "investment"})).size() == 2);
  auto late = parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--status", "overdue,overdue_no_data"}));
  CHECK(late.size() == 2);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--program", "digital morocco 2030"})).size() == 2);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--due-before", "2025-01-01"})).size() == 2);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--due-after", "2025-01-01"})).size() == 2);
  auto sorted = parse(at(s, "2025-06-01", {"-f", "json", "pledges", "--sort", "-target"}));
  CHECK(sorted[0]["target"] == 5000000000LL);
  CHECK(at(s, "2025-06-01", {"pledges", "--status", "late"}).code == 1);
  CHECK(at(s, "2025-06-01", {"pledges", "--sort", "colour"}).code == 1);
  CHECK(at(s, "2025-06-01", {"pledges", "--due-before", "soon"}).code == 2);
  CHECK(test::run(s, {"--db", s.db(), "--as-of", "2025-13-01", "pledges"}).code == 2);
}

TEST_CASE("report overdue, due and regions") {
  test::Scratch s;
  reports_fixture::build(s);
  auto overdue = parse(at(s, "2025-06-01", {"-f", "json", "report", "overdue"}));
  REQUIRE(overdue.size() == 2);
  CHECK(overdue[0]["days_overdue"] == 517);  // 2024-01-01 -> 2025-06-01
  CHECK(overdue[0]["status"] == "overdue_no_data");
  CHECK(overdue[1]["days_overdue"] == 152);
  CHECK(overdue[1]["shortfall"] == 1100);
  CHECK(overdue[1]["source_url"] == "https://example.org/en/atlas-kenitra-update");
  CHECK(parse(at(s, "2023-06-01", {"-f", "json", "report", "overdue"})) == json::array());

  auto due = parse(at(s, "2025-06-01", {"-f", "json", "report", "due"}));
  REQUIRE(due.size() == 1);
  CHECK(due[0]["deadline"] == "2025-09-30");
  CHECK(due[0]["days_left"] == 121);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "report", "due", "--within", "3m"})) == json::array());
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "report", "due", "--within", "18w"})).size() == 1);
  CHECK(parse(at(s, "2025-06-01", {"-f", "json", "report", "due", "--within", "1y"})).size() == 1);
  CHECK(at(s, "2025-06-01", {"report", "due", "--within", "soon"}).code == 2);

  auto regions = parse(at(s, "2025-06-01", {"-f", "json", "report", "regions", "--country", "MA"}));
  REQUIRE(regions.size() == 2);
  CHECK(regions[0]["region_code"] == "MA-04");
  CHECK(regions[0]["pledged_jobs"] == 2000);
  CHECK(regions[0]["achieved_jobs"] == 900);
  CHECK(regions[0]["investment"] == json{{"MAD", 5000000000LL}});
  CHECK(regions[1]["region_code"] == "MA-06");
  CHECK(regions[1]["investment"] == json{{"USD", 300000000}});
  CHECK(regions[1]["overdue"] == 1);
}

TEST_CASE("every output format of pledges") {
  test::Scratch s;
  reports_fixture::build(s);
  auto csv = at(s, "2025-06-01", {"-f", "csv", "pledges", "--metric", "investment"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.rfind("id,agreement_id,party,metric,target", 0) == 0);
  CHECK(csv.out.find("5000000000") != std::string::npos);
  CHECK(csv.out.find("5,000,000,000") == std::string::npos);
  auto tsv = at(s, "2025-06-01", {"-f", "tsv", "--no-headers", "pledges", "--metric", "investment"});
  CHECK(tsv.out.find("id\t") == std::string::npos);
  CHECK(tsv.out.find("\t300000000\t") != std::string::npos);
  auto nd = at(s, "2025-06-01", {"-f", "ndjson", "pledges"});
  std::size_t lines = 0;
  for (char c : nd.out) lines += c == '\n';
  CHECK(lines == 4);
  auto md = at(s, "2025-06-01", {"-f", "md", "pledges", "--region", "MA-06"});
  CHECK(md.out.find("&lt;script&gt;") != std::string::npos);
  CHECK(md.out.find("<script>") == std::string::npos);
  auto table = at(s, "2025-06-01", {"pledges"});
  CHECK(table.out.find("overdue_no_data") != std::string::npos);
  CHECK(at(s, "2022-01-01", {"-f", "json", "report", "overdue"}).out == "[]\n");
  auto file = at(s, "2025-06-01", {"-f", "json", "-o", s.path("p.json").string(), "pledges"});
  CHECK(file.out.empty());
  CHECK(json::parse(test::slurp(s.path("p.json"))).size() == 4);
}

TEST_CASE("--limit: the table view says what it left out, machine formats are complete") {
  test::Scratch s;
  reports_fixture::build(s);
  const auto all = parse(at(s, "2025-06-01", {"-f", "json", "pledges"}));
  REQUIRE(all.size() == 4);

  auto page = at(s, "2025-06-01", {"-f", "json", "pledges", "--limit", "2"});
  const auto first = parse(page);
  REQUIRE(first.size() == 2);
  CHECK(first[0] == all[0]);  // the same order as the full listing: a prefix of it
  CHECK(first[1] == all[1]);
  CHECK(page.err.find("showing the first 2 rows; more match (--limit 0 for all)") != std::string::npos);

  // Another sort reads every row: the note gives the total.
  auto sorted = at(s, "2025-06-01", {"-f", "csv", "pledges", "--limit", "1", "--sort", "-target"});
  CHECK(sorted.err.find("showing 1 of 4 rows") != std::string::npos);
  // Nothing left out, nothing said; --quiet silences the note.
  CHECK(at(s, "2025-06-01", {"-f", "json", "pledges", "--limit", "4"}).err.empty());
  CHECK(at(s, "2025-06-01", {"-q", "-f", "json", "pledges", "--limit", "1"}).err.empty());

  auto overdue = at(s, "2025-06-01", {"-f", "json", "report", "overdue", "--limit", "1"});
  REQUIRE(parse(overdue).size() == 1);
  CHECK(parse(overdue)[0] == parse(at(s, "2025-06-01", {"-f", "json", "report", "overdue"}))[0]);
  CHECK(overdue.err.find("more match") != std::string::npos);
  CHECK(at(s, "2025-06-01", {"report", "overdue", "--limit", "x"}).code == 2);
}

TEST_CASE("-o FILE: the extension picks the format unless --format is given") {
  test::Scratch s;
  reports_fixture::build(s);
  CHECK(at(s, "2025-06-01", {"-o", s.path("p.csv").string(), "pledges"}).code == 0);
  CHECK(test::slurp(s.path("p.csv")).rfind("id,agreement_id,party,metric,target", 0) == 0);
  CHECK(at(s, "2025-06-01", {"-o", s.path("p.JSON").string(), "pledges"}).code == 0);
  CHECK(json::parse(test::slurp(s.path("p.JSON"))).size() == 4);
  CHECK(at(s, "2025-06-01", {"pledges", "-o", s.path("p.jsonl").string()}).code == 0);
  std::size_t lines = 0;
  for (char c : test::slurp(s.path("p.jsonl"))) lines += c == '\n';
  CHECK(lines == 4);
  CHECK(at(s, "2025-06-01", {"-o", s.path("p.md").string(), "pledges"}).code == 0);
  CHECK(test::slurp(s.path("p.md")).rfind("| id |", 0) == 0);
  // An explicit --format wins; an unknown extension keeps the table.
  CHECK(at(s, "2025-06-01", {"-f", "tsv", "-o", s.path("q.csv").string(), "pledges"}).code == 0);
  CHECK(test::slurp(s.path("q.csv")).rfind("id\tagreement_id", 0) == 0);
  CHECK(at(s, "2025-06-01", {"-o", s.path("p.txt").string(), "pledges"}).code == 0);
  CHECK(test::slurp(s.path("p.txt")).rfind("id  ", 0) == 0);
}
