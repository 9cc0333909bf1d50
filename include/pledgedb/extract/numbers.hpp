#pragma once
// Number and money mentions in normalized text (text::normalize output), in ar/fr/en(/es).
// Offsets are byte offsets into the normalized text.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pledgedb::extract {

struct NumberMatch {
  std::size_t begin = 0, end = 0;  // the whole expression, scale words included
  double value = 0;                // fully expanded: "1,5 milliard" -> 1500000000
  bool words = false;              // written (partly) in words: "cinq cents", "خمسمائة", "2 millions"
  bool scaled = false;             // had a scale word or suffix (million, مليار, Md, bn, k, crore)
  bool percent = false;            // followed by %, pour cent, percent, في المائة
  bool year_like = false;          // four plain digits 1900..2100 without grouping or scale
};

// Every number expression, left to right, non-overlapping, longest first. Never backtracks:
// linear in the input.
std::vector<NumberMatch> find_numbers(std::string_view normalized, std::string_view lang);

// The whole of `s` as one number, or nullopt if any part is left over (no silent prefix parse).
std::optional<double> parse_number(std::string_view s, std::string_view lang);

struct MoneyMatch {
  std::size_t begin = 0, end = 0;  // number + currency (+ "de"/"d'"/"من" between them)
  double amount = 0;
  std::string currency;  // ISO 4217: MAD, USD, EUR, GBP, INR, SAR, AED, KES, MXN, CNY...
  bool words = false;
};

// Amounts with a currency before or after the number: "5 milliards de dirhams", "$6.5 billion",
// "Md€ 1,2", "11 مليار درهم", "Rs 41,000 crore". Dirham is MAD unless the text says Emirati/UAE.
std::vector<MoneyMatch> find_money(std::string_view normalized, std::string_view lang);
// The same from the numbers find_numbers(normalized, lang) already returned (saves a second scan).
std::vector<MoneyMatch> find_money(std::string_view normalized, std::string_view lang,
                                   const std::vector<NumberMatch>& numbers);

}  // namespace pledgedb::extract
