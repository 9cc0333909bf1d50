#pragma once
// Internals shared by the number and money scanners (src/extract/numbers.cpp, money.cpp).
#include <cstddef>
#include <optional>
#include <string_view>

namespace pledgedb::extract::detail {

// ASCII lower case; Latin-1 capitals lowered; Arabic أ إ آ ٱ -> ا, ة -> ه, ى -> ي. Same length
// as the input; returns an empty view when the word does not fit in `cap` bytes.
std::string_view lookup_key(std::string_view word, char* buf, std::size_t cap);

// End of the run of letters (ASCII, Latin-1/Extended-A/B, Arabic) starting at i; i if none.
std::size_t word_end(std::string_view s, std::size_t i);
// Start of the run of letters ending at e.
std::size_t word_begin(std::string_view s, std::size_t e);
bool is_letter_at(std::string_view s, std::size_t i);

struct CurrencyHit {
  std::size_t begin = 0, end = 0;
  std::string_view iso;  // static storage
  double scale = 1;      // MDH = 1e6, MMDH / Md€ = 1e9
};

// A currency starting at i (symbol, code or word, with a following or preceding nationality
// word: "dirhams émiratis", "UAE dirhams", "dollars américains").
std::optional<CurrencyHit> currency_at(std::string_view s, std::size_t i, std::string_view lang);
// A currency ending at e (spaces before e skipped): "$", "US$", "€", "Rs.", "USD", "Md€".
std::optional<CurrencyHit> currency_before(std::string_view s, std::size_t e);

}  // namespace pledgedb::extract::detail
