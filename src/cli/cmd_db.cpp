// `pledgedb init` and `pledgedb db status|migrate|check`: the database's own housekeeping.
#include <fmt/format.h>

#include <iostream>
#include <string>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/report/table.hpp"
#include "pledgedb/store/database.hpp"

namespace pledgedb::cli {

namespace {

// Opens the file as it is: these commands report on or repair what open_db would refuse.
store::Database open_as_is(const Context& ctx) {
  store::OpenOptions options;
  options.create = false;
  options.migrate = false;
  options.check_schema = false;
  return open_db(ctx, options);
}

report::Table status_table(store::Database& db) {
  using report::ColumnType;
  report::Table t;
  t.columns = {{"section", ColumnType::text},
               {"name", ColumnType::text},
               {"value", ColumnType::integer},
               {"detail", ColumnType::text}};
  const int schema = db.schema_version();
  const int code = store::Database::code_version();
  std::int64_t pending = 0;
  const auto migrations = db.migrations();
  for (const auto& m : migrations)
    if (m.applied_at.empty()) ++pending;
  std::string state = schema > code ? "newer than this pledgedb: upgrade pledgedb"
                      : pending > 0 ? "outdated: run 'pledgedb db migrate'"
                                    : "current";
  t.rows.push_back({std::string("schema"), std::string("schema_version"), std::int64_t{schema}, state});
  t.rows.push_back({std::string("schema"), std::string("code_version"), std::int64_t{code}, std::monostate{}});
  t.rows.push_back({std::string("schema"), std::string("pending_migrations"), pending, std::monostate{}});
  for (const auto& m : migrations)
    t.rows.push_back({std::string("migration"), fmt::format("{:04d}_{}", m.version, m.name), std::int64_t{m.version},
                      m.applied_at.empty() ? std::string("pending") : "applied " + m.applied_at});
  for (const auto& [name, rows] : db.table_counts())
    t.rows.push_back({std::string("table"), name, rows, std::monostate{}});
  return t;
}

}  // namespace

static Registrar init_reg(10, [](CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "Create the database (or bring it up to date); safe to repeat");
  on_run(cmd, [&ctx] {
    auto db = open_db(ctx, true);
    if (!ctx.quiet) std::cerr << fmt::format("initialised {} (schema version {})\n", db.path(), db.schema_version());
    return exit_ok;
  });
});

static Registrar db_reg(90, [](CLI::App& app, Context& ctx) {
  auto* db_cmd = app.add_subcommand("db", "Database housekeeping: status, migrate, check");
  db_cmd->require_subcommand(1);

  auto* status = db_cmd->add_subcommand("status", "Schema and code versions, migrations, and row counts per table");
  on_run(status, [&ctx] {
    auto db = open_as_is(ctx);
    ctx.emit(status_table(db));
    return exit_ok;
  });

  auto* migrate = db_cmd->add_subcommand("migrate", "Apply pending migrations (refuses a database newer than pledgedb)");
  on_run(migrate, [&ctx] {
    auto db = open_as_is(ctx);
    const int applied = db.migrate();
    if (!ctx.quiet)
      std::cerr << fmt::format("{}: applied {} migration{}; schema version {}\n", db.path(), applied,
                               applied == 1 ? "" : "s", db.schema_version());
    return exit_ok;
  });

  auto* check = db_cmd->add_subcommand(
      "check", "Check integrity, foreign keys and migration checksums; exit 1 when anything is wrong");
  on_run(check, [&ctx] {
    auto db = open_as_is(ctx);
    const auto problems = db.check();
    if (ctx.output_format() == report::Format::table) {
      std::string text;
      for (const auto& p : problems) text += p + "\n";
      ctx.write_output(problems.empty() ? std::string("ok\n") : text);
    } else {
      report::Table t;
      t.columns = {{"problem", report::ColumnType::text}};
      for (const auto& p : problems) t.rows.push_back({p});
      ctx.emit(t);
    }
    if (!problems.empty() && !ctx.quiet)
      std::cerr << fmt::format("error: {}: {} problem{} found\n", db.path(), problems.size(),
                               problems.size() == 1 ? "" : "s");
    return problems.empty() ? exit_ok : exit_error;
  });
});

}  // namespace pledgedb::cli
