// Fuzzes the whole extractor on valid UTF-8: every evidence span must be the exact slice of
// the document its offsets name, and every number finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/extract/extractor.hpp"
#include "pledgedb/text/utf8.hpp"

namespace {
void check(const pledgedb::Document& doc, const std::vector<pledgedb::Evidence>& evidence) {
  for (const auto& e : evidence) {
    if (e.start < 0 || e.end < e.start || static_cast<std::size_t>(e.end) > doc.text.size()) std::abort();
    if (doc.text.compare(static_cast<std::size_t>(e.start), static_cast<std::size_t>(e.end - e.start), e.text) != 0)
      std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (pledgedb::text::find_invalid_utf8(in) != pledgedb::text::npos || in.find('\0') != std::string_view::npos) return 0;
  pledgedb::Document doc;
  doc.path = "fuzz.txt";
  doc.text = std::string(in);
  doc.published = pledgedb::Date(2025, 7, 22);
  const auto a = pledgedb::extract::extract(doc);
  for (const auto& ag : a.agreements) {
    check(doc, ag.evidence);
    for (const auto& c : ag.commitments) {
      check(doc, c.evidence);
      if (c.target && (!std::isfinite(*c.target) || *c.target < 0)) std::abort();
    }
  }
  for (const auto& p : a.progress) check(doc, p.evidence);
  return 0;
}
