#pragma once
// Migration machinery behind Database::open/migrate, exposed so tests can feed their own lists
// of migrations (a broken one, a changed one) without touching the embedded files.
#include <SQLiteCpp/Database.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.hpp"

namespace pledgedb::store {

// The bookkeeping table, created in the first migration's transaction. scripts/update-schema.sh
// runs the same statement, so keep the two in step (the schema test notices when they drift).
inline constexpr std::string_view schema_migrations_sql =
    "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
    "  version    INTEGER PRIMARY KEY,\n"
    "  name       TEXT NOT NULL,\n"
    "  sha256     TEXT NOT NULL,\n"
    "  applied_at TEXT NOT NULL\n"
    ") STRICT";

struct Migration {
  int version = 0;        // NNNN of NNNN_name.sql
  std::string name;       // name of NNNN_name.sql
  std::string_view sql;   // the file's bytes
  std::string sha256;     // of the file's bytes
  std::string label() const;  // "0001_initial"
};

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string sha256;
  std::string applied_at;
};

// Parses and validates file names (NNNN_name.sql, versions 1..N without gaps or duplicates);
// throws DatabaseError naming the bad file. Sorted by version.
std::vector<Migration> parse_migrations(std::span<const embedded::File> files);

// Rows of schema_migrations (empty when the table does not exist), by version.
std::vector<AppliedMigration> applied_migrations(SQLite::Database& db);
int user_version(SQLite::Database& db);

// Why this database cannot be used with these migrations: newer than the code, an applied
// migration unknown or changed, bookkeeping out of step with user_version, or tables of
// another program. Each message starts with `label` (the database path). Reads only.
std::vector<std::string> migration_problems(SQLite::Database& db, std::span<const Migration> migrations,
                                            std::string_view label);

// Migrations not applied yet, in order (call after migration_problems() found none).
std::vector<Migration> pending_migrations(SQLite::Database& db, std::span<const Migration> migrations);

// Refuses (DatabaseError, no write) when migration_problems() finds any, then applies each
// pending migration in its own BEGIN IMMEDIATE transaction with its schema_migrations row and
// PRAGMA user_version. A failing migration is rolled back whole and reported; the ones before
// it stay. Returns how many were applied. `label` names the database in messages (default:
// its file name).
int apply_migrations(SQLite::Database& db, std::span<const embedded::File> files, std::string_view label = {});

}  // namespace pledgedb::store
