#pragma once
// What every subcommand shares: global options, opening the database, writing rows.
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

#include "pledgedb/date.hpp"
#include "pledgedb/report/table.hpp"

namespace pledgedb::cli {

// Thrown by commands for wrong usage that CLI11 cannot see (exit 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit codes (DESIGN §8).
inline constexpr int exit_ok = 0;
inline constexpr int exit_error = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_partial = 3;

struct Context {
  std::string db_path;       // --db, $PLEDGEDB_DB, ./pledges.db
  bool db_named = false;     // --db or $PLEDGEDB_DB given (not the ./pledges.db default)
  std::string format = "table";
  std::string output;        // -o FILE; empty = stdout
  bool no_headers = false;
  std::string as_of_text;    // --as-of; empty = today
  bool quiet = false;

  // The as-of date: --as-of or today's date (the only place the clock is read).
  Date as_of() const;
  report::Format output_format() const;
  // Renders the table to -o FILE or stdout in the chosen format.
  void emit(const report::Table& table) const;
  // Writes raw text (JSON documents, HTML) to -o FILE or stdout.
  void write_output(const std::string& text) const;
};

// What a subcommand does once parsed; returns the exit code.
using Action = std::function<int()>;

}  // namespace pledgedb::cli

namespace pledgedb::cli {

// Command files register themselves with a static Registrar, so adding a command touches
// only its own file. `order` sorts the help listing.
using Register = std::function<void(CLI::App& app, Context& ctx)>;
struct Registrar {
  Registrar(int order, Register fn);
};

// Sets what runs after a successful parse when `cmd` is the chosen subcommand.
void on_run(CLI::App* cmd, Action action);

}  // namespace pledgedb::cli
