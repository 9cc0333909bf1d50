// Fuzzes the Markdown/HTML reader: either a Document with valid UTF-8 text
// or a pledgedb::Error, nothing else.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pledgedb/error.hpp"
#include "pledgedb/ingest/readers.hpp"
#include "pledgedb/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  for (auto format : {pledgedb::InputFormat::html}) {
    try {
      const auto doc = pledgedb::ingest::parse_document(in, "fuzz.html", format, {});
      if (pledgedb::text::find_invalid_utf8(doc.text) != pledgedb::text::npos) std::abort();
    } catch (const pledgedb::Error&) {
    }
  }
  return 0;
}
