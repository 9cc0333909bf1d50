#pragma once
// Normalization with an offset map back to the original bytes, and the one folding function
// used for every alias key (regions, parties, programs).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pledgedb::text {

// Text prepared for extraction: Arabic-Indic and Persian digits -> ASCII, ٬ -> ',', ٫ -> '.',
// NBSP/NNBSP/thin and other spaces -> ' ', tatweel and Arabic diacritics removed, dashes -> '-',
// typographic apostrophes -> '\''. Case and letters are kept (names need their capitals).
struct Normalized {
  std::string text;

  // The byte offset in the original of normalized byte i (of the character it belongs to);
  // to_original(text.size()) is the original's size, so a normalized span [b, e) maps to
  // [to_original(b), to_original(e)).
  std::size_t to_original(std::size_t normalized_offset) const;

  // Where the offsets shift: from normalized byte `at` on (up to the next Shift), a character
  // that starts at normalized byte x starts at x + delta in the original. Most texts need few
  // (one per removed or replaced character), so no per-byte map is built.
  struct Shift {
    std::uint32_t at = 0, delta = 0;
  };
  std::vector<Shift> shifts;
};

// Input must be valid UTF-8 (check with require_valid_utf8 first).
Normalized normalize(std::string_view original);

// Matching key: lower case, accents and Arabic diacritics removed, أ إ آ ٱ -> ا, ى -> ي, ة -> ه,
// ؤ -> و, ئ -> ي, tatweel removed, hyphens/dashes/underscores/apostrophes/punctuation and runs of
// spaces -> one space, trimmed. "Casablanca–Settat", "casablanca settat", "CASABLANCA-SETTAT" fold
// to the same key.
std::string fold(std::string_view s);

// "ar", "fr", "en", "es" or "" when unsure, from script and stop words.
std::string detect_language(std::string_view text);

}  // namespace pledgedb::text
