// `pledgedb progress add|list`: dated observations of achieved values.
#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/store/commitments.hpp"

namespace pledgedb::cli {

namespace {
struct ProgressArgs {
  std::int64_t commitment = 0;
  double value = 0;
  std::string as_of, source, note;
  std::int64_t list_commitment = 0;
};
report::Cell text_or_null(const std::string& s) { return s.empty() ? report::Cell{} : report::Cell{s}; }
}  // namespace

static Registrar progress_reg(50, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ProgressArgs>();
  auto* cmd = app.add_subcommand("progress", "Record or list progress on commitments");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand("add", "Record an observed value (cumulative) for a commitment");
  add->add_option("commitment", args->commitment, "Commitment id")->required()->check(CLI::PositiveNumber);
  add->add_option("value", args->value, "Achieved value so far")->required()->check(CLI::NonNegativeNumber);
  add->add_option("--as-of", args->as_of, "Date of the observation (YYYY-MM-DD)")->required();
  add->add_option("--source", args->source, "URL of the document that reports it");
  add->add_option("--note", args->note, "Free text");
  on_run(add, [&ctx, args] {
    const auto d = Date::try_parse(args->as_of);
    if (!d) throw UsageError(fmt::format("--as-of: '{}' is not a date (expected YYYY-MM-DD)", args->as_of));
    auto db = open_db(ctx);
    const auto id = store::add_manual_progress(db, args->commitment, args->value, *d, args->source, args->note);
    if (!ctx.quiet) std::cerr << fmt::format("recorded progress {} on commitment {}\n", id, args->commitment);
    return exit_ok;
  });
  auto* list = cmd->add_subcommand("list", "List progress observations (of one commitment when given)");
  list->add_option("commitment", args->list_commitment, "Commitment id")->check(CLI::PositiveNumber);
  on_run(list, [&ctx, args] {
    auto db = open_db(ctx);
    std::optional<std::int64_t> which;
    if (args->list_commitment > 0) {
      store::get_commitment(db, args->list_commitment);  // unknown id -> error, not an empty list
      which = args->list_commitment;
    }
    using report::ColumnType;
    report::Table t;
    t.columns = {{"id", ColumnType::integer},   {"commitment_id", ColumnType::integer}, {"as_of", ColumnType::date},
                 {"value", ColumnType::number}, {"unit", ColumnType::text},             {"origin", ColumnType::text},
                 {"source_id", ColumnType::integer}, {"source_url", ColumnType::text},  {"note", ColumnType::text}};
    for (const auto& p : store::list_progress(db, which))
      t.rows.push_back({p.id, p.commitment_id, p.as_of.to_string(), p.value, text_or_null(p.unit), p.origin,
                        p.source_id ? report::Cell{*p.source_id} : report::Cell{}, text_or_null(p.source_url),
                        text_or_null(p.note)});
    ctx.emit(t);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
