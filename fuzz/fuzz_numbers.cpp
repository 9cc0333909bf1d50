// Fuzzes the number and money finders on normalized text: spans must be ordered, inside the
// input and non-overlapping; values finite and non-negative.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/extract/numbers.hpp"
#include "pledgedb/text/normalize.hpp"
#include "pledgedb/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (pledgedb::text::find_invalid_utf8(in) != pledgedb::text::npos) return 0;
  const auto norm = pledgedb::text::normalize(in);
  for (const char* lang : {"ar", "fr", "en"}) {
    std::size_t last = 0;
    for (const auto& m : pledgedb::extract::find_numbers(norm.text, lang)) {
      if (m.begin < last || m.end <= m.begin || m.end > norm.text.size() || !std::isfinite(m.value) || m.value < 0)
        std::abort();
      last = m.end;
    }
    for (const auto& m : pledgedb::extract::find_money(norm.text, lang))
      if (m.end <= m.begin || m.end > norm.text.size() || !std::isfinite(m.amount) || m.currency.size() != 3) std::abort();
    (void)pledgedb::extract::parse_number(norm.text, lang);
  }
  return 0;
}
