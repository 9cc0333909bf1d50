// pledgedb: a thin command line over the library. Each subcommand parses its arguments,
// calls one library function and renders the result; errors are mapped to exit codes here.
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/context.hpp"
#include "pledgedb/error.hpp"

namespace pledgedb::cli {

namespace {
std::vector<std::pair<int, Register>>& registry() {
  static std::vector<std::pair<int, Register>> r;
  return r;
}
Action& pending_action() {
  static Action a;
  return a;
}

// The format named by an output file's extension (case-insensitive), if it names one.
std::optional<std::string> format_for_output_file(const std::string& path) {
  const auto dot = path.rfind('.');
  if (path.empty() || path == "-" || dot == std::string::npos || path.find('/', dot) != std::string::npos) return {};
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == "csv" || ext == "tsv" || ext == "json" || ext == "ndjson" || ext == "md") return ext;
  if (ext == "jsonl") return "ndjson";
  if (ext == "markdown") return "md";
  return {};
}
}  // namespace

Registrar::Registrar(int order, Register fn) { registry().emplace_back(order, std::move(fn)); }

void on_run(CLI::App* cmd, Action action) {
  cmd->callback([cmd, action = std::move(action)] {
    // Only the innermost chosen subcommand runs.
    for (auto* sub : cmd->get_subcommands())
      if (sub->parsed()) return;
    pending_action() = action;
  });
}

}  // namespace pledgedb::cli

int main(int argc, char** argv) {
  using namespace pledgedb::cli;
  Context ctx;
  if (const char* env = std::getenv("PLEDGEDB_DB"); env && *env) {
    ctx.db_path = env;
    ctx.db_named = true;
  } else {
    ctx.db_path = "pledges.db";
  }

  CLI::App app{"pledgedb: keeps the books on public investment pledges", "pledgedb"};
  app.set_version_flag("--version", std::string("pledgedb ") + PLEDGEDB_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may come before or after the command
  auto* db_opt = app.add_option("--db", ctx.db_path, "Database file (default $PLEDGEDB_DB or ./pledges.db)");
  auto* format_opt = app.add_option("--format,-f", ctx.format,
                                    "Output format: table, csv, tsv, json, ndjson, md (default: from the -o "
                                    "file's extension, else table)")
                         ->check(CLI::IsMember({"table", "csv", "tsv", "json", "ndjson", "md"}));
  app.add_option("-o,--output", ctx.output, "Write the output to FILE instead of stdout");
  app.add_flag("--no-headers", ctx.no_headers, "Omit the header row (table, csv, tsv, md)");
  app.add_option("--as-of", ctx.as_of_text, "Compute as of this date (YYYY-MM-DD; default today)");
  app.add_flag("-q,--quiet", ctx.quiet, "Print no summaries on stderr");

  auto& reg = registry();
  std::stable_sort(reg.begin(), reg.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, fn] : reg) fn(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\n" << "Run with --help for more information.\n";
    return exit_usage;
  }
  if (db_opt->count() > 0) ctx.db_named = true;
  // Like hledger: `-o pledges.csv` writes CSV unless --format says otherwise.
  if (format_opt->count() == 0)
    if (auto f = format_for_output_file(ctx.output)) ctx.format = *f;
  try {
    if (!pending_action()) return exit_usage;
    return pending_action()();
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_usage;
  } catch (const pledgedb::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_error;
  } catch (const SQLite::Exception& e) {
    std::cerr << "error: database " << ctx.db_path << ": " << e.what() << "\n";
    return exit_error;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return exit_error;
  }
}
