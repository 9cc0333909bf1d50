#include "pledgedb/date.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pledgedb/error.hpp"

namespace pledgedb {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && leap(year) ? 29 : dim[month - 1];
}

bool Date::valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date::Date(int year, int month, int day) : y_(year), m_(month), d_(day) {
  if (!valid(year, month, day)) throw InputError(fmt::format("invalid date {:04}-{:02}-{:02}", year, month, day));
}

std::optional<Date> Date::try_parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int& out) {
    out = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || !valid(y, m, d)) return std::nullopt;
  return Date(y, m, d);
}

Date Date::parse(std::string_view s) {
  if (auto d = try_parse(s)) return *d;
  throw InputError(fmt::format("invalid date '{}' (expected an existing date as YYYY-MM-DD)", s));
}

// Howard Hinnant's days-from-civil algorithm (public domain description).
std::int64_t Date::days() const {
  const int y = m_ <= 2 ? y_ - 1 : y_;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(m_ > 2 ? m_ - 3 : m_ + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d_) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date Date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

Date Date::add_months(int n) const {
  const int total = y_ * 12 + (m_ - 1) + n;
  const int y = total / 12, m = total % 12 + 1;
  const int d = std::min(d_, days_in_month(y, m));
  return Date(y, m, d);
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", y_, m_, d_); }

}  // namespace pledgedb
