// `pledgedb eval DIR...`: runs the extractor on annotated articles and scores it per language
// and slot (precision, recall, F1); see include/pledgedb/extract/eval.hpp for the rules.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "pledgedb/announcement_json.hpp"
#include "pledgedb/error.hpp"
#include "pledgedb/extract/eval.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/ingest/readers.hpp"

namespace pledgedb::cli {

namespace {
struct EvalArgs {
  std::vector<std::string> dirs;
  bool mismatches = false;
};

report::Cell ratio(std::optional<double> v) {
  if (!v) return std::monostate{};
  return std::round(*v * 1000.0) / 1000.0;
}
}  // namespace

static Registrar eval_reg(90, [](CLI::App& app, Context& ctx) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "Score the extractor against annotated announcements (*.json)");
  cmd->add_option("dirs", args->dirs, "Folders of annotated *.json files (or single files)")->required();
  cmd->add_flag("--mismatches", args->mismatches,
                "List every error per document (file, slot, fp/fn/wrong, expected, got, evidence) instead of the scores");
  on_run(cmd, [&ctx, args] {
    std::vector<std::filesystem::path> files;
    for (const auto& d : args->dirs) {
      std::filesystem::path p(d);
      std::error_code ec;
      if (std::filesystem::is_directory(p, ec)) {
        for (const auto& e : std::filesystem::directory_iterator(p))
          if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
      } else if (std::filesystem::is_regular_file(p, ec)) {
        files.push_back(p);
      } else {
        throw InputError(fmt::format("{}: no such file or folder", d));
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw InputError("eval: no annotated *.json files in the given folders");
    std::vector<extract::EvalCase> cases;
    for (const auto& f : files) {
      const std::string name = f.string();
      const std::string bytes = ingest::read_file_bytes(name, 64 * 1024 * 1024);
      extract::EvalCase k;
      k.name = name;
      k.gold = announcement_from_json(bytes, name);
      k.predicted = extract::extract(extract::document_from_annotation(k.gold, name));
      cases.push_back(std::move(k));
    }
    if (args->mismatches) {
      report::Table m;
      m.columns = {{"file", report::ColumnType::text},     {"language", report::ColumnType::text},
                   {"slot", report::ColumnType::text},     {"error", report::ColumnType::text},
                   {"expected", report::ColumnType::text}, {"got", report::ColumnType::text},
                   {"evidence", report::ColumnType::text}};
      for (auto& x : extract::mismatches(cases))
        m.rows.push_back({std::filesystem::path(x.file).filename().string(), x.language, x.slot, x.error, x.expected,
                          x.got, x.evidence});
      ctx.emit(m);
      return exit_ok;
    }
    report::Table t;
    t.columns = {{"language", report::ColumnType::text}, {"slot", report::ColumnType::text},
                 {"tp", report::ColumnType::integer},    {"fp", report::ColumnType::integer},
                 {"fn", report::ColumnType::integer},    {"precision", report::ColumnType::number},
                 {"recall", report::ColumnType::number}, {"f1", report::ColumnType::number}};
    for (const auto& s : extract::evaluate(cases))
      t.rows.push_back({s.language, s.slot, static_cast<std::int64_t>(s.tp), static_cast<std::int64_t>(s.fp),
                        static_cast<std::int64_t>(s.fn), ratio(s.precision()), ratio(s.recall()), ratio(s.f1())});
    ctx.emit(t);
    if (!ctx.quiet) std::cerr << fmt::format("{} annotated files\n", cases.size());
    return exit_ok;
  });
});

}  // namespace pledgedb::cli
