// Fuzzes UTF-8 validation, normalization and folding: the offset map must be monotonic and
// cover the original exactly; fold must be idempotent.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/text/normalize.hpp"
#include "pledgedb/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (pledgedb::text::find_invalid_utf8(in) != pledgedb::text::npos) return 0;
  const auto norm = pledgedb::text::normalize(in);
  if (norm.to_original(norm.text.size()) != in.size()) std::abort();
  for (std::size_t i = 1; i <= norm.text.size(); ++i)
    if (norm.to_original(i) < norm.to_original(i - 1)) std::abort();
  if (pledgedb::text::find_invalid_utf8(norm.text) != pledgedb::text::npos) std::abort();
  const auto key = pledgedb::text::fold(in);
  if (pledgedb::text::fold(key) != key) std::abort();
  (void)pledgedb::text::detect_language(in);
  return 0;
}
