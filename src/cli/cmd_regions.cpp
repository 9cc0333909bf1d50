// `pledgedb regions [--country CC] [--search TEXT] [--all | --level N] [--sync]` and
// `pledgedb alias add region CODE TEXT [--lang L] [--as name|city|former]` (the party half of
// `alias add` is alias_add_party, in cmd_parties.cpp).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/alias_party.hpp"
#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/report/table.hpp"
#include "pledgedb/store/regions.hpp"

namespace pledgedb::cli {

namespace {

struct RegionsArgs {
  std::string country, search;
  bool all = false, sync = false;
  int level = -1;
};

struct AliasArgs {
  std::string kind, id, text, lang, as = "name";
};

report::Table regions_table(const std::vector<geo::Region>& regions) {
  using report::ColumnType;
  report::Table t;
  t.columns = {{"code", ColumnType::text}, {"name", ColumnType::text}, {"type", ColumnType::text}, {"parent", ColumnType::text}};
  for (const auto& r : regions)
    t.rows.push_back({r.code, r.name, r.type, r.parent.empty() ? report::Cell{} : report::Cell{r.parent}});
  return t;
}

int run_regions(const Context& ctx, const RegionsArgs& a) {
  auto db = open_db(ctx);
  if (a.sync) {
    const auto changed = store::sync_regions(db);
    if (!ctx.quiet) std::cerr << fmt::format("{}: {} region or alias row{} added or corrected\n", db.path(), changed,
                                             changed == 1 ? "" : "s");
  }
  store::RegionQuery q;
  q.country = a.country;
  q.search = a.search;
  // Without a search, list one level: the countries, or a country's first-level regions.
  if (a.level >= 0) q.level = a.level;
  else if (a.all || !a.search.empty()) q.level = -1;
  else q.level = a.country.empty() ? 0 : 1;
  if (!a.country.empty() && store::list_regions(db, store::RegionQuery{a.country, "", 0}).empty())
    throw NotFoundError(fmt::format("--country '{}': no such ISO 3166-1 alpha-2 country code", a.country));
  auto regions = store::list_regions(db, q);
  if (regions.empty() && !a.search.empty() && !ctx.quiet)
    std::cerr << fmt::format("no region matches '{}'{}\n", a.search,
                             a.country.empty() ? std::string() : " in " + a.country);
  ctx.emit(regions_table(regions));
  return exit_ok;
}

int run_alias_add(const Context& ctx, const AliasArgs& a) {
  if (a.kind == "party") {
    if (!a.lang.empty()) throw UsageError("--lang applies to region aliases only");
    return alias_add_party(ctx, a.id, a.text);
  }
  const auto kind = geo::parse_alias_kind(a.as);
  if (!kind) throw UsageError(fmt::format("--as '{}': expected name, city or former", a.as));
  auto db = open_db(ctx);
  store::WriteTransaction tx(db);
  const bool added = store::add_region_alias(db, a.id, a.text, a.lang, *kind);
  const auto region = store::list_regions(db, "", a.id);
  tx.commit();
  if (!ctx.quiet) {
    const std::string what = region.empty() ? a.id : region.front().code + " (" + region.front().name + ")";
    std::cerr << (added ? fmt::format("added alias '{}' to region {}\n", a.text, what)
                        : fmt::format("region {} already has alias '{}'\n", what, a.text));
  }
  return exit_ok;
}

}  // namespace

static Registrar regions_reg(72, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<RegionsArgs>();
  auto* cmd = app.add_subcommand("regions", "List countries and regions (ISO 3166) and find them by any spelling");
  cmd->add_option("--country,-c", args->country,
                  "Only this country (ISO 3166-1 alpha-2, e.g. MA): its first-level regions unless --all or --level");
  cmd->add_option("--search,-s", args->search,
                  "A code or any spelling in any script (\"جهة الدار البيضاء سطات\", \"Grand Casablanca\", a city); "
                  "Latin text also matches part of a name");
  auto* all = cmd->add_flag("--all", args->all, "Every level: regions, provinces, prefectures...");
  cmd->add_option("--level", args->level, "Only this depth: 0 countries, 1 first-level regions, 2 provinces...")
      ->check(CLI::Range(0, 9))
      ->excludes(all);
  cmd->add_flag("--sync", args->sync,
                "First load the built-in regions and spellings this pledgedb knows into the database "
                "(keeps users' aliases)");
  on_run(cmd, [&ctx, args] { return run_regions(ctx, *args); });
});

static Registrar alias_reg(74, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AliasArgs>();
  auto* alias = app.add_subcommand("alias", "Teach pledgedb another spelling of a region or a party");
  alias->require_subcommand(1);
  auto* add = alias->add_subcommand("add", "alias add region CODE TEXT [--lang L] | alias add party ID TEXT");
  add->add_option("kind", args->kind, "region or party")->required()->check(CLI::IsMember({"region", "party"}));
  add->add_option("id", args->id, "Region code (MA-06, MA-CAS) or party id")->required();
  add->add_option("text", args->text, "The spelling, in any script")->required();
  add->add_option("--lang", args->lang, "Language of a region alias: ar, fr, en... (optional)");
  add->add_option("--as", args->as, "What a region alias is: name (default), city (a place inside it), former");
  on_run(add, [&ctx, args] { return run_alias_add(ctx, *args); });
});

}  // namespace pledgedb::cli
