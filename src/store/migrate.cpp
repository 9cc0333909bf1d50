#include "store/migrate.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pledgedb/error.hpp"
#include "pledgedb/sha256.hpp"

namespace pledgedb::store {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_'; }

std::string db_label(SQLite::Database& db, std::string_view label) {
  if (!label.empty()) return std::string(label);
  const std::string& f = db.getFilename();
  return f.empty() ? std::string(":memory:") : f;
}

bool table_exists(SQLite::Database& db, const char* name) { return db.tableExists(name); }

// Restores the connection after a failed migration; never throws (the original error matters).
void rollback_quietly(SQLite::Database& db) noexcept {
  try {
    if (sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
  } catch (...) {
  }
}

}  // namespace

std::string Migration::label() const { return fmt::format("{:04d}_{}", version, name); }

std::vector<Migration> parse_migrations(std::span<const embedded::File> files) {
  std::vector<Migration> out;
  for (const auto& f : files) {
    // NNNN_name.sql: digits, '_', lowercase name, ".sql".
    const std::string_view n = f.name;
    std::size_t i = 0;
    while (i < n.size() && is_digit(n[i])) ++i;
    const bool ok = i >= 4 && i < 9 && i < n.size() && n[i] == '_' && n.size() > i + 5 &&
                    n.substr(n.size() - 4) == ".sql" &&
                    std::all_of(n.begin() + static_cast<std::ptrdiff_t>(i) + 1, n.end() - 4, is_name_char);
    if (!ok)
      throw DatabaseError(fmt::format("migration file name '{}' is not NNNN_name.sql (4 digits, lowercase name)", n));
    Migration m;
    for (std::size_t j = 0; j < i; ++j) m.version = m.version * 10 + (n[j] - '0');
    m.name = std::string(n.substr(i + 1, n.size() - i - 5));
    m.sql = f.data;
    m.sha256 = sha256_hex(f.data);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].version != static_cast<int>(k) + 1)
      throw DatabaseError(fmt::format("migration {} breaks the sequence: expected version {} (versions start at 1, "
                                      "without gaps or duplicates)",
                                      out[k].label(), k + 1));
  }
  return out;
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

std::vector<AppliedMigration> applied_migrations(SQLite::Database& db) {
  std::vector<AppliedMigration> out;
  if (!table_exists(db, "schema_migrations")) return out;
  SQLite::Statement q(db, "SELECT version, name, sha256, applied_at FROM schema_migrations ORDER BY version");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

std::vector<std::string> migration_problems(SQLite::Database& db, std::span<const Migration> migrations,
                                            std::string_view label) {
  std::vector<std::string> problems;
  const std::string path = db_label(db, label);
  const int code = migrations.empty() ? 0 : migrations.back().version;
  const int uv = user_version(db);
  if (uv > code) {
    problems.push_back(fmt::format("{}: database schema version {} is newer than this pledgedb (knows up to {}); "
                                   "upgrade pledgedb",
                                   path, uv, code));
    return problems;  // nothing else can be judged with older code
  }
  if (!table_exists(db, "schema_migrations")) {
    const int objects =
        db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").getInt();
    if (objects > 0 || uv != 0)
      problems.push_back(fmt::format("{}: not a pledgedb database (it has {} schema objects and user_version {} but "
                                     "no schema_migrations table)",
                                     path, objects, uv));
    return problems;
  }
  std::map<int, const Migration*> known;
  for (const auto& m : migrations) known[m.version] = &m;
  int highest = 0;
  for (const auto& a : applied_migrations(db)) {
    highest = std::max(highest, a.version);
    const auto it = known.find(a.version);
    if (it == known.end()) {
      problems.push_back(fmt::format("{}: applied migration {:04d}_{} is unknown to this pledgedb (knows up to {}); "
                                     "upgrade pledgedb",
                                     path, a.version, a.name, code));
      continue;
    }
    const Migration& m = *it->second;
    if (a.sha256 != m.sha256)
      problems.push_back(fmt::format("{}: migration {} was changed after it was applied: the database recorded "
                                     "sha256 {}, this pledgedb has {}; restore the file and put the change in a new "
                                     "migration",
                                     path, m.label(), a.sha256, m.sha256));
  }
  if (highest != uv)
    problems.push_back(fmt::format("{}: schema_migrations records version {} but PRAGMA user_version is {}; the "
                                   "database was changed outside pledgedb",
                                   path, highest, uv));
  return problems;
}

std::vector<Migration> pending_migrations(SQLite::Database& db, std::span<const Migration> migrations) {
  const int uv = user_version(db);
  std::vector<Migration> out;
  for (const auto& m : migrations)
    if (m.version > uv) out.push_back(m);
  return out;
}

int apply_migrations(SQLite::Database& db, std::span<const embedded::File> files, std::string_view label) {
  const std::string path = db_label(db, label);
  const auto migrations = parse_migrations(files);
  if (auto problems = migration_problems(db, migrations, path); !problems.empty()) throw DatabaseError(problems.front());

  int applied = 0;
  for (const auto& m : migrations) {
    try {
      db.exec("BEGIN IMMEDIATE");
      // Another process may have migrated while we waited for the write lock.
      if (user_version(db) >= m.version) {
        db.exec("COMMIT");
        continue;
      }
      db.exec(std::string(schema_migrations_sql));
      db.exec(std::string(m.sql));
      SQLite::Statement row(db,
                            "INSERT INTO schema_migrations (version, name, sha256, applied_at) "
                            "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      row.bind(1, m.version);
      row.bind(2, m.name);
      row.bind(3, m.sha256);
      row.exec();
      // PRAGMA takes no bound parameters; the version is an integer we parsed.
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
      db.exec("COMMIT");
      ++applied;
    } catch (const SQLite::Exception& e) {
      rollback_quietly(db);
      throw DatabaseError(fmt::format("{}: migration {} failed: {}; the database stays at schema version {}", path,
                                      m.label(), e.what(), user_version(db)));
    } catch (...) {
      rollback_quietly(db);
      throw;
    }
  }
  return applied;
}

}  // namespace pledgedb::store
