// Fuzzes the announcement JSON reader: valid input must survive a write/read round trip.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/announcement_json.hpp"
#include "pledgedb/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  try {
    const auto a = pledgedb::announcement_from_json(in, "fuzz.json");
    const auto again = pledgedb::announcement_from_json(pledgedb::to_json(a).dump(), "fuzz-roundtrip.json");
    if (again.agreements.size() != a.agreements.size() || again.text != a.text) std::abort();
  } catch (const pledgedb::Error&) {
  }
  return 0;
}
