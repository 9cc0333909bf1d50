// `pledgedb extract FILE...`: prints what the extractor finds, as announcement JSON
// (one object for one file, an array for several, one line each with --format ndjson). With
// --db, the parties stored there are recognised by every spelling they were stored under.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/announcement_json.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/ingest/ingest.hpp"
#include "pledgedb/ingest/readers.hpp"

namespace pledgedb::cli {

namespace {
struct ExtractArgs {
  std::vector<std::string> paths;
  std::string lang;
  std::string published;
  std::size_t max_bytes = 10 * 1024 * 1024;
};
}  // namespace

static Registrar extract_reg(25, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "Print the agreements, pledges and progress found in documents (JSON)");
  cmd->add_option("files", args->paths, "Documents (.txt .md .html .json) or - for stdin")->required();
  cmd->add_option("--lang", args->lang, "Language of the documents (ar, fr, en, es)")
      ->check(CLI::IsMember({"ar", "fr", "en", "es"}));
  cmd->add_option("--published", args->published, "Publication date when the document states none (YYYY-MM-DD)");
  cmd->add_option("--max-bytes", args->max_bytes, "Refuse files larger than this")->check(CLI::PositiveNumber);
  on_run(cmd, [&ctx, args] {
    ingest::ReadOptions ro;
    ro.max_bytes = args->max_bytes;
    ro.language = args->lang;
    extract::Options eo;
    eo.language = args->lang;
    // No database is needed; a named one (--db, $PLEDGEDB_DB) teaches the parties' known spellings.
    if (ctx.db_named) {
      auto db = open_db(ctx);
      eo.known_index = ingest::known_party_index(db);
    }
    // Only a fallback: a date the document states wins.
    std::optional<Date> fallback_published;
    if (!args->published.empty()) {
      fallback_published = Date::try_parse(args->published);
      if (!fallback_published)
        throw UsageError(fmt::format("--published: '{}' is not a date (expected YYYY-MM-DD)", args->published));
    }
    const bool ndjson = ctx.format == "ndjson";
    std::vector<nlohmann::ordered_json> out;
    for (const auto& path : args->paths) {
      Document doc = ingest::read_document(path, ro);
      if (!doc.published) doc.published = fallback_published;
      out.push_back(to_json(extract::extract(doc, eo)));
    }
    std::string text;
    if (ndjson) {
      for (const auto& j : out) text += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else if (out.size() == 1) {
      text = out.front().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (auto& j : out) arr.push_back(std::move(j));
      text = arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    ctx.write_output(text);
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
