#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "pledgedb/error.hpp"
#include "pledgedb/store/database.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using pledgedb::DatabaseError;
using pledgedb::store::Database;
using pledgedb::store::OpenOptions;
using pledgedb::store::WriteTransaction;

namespace {

using test::TempDir;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DatabaseError& e) {
    return e.what();
  }
  return "(no DatabaseError)";
}

}  // namespace

TEST_CASE("open: creates and migrates a new database with WAL and foreign keys on") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  CHECK(fs::exists(t.file("a.db")));
  CHECK(db.path() == t.file("a.db"));
  CHECK(db.schema_version() == Database::code_version());
  CHECK(Database::code_version() >= 1);
  CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  CHECK(db.sql().execAndGet("PRAGMA synchronous").getInt() == 1);  // NORMAL
  CHECK(db.sql().execAndGet("PRAGMA busy_timeout").getInt() == 10000);
  const auto infos = db.migrations();
  REQUIRE(infos.size() == static_cast<std::size_t>(Database::code_version()));
  CHECK(infos[0].version == 1);
  CHECK(infos[0].name == "initial");
  CHECK(infos[0].sha256.size() == 64);
  // applied_at comes from SQLite's clock as an ISO 8601 UTC timestamp.
  REQUIRE(infos[0].applied_at.size() == 20);
  CHECK(infos[0].applied_at[10] == 'T');
  CHECK(infos[0].applied_at.back() == 'Z');
}

TEST_CASE("open: re-opening is idempotent and applies nothing twice") {
  TempDir t;
  std::string first_applied;
  {
    auto db = Database::open(t.file("a.db"));
    first_applied = db.migrations()[0].applied_at;
  }
  auto db = Database::open(t.file("a.db"));
  CHECK(db.migrate() == 0);
  CHECK(db.schema_version() == Database::code_version());
  CHECK(db.sql().execAndGet("SELECT count(*) FROM schema_migrations").getInt() == Database::code_version());
  CHECK(db.migrations()[0].applied_at == first_applied);
}

TEST_CASE("open: a missing database or directory is named in the error") {
  TempDir t;
  OpenOptions no_create;
  no_create.create = false;
  const auto missing = t.file("missing.db");
  CHECK(error_of([&] { Database::open(missing, no_create); }) ==
        missing + ": no such database (run 'pledgedb init')");
  CHECK_FALSE(fs::exists(missing));

  const auto nodir = t.file("nodir/sub/x.db");
  CHECK(error_of([&] { Database::open(nodir); }) ==
        "cannot create database " + nodir + ": directory " + t.file("nodir/sub") + " does not exist");
}

TEST_CASE("open: a file that is not a SQLite database is refused by name") {
  TempDir t;
  const auto path = t.file("notes.db");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "these are my notes, not a database\n";
  }
  const auto msg = error_of([&] { Database::open(path); });
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("not a SQLite database") != std::string::npos);
}

TEST_CASE("open: a database newer than the code is refused without writing") {
  TempDir t;
  const auto path = t.file("a.db");
  { auto db = Database::open(path); }
  const int future = Database::code_version() + 6;
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE); raw.exec("PRAGMA user_version = " + std::to_string(future)); }

  const auto expected = path + ": database schema version " + std::to_string(future) +
                        " is newer than this pledgedb (knows up to " + std::to_string(Database::code_version()) +
                        "); upgrade pledgedb";
  CHECK(error_of([&] { Database::open(path); }) == expected);
  OpenOptions as_is;
  as_is.check_schema = false;
  auto db = Database::open(path, as_is);
  CHECK(error_of([&] { db.migrate(); }) == expected);
  CHECK(db.schema_version() == future);
  CHECK_FALSE(db.check().empty());
}

TEST_CASE("open: migrate=false refuses an outdated database and points at db migrate") {
  TempDir t;
  const auto path = t.file("a.db");
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }  // empty file, version 0
  OpenOptions no_migrate;
  no_migrate.migrate = false;
  const auto msg = error_of([&] { Database::open(path, no_migrate); });
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("pledgedb db migrate") != std::string::npos);
  OpenOptions read_only;
  read_only.read_only = true;
  CHECK(error_of([&] { Database::open(path, read_only); }).find("pledgedb db migrate") != std::string::npos);
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 0);
  CHECK_FALSE(raw.tableExists("schema_migrations"));
}

TEST_CASE("open: another program's database is not taken over") {
  TempDir t;
  const auto path = t.file("other.db");
  { SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); raw.exec("CREATE TABLE notes (x TEXT)"); }
  const auto msg = error_of([&] { Database::open(path); });
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("not a pledgedb database") != std::string::npos);
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK_FALSE(raw.tableExists("schema_migrations"));
}

TEST_CASE("open: read_only opens a current database and cannot write") {
  TempDir t;
  const auto path = t.file("a.db");
  { auto db = Database::open(path); }
  OpenOptions ro;
  ro.read_only = true;
  auto db = Database::open(path, ro);
  CHECK(db.schema_version() == Database::code_version());
  CHECK_THROWS_AS(db.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('x', 'company', '2024-01-01')"),
                  SQLite::Exception);
}

TEST_CASE("statement: the cache hands out the same statement reset and without bindings") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  const char* sql = "SELECT ?1 IS NULL, ?1";
  auto& s1 = db.statement(sql);
  s1.bind(1, 42);
  REQUIRE(s1.executeStep());
  CHECK(s1.getColumn(0).getInt() == 0);
  CHECK(s1.getColumn(1).getInt() == 42);
  auto& s2 = db.statement(sql);  // mid-iteration before: must come back reset
  CHECK(&s1 == &s2);
  REQUIRE(s2.executeStep());
  CHECK(s2.getColumn(0).getInt() == 1);  // binding cleared

  // A failed step does not poison the cached statement.
  const char* insert = "INSERT INTO party (name, kind, created_at) VALUES (?, ?, '2024-01-01')";
  auto& bad = db.statement(insert);
  bad.bind(1, "Acme");
  bad.bind(2, "not-a-kind");
  CHECK_THROWS_AS(bad.exec(), SQLite::Exception);
  auto& good = db.statement(insert);
  good.bind(1, "Acme");
  good.bind(2, "company");
  CHECK(good.exec() == 1);
}

TEST_CASE("WriteTransaction: commits, and rolls back when not committed") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  auto count = [&] { return db.sql().execAndGet("SELECT count(*) FROM party").getInt(); };
  {
    WriteTransaction tx(db);
    db.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('Kept', 'company', '2024-01-01')");
    tx.commit();
  }
  CHECK(count() == 1);
  {
    WriteTransaction tx(db);
    db.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('Dropped', 'company', '2024-01-01')");
  }
  CHECK(count() == 1);
  try {
    WriteTransaction tx(db);
    db.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('Thrown', 'company', '2024-01-01')");
    throw std::runtime_error("ingest failed half-way");
  } catch (const std::runtime_error&) {
  }
  CHECK(count() == 1);
  // The connection is usable again after a rollback.
  WriteTransaction tx(db);
  tx.commit();
}

TEST_CASE("WriteTransaction: a second writer waits, then gives a DatabaseError naming the file") {
  TempDir t;
  const auto path = t.file("a.db");
  auto a = Database::open(path);
  OpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto b = Database::open(path, quick);
  WriteTransaction holding(a);
  const auto msg = error_of([&] { WriteTransaction second(b); });
  CHECK(msg.find(path) != std::string::npos);
  holding.commit();
  WriteTransaction now(b);  // free again
  now.commit();
}

TEST_CASE("constraints: foreign keys, real dates and enumerations are enforced") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  auto& sql = db.sql();
  sql.exec("INSERT INTO agreement (id, kind, created_at) VALUES (1, 'mou', '2024-01-01')");
  // Foreign key: a commitment of an agreement that does not exist.
  CHECK_THROWS_AS(sql.exec("INSERT INTO commitment (agreement_id, metric, comparator, deadline_kind, created_at) "
                           "VALUES (99, 'jobs', 'at_least', 'none', '2024-01-01')"),
                  SQLite::Exception);
  auto insert_deadline = [&](const std::string& d) {
    sql.exec("INSERT INTO commitment (agreement_id, metric, comparator, deadline, deadline_kind, created_at) "
             "VALUES (1, 'jobs', 'at_least', '" + d + "', 'absolute', '2024-01-01')");
  };
  CHECK_NOTHROW(insert_deadline("2024-02-29"));
  CHECK_THROWS_AS(insert_deadline("2023-02-30"), SQLite::Exception);
  CHECK_THROWS_AS(insert_deadline("2023-2-3"), SQLite::Exception);
  CHECK_THROWS_AS(insert_deadline("2023-13-01"), SQLite::Exception);
  CHECK_THROWS_AS(sql.exec("INSERT INTO agreement (kind, created_at) VALUES ('handshake', '2024-01-01')"),
                  SQLite::Exception);
  CHECK_THROWS_AS(sql.exec("INSERT INTO commitment (agreement_id, metric, comparator, deadline_kind, created_at) "
                           "VALUES (1, 'happiness', 'at_least', 'none', '2024-01-01')"),
                  SQLite::Exception);
  CHECK_THROWS_AS(sql.exec("INSERT INTO commitment (agreement_id, metric, target, comparator, deadline_kind, "
                           "created_at) VALUES (1, 'jobs', -5, 'at_least', 'none', '2024-01-01')"),
                  SQLite::Exception);
  // STRICT: a text where a number belongs.
  CHECK_THROWS_AS(sql.exec("INSERT INTO commitment (agreement_id, metric, target, comparator, deadline_kind, "
                           "created_at) VALUES (1, 'jobs', 'many', 'at_least', 'none', '2024-01-01')"),
                  SQLite::Exception);
  CHECK(sql.execAndGet("SELECT count(*) FROM commitment").getInt() == 1);
}

TEST_CASE("check: a healthy database has no problems, a dangling foreign key is reported") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  CHECK(db.check().empty());
  db.sql().exec("PRAGMA foreign_keys = OFF");
  db.sql().exec("INSERT INTO commitment (agreement_id, metric, comparator, deadline_kind, created_at) "
                "VALUES (77, 'jobs', 'at_least', 'none', '2024-01-01')");
  db.sql().exec("PRAGMA foreign_keys = ON");
  const auto problems = db.check();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("commitment") != std::string::npos);
  CHECK(problems[0].find("agreement") != std::string::npos);
}

TEST_CASE("open: regions are seeded on a new database") {
  TempDir t;
  auto db = Database::open(t.file("a.db"));
  CHECK(db.sql().execAndGet("SELECT count(*) FROM region WHERE code = 'MA'").getInt() == 1);
}

TEST_CASE("open: several connections creating the same new database at once all succeed") {
  TempDir t;
  const auto path = t.file("race.db");
  std::vector<std::string> errors(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < errors.size(); ++i)
    threads.emplace_back([&, i] {
      try {
        auto db = Database::open(path);
        if (db.schema_version() != Database::code_version()) errors[i] = "not migrated";
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& e : errors) CHECK(e == "");
  auto db = Database::open(path);
  CHECK(db.sql().execAndGet("SELECT count(*) FROM schema_migrations").getInt() == Database::code_version());
  CHECK(db.check().empty());
}

TEST_CASE("WriteTransaction: a cached statement left on a row does not block the next write") {
  // Regression (concurrent writers): the open SELECT kept a WAL snapshot; once another connection
  // committed, BEGIN IMMEDIATE failed at once with "database is locked", whatever the busy timeout.
  TempDir t;
  const auto path = t.file("a.db");
  OpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto a = Database::open(path, quick);
  auto b = Database::open(path, quick);
  auto& pending = a.statement("SELECT code FROM region");
  REQUIRE(pending.executeStep());
  REQUIRE(pending.executeStep());  // still on a row: a's read snapshot stays open
  {
    WriteTransaction other(b);
    b.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('Other', 'company', '2024-01-01')");
    other.commit();
  }
  WriteTransaction mine(a);
  a.sql().exec("INSERT INTO party (name, kind, created_at) VALUES ('Mine', 'company', '2024-01-01')");
  mine.commit();
  CHECK(a.sql().execAndGet("SELECT count(*) FROM party").getInt() == 2);
}

TEST_CASE("WriteTransaction: a read-only database is refused by name before the first write") {
  TempDir t;
  const auto path = t.file("a.db");
  { auto db = Database::open(path); }
  OpenOptions ro;
  ro.read_only = true;
  auto db = Database::open(path, ro);
  const auto msg = error_of([&] { WriteTransaction tx(db); });
  CHECK(msg.find(path) != std::string::npos);
  CHECK(msg.find("read-only") != std::string::npos);
}

namespace {
struct EnvVar {
  const char* name;
  EnvVar(const char* n, const char* value) : name(n) { setenv(n, value, 1); }
  ~EnvVar() { unsetenv(name); }
};
}  // namespace

TEST_CASE("open: PLEDGEDB_MAX_PAGE_COUNT simulates a full disk and the failed write rolls back whole") {
  TempDir t;
  const auto path = t.file("a.db");
  std::int64_t pages = 0;
  {
    auto db = Database::open(path);
    pages = db.sql().execAndGet("PRAGMA page_count").getInt64();
  }
  EnvVar cap("PLEDGEDB_MAX_PAGE_COUNT", std::to_string(pages + 2).c_str());
  auto db = Database::open(path);
  CHECK(db.sql().execAndGet("PRAGMA max_page_count").getInt64() == pages + 2);
  std::string message;
  try {
    WriteTransaction tx(db);
    auto& insert = db.statement("INSERT INTO party (name, kind, created_at) VALUES (?, 'company', '2024-01-01')");
    for (int i = 0; i < 2000; ++i) {
      insert.bind(1, "Party number " + std::to_string(i) + std::string(200, 'x'));
      insert.exec();
      insert.reset();
    }
    tx.commit();
  } catch (const SQLite::Exception& e) {
    message = pledgedb::store::database_error(path, e).what();
  }
  CHECK(message.find(path) != std::string::npos);
  CHECK(message.find("database or disk is full") != std::string::npos);
  CHECK(db.sql().execAndGet("SELECT count(*) FROM party").getInt() == 0);
  CHECK(db.check().empty());
}

TEST_CASE("open: a PLEDGEDB_MAX_PAGE_COUNT that is not a number is named") {
  TempDir t;
  EnvVar cap("PLEDGEDB_MAX_PAGE_COUNT", "10k");
  const auto msg = error_of([&] { Database::open(t.file("a.db")); });
  CHECK(msg == "PLEDGEDB_MAX_PAGE_COUNT: '10k' is not a positive number of pages");
}
