// `pledgedb parties`, `pledgedb party merge KEEP OTHER`, and `alias add party ID TEXT`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <iostream>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/store/parties.hpp"
#if __has_include("cli/alias_party.hpp")
#include "cli/alias_party.hpp"
#endif

namespace pledgedb::cli {

namespace {
std::int64_t party_id(const std::string& s) {
  std::int64_t v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end || v <= 0) throw UsageError(fmt::format("party id '{}' is not a positive whole number", s));
  return v;
}
report::Cell text_or_null(const std::string& s) { return s.empty() ? report::Cell{} : report::Cell{s}; }
struct MergeArgs {
  std::string keep, other;
};
}  // namespace

int alias_add_party(const Context& ctx, const std::string& id, const std::string& text) {
  const auto pid = party_id(id);
  auto db = open_db(ctx);
  store::WriteTransaction tx(db);
  const auto party = store::get_party(db, pid);
  const bool added = store::add_party_alias(db, pid, text, "user");
  tx.commit();
  if (!ctx.quiet)
    std::cerr << (added ? fmt::format("added alias '{}' to party {} ({})\n", text, pid, party.name)
                        : fmt::format("party {} ({}) already has alias '{}'\n", pid, party.name, text));
  return exit_ok;
}

static Registrar parties_reg(70, [](CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("parties", "List parties with their aliases and agreement counts");
  on_run(cmd, [&ctx] {
    auto db = open_db(ctx);
    using report::ColumnType;
    report::Table t;
    t.columns = {{"id", ColumnType::integer}, {"name", ColumnType::text},    {"kind", ColumnType::text},
                 {"country", ColumnType::text}, {"aliases", ColumnType::json}, {"agreements", ColumnType::integer}};
    for (const auto& p : store::list_parties(db))
      t.rows.push_back({p.id, p.name, p.kind, text_or_null(p.country), nlohmann::json(p.aliases), p.agreements});
    ctx.emit(t);
    return exit_ok;
  });

  auto args = std::make_shared<MergeArgs>();
  auto* party = app.add_subcommand("party", "Party maintenance");
  party->require_subcommand(1);
  auto* merge = party->add_subcommand("merge", "Merge party OTHER into KEEP (every reference moves, aliases are kept)");
  merge->add_option("keep", args->keep, "Party id to keep")->required();
  merge->add_option("other", args->other, "Party id to merge into KEEP and delete")->required();
  on_run(merge, [&ctx, args] {
    const auto keep = party_id(args->keep), other = party_id(args->other);
    if (keep == other) throw UsageError("party merge: KEEP and OTHER are the same party");
    auto db = open_db(ctx);
    store::merge_parties(db, keep, other);
    if (!ctx.quiet) std::cerr << fmt::format("merged party {} into {}\n", other, keep);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
