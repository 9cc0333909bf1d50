// `pledgedb report overdue|due|regions|html`: progress against targets as of --as-of.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/query/pledges.hpp"
#include "pledgedb/query/status.hpp"
#include "pledgedb/report/html.hpp"
#include "pledgedb/report/tables.hpp"

namespace pledgedb::cli {

// cmd_pledges.cpp
store::Database open_for_reading(const Context& ctx);
void add_limit_option(CLI::App* cmd, std::optional<std::size_t>& limit);
std::size_t row_limit(const Context& ctx, const std::optional<std::size_t>& limit);
void note_truncation(const Context& ctx, std::size_t shown, const query::Truncation& cut);

namespace {
struct ReportOptions {
  std::string within = "180d";
  std::string country;
  std::string region;
  std::string title = "Pledges";
  std::optional<std::size_t> limit;
};
}  // namespace

static Registrar report_reg(60, [](CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ReportOptions>();
  auto* report = app.add_subcommand("report", "Reports as of --as-of: overdue, due, regions, html");
  report->require_subcommand(1);

  auto* overdue = report->add_subcommand("overdue", "Commitments past their deadline and not met, most overdue first");
  overdue->add_option("--region", opts->region, "Only this region (code or name; includes sub-regions)");
  overdue->add_option("--country", opts->country, "Only this country (ISO 3166-1 alpha-2)");
  add_limit_option(overdue, opts->limit);
  on_run(overdue, [&ctx, opts] {
    const Date as_of = ctx.as_of();
    query::PledgeFilter f;
    f.region = opts->region;
    f.country = opts->country;
    f.limit = row_limit(ctx, opts->limit);
    auto db = open_for_reading(ctx);
    query::Truncation cut;
    const auto rows = query::overdue_pledges(db, as_of, f, &cut);
    ctx.emit(report::overdue_table(rows));
    note_truncation(ctx, rows.size(), cut);
    return exit_ok;
  });

  auto* due = report->add_subcommand("due", "Commitments whose deadline falls within the window after --as-of");
  due->add_option("--within", opts->within, "Window: Nd, Nw, Nm or Ny (default 180d)");
  due->add_option("--region", opts->region, "Only this region (code or name; includes sub-regions)");
  due->add_option("--country", opts->country, "Only this country (ISO 3166-1 alpha-2)");
  add_limit_option(due, opts->limit);
  on_run(due, [&ctx, opts] {
    const Date as_of = ctx.as_of();
    std::int64_t days = 0;
    try {
      days = query::parse_window_days(opts->within, as_of);
    } catch (const Error& e) {
      throw UsageError(std::string("--within: ") + e.what());
    }
    query::PledgeFilter f;
    f.region = opts->region;
    f.country = opts->country;
    f.limit = row_limit(ctx, opts->limit);
    auto db = open_for_reading(ctx);
    query::Truncation cut;
    const auto rows = query::due_pledges(db, as_of, days, f, &cut);
    ctx.emit(report::due_table(rows));
    note_truncation(ctx, rows.size(), cut);
    return exit_ok;
  });

  auto* regions = report->add_subcommand("regions", "Totals per first-level region: agreements, jobs, investment per currency");
  regions->add_option("--country", opts->country, "Only this country (ISO 3166-1 alpha-2)");
  on_run(regions, [&ctx, opts] {
    const Date as_of = ctx.as_of();
    auto db = open_for_reading(ctx);
    ctx.emit(report::regions_table(query::region_totals(db, as_of, opts->country)));
    return exit_ok;
  });

  auto* html = report->add_subcommand("html", "One self-contained HTML page (write it with -o FILE)");
  html->add_option("--title", opts->title, "Page title");
  html->add_option("--region", opts->region, "Only this region (code or name; includes sub-regions)");
  html->add_option("--country", opts->country, "Only this country (ISO 3166-1 alpha-2)");
  on_run(html, [&ctx, opts] {
    if (ctx.output.empty() || ctx.output == "-") throw UsageError("report html: give the file to write with -o FILE");
    const Date as_of = ctx.as_of();
    report::HtmlOptions o;
    o.title = opts->title;
    o.filter.region = opts->region;
    o.filter.country = opts->country;
    auto db = open_for_reading(ctx);
    ctx.write_output(report::html_report(db, as_of, o));
    if (!ctx.quiet) std::cerr << "wrote " << ctx.output << "\n";
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
