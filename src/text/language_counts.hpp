#pragma once
// What detect_language counts in a text. Internal: the tests compare the 16-byte path with the
// plain one through it.
#include <cstddef>
#include <string_view>

namespace pledgedb::text::detail {

struct LanguageCounts {
  std::size_t arabic = 0, latin = 0;  // letters of each script (U+0620..U+06FF; ASCII and U+00C0..U+024F)
  int fr = 0, en = 0, es = 0;         // stop words of each language
  bool arabic_settled = false;        // stopped early: Arabic whatever the rest of the text holds
  bool operator==(const LanguageCounts&) const = default;
};

// bytewise: the plain loop, one character at a time (the reference the 16-byte path must agree
// with); settle: stop as soon as Arabic is certain.
LanguageCounts count_language(std::string_view text, bool bytewise = false, bool settle = true);

}  // namespace pledgedb::text::detail
