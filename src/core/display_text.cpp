#include "pledgedb/display_text.hpp"

#include <fmt/format.h>

namespace pledgedb {
namespace {

std::string control_name(char32_t cp) {
  switch (cp) {
    case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C: return "POP DIRECTIONAL FORMATTING";
    case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068: return "FIRST STRONG ISOLATE";
    case 0x2069: return "POP DIRECTIONAL ISOLATE";
    default: return "control character";
  }
}

}  // namespace

// Scans bytes, not code points: every character looked for has a fixed UTF-8 form, and the
// input is already valid UTF-8 wherever this is called.
std::optional<DisplayControl> find_display_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return DisplayControl{i, c};
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9F) return DisplayControl{i, d};
    }
    if (c == 0xE2 && i + 2 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x80 && e >= 0xAA && e <= 0xAE) return DisplayControl{i, static_cast<char32_t>(0x2000 + (e - 0x80))};
      if (d == 0x81 && e >= 0xA6 && e <= 0xA9) return DisplayControl{i, static_cast<char32_t>(0x2040 + (e - 0x80))};
    }
  }
  return std::nullopt;
}

std::string describe_display_control(const DisplayControl& found, std::string_view what) {
  const bool bidi = found.code_point >= 0x2000;
  return fmt::format("contains the invisible {} U+{:04X}{} at byte {}; {} must not hold {} (they can make one "
                     "name display as another); remove it",
                     bidi ? "bidirectional control" : "control character", static_cast<unsigned>(found.code_point),
                     bidi ? " (" + control_name(found.code_point) + ")" : std::string(), found.offset, what,
                     bidi ? "bidirectional controls" : "control characters");
}

}  // namespace pledgedb
