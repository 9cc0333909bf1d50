#include "cli/context.hpp"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pledgedb/error.hpp"

namespace pledgedb::cli {

Date Context::as_of() const {
  if (!as_of_text.empty()) {
    auto d = Date::try_parse(as_of_text);
    if (!d) throw UsageError(fmt::format("--as-of: '{}' is not a date (expected YYYY-MM-DD)", as_of_text));
    return *d;
  }
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(today.time_since_epoch().count());
}

report::Format Context::output_format() const {
  auto f = report::parse_format(format);
  if (!f) throw UsageError(fmt::format("--format: '{}' is not one of table, csv, tsv, json, ndjson, md", format));
  return *f;
}

void Context::write_output(const std::string& text) const {
  if (output.empty() || output == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  // Write beside the target, then rename: a reader never sees half a report.
  const std::string tmp = output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw Error(fmt::format("{}: cannot open for writing", output));
    out << text;
    out.flush();
    if (!out) throw Error(fmt::format("{}: write failed", output));
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error(fmt::format("{}: cannot replace the file", output));
  }
}

void Context::emit(const report::Table& table) const {
  std::ostringstream ss;
  report::RenderOptions opts;
  opts.headers = !no_headers;
  report::render(table, output_format(), ss, opts);
  write_output(ss.str());
}

}  // namespace pledgedb::cli
