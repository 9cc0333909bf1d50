// `pledgedb ingest PATH...`: stores announcements (documents or announcement JSON).
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/open_db.hpp"
#include "pledgedb/ingest/ingest.hpp"

namespace pledgedb::cli {

namespace {
struct IngestArgs {
  std::vector<std::string> paths;
  std::string published;
  std::string lang;
  unsigned jobs = 1;
  std::size_t max_bytes = 10 * 1024 * 1024;
};
}  // namespace

static Registrar ingest_reg(20, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand("ingest", "Store announcements from files, folders or - (stdin)");
  cmd->add_option("paths", args->paths, "Files (.txt .md .html .json .ndjson), folders, or - for stdin")->required();
  cmd->add_option("--published", args->published, "Publication date for documents that do not state one (YYYY-MM-DD)");
  cmd->add_option("--lang", args->lang, "Language of the documents (ar, fr, en...)");
  cmd->add_option("--jobs,-j", args->jobs, "Reader/extractor threads (storing stays in input order)")->check(CLI::Range(1u, 64u));
  cmd->add_option("--max-bytes", args->max_bytes, "Refuse files larger than this")->check(CLI::PositiveNumber);
  on_run(cmd, [&ctx, args] {
    ingest::IngestOptions o;
    if (!args->published.empty()) {
      o.published = Date::try_parse(args->published);
      if (!o.published) throw UsageError(fmt::format("--published: '{}' is not a date (expected YYYY-MM-DD)", args->published));
    }
    o.language = args->lang;
    o.jobs = args->jobs;
    o.max_bytes = args->max_bytes;
    auto db = open_db(ctx);
    const bool show_progress = !ctx.quiet && isatty(STDERR_FILENO);
    auto on_outcome = [&](const ingest::FileOutcome& f) {
      if (show_progress) std::cerr << "\r\033[K";
      if (!f.ok) std::cerr << "error: " << f.error << "\n";
      for (const auto& u : f.result.unlinked)
        std::cerr << fmt::format("{}: {}: unlinked progress ({} {} {}{}): {}; {}\n", u.kept ? "note" : "warning", f.name,
                                 u.party.empty() ? "unknown party" : u.party, to_string(u.metric), u.value,
                                 u.as_of ? " as of " + u.as_of->to_string() : std::string{}, u.reason,
                                 u.kept ? "kept, and linked when its pledge is ingested" : "not stored");
      if (show_progress) std::cerr << fmt::format("ingesting: {} done, {}", f.done, f.name) << std::flush;
    };
    const auto sum = ingest::ingest_paths(db, args->paths, o, on_outcome);
    if (show_progress) std::cerr << "\r\033[K";
    if (!ctx.quiet)
      std::cerr << fmt::format("ingested {} files: {} new agreements, {} merged, {} progress, {} unchanged, {} rejected\n",
                               sum.inputs, sum.new_agreements, sum.merged, sum.progress, sum.unchanged, sum.rejected);
    if (sum.waiting > 0 && !ctx.quiet)
      std::cerr << fmt::format("{} progress statements wait for their pledge (linked when it is ingested)\n", sum.waiting);
    if (sum.unlinked > 0 && !ctx.quiet) std::cerr << fmt::format("{} unlinked progress statements not stored\n", sum.unlinked);
    if (sum.inputs == 0) {
      // Only folders can yield nothing (a named file is always an input): name them.
      std::string named;
      for (const auto& p : args->paths) named += (named.empty() ? "" : ", ") + p;
      std::cerr << fmt::format("error: {}: no documents found (looked for .txt .md .markdown .html .htm .json .ndjson)\n",
                               named);
      return exit_error;
    }
    if (sum.rejected == 0) return exit_ok;
    return sum.rejected < sum.inputs ? exit_partial : exit_error;
  });
});

}  // namespace pledgedb::cli
