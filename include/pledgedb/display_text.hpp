#pragma once
// Names, titles and outlets are shown in tables, terminals and HTML: invisible characters that
// change how they display (bidi embeddings/overrides/isolates, the "Trojan source" characters,
// and C0/C1 controls) are refused wherever such a string enters pledgedb.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pledgedb {

struct DisplayControl {
  std::size_t offset = 0;  // UTF-8 byte offset of the character in the string
  char32_t code_point = 0;
};

// The first display control in `s`, if any.
std::optional<DisplayControl> find_display_control(std::string_view s);

// "contains the invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) at byte 4; ..."
// (the caller puts the input and field in front).
std::string describe_display_control(const DisplayControl& found, std::string_view what = "names");

}  // namespace pledgedb
