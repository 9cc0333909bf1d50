#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/embedded.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/sha256.hpp"
#include "pledgedb/store/database.hpp"
#include "support/temp_dir.hpp"
#include "store/migrate.hpp"

namespace fs = std::filesystem;
using pledgedb::DatabaseError;
using pledgedb::embedded::File;
using pledgedb::store::apply_migrations;
using pledgedb::store::Database;

namespace {

using test::TempDir;

std::string collapse_whitespace(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

using SchemaRow = std::tuple<std::string, std::string, std::string, std::string>;

// (type, name, tbl_name, sql with whitespace collapsed) of every object, leaving out SQLite's
// own tables (sqlite_*) and the shadow tables FTS5 makes for each virtual table (source_fts_data,
// ...): those are SQLite's business and come back whenever the virtual table is created.
std::set<SchemaRow> schema_of(SQLite::Database& db) {
  std::set<SchemaRow> rows;
  SQLite::Statement q(db, R"(
    SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master AS m
    WHERE m.sql IS NOT NULL
      AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
      AND NOT EXISTS (SELECT 1 FROM sqlite_master AS v
                      WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                        AND m.type = 'table' AND m.name LIKE v.name || '\_%' ESCAPE '\'))");
  while (q.executeStep())
    rows.emplace(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                 collapse_whitespace(q.getColumn(3).getString()));
  return rows;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DatabaseError& e) {
    return e.what();
  }
  return "(no DatabaseError)";
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

TEST_CASE("migrations: applying every migration gives exactly schema/schema.sql") {
  TempDir t;
  auto migrated = Database::open(t.file("migrated.db"));
  SQLite::Database expected(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  expected.exec(read_file(fs::path(PLEDGEDB_SOURCE_DIR) / "schema" / "schema.sql"));

  const auto got = schema_of(migrated.sql());
  const auto want = schema_of(expected);
  for (const auto& row : want)
    CHECK_MESSAGE(got.count(row) == 1, "schema.sql has " << std::get<0>(row) << " " << std::get<1>(row)
                                                          << " which the migrations do not produce (or differently)");
  for (const auto& row : got)
    CHECK_MESSAGE(want.count(row) == 1, "the migrations produce " << std::get<0>(row) << " " << std::get<1>(row)
                                                                   << " which schema.sql lacks (or has differently); "
                                                                      "run scripts/update-schema.sh");
  CHECK(got.size() > 10);
}

TEST_CASE("migrations: embedded files are named NNNN_name.sql and numbered 1..N") {
  const auto list = pledgedb::store::parse_migrations(pledgedb::embedded::migrations());
  REQUIRE_FALSE(list.empty());
  CHECK(list.front().label() == "0001_initial");
  CHECK(static_cast<int>(list.size()) == Database::code_version());

  const File bad_name[] = {{"1_initial.sql", "SELECT 1;"}};
  CHECK(error_of([&] { pledgedb::store::parse_migrations(bad_name); }).find("1_initial.sql") != std::string::npos);
  const File gap[] = {{"0001_a.sql", "SELECT 1;"}, {"0003_c.sql", "SELECT 1;"}};
  CHECK(error_of([&] { pledgedb::store::parse_migrations(gap); }).find("0003_c") != std::string::npos);
  const File upper[] = {{"0001_Initial.sql", "SELECT 1;"}};
  CHECK(error_of([&] { pledgedb::store::parse_migrations(upper); }).find("0001_Initial.sql") != std::string::npos);
}

TEST_CASE("migrations: each one is applied with its bookkeeping row and user_version") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const File files[] = {{"0001_first.sql", "CREATE TABLE a (x INTEGER) STRICT;"},
                        {"0002_second.sql", "CREATE TABLE b (y TEXT) STRICT; INSERT INTO b VALUES ('v');"}};
  CHECK(apply_migrations(db, files, "mem") == 2);
  CHECK(user_version(db) == 2);
  SQLite::Statement q(db, "SELECT version, name, sha256 FROM schema_migrations ORDER BY version");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 1);
  CHECK(q.getColumn(1).getString() == "first");
  CHECK(q.getColumn(2).getString() == pledgedb::sha256_hex(files[0].data));
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(1).getString() == "second");
  CHECK_FALSE(q.executeStep());
  CHECK(apply_migrations(db, files, "mem") == 0);  // idempotent
}

TEST_CASE("migrations: a failing migration leaves the database at the previous version") {
  TempDir t;
  const auto path = t.file("a.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const File good[] = {{"0001_first.sql", "CREATE TABLE a (x INTEGER) STRICT;"}};
  REQUIRE(apply_migrations(db, good, path) == 1);
  // The second migration creates a table, then fails half-way: nothing of it may remain.
  const File broken[] = {good[0],
                         {"0002_broken.sql", "CREATE TABLE b (y TEXT) STRICT; INSERT INTO a VALUES (1); "
                                             "CREATE TABLE c (z TEXT FROM nowhere);"}};
  const auto msg = error_of([&] { apply_migrations(db, broken, path); });
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("0002_broken") != std::string::npos);
  CHECK(msg.find("stays at schema version 1") != std::string::npos);
  CHECK(user_version(db) == 1);
  CHECK_FALSE(db.tableExists("b"));
  CHECK(db.execAndGet("SELECT count(*) FROM a").getInt() == 0);
  CHECK(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt() == 1);
  // Fixed, it applies.
  const File fixed[] = {good[0], {"0002_broken.sql", "CREATE TABLE b (y TEXT) STRICT;"}};
  CHECK(apply_migrations(db, fixed, path) == 1);
  CHECK(user_version(db) == 2);
}

TEST_CASE("migrations: a migration changed after it was applied is refused without writing") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const File v1[] = {{"0001_initial.sql", "CREATE TABLE a (x INTEGER) STRICT;"}};
  REQUIRE(apply_migrations(db, v1, "pledges.db") == 1);
  const File edited[] = {{"0001_initial.sql", "CREATE TABLE a (x INTEGER, y TEXT) STRICT;"},
                         {"0002_more.sql", "CREATE TABLE b (y TEXT) STRICT;"}};
  const auto msg = error_of([&] { apply_migrations(db, edited, "pledges.db"); });
  CHECK(msg.rfind("pledges.db: migration 0001_initial was changed after it was applied: ", 0) == 0);
  CHECK(msg.find(pledgedb::sha256_hex(v1[0].data)) != std::string::npos);
  CHECK(msg.find(pledgedb::sha256_hex(edited[0].data)) != std::string::npos);
  CHECK(user_version(db) == 1);
  CHECK_FALSE(db.tableExists("b"));
}

TEST_CASE("migrations: newer databases and unknown applied migrations are refused") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const File two[] = {{"0001_a.sql", "CREATE TABLE a (x INTEGER) STRICT;"},
                      {"0002_b.sql", "CREATE TABLE b (x INTEGER) STRICT;"}};
  REQUIRE(apply_migrations(db, two, "x.db") == 2);
  const File one[] = {two[0]};
  CHECK(error_of([&] { apply_migrations(db, one, "x.db"); }) ==
        "x.db: database schema version 2 is newer than this pledgedb (knows up to 1); upgrade pledgedb");

  // Bookkeeping that names a version the code never had, while user_version looks fine.
  db.exec("INSERT INTO schema_migrations VALUES (7, 'elsewhere', 'ff', '2024-01-01T00:00:00Z')");
  db.exec("PRAGMA user_version = 2");
  const File three[] = {two[0], two[1], {"0003_c.sql", "CREATE TABLE c (x INTEGER) STRICT;"}};
  const auto msg = error_of([&] { apply_migrations(db, three, "x.db"); });
  CHECK(msg.find("0007_elsewhere") != std::string::npos);
  CHECK(msg.find("unknown") != std::string::npos);
  CHECK_FALSE(db.tableExists("c"));
}

TEST_CASE("migrations: Database::open and migrate report both versions for a newer database") {
  TempDir t;
  const auto path = t.file("a.db");
  { auto db = Database::open(path); }
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE); raw.exec("PRAGMA user_version = 99"); }
  const auto msg = error_of([&] { Database::open(path); });
  CHECK(msg.find("version 99") != std::string::npos);
  CHECK(msg.find("knows up to " + std::to_string(Database::code_version())) != std::string::npos);
}

TEST_CASE("migrations: an embedded migration changed after it was applied is refused by open") {
  TempDir t;
  const auto path = t.file("a.db");
  { auto db = Database::open(path); }
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE); raw.exec("UPDATE schema_migrations SET sha256 = 'abc' WHERE version = 1"); }
  const auto msg = error_of([&] { Database::open(path); });
  CHECK(msg.find("migration 0001_initial was changed after it was applied") != std::string::npos);
  pledgedb::store::OpenOptions as_is;
  as_is.check_schema = false;
  auto db = Database::open(path, as_is);
  const auto problems = db.check();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("0001_initial") != std::string::npos);
}
