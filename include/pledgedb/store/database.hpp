#pragma once
// The database connection: opening, migrations, transactions and the statement cache.
// Only the store layer (src/store/) runs SQL; everything else calls store functions.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgedb/error.hpp"

namespace pledgedb::store {

struct OpenOptions {
  bool create = true;      // create the file when missing (init); false: missing file is an error
  bool migrate = true;     // apply pending migrations; false: refuse an outdated database
  bool read_only = false;  // open read-only (reports)
  int busy_timeout_ms = 10000;
  // false: open the database as it is, without refusing a newer, changed or outdated schema
  // (for `db status`, `db check` and `db migrate`, which report or fix those themselves).
  bool check_schema = true;
};

struct MigrationInfo {
  int version = 0;
  std::string name;
  std::string sha256;      // of the embedded file
  std::string applied_at;  // empty when pending
};

// One connection; use one per thread. Opens with foreign_keys=ON, journal_mode=WAL,
// busy_timeout, synchronous=NORMAL. Testing/safety knob: the environment variable
// PLEDGEDB_MAX_PAGE_COUNT=N caps the file at N pages (PRAGMA max_page_count) so that "disk full"
// can be simulated; writes past it fail with SQLITE_FULL and roll back. Throws DatabaseError naming the path and the versions
// when the database is newer than the code or an applied migration's checksum changed.
class Database {
 public:
  static Database open(const std::string& path, const OpenOptions& options = {});
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  const std::string& path() const { return path_; }
  int schema_version();              // PRAGMA user_version
  static int code_version();         // highest embedded migration
  std::vector<MigrationInfo> migrations();  // embedded ones, with applied_at when applied
  int migrate();                     // applies pending migrations, returns how many
  // Everything wrong with the file: PRAGMA integrity_check, foreign_key_check, and the
  // migration bookkeeping (newer, unknown or changed migrations). Empty when healthy. Reads only.
  std::vector<std::string> check();
  // Row count of every table (not SQLite's own, not full-text index internals), by name.
  std::vector<std::pair<std::string, std::int64_t>> table_counts();

  // A cached prepared statement, reset and with bindings cleared: reuse, never re-prepare.
  // The same SQL gives the same object, so finish with one before asking for it again.
  SQLite::Statement& statement(std::string_view sql);
  // Resets every cached statement. A cached SELECT left on a row keeps a read transaction (a WAL
  // snapshot) open; once another process commits, that stale snapshot makes BEGIN IMMEDIATE fail
  // with SQLITE_BUSY at once (no busy wait helps) and blocks checkpoints. WriteTransaction calls
  // this before BEGIN and after COMMIT/ROLLBACK.
  void reset_statements();
  SQLite::Database& sql() { return *db_; }
  // True while a WriteGroup holds an open transaction: WriteTransactions become savepoints.
  bool in_group() const { return group_open_; }

 private:
  friend class WriteGroup;
  friend class WriteTransaction;
  Database(std::string path, std::unique_ptr<SQLite::Database> db);
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
  bool group_open_ = false;
};

// A SQLite failure as a DatabaseError naming the database and the problem in the user's terms
// (disk full, read-only, locked by another process, corrupt), with SQLite's own text after it.
DatabaseError database_error(const std::string& path, const SQLite::Exception& e, std::string_view doing = {});

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed (never throws there).
// Nothing has been written when BEGIN IMMEDIATE waits for the write lock, so when another
// process holds it past the busy timeout the BEGIN is retried a few times (with a random pause)
// before giving up with "locked by another process".
// Inside an open WriteGroup it is a SAVEPOINT instead: commit() releases it into the group's
// transaction, the destructor rolls back only what was written since it began.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool nested_ = false;
  bool done_ = false;
};

// Group commit: one SQLite transaction (BEGIN IMMEDIATE ... COMMIT) around several
// WriteTransactions, each of which is then a savepoint, all or nothing on its own. Committing once
// per group instead of once per source saves the WAL frames and the commit of every source;
// what a crash loses is the uncommitted group (never part of a source). The group's sources are
// indexed for full-text search in one statement right before COMMIT (migration 0004). begin() and commit() may
// be called again and again; the destructor rolls back an uncommitted group (never throws).
class WriteGroup {
 public:
  explicit WriteGroup(Database& db) : db_(db) {}
  ~WriteGroup();
  WriteGroup(const WriteGroup&) = delete;
  WriteGroup& operator=(const WriteGroup&) = delete;
  void begin();   // no-op when already open
  void commit();  // no-op when not open; throws DatabaseError when COMMIT fails (the group is lost)
  void rollback();
  bool open() const { return db_.group_open_; }
  // False once SQLite has rolled the whole transaction back by itself (after an I/O error, say):
  // everything written since begin() is gone.
  bool alive() const;

 private:
  Database& db_;
  std::int64_t first_source_ = 0;  // sources with a larger id were stored by this group
};

}  // namespace pledgedb::store
