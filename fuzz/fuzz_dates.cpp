// Fuzzes date and deadline finders with a fixed reference date: spans inside the input,
// resolved deadlines real dates.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/extract/dates.hpp"
#include "pledgedb/text/normalize.hpp"
#include "pledgedb/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (pledgedb::text::find_invalid_utf8(in) != pledgedb::text::npos) return 0;
  const auto norm = pledgedb::text::normalize(in);
  const pledgedb::Date ref(2024, 2, 29);
  for (const char* lang : {"ar", "fr", "en"}) {
    for (const auto& m : pledgedb::extract::find_dates(norm.text, lang, ref))
      if (m.end <= m.begin || m.end > norm.text.size()) std::abort();
    for (const auto& m : pledgedb::extract::find_deadlines(norm.text, lang, ref)) {
      if (m.end <= m.begin || m.end > norm.text.size()) std::abort();
      if (m.deadline && !pledgedb::Date::valid(m.deadline->year(), m.deadline->month(), m.deadline->day())) std::abort();
    }
    (void)pledgedb::extract::find_deadlines(norm.text, lang, std::nullopt);
  }
  return 0;
}
