#pragma once
// Internals shared by the number and money scanners (src/extract/numbers.cpp, money.cpp).
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

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

// For tests of the number-word look-up, whose quick filters (first letters and length, last
// letters and length) may only turn away words it would not read anyway: the lexicon's
// spellings, and a word's reading (clitics included) with those filters or without them.
struct NumberWordReading {
  int kind = 0;
  double value = 0;
  std::size_t skip = 0;  // bytes of clitic before the number word
  bool conj = false;
  bool operator==(const NumberWordReading&) const = default;
};
std::vector<std::string_view> number_word_spellings();
std::optional<NumberWordReading> read_number_word(std::string_view word, std::string_view lang, bool filtered);

}  // namespace pledgedb::extract::detail
