// `pledgedb pledges`: every commitment with its status as of --as-of, filtered and sorted.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/query/pledges.hpp"
#include "pledgedb/report/tables.hpp"
#include "pledgedb/store/reports.hpp"

namespace pledgedb::cli {

namespace {
struct PledgesOptions {
  query::PledgeFilter filter;
  std::optional<std::size_t> limit;
  std::string status;  // comma-separated
  std::string due_before, due_after;
};

std::optional<Date> date_option(const std::string& text, const char* name) {
  if (text.empty()) return std::nullopt;
  auto d = Date::try_parse(text);
  if (!d) throw UsageError(std::string(name) + ": '" + text + "' is not a date (expected YYYY-MM-DD)");
  return d;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  return out;
}
std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
}  // namespace

constexpr std::size_t default_table_limit = 100;

// A terminal table stops at 100 rows unless --limit says otherwise; csv, tsv, json, ndjson and
// md are for programs and files: complete unless --limit is given.
std::size_t row_limit(const Context& ctx, const std::optional<std::size_t>& limit) {
  if (limit) return *limit;
  return ctx.output_format() == report::Format::table ? default_table_limit : 0;
}

void note_truncation(const Context& ctx, std::size_t shown, const query::Truncation& cut) {
  if (!cut.more || ctx.quiet) return;
  if (cut.total)
    std::cerr << fmt::format("showing {} of {} rows (--limit 0 for all)\n", thousands(shown), thousands(*cut.total));
  else
    std::cerr << fmt::format("showing the first {} rows; more match (--limit 0 for all)\n", thousands(shown));
}

void add_limit_option(CLI::App* cmd, std::optional<std::size_t>& limit) {
  cmd->add_option("--limit", limit,
                  "At most N rows, 0 for all (default: 100 for --format table, all for the other formats)");
}

// Read-only: listing never changes the database.
store::Database open_for_reading(const Context& ctx) {
  store::OpenOptions options;
  options.create = false;
  options.migrate = false;
  options.read_only = true;
  auto db = open_db(ctx, options);
  store::tune_for_reading(db);
  return db;
}

static Registrar pledges_reg(40, [](CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<PledgesOptions>();
  auto* cmd = app.add_subcommand("pledges", "List commitments with their status as of --as-of");
  auto& f = opts->filter;
  cmd->add_option("--region", f.region, "Region code or name in any language; includes its provinces and cities");
  cmd->add_option("--country", f.country, "ISO 3166-1 alpha-2 country of the project");
  cmd->add_option("--party", f.party, "Party name or alias (the pledging party or any party to the agreement)");
  cmd->add_option("--metric", f.metric, "jobs, investment, training, capacity or other");
  cmd->add_option("--status", opts->status, "Computed status(es), comma-separated: met, overdue, overdue_no_data, "
                                            "on_track, behind, no_data, open, cancelled, withdrawn, suspended");
  cmd->add_option("--program", f.program, "Program, e.g. 'Digital Morocco 2030' (case-insensitive)");
  cmd->add_option("--sector", f.sector, "Sector (case-insensitive)");
  cmd->add_option("--due-before", opts->due_before, "Deadline before DATE (YYYY-MM-DD)");
  cmd->add_option("--due-after", opts->due_after, "Deadline after DATE (YYYY-MM-DD)");
  cmd->add_option("--sort", f.sort, "Column to sort by, '-column' for descending (default: deadline, then id)");
  add_limit_option(cmd, opts->limit);
  on_run(cmd, [&ctx, opts] {
    auto filter = opts->filter;
    filter.statuses = split_list(opts->status);
    filter.due_before = date_option(opts->due_before, "--due-before");
    filter.due_after = date_option(opts->due_after, "--due-after");
    const Date as_of = ctx.as_of();
    const auto format = ctx.output_format();  // reject a bad --format before touching the database
    (void)format;
    filter.limit = row_limit(ctx, opts->limit);
    auto db = open_for_reading(ctx);
    query::Truncation cut;
    const auto rows = query::list_pledges(db, filter, as_of, {}, &cut);
    ctx.emit(report::pledges_table(rows));
    note_truncation(ctx, rows.size(), cut);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
