// `pledgedb search TEXT`: full-text search over the stored sources.
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/store/sources.hpp"

namespace pledgedb::cli {

namespace {
struct SearchArgs {
  std::vector<std::string> words;
  int limit = 100;
};
report::Cell text_or_null(const std::string& s) { return s.empty() ? report::Cell{} : report::Cell{s}; }
}  // namespace

static Registrar search_reg(60, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "Search the text of stored sources (every word must occur)");
  cmd->add_option("text", args->words, "Words to look for")->required();
  cmd->add_option("--limit", args->limit, "At most this many sources")->check(CLI::PositiveNumber);
  on_run(cmd, [&ctx, args] {
    std::string text;
    for (const auto& w : args->words) text += (text.empty() ? "" : " ") + w;
    auto db = open_db(ctx);
    using report::ColumnType;
    report::Table t;
    t.columns = {{"id", ColumnType::integer}, {"url", ColumnType::text},     {"outlet", ColumnType::text},
                 {"published", ColumnType::date}, {"snippet", ColumnType::text}, {"agreements", ColumnType::json}};
    for (const auto& h : store::search_sources(db, text, args->limit)) {
      nlohmann::json ids = nlohmann::json::array();
      for (auto id : h.agreements) ids.push_back(id);
      t.rows.push_back({h.id, text_or_null(h.url), text_or_null(h.outlet),
                        h.published ? report::Cell{h.published->to_string()} : report::Cell{}, h.snippet, ids});
    }
    ctx.emit(t);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
