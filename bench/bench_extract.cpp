// pledgedb-bench-extract: single-thread extraction throughput per language on a generated
// corpus, and the accuracy of what was extracted against the generator's ground truth.
//
//   pledgedb-bench-extract DIR [--repeat N] [--limit N] [--plain]
//
// DIR is a pledgedb-gen --format md output (NNNN/*.md + truth.ndjson). Files are read and
// parsed first; only extract() is timed: MB/s by wall time, cpu_MB/s by processor time (the
// figure to compare on a shared, loaded machine). With --plain, DIR is any folder of
// announcements (txt, md, html, json; real articles are longer than generated ones): only the
// speed is measured, per detected language.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pledgedb/error.hpp"
#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/ingest/readers.hpp"

namespace {

struct Truth {
  std::string language;
  std::string region_code;
  std::vector<std::tuple<std::string, double, std::string>> commitments;  // metric, target, deadline
  std::vector<std::pair<std::string, double>> progress;
};

struct Score {
  long tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

bool close(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(std::fabs(a), std::fabs(b)); }

// Median wall and processor seconds of `repeat` passes of extract() over docs.
std::pair<double, double> time_passes(const std::vector<pledgedb::Document>& docs, int repeat) {
  std::vector<double> runs, cpu_runs;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    for (const auto& d : docs) (void)pledgedb::extract::extract(d);
    cpu_runs.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(runs.begin(), runs.end());
  std::sort(cpu_runs.begin(), cpu_runs.end());
  return {runs[runs.size() / 2], cpu_runs[cpu_runs.size() / 2]};
}

int time_plain(const std::string& dir, int repeat, long limit) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (limit && static_cast<long>(files.size()) > limit) files.resize(static_cast<std::size_t>(limit));
  std::map<std::string, std::vector<pledgedb::Document>> docs;  // by detected language
  std::map<std::string, std::size_t> bytes;
  for (const auto& f : files) {
    try {
      auto doc = pledgedb::ingest::read_document(f.string(), {});
      const std::string lang = pledgedb::extract::extract(doc).language;
      bytes[lang] += doc.text.size();
      docs[lang].push_back(std::move(doc));
    } catch (const pledgedb::Error& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 1;
    }
  }
  fmt::print("{:<6} {:>8} {:>10} {:>10} {:>10}\n", "lang", "docs", "MB", "MB/s", "cpu_MB/s");
  std::size_t all_bytes = 0, all_docs = 0;
  double all_seconds = 0, all_cpu = 0;
  for (const auto& [lang, list] : docs) {
    const auto [secs, cpu] = time_passes(list, repeat);
    all_bytes += bytes[lang], all_docs += list.size(), all_seconds += secs, all_cpu += cpu;
    fmt::print("{:<6} {:>8} {:>10.3f} {:>10.1f} {:>10.1f}\n", lang, list.size(), bytes[lang] / 1e6,
               bytes[lang] / 1e6 / secs, cpu > 0 ? bytes[lang] / 1e6 / cpu : 0.0);
  }
  if (all_seconds > 0)
    fmt::print("{:<6} {:>8} {:>10.3f} {:>10.1f} {:>10.1f}\n", "all", all_docs, all_bytes / 1e6,
               all_bytes / 1e6 / all_seconds, all_cpu > 0 ? all_bytes / 1e6 / all_cpu : 0.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  int repeat = 3;
  long limit = 0;
  CLI::App app{"Extraction throughput and accuracy on a pledgedb-gen corpus", "pledgedb-bench-extract"};
  app.add_option("DIR", dir, "pledgedb-gen --format md output")->required();
  app.add_option("--repeat", repeat, "Timed passes (the median is reported)")->check(CLI::Range(1, 10000));
  app.add_option("--limit", limit, "Read at most N documents (0 = all)");
  bool plain = false;
  app.add_flag("--plain", plain, "DIR is any folder of announcements, without truth: time only");
  CLI11_PARSE(app, argc, argv);
  if (plain) return time_plain(dir, repeat, limit);

  std::map<std::string, Truth> truth;  // by relative file name
  {
    std::ifstream in(std::filesystem::path(dir) / "truth.ndjson");
    if (!in) {
      std::cerr << "error: " << dir << "/truth.ndjson: cannot open (not a pledgedb-gen md output?)\n";
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      const auto j = nlohmann::json::parse(line);
      Truth t;
      t.language = j["language"];
      t.region_code = j["region_code"];
      for (const auto& c : j["commitments"])
        t.commitments.emplace_back(c["metric"], c["target"].get<double>(),
                                   c["deadline"].is_null() ? std::string() : c["deadline"].get<std::string>());
      for (const auto& p : j["progress"]) t.progress.emplace_back(p["metric"], p["value"].get<double>());
      truth.emplace(j["file"].get<std::string>(), std::move(t));
      if (limit && static_cast<long>(truth.size()) >= limit) break;
    }
  }

  std::map<std::string, std::vector<std::pair<std::string, pledgedb::Document>>> docs;  // by language
  std::map<std::string, std::size_t> bytes;
  for (const auto& [file, t] : truth) {
    try {
      auto doc = pledgedb::ingest::read_document((std::filesystem::path(dir) / file).string(), {});
      bytes[t.language] += doc.text.size();
      docs[t.language].emplace_back(file, std::move(doc));
    } catch (const pledgedb::Error& e) {
      std::cerr << "error: " << e.what() << "\n";
      return 1;
    }
  }

  fmt::print("{:<6} {:>8} {:>10} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}\n", "lang", "docs", "MB", "MB/s",
             "commit_P", "commit_R", "deadl_acc", "region", "progr_P", "progr_R", "cpu_MB/s");
  std::size_t all_bytes = 0;
  double all_seconds = 0, all_cpu = 0;
  for (auto& [lang, list] : docs) {
    // Wall time, and processor time (on a loaded machine the wall time also counts the time the
    // thread waited for a core).
    std::vector<double> runs, cpu_runs;
    std::vector<pledgedb::Announcement> out(list.size());
    for (int r = 0; r < repeat; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::clock_t c0 = std::clock();
      for (std::size_t i = 0; i < list.size(); ++i) out[i] = pledgedb::extract::extract(list[i].second);
      cpu_runs.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
      runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(runs.begin(), runs.end());
    std::sort(cpu_runs.begin(), cpu_runs.end());
    const double secs = runs[runs.size() / 2];
    const double cpu = cpu_runs[cpu_runs.size() / 2];
    all_bytes += bytes[lang];
    all_seconds += secs;
    all_cpu += cpu;

    Score commits, progress;
    long deadline_ok = 0, deadline_total = 0, region_ok = 0, region_total = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Truth& t = truth.at(list[i].first);
      std::vector<const pledgedb::Commitment*> pred;
      std::string region;
      for (const auto& a : out[i].agreements) {
        if (region.empty()) region = a.region_code;
        for (const auto& c : a.commitments)
          if (c.target && (c.metric == pledgedb::Metric::jobs || c.metric == pledgedb::Metric::investment))
            pred.push_back(&c);
      }
      std::set<std::size_t> used;
      for (const auto& [metric, target, deadline] : t.commitments) {
        bool found = false;
        for (std::size_t k = 0; k < pred.size() && !found; ++k) {
          if (used.count(k) || pledgedb::to_string(pred[k]->metric) != metric || !close(*pred[k]->target, target)) continue;
          used.insert(k);
          found = true;
          if (!deadline.empty()) {
            ++deadline_total;
            if (pred[k]->deadline && pred[k]->deadline->to_string() == deadline) ++deadline_ok;
          }
        }
        (found ? commits.tp : commits.fn)++;
      }
      commits.fp += static_cast<long>(pred.size() - used.size());
      if (!t.commitments.empty()) {
        ++region_total;
        if (region == t.region_code) ++region_ok;
      }
      std::set<std::size_t> pused;
      for (const auto& [metric, value] : t.progress) {
        bool found = false;
        for (std::size_t k = 0; k < out[i].progress.size() && !found; ++k)
          if (!pused.count(k) && pledgedb::to_string(out[i].progress[k].metric) == metric &&
              close(out[i].progress[k].value, value))
            pused.insert(k), found = true;
        (found ? progress.tp : progress.fn)++;
      }
      progress.fp += static_cast<long>(out[i].progress.size() - pused.size());
    }
    fmt::print("{:<6} {:>8} {:>10.2f} {:>10.1f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>10.1f}\n", lang,
               list.size(), bytes[lang] / 1e6, bytes[lang] / 1e6 / secs, commits.precision(), commits.recall(),
               deadline_total ? double(deadline_ok) / double(deadline_total) : 1.0,
               region_total ? double(region_ok) / double(region_total) : 1.0, progress.precision(), progress.recall(),
               cpu > 0 ? bytes[lang] / 1e6 / cpu : 0.0);
  }
  if (all_seconds > 0)
    fmt::print("{:<6} {:>8} {:>10.2f} {:>10.1f} {:>59} {:>10.1f}\n", "all", truth.size(), all_bytes / 1e6,
               all_bytes / 1e6 / all_seconds, "", all_cpu > 0 ? all_bytes / 1e6 / all_cpu : 0.0);
  return 0;
}
