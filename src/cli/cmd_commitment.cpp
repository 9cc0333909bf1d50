// `pledgedb commitment set ID ...`: a manual correction recorded as a claim (audit trail).
#include <fmt/format.h>

#include <iostream>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/store/commitments.hpp"

namespace pledgedb::cli {

namespace {
struct SetArgs {
  std::int64_t id = 0;
  std::optional<double> target;
  std::string deadline, status, note;
};
}  // namespace

static Registrar commitment_reg(51, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SetArgs>();
  auto* cmd = app.add_subcommand("commitment", "Correct a commitment by hand");
  cmd->require_subcommand(1);
  auto* set = cmd->add_subcommand("set", "Record a manual claim (target, deadline, status) and recompile the commitment");
  set->add_option("id", args->id, "Commitment id")->required()->check(CLI::PositiveNumber);
  set->add_option("--target", args->target, "New target")->check(CLI::NonNegativeNumber);
  set->add_option("--deadline", args->deadline, "New deadline (YYYY-MM-DD)");
  set->add_option("--status", args->status, "cancelled, withdrawn or suspended")
      ->check(CLI::IsMember({"cancelled", "withdrawn", "suspended"}));
  set->add_option("--note", args->note, "Why (kept with the claim)");
  on_run(set, [&ctx, args] {
    store::ManualChange change;
    change.target = args->target;
    if (!args->deadline.empty()) {
      change.deadline = Date::try_parse(args->deadline);
      if (!change.deadline) throw UsageError(fmt::format("--deadline: '{}' is not a date (expected YYYY-MM-DD)", args->deadline));
    }
    if (!args->status.empty()) change.status = parse_manual_status(args->status);
    change.note = args->note;
    if (!change.target && !change.deadline && !change.status && change.note.empty())
      throw UsageError("commitment set: give at least one of --target, --deadline, --status, --note");
    auto db = open_db(ctx);
    const auto claim = store::set_commitment(db, args->id, change, ctx.as_of());
    if (!ctx.quiet) std::cerr << fmt::format("recorded manual claim {} on commitment {}\n", claim, args->id);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
