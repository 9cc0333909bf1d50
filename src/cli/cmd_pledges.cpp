// `pledgedb pledges`: every commitment with its status as of --as-of, filtered and sorted.
#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/query/pledges.hpp"
#include "pledgedb/report/tables.hpp"

namespace pledgedb::cli {

namespace {
struct PledgesOptions {
  query::PledgeFilter filter;
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
}  // namespace

// Read-only: listing never changes the database.
store::Database open_for_reading(const Context& ctx) {
  store::OpenOptions options;
  options.create = false;
  options.migrate = false;
  options.read_only = true;
  return open_db(ctx, options);
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
  on_run(cmd, [&ctx, opts] {
    auto filter = opts->filter;
    filter.statuses = split_list(opts->status);
    filter.due_before = date_option(opts->due_before, "--due-before");
    filter.due_after = date_option(opts->due_after, "--due-after");
    const Date as_of = ctx.as_of();
    const auto format = ctx.output_format();  // reject a bad --format before touching the database
    (void)format;
    auto db = open_for_reading(ctx);
    ctx.emit(report::pledges_table(query::list_pledges(db, filter, as_of)));
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
