#pragma once
// A proleptic Gregorian calendar date without time zone: the unit of every deadline and as-of date.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pledgedb {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  // Throws InputError unless y/m/d is a real date with 1 <= y <= 9999.
  Date(int year, int month, int day);

  // Strict "YYYY-MM-DD"; throws InputError naming the text otherwise.
  static Date parse(std::string_view iso);
  // Same, but std::nullopt instead of throwing.
  static std::optional<Date> try_parse(std::string_view iso);
  static bool valid(int year, int month, int day);
  static Date from_days(std::int64_t days_since_epoch);

  int year() const { return y_; }
  int month() const { return m_; }
  int day() const { return d_; }
  std::int64_t days() const;  // days since 1970-01-01
  std::string to_string() const;  // YYYY-MM-DD

  Date add_days(std::int64_t n) const { return from_days(days() + n); }
  // Calendar arithmetic; a day past the month's end is clamped (2024-02-29 + 1 year = 2025-02-28).
  Date add_months(int n) const;
  Date add_years(int n) const { return add_months(12 * n); }
  static Date end_of_year(int year) { return Date(year, 12, 31); }

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  int y_ = 1970, m_ = 1, d_ = 1;
};

inline std::int64_t days_between(const Date& a, const Date& b) { return b.days() - a.days(); }
int days_in_month(int year, int month);

}  // namespace pledgedb
