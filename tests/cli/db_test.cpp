// init and db status|migrate|check, run through the real binary on real files.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "support/run.hpp"

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The status row for (section, name), or null.
nlohmann::json status_row(const nlohmann::json& rows, const std::string& section, const std::string& name) {
  for (const auto& r : rows)
    if (r.at("section") == section && r.at("name") == name) return r;
  return nullptr;
}

}  // namespace

TEST_CASE("init creates the database and says so, and twice is fine") {
  test::Scratch s;
  auto r = test::run(s, {"--db", s.db(), "init"});
  CHECK(r.code == 0);
  CHECK(std::filesystem::exists(s.db()));
  CHECK(contains(r.err, "initialised " + s.db() + " (schema version "));
  CHECK(r.out.empty());

  auto again = test::run(s, {"--db", s.db(), "init"});
  CHECK(again.code == 0);
  CHECK(contains(again.err, "initialised " + s.db()));

  auto quiet = test::run(s, {"--db", s.db(), "--quiet", "init"});
  CHECK(quiet.code == 0);
  CHECK(quiet.err.empty());
}

TEST_CASE("init without --db creates ./pledges.db in the working directory") {
  test::Scratch s;
  auto r = test::run(s, {"init"});
  CHECK(r.code == 0);
  CHECK(std::filesystem::exists(s.path("pledges.db")));
}

TEST_CASE("db status --format json lists versions, migrations and tables with row counts") {
  test::Scratch s;
  REQUIRE(test::run(s, {"--db", s.db(), "init"}).code == 0);
  auto r = test::run(s, {"--db", s.db(), "--format", "json", "db", "status"});
  REQUIRE(r.code == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.is_array());
  const auto schema = status_row(rows, "schema", "schema_version");
  const auto code = status_row(rows, "schema", "code_version");
  REQUIRE(schema.is_object());
  REQUIRE(code.is_object());
  CHECK(schema.at("value") == code.at("value"));
  CHECK(schema.at("detail") == "current");
  CHECK(status_row(rows, "schema", "pending_migrations").at("value") == 0);
  CHECK(contains(status_row(rows, "migration", "0001_initial").at("detail").get<std::string>(), "applied "));
  for (const char* table : {"source", "agreement", "commitment", "commitment_claim", "progress", "evidence",
                            "party", "region", "schema_migrations"})
    CHECK_MESSAGE(status_row(rows, "table", table).is_object(), "table " << table << " missing from db status");
  CHECK(status_row(rows, "table", "party").at("value") == 0);
  CHECK(status_row(rows, "table", "schema_migrations").at("value") == code.at("value"));
  // Full-text index internals are not user tables.
  CHECK(status_row(rows, "table", "source_fts_data").is_null());

  auto table = test::run(s, {"--db", s.db(), "db", "status"});
  CHECK(table.code == 0);
  CHECK(contains(table.out, "schema_version"));
  CHECK(contains(table.out, "commitment_claim"));
}

TEST_CASE("commands other than init refuse a missing database and tell the user to run init") {
  test::Scratch s;
  for (auto args : {std::vector<std::string>{"db", "status"}, {"db", "migrate"}, {"db", "check"}}) {
    args.insert(args.begin(), {"--db", s.db()});
    auto r = test::run(s, args);
    CHECK(r.code == 1);
    CHECK(contains(r.err, s.db() + ": no such database (run 'pledgedb init')"));
  }
  CHECK_FALSE(std::filesystem::exists(s.db()));
}

TEST_CASE("db migrate refuses a database newer than pledgedb, naming both versions") {
  test::Scratch s;
  REQUIRE(test::run(s, {"--db", s.db(), "init"}).code == 0);
  auto status = nlohmann::json::parse(test::run(s, {"--db", s.db(), "-f", "json", "db", "status"}).out);
  const int code = status_row(status, "schema", "code_version").at("value").get<int>();
  {
    SQLite::Database raw(s.db(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  auto r = test::run(s, {"--db", s.db(), "db", "migrate"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "database schema version 99 is newer than this pledgedb (knows up to " +
                            std::to_string(code) + ")"));
  CHECK(contains(r.err, s.db()));
  // init refuses too, and nothing was written.
  CHECK(test::run(s, {"--db", s.db(), "init"}).code == 1);
  SQLite::Database raw(s.db(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 99);
}

TEST_CASE("db migrate brings an outdated database up to date and reports how many") {
  test::Scratch s;
  { SQLite::Database raw(s.db(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }  // empty SQLite file
  auto status = test::run(s, {"--db", s.db(), "db", "check"});
  CHECK(status.code == 1);
  CHECK(contains(status.out, "pledgedb db migrate"));
  auto r = test::run(s, {"--db", s.db(), "db", "migrate"});
  CHECK(r.code == 0);
  CHECK(contains(r.err, "applied "));
  auto again = test::run(s, {"--db", s.db(), "db", "migrate"});
  CHECK(again.code == 0);
  CHECK(contains(again.err, "applied 0 migrations"));
  CHECK(test::run(s, {"--db", s.db(), "db", "check"}).code == 0);
}

TEST_CASE("db check: ok on a fresh database, exit 1 naming a dangling foreign key") {
  test::Scratch s;
  REQUIRE(test::run(s, {"--db", s.db(), "init"}).code == 0);
  auto ok = test::run(s, {"--db", s.db(), "db", "check"});
  CHECK(ok.code == 0);
  CHECK(ok.out == "ok\n");
  {
    SQLite::Database raw(s.db(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys = OFF");
    raw.exec("INSERT INTO commitment (agreement_id, metric, comparator, deadline_kind, created_at) "
             "VALUES (4242, 'jobs', 'at_least', 'none', '2024-01-01')");
  }
  auto bad = test::run(s, {"--db", s.db(), "db", "check"});
  CHECK(bad.code == 1);
  CHECK(contains(bad.out, "commitment"));
  CHECK(contains(bad.out, "agreement"));
  auto json = test::run(s, {"--db", s.db(), "-f", "json", "db", "check"});
  CHECK(json.code == 1);
  CHECK(nlohmann::json::parse(json.out).size() == 1);
}

TEST_CASE("db check reports a migration changed after it was applied") {
  test::Scratch s;
  REQUIRE(test::run(s, {"--db", s.db(), "init"}).code == 0);
  {
    SQLite::Database raw(s.db(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE schema_migrations SET sha256 = '0000' WHERE version = 1");
  }
  auto r = test::run(s, {"--db", s.db(), "db", "check"});
  CHECK(r.code == 1);
  CHECK(contains(r.out, "migration 0001_initial was changed after it was applied"));
}

TEST_CASE("init into a missing directory fails naming the path") {
  test::Scratch s;
  const auto path = s.path("no/such/dir/x.db").string();
  auto r = test::run(s, {"--db", path, "init"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "cannot create database " + path));
  CHECK(contains(r.err, "does not exist"));
}

TEST_CASE("a file that is not a database is refused by name") {
  test::Scratch s;
  s.write("notes.txt", std::string(4096, 'x'));
  auto r = test::run(s, {"--db", s.path("notes.txt").string(), "db", "status"});
  CHECK(r.code == 1);
  CHECK(contains(r.err, "notes.txt"));
  CHECK(contains(r.err, "not a SQLite database"));
}

TEST_CASE("unknown commands and missing db subcommands are usage errors") {
  test::Scratch s;
  CHECK(test::run(s, {"--db", s.db(), "frobnicate"}).code == 2);
  CHECK(test::run(s, {"--db", s.db(), "db"}).code == 2);
  CHECK(test::run(s, {"--db", s.db(), "db", "vacuum"}).code == 2);
}
