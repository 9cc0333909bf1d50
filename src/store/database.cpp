#include "pledgedb/store/database.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <system_error>
#include <thread>

#include "core/embedded.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/store/regions.hpp"
#include "store/migrate.hpp"

namespace pledgedb::store {

namespace fs = std::filesystem;

namespace {

bool is_memory(const std::string& path) { return path == ":memory:" || path.empty(); }

// SQLite reports a foreign file only when it first reads it; name the file and say what it is.
[[noreturn]] void rethrow_open_error(const std::string& path, const SQLite::Exception& e) {
  if (e.getErrorCode() == SQLITE_NOTADB)
    throw DatabaseError(fmt::format("{}: not a SQLite database ({})", path, e.what()));
  if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
    throw BusyError(fmt::format("{}: database is locked by another process ({})", path, e.what()));
  throw DatabaseError(fmt::format("{}: cannot open the database: {}", path, e.what()));
}

// PLEDGEDB_MAX_PAGE_COUNT (testing/safety knob): a page budget for the file, to simulate a full disk.
std::optional<long long> max_page_count_from_env() {
  const char* v = std::getenv("PLEDGEDB_MAX_PAGE_COUNT");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (errno != 0 || *end != '\0' || n <= 0)
    throw DatabaseError(fmt::format("PLEDGEDB_MAX_PAGE_COUNT: '{}' is not a positive number of pages", v));
  return n;
}

bool is_busy(int code) { return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED; }

const std::vector<Migration>& embedded_migrations() {
  static const std::vector<Migration> list = parse_migrations(embedded::migrations());
  return list;
}

bool regions_empty(SQLite::Database& db) {
  if (!db.tableExists("region")) return false;  // an older schema: nothing to seed into
  return db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM region)").getInt() != 0;
}

}  // namespace

Database::Database(std::string path, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

Database::Database(Database&&) noexcept = default;

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    cache_.clear();  // statements must go before the connection they belong to
    path_ = std::move(other.path_);
    db_ = std::move(other.db_);
    cache_ = std::move(other.cache_);
    group_open_ = other.group_open_;
  }
  return *this;
}

Database::~Database() { cache_.clear(); }

Database Database::open(const std::string& path, const OpenOptions& options) {
  // SQLite's memory statistics take a global mutex on every malloc/free (about a tenth of the
  // writer's time in a batch ingest); nothing here reads them. Only possible before SQLite
  // initialises; later calls are refused harmlessly (SQLITE_MISUSE).
  static const int no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)no_memstatus;
  if (!is_memory(path)) {
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (!exists) {
      if (!options.create || options.read_only)
        throw DatabaseError(fmt::format("{}: no such database (run 'pledgedb init')", path));
      fs::path dir = fs::path(path).parent_path();
      if (dir.empty()) dir = ".";
      if (!fs::is_directory(dir, ec))
        throw DatabaseError(
            fmt::format("cannot create database {}: directory {} does not exist", path, dir.string()));
    } else if (fs::is_directory(path, ec)) {
      throw DatabaseError(fmt::format("{}: is a directory, not a database file", path));
    }
  }

  // Several processes may create or migrate one new file at once: a lock they hold past our
  // busy timeout (or a snapshot SQLite cannot upgrade) makes the whole open start again, which
  // is safe because each migration re-checks the version once it holds the write lock.
  auto once = [&]() -> Database {
    const int flags = options.read_only ? SQLite::OPEN_READONLY
                      : options.create  ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
                                        : SQLite::OPEN_READWRITE;
    std::unique_ptr<SQLite::Database> conn;
    try {
      conn = std::make_unique<SQLite::Database>(is_memory(path) ? std::string(":memory:") : path, flags,
                                                options.busy_timeout_ms);
      // The first statements read the header: a foreign file fails here with SQLITE_NOTADB.
      conn->exec("PRAGMA foreign_keys = ON");
      if (!options.read_only) {
        conn->execAndGet("PRAGMA journal_mode = WAL");
        conn->exec("PRAGMA synchronous = NORMAL");
        // Cannot go below the current size: SQLite then keeps the current page count.
        if (const auto pages = max_page_count_from_env())
          (void)conn->execAndGet(fmt::format("PRAGMA max_page_count = {}", *pages));
      }
      (void)conn->execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    } catch (const SQLite::Exception& e) {
      rethrow_open_error(path, e);
    }

    Database db(path, std::move(conn));
    try {
      if (options.check_schema) {
        const auto& migrations = embedded_migrations();
        // One read transaction: user_version and the bookkeeping rows must come from the same
        // snapshot, or a migration committed by another process in between looks like tampering.
        std::vector<std::string> problems;
        std::vector<Migration> pending;
        {
          SQLite::Transaction snapshot(db.sql());
          problems = migration_problems(db.sql(), migrations, path);
          if (problems.empty()) pending = pending_migrations(db.sql(), migrations);
          snapshot.commit();
        }
        if (!problems.empty()) throw DatabaseError(problems.front());
        if (!pending.empty() && (options.read_only || !options.migrate))
          throw DatabaseError(fmt::format("{}: database schema version {} is older than this pledgedb ({}); "
                                          "run 'pledgedb db migrate'",
                                          path, db.schema_version(), code_version()));
        int applied = 0;
        if (!pending.empty()) applied = db.migrate();
        // Seed the regions on a new database (or one whose seeding was interrupted).
        if (!options.read_only && applied == 0 && regions_empty(db.sql())) sync_regions(db);
      }
    } catch (const SQLite::Exception& e) {
      rethrow_open_error(path, e);
    }
    return db;
  };
  std::mt19937 rng(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    try {
      return once();
    } catch (const BusyError&) {
      if (attempt >= 20) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(10 + rng() % 90));
    }
  }
}

int Database::schema_version() { return user_version(*db_); }

int Database::code_version() {
  const auto& m = embedded_migrations();
  return m.empty() ? 0 : m.back().version;
}

std::vector<MigrationInfo> Database::migrations() {
  std::vector<MigrationInfo> out;
  const auto applied = applied_migrations(*db_);
  for (const auto& m : embedded_migrations()) {
    MigrationInfo info{m.version, m.name, m.sha256, {}};
    for (const auto& a : applied)
      if (a.version == m.version) info.applied_at = a.applied_at;
    out.push_back(std::move(info));
  }
  return out;
}

int Database::migrate() {
  cache_.clear();  // prepared statements may name tables a migration rebuilds
  const int applied = apply_migrations(*db_, embedded::migrations(), path_);
  if (applied > 0 && regions_empty(*db_)) sync_regions(*this);
  return applied;
}

std::vector<std::string> Database::check() {
  std::vector<std::string> problems;
  {
    SQLite::Statement q(*db_, "PRAGMA integrity_check");
    while (q.executeStep()) {
      std::string line = q.getColumn(0).getString();
      if (line != "ok") problems.push_back(fmt::format("{}: integrity: {}", path_, line));
    }
  }
  {
    SQLite::Statement q(*db_, "PRAGMA foreign_key_check");
    while (q.executeStep()) {
      // table, rowid (NULL for WITHOUT ROWID tables), referenced table, foreign key index
      const std::string rowid = q.getColumn(1).isNull() ? std::string("?") : q.getColumn(1).getString();
      problems.push_back(fmt::format("{}: foreign key: {} row {} refers to a missing {} row", path_,
                                     q.getColumn(0).getString(), rowid, q.getColumn(2).getString()));
    }
  }
  for (auto& p : migration_problems(*db_, embedded_migrations(), path_)) problems.push_back(std::move(p));
  if (problems.empty()) {
    if (const auto pending = pending_migrations(*db_, embedded_migrations()); !pending.empty())
      problems.push_back(fmt::format("{}: {} migration(s) pending (schema version {}, this pledgedb has {}); run "
                                     "'pledgedb db migrate'",
                                     path_, pending.size(), schema_version(), code_version()));
  }
  return problems;
}

std::vector<std::pair<std::string, std::int64_t>> Database::table_counts() {
  std::vector<std::string> names;
  {
    // Ordinary tables only: virtual tables (FTS5) and their shadow tables are index internals.
    SQLite::Statement q(*db_, R"(
      SELECT m.name FROM sqlite_master AS m
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
        AND NOT EXISTS (SELECT 1 FROM sqlite_master AS v
                        WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                          AND m.name LIKE v.name || '\_%' ESCAPE '\')
      ORDER BY m.name)");
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
  }
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& name : names) {
    // A table name cannot be a bound parameter; it comes from sqlite_master and is quoted.
    std::string quoted = "\"";
    for (char c : name) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
    quoted += '"';
    out.emplace_back(name, db_->execAndGet("SELECT count(*) FROM " + quoted).getInt64());
  }
  return out;
}

SQLite::Statement& Database::statement(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    auto stmt = std::make_unique<SQLite::Statement>(*db_, key);
    it = cache_.emplace(std::move(key), std::move(stmt)).first;
  } else {
    // tryReset: sqlite3_reset repeats the last step's error (a failed INSERT), which is not ours to throw.
    it->second->tryReset();
    it->second->clearBindings();
  }
  return *it->second;
}

// A lock held too long is thrown as BusyError (callers may retry the whole operation).
DatabaseError database_error(const std::string& path, const SQLite::Exception& e, std::string_view doing) {
  const std::string what = doing.empty() ? std::string() : std::string(doing) + ": ";
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_FULL:
      return DatabaseError(fmt::format("{}: {}database or disk is full; nothing of this write was stored ({})", path,
                                       what, e.what()));
    case SQLITE_READONLY:
      return DatabaseError(fmt::format("{}: {}the database is read-only (check the file's and its folder's "
                                       "permissions and the file system) ({})",
                                       path, what, e.what()));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw BusyError(fmt::format("{}: {}database is locked by another process ({})", path, what, e.what()));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DatabaseError(fmt::format("{}: {}the database file is damaged; run 'pledgedb db check' ({})", path, what,
                                       e.what()));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return DatabaseError(fmt::format("{}: {}input/output error ({})", path, what, e.what()));
    default:
      return DatabaseError(fmt::format("{}: {}{}", path, what, e.what()));
  }
}

void Database::reset_statements() {
  for (auto& [sql, stmt] : cache_) stmt->tryReset();
}

namespace {

// SQLite quietly opens a file it may not write read-only, and in WAL mode even BEGIN IMMEDIATE
// then succeeds: say so before the first INSERT fails half-way through a document.
void require_writable(Database& db) {
  if (sqlite3_db_readonly(db.sql().getHandle(), "main") == 1)
    throw DatabaseError(fmt::format("{}: the database is read-only (opened read-only, or the file or its "
                                    "folder cannot be written): nothing was stored",
                                    db.path()));
}

void begin_immediate(Database& db) {
  // Each attempt already waited busy_timeout inside SQLite; a few more with a random pause let a
  // long writer (a migration, a big document) finish instead of failing a whole batch.
  constexpr int attempts = 5;
  for (int attempt = 1;; ++attempt) {
    db.reset_statements();
    try {
      db.sql().exec("BEGIN IMMEDIATE");
      return;
    } catch (const SQLite::Exception& e) {
      if (!is_busy(e.getErrorCode()) || attempt == attempts)
        throw database_error(db.path(), e, "cannot start a write transaction");
    }
    thread_local std::minstd_rand rng{std::random_device{}()};
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 200));
  }
}

bool in_transaction(Database& db) { return sqlite3_get_autocommit(db.sql().getHandle()) == 0; }

}  // namespace

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
  require_writable(db_);
  if (db_.group_open_) {
    if (!in_transaction(db_))
      throw DatabaseError(fmt::format("{}: the group's write transaction was rolled back by SQLite", db_.path()));
    nested_ = true;
    try {
      db_.sql().exec("SAVEPOINT source");
    } catch (const SQLite::Exception& e) {
      throw database_error(db_.path(), e, "cannot start a savepoint");
    }
    return;
  }
  begin_immediate(db_);
}

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    db_.reset_statements();
    if (!in_transaction(db_)) return;  // SQLite already rolled everything back
    if (nested_) {
      // Undo this source only; the group's earlier sources stay.
      db_.sql().exec("ROLLBACK TO source");
      db_.sql().exec("RELEASE source");
    } else {
      db_.sql().exec("ROLLBACK");
    }
  } catch (...) {
    // A destructor must not throw; SQLite rolls back on close anyway.
  }
}

void WriteTransaction::commit() {
  try {
    // A statement still on a row would keep the snapshot after COMMIT; a RELEASE inside the
    // group's transaction ends no snapshot (the group's COMMIT resets them all).
    if (!nested_) db_.reset_statements();
    db_.sql().exec(nested_ ? "RELEASE source" : "COMMIT");
  } catch (const SQLite::Exception& e) {
    throw database_error(db_.path(), e, "commit failed");
  }
  done_ = true;
}

void WriteGroup::begin() {
  if (db_.group_open_) return;
  require_writable(db_);
  begin_immediate(db_);
  db_.group_open_ = true;
  // The write lock is ours until COMMIT: every source with a larger id is of this group.
  try {
    first_source_ = db_.sql().execAndGet("SELECT coalesce(max(id), 0) FROM source").getInt64();
  } catch (const SQLite::Exception& e) {
    rollback();
    throw database_error(db_.path(), e, "cannot start a write transaction");
  }
}

bool WriteGroup::alive() const { return db_.group_open_ && sqlite3_get_autocommit(db_.sql().getHandle()) == 0; }

void WriteGroup::commit() {
  if (!db_.group_open_) return;
  db_.group_open_ = false;
  if (!in_transaction(db_))
    throw DatabaseError(fmt::format("{}: the write transaction was rolled back by SQLite before its commit", db_.path()));
  try {
    db_.reset_statements();
    // One FTS5 statement for the whole group: one segment written instead of one per source.
    SQLite::Statement fts(db_.sql(),
                          "INSERT INTO source_fts (rowid, title, text) SELECT id, title, text FROM source WHERE id > ?");
    fts.bind(1, first_source_);
    fts.exec();
    db_.sql().exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    try {
      if (in_transaction(db_)) db_.sql().exec("ROLLBACK");
    } catch (...) {
    }
    throw database_error(db_.path(), e, "commit failed");
  }
}

void WriteGroup::rollback() {
  if (!db_.group_open_) return;
  db_.group_open_ = false;
  try {
    db_.reset_statements();
    if (in_transaction(db_)) db_.sql().exec("ROLLBACK");
  } catch (...) {
  }
}

WriteGroup::~WriteGroup() { rollback(); }

}  // namespace pledgedb::store
