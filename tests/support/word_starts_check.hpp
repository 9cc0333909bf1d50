#pragma once
// What both word-start tests check: word_starts keeps every word start where a dispatch
// lexicon matches, at the start itself or after one or two clitics (as the scanners dispatch).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pledgedb/extract/dates.hpp"

namespace pledgedb::test {

// Checks every such start of s is in `kept`; returns how many there are (so that a test can
// assert its texts exercise the filter at all).
inline std::size_t check_lexicon_starts_kept(std::string_view s, const extract::date_detail::WordStarts& kept) {
  namespace dd = extract::date_detail;
  const auto& dates = dd::date_dispatch_lexicon();
  const auto& deadlines = dd::deadline_dispatch_lexicon();
  const auto matches = [](const dd::Lexicon& l, std::string_view text, std::size_t at) {
    auto h = l.match(text, at);
    for (int k = 0; !h && k < 2 && dd::is_clitic(text, at); ++k) h = l.match(text, at += 2);
    return h.has_value();
  };
  const auto has = [](const std::vector<std::uint32_t>& v, std::size_t i) {
    return std::find(v.begin(), v.end(), i) != v.end();
  };
  std::size_t matched = 0;
  dd::scan_word_starts(s, [&](std::size_t i) {
    CAPTURE(i);
    if (matches(dates, s, i)) {
      CHECK(has(kept.dates, i));
      ++matched;
    }
    if (matches(deadlines, s, i)) {
      CHECK(has(kept.deadlines, i));
      ++matched;
    }
    return i;
  });
  return matched;
}

}  // namespace pledgedb::test
